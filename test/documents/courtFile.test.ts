/**
 * The « Dossier contentieux »: the claim at a date with its décompte, the
 * parties, the route and the chronology; the letters sent regenerated from
 * the journal at their dates with the same text and amounts as sent.
 */
import PizZip from "pizzip";
import type { JournalEntry } from "../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { deriveState } from "../../src/core/escalation/state";
import { buildCases } from "../../src/core/escalation/workflow";
import { paragraphText } from "../../src/core/letters/blocks";
import { buildLetterModel, journalDraftOf, type LetterModel } from "../../src/core/letters/model";
import { mergedLetter } from "../../src/core/letters/render";
import { generateCourtFile } from "../../src/documents/courtFile";
import { nodePdfFonts } from "../../src/documents/nodeFonts";
import { book, invoice, PROFILE } from "../core/letters/fixtures";
import { day } from "../core/fixtures";
import { loadUserTemplate } from "../../src/documents/userTemplate";
import { docxText, pdfText, writeOutput } from "./helpers";
import { userTemplateDocx } from "./userTemplates";

// Three PDFs with embedded fonts: seconds each on a busy machine.
jest.setTimeout(60_000);

const CLIENT = "SARL Contentieux & Fils";
const invoices = [
  invoice(CLIENT, "C-1", day(2025, 9, 30), 420_000, { siren: "732829320", contact: "M. Durand" }),
  invoice(CLIENT, "C-2", day(2025, 10, 31), 180_000, { siren: "732829320", contact: "M. Durand" }),
];

const text = (m: LetterModel) =>
  mergedLetter(m, "courrier")
    .map((b) => (b.type === "p" ? paragraphText(b) : b.type === "table" ? b.rows.map((r) => r.join(" | ")).join("\n") : b.rows.map((r) => `${r.label} ${r.value}`).join("\n")))
    .join("\n");

/** What the pane does on each date: build the cases from the journal so far, make the letter, record it. */
function send(journal: JournalEntry[], date: number, stepId: string, channel: JournalEntry["channel"]): LetterModel {
  const step = DEFAULT_SCENARIO.find((s) => s.id === stepId)!;
  const c = buildCases(invoices, deriveState(journal, DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: date }).cases[0];
  const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: date, book, step });
  journal.push({ id: `j${journal.length}`, timestamp: `2026-01-01T09:00:${String(journal.length).padStart(2, "0")}Z`, type: "step", channel, ...journalDraftOf(m) } as JournalEntry);
  return m;
}

test("the court file: claim with décompte, parties, route, chronology, and the letters as they were sent", async () => {
  const journal: JournalEntry[] = [];
  const r1 = send(journal, day(2025, 11, 3), "relance1", "email");
  journal.push({
    id: "pay",
    timestamp: "2026-01-01T10:00:00Z",
    client: CLIENT,
    clientKey: r1.clientKey,
    type: "payment",
    date: day(2025, 12, 10),
    invoices: ["C-1"],
    amount: 100_000,
    allocations: [{ invoice: "C-1", amount: 100_000, balanceBefore: 420_000 }],
  } as JournalEntry);
  const med = send(journal, day(2026, 1, 20), "relance2", "email");
  const result = await generateCourtFile({ invoices, journal, clientKey: r1.clientKey, date: day(2026, 5, 18), profile: PROFILE, book, fonts: nodePdfFonts() });

  // The letters, regenerated from the journal at their dates: the same text, the same amounts as recorded.
  expect(result.letters.map((l) => l.reference)).toEqual([r1.reference, med.reference]);
  expect(result.letters.map(text)).toEqual([text(r1), text(med)]);
  expect(result.letters[1].amounts).toEqual(med.amounts);

  const path = writeOutput("dossier-contentieux.pdf", result.pdf);
  const flat = pdfText(path).replace(/\s+/g, " ");
  expect(flat).toContain(`Dossier contentieux – ${CLIENT}`);
  expect(flat).toMatch(/Débiteur : SARL Contentieux & Fils, SIREN 732 829 320/);
  expect(flat).toMatch(/Créancier : SAS Atelier Lumière & Cie, .*SIREN 552 100 554/);
  // 3 200 + 1 800 principal plus interest: above 5 000 EUR, injonction de payer before the commercial court.
  expect(result.file.model.amounts.principal).toBe(500_000);
  expect(flat).toContain("Requête en injonction de payer");
  expect(flat).toContain("Cerfa 12946");
  expect(flat).toContain("art. 1405 à 1425 du Code de procédure civile");
  // The décompte follows the partial payment: base 4 200 then 3 200 from 11/12/2025.
  expect(flat).toMatch(/Décompte des intérêts – facture C-1/);
  expect(flat).toMatch(/01\/10\/2025 10\/12\/2025 71 12,15 % 4 200,00 €/);
  expect(flat).toMatch(/11\/12\/2025 31\/12\/2025 21 12,15 % 3 200,00 €/);
  // The chronology: each journal entry, with its document reference.
  expect(flat).toContain(r1.reference);
  expect(flat).toContain("Paiement reçu");
  // The letters follow the file, each as sent.
  expect(flat).toContain("Ce retard atteint désormais 34 jours.");
  expect(flat).toContain("Deuxième relance – 2 factures impayées");

  const zip = new PizZip(result.zip);
  expect(Object.keys(zip.files).sort()).toEqual(
    [`${result.baseName}.pdf`, "chronologie.csv", `lettres/${r1.reference}.docx`, `lettres/${med.reference}.docx`].sort(),
  );
  expect(zip.file("chronologie.csv")!.asText()).toContain(`;${r1.reference};`);
});

test("a registered letter: its LRAR number and who recorded it, in the chronology (PDF and CSV) and on the letter's copy", async () => {
  const journal: JournalEntry[] = [];
  const r1 = send(journal, day(2025, 11, 3), "relance1", "email");
  const med = send(journal, day(2026, 1, 20), "miseEnDemeure", "lrar");
  // Recorded with the step, by the person whose pane wrote the row (journal.ts: lrar, origin.by).
  Object.assign(journal[1], { lrar: "1A 987 654 3210 9", origin: { by: "Paul Bernard", runtime: "p1", seq: 2 } });
  const result = await generateCourtFile({ invoices, journal, clientKey: r1.clientKey, date: day(2026, 5, 18), profile: PROFILE, book, fonts: nodePdfFonts() });

  const row = result.file.chronology.find((r) => r.includes(med.reference))!;
  expect(row).toContain("1A 987 654 3210 9");
  expect(row).toContain("Paul Bernard");
  expect(result.file.chronology.find((r) => r.includes(r1.reference))).toEqual(expect.arrayContaining(["—"]));
  const csv = new PizZip(result.zip).file("chronologie.csv")!.asText();
  expect(csv.split("\r\n")[0]).toBe("\ufeffDate;Action;Canal;Document;N° LRAR;Par;Factures, note");
  expect(csv).toContain(`;${med.reference};1A 987 654 3210 9;Paul Bernard;`);

  // The letter's copy is the text sent: La Poste gave the number after it was posted.
  const copy = text(result.letters[1]);
  expect(copy).not.toContain("1A 987 654 3210 9");
  expect(copy).toBe(text(med));
  const flat = pdfText(writeOutput("dossier-contentieux-lrar.pdf", result.pdf)).replace(/\s+/g, " ");
  // In the chronology's narrow columns the number and the name wrap (the text comes out line by line).
  expect(flat).toMatch(/1A 987 654 Paul .* 3210 9 Bernard/);
});

test("with the user's own Word template: each letter regenerated with it in the .zip, a page naming it in the PDF", async () => {
  const journal: JournalEntry[] = [];
  const r1 = send(journal, day(2025, 11, 3), "relance1", "email");
  const med = send(journal, day(2026, 1, 20), "miseEnDemeure", "lrar");
  Object.assign(journal[1], { lrar: "1A 555 666 7777 8", origin: { by: "Paul Bernard", runtime: "p1", seq: 2 } });
  const loaded = loadUserTemplate(
    userTemplateDocx(
      `<w:p><w:r><w:t xml:space="preserve">Mon courrier à {client} : {total_du}. {#numero_lrar}Recommandé n° {numero_lrar}, inscrit par {lrar_enregistre_par}.{/numero_lrar}</w:t></w:r></w:p>`,
    ),
    "Cabinet.docx",
  );
  if (!loaded.ok) throw new Error(loaded.report.errors.join("; "));
  const result = await generateCourtFile({ invoices, journal, clientKey: r1.clientKey, date: day(2026, 5, 18), profile: PROFILE, book, fonts: nodePdfFonts(), userTemplate: loaded.template });

  const zip = new PizZip(result.zip);
  const letter = (ref: string) => docxText(new PizZip(zip.file(`lettres/${ref}.docx`)!.asUint8Array()).file("word/document.xml")!.asText());
  expect(letter(r1.reference)).toContain(`Mon courrier à ${CLIENT} : ${r1.fields.total_du as string}.`);
  expect(letter(r1.reference)).not.toContain("Recommandé");
  // Regenerated as sent: the number is beside the copy (PDF page, chronology), not in it.
  expect(letter(med.reference)).not.toContain("Recommandé n°");
  const flat = pdfText(writeOutput("dossier-contentieux-modele.pdf", result.pdf)).replace(/\s+/g, " ");
  expect(flat).toContain(`Lettre faite avec votre modèle Word « Cabinet.docx » : elle est jointe au .zip du dossier, lettres/${med.reference}.docx`);
  expect(flat).toContain("Lettre recommandée avec accusé de réception n° 1A 555 666 7777 8 (enregistrée par Paul Bernard).");
  // The built-in wording is not passed off as what was sent.
  expect(flat).not.toContain("MISE EN DEMEURE DE PAYER");
});
