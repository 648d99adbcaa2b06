/**
 * A court file of about 50 pages (issue 18): one client with 70 invoices and
 * four letters in its journal, regenerated at their dates, against pdf-lib
 * laying out the same four letters alone, measured in the same run.
 *
 *   node test/bench/courtFile.mjs
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
const { RateBook } = load("core/rates/rateBook");

const letterDate = toEpochDay(2026, 5, 18);
const book = RateBook.builtIn();
const profile = creditorProfileSchema.parse({
  raisonSociale: "SAS Atelier Lumière & Cie",
  adresse: "5 rue de la Paix",
  codePostal: "75002",
  ville: "Paris",
  siren: "552100554",
  contact: "Marie Durand",
  email: "compta@atelier-lumiere.fr",
});
const RUNS = Number(process.env.RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(fn) {
  const start = process.hrtime.bigint();
  const size = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, size };
}

const { generateCourtFile, lettersSent } = load("documents/courtFile");
const { renderLettersPdf } = load("documents/pdf");
const { nodePdfFonts } = load("documents/nodeFonts");
const { journalDraftOf } = load("core/letters/model");
const fonts = nodePdfFonts();
const bigClient = "SARL Grand Dossier";
const bigInvoices = Array.from({ length: 70 }, (_, i) => ({
  sheetRow: i + 2,
  client: bigClient,
  clientKey: clientKeyOf(bigClient),
  numero: `GD-${String(i + 1).padStart(4, "0")}`,
  dateFacture: letterDate - 500 + i,
  echeance: letterDate - 470 + i,
  echeanceSource: "colonne",
  montant: 50000 + 137 * i,
  particulier: false,
  acheteurPublic: false,
  adresse: "1 place du Palais",
  codePostal: "69002",
  ville: "Lyon",
  email: "compta@grand-dossier.fr",
}));
const journal = [];
for (const [k, stepId] of ["relance1", "relance2", "relance3", "miseEnDemeure"].entries()) {
  const date = letterDate - 300 + 40 * k;
  const s = DEFAULT_SCENARIO.find((x) => x.id === stepId);
  const c = buildCases(bigInvoices, deriveState(journal, DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: date }).cases[0];
  const m = buildLetterModel({ clientCase: c, profile, letterDate: date, book, step: s });
  journal.push({ id: `j${k}`, timestamp: `2026-01-01T09:00:0${k}Z`, type: "step", channel: s.channel, ...journalDraftOf(m) });
}
const request = { invoices: bigInvoices, journal, clientKey: clientKeyOf(bigClient), date: letterDate, profile, book, fonts };
const sent = lettersSent(request);
const { PDFDocument } = require("pdf-lib");
const pagesOf = async (bytes) => (await PDFDocument.load(bytes)).getPageCount();
const courtRuns = [];
const lettersRuns = [];
let courtPages = 0;
let lettersPages = 0;
for (let run = 0; run < RUNS; run++) {
  const x = await time(async () => {
    const result = await generateCourtFile(request);
    courtPages = await pagesOf(result.pdf);
    return result.zip.length;
  });
  const y = await time(async () => {
    const bytes = await renderLettersPdf(sent, fonts);
    lettersPages = await pagesOf(bytes);
    return bytes.length;
  });
  courtRuns.push(x.ms);
  lettersRuns.push(y.ms);
}
console.log(`Dossier contentieux : 70 factures, ${sent.length} lettres régénérées (médiane de ${RUNS} passes)`);
console.log(`  dossier (PDF ${courtPages} pages + .zip)        : ${median(courtRuns).toFixed(0)} ms`);
console.log(`  les mêmes lettres seules en PDF (${lettersPages} pages) : ${median(lettersRuns).toFixed(0)} ms`);
console.log(`  rapport : ${(median(courtRuns) / median(lettersRuns)).toFixed(3)}`);
