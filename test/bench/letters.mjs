/**
 * Mail-merge speed (issues 5 and 18): 1,000 clients x 3 invoices into ONE
 * combined .docx (merge models with the décompte + one docxtemplater render
 * of the letters loop + zip), and into a .zip of one .docx per client,
 * each against docxtemplater rendering the same single-letter template 1,000
 * times bare (open, render, zip each), measured in the same run. Targets
 * (issue 18): combined <= 0.5, .zip <= 1.2.
 *
 *   node --expose-gc test/bench/letters.mjs
 *
 * src/ is compiled to CommonJS by the project's TypeScript (buildLib.mjs), no
 * bundler needed.
 */
import { createRequire } from "node:module";
import { buildLib } from "./buildLib.mjs";

const require = createRequire(import.meta.url);
const out = buildLib();
const load = (path) => require(`${out}/src/${path}.js`);
const { toEpochDay } = load("core/calendar");
const { DEFAULT_SCENARIO } = load("core/escalation/scenario");
const { deriveState } = load("core/escalation/state");
const { buildCases } = load("core/escalation/workflow");
const { clientKeyOf } = load("core/ledger/clientKey");
const { creditorProfileSchema } = load("core/letters/profile");
const { buildLetterModel } = load("core/letters/model");
const { builtInTemplate } = load("core/letters/wording");
const { RateBook } = load("core/rates/rateBook");
const { builtInTemplateDocx, DOCXTEMPLATER_OPTIONS } = load("documents/docx");
const { generateCombinedDocx, generateZip } = load("documents/generate");
const Docxtemplater = require("docxtemplater");
const PizZip = require("pizzip");

const CLIENTS = 1000;
const letterDate = toEpochDay(2026, 5, 18);
const book = RateBook.builtIn();
const profile = creditorProfileSchema.parse({
  raisonSociale: "SAS Atelier Lumière & Cie",
  adresse: "5 rue de la Paix",
  codePostal: "75002",
  ville: "Paris",
  siren: "552100554",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  contact: "Marie Durand",
  email: "compta@atelier-lumiere.fr",
  telephone: "01 23 45 67 89",
});

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const invoices = [];
for (let c = 0; c < CLIENTS; c++) {
  const client = `Client ${String(c).padStart(4, "0")} SARL`;
  for (let i = 0; i < 3; i++) {
    const echeance = letterDate - 46 - Math.floor(random() * 400);
    invoices.push({
      sheetRow: invoices.length + 2,
      client,
      clientKey: clientKeyOf(client),
      numero: `F${c}-${i}`,
      dateFacture: echeance - 30,
      echeance,
      echeanceSource: "colonne",
      montant: 10000 + Math.floor(random() * 900000),
      particulier: false,
      acheteurPublic: false,
      adresse: `${c} rue des Lilas`,
      codePostal: "69003",
      ville: "Lyon",
      email: `client${c}@example.fr`,
    });
  }
}
const cases = buildCases(invoices, deriveState([], DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: letterDate }).cases;
const step = DEFAULT_SCENARIO.find((s) => s.id === "miseEnDemeure");
const requests = cases.map((clientCase) => ({ clientCase, step }));
const context = { profile, letterDate, book, chunkSize: 100 };

// The same data for the baseline: the fields of each letter.
const fieldsOf = cases.map((clientCase) => buildLetterModel({ clientCase, profile, letterDate, book, step }).fields);
const template = builtInTemplateDocx(builtInTemplate("miseEnDemeure", "professionnel"));

async function combined() {
  const result = await generateCombinedDocx(requests, context);
  if (result.documents.length !== CLIENTS || result.skipped.length) throw new Error("combined: wrong count");
  return result.bytes.length;
}

async function zip() {
  const result = await generateZip(requests, context);
  if (result.documents.length !== CLIENTS || result.skipped.length) throw new Error("zip: wrong count");
  return result.bytes.length;
}

function bare() {
  let size = 0;
  for (const fields of fieldsOf) {
    const doc = new Docxtemplater(new PizZip(template), DOCXTEMPLATER_OPTIONS);
    doc.render({ ...fields });
    size += doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" }).length;
  }
  return size;
}

async function time(fn) {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  const size = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, size };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const RUNS = Number(process.env.RUNS ?? 3);
await combined(); // warm-up every side
await zip();
bare();
const a = [];
const b = [];
const z = [];
let sizes;
for (let run = 0; run < RUNS; run++) {
  const x = await time(combined);
  const y = await time(bare);
  const w = await time(zip);
  a.push(x.ms);
  b.push(y.ms);
  z.push(w.ms);
  sizes = [x.size, y.size, w.size];
}
const ratio = median(a) / median(b);
const zipRatio = median(z) / median(b);
console.log(`Lettres : ${CLIENTS} clients x 3 factures, mise en demeure (médiane de ${RUNS} passes alternées)`);
console.log(`  document combiné (modèles de fusion + 1 rendu + zip) : ${median(a).toFixed(0)} ms, ${(sizes[0] / 1024).toFixed(0)} Kio`);
console.log(`  docxtemplater nu, même modèle x ${CLIENTS}              : ${median(b).toFixed(0)} ms, ${(sizes[1] / 1024).toFixed(0)} Kio au total`);
console.log(`  .zip d'une lettre par client                          : ${median(z).toFixed(0)} ms, ${(sizes[2] / 1024).toFixed(0)} Kio`);
console.log(`  rapport document combiné : ${ratio.toFixed(3)} (objectif <= 0,5) ${ratio <= 0.5 ? "OK" : "TROP LENT"}`);
console.log(`  rapport .zip             : ${zipRatio.toFixed(3)} (objectif <= 1,2) ${zipRatio <= 1.2 ? "OK" : "TROP LENT"}`);

