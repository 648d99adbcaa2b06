/**
 * The « Dossier contentieux » of one client, as files: one PDF (the court
 * file of core/letters/courtFile.ts, then each letter sent, regenerated from
 * the journal's data at its date) and a .zip of its parts (that PDF, each
 * letter as .docx, the chronology as CSV).
 *
 * A letter is regenerated as it was sent: the cases are rebuilt from the
 * list and the journal entries recorded before it, at the letter's date, and
 * the letter's model is built for the step and the invoices of its journal
 * entry: the same data, the same wording, the same text.
 *
 * With the user's own Word template (the one their Word letters are made
 * with), each letter is regenerated with it: the .zip holds it as .docx, and
 * the PDF, which cannot lay out a Word file, gives in its place a page that
 * says which letter it is (date, reference, amounts, LRAR) and where it lies
 * in the .zip. Steps without a built-in letter then have theirs too.
 */
import PizZip from "pizzip";
import { formatDateIso, formatDateLongFr, type EpochDay } from "../core/calendar";
import type { JournalEntry } from "../core/escalation/journal";
import { DEFAULT_SCENARIO, letterTemplateOf, type Scenario } from "../core/escalation/scenario";
import { deriveState } from "../core/escalation/state";
import { buildCases, type ClientCase } from "../core/escalation/workflow";
import type { Invoice } from "../core/ledger/invoiceRow";
import type { MergedBlock, MergedParagraph } from "../core/letters/blocks";
import { buildCourtFile, type CourtFile } from "../core/letters/courtFile";
import { buildLetterModel, type LetterModel } from "../core/letters/model";
import type { CreditorProfile } from "../core/letters/profile";
import { registeredFieldsOf } from "../core/letters/creditorFields";
import { mergedLetter } from "../core/letters/render";
import { isBuiltInTemplateId } from "../core/letters/wording";
import { formatCentsFr } from "../core/money";
import type { RateBook } from "../core/rates/rateBook";
import { renderBuiltInLetter } from "./docx";
import { renderUserLetter, type UserTemplate } from "./userTemplate";
import { renderDocumentPdf, type PdfFonts } from "./pdf";

export interface CourtFileRequest {
  readonly invoices: readonly Invoice[];
  readonly journal: readonly JournalEntry[];
  readonly clientKey: string;
  /** The date the claim is stated at. */
  readonly date: EpochDay;
  readonly profile: CreditorProfile;
  readonly book: RateBook;
  readonly scenario?: Scenario;
  readonly fonts: PdfFonts;
  /** The user's Word template, when their letters are made with it. */
  readonly userTemplate?: UserTemplate;
}

export interface CourtFileResult {
  readonly file: CourtFile;
  /** The letters sent, as regenerated, in date order. */
  readonly letters: readonly LetterModel[];
  readonly pdf: Uint8Array;
  readonly zip: Uint8Array;
  readonly baseName: string;
}

function caseAt(request: CourtFileRequest, day: EpochDay, journal: readonly JournalEntry[]): ClientCase | undefined {
  const scenario = request.scenario ?? DEFAULT_SCENARIO;
  const invoices = request.invoices.filter((invoice) => invoice.clientKey === request.clientKey);
  return buildCases(invoices, deriveState(journal, scenario), { scenario, book: request.book, today: day }).cases.find((c) => c.clientKey === request.clientKey);
}

interface SentLetter {
  readonly letter: LetterModel;
  /** « Lettre recommandée avec accusé de réception n° … (enregistrée par …) » when the journal has the number. */
  readonly registered?: string;
}

/**
 * The letters the journal records for the client, rebuilt at their dates with
 * the text that was sent: the LRAR number, given by La Poste once the letter
 * was posted, is not put into the copy (it is in the chronology, and beside
 * the copy of a letter made with the user's own template).
 */
export function lettersSent(request: CourtFileRequest): LetterModel[] {
  return sentLetters(request).map((sent) => sent.letter);
}

function sentLetters(request: CourtFileRequest): SentLetter[] {
  const scenario = request.scenario ?? DEFAULT_SCENARIO;
  const entries = [...request.journal].sort((a, b) => a.date - b.date || a.timestamp.localeCompare(b.timestamp));
  const out: SentLetter[] = [];
  entries.forEach((entry, i) => {
    if (entry.clientKey !== request.clientKey || entry.type !== "step") return;
    const step = scenario.find((s) => s.id === entry.stepId);
    if (!step || (!request.userTemplate && !isBuiltInTemplateId(letterTemplateOf(step)))) return;
    const before = entries.slice(0, i);
    const clientCase = caseAt(request, entry.date, before);
    if (!clientCase) return;
    // The registered letter's number and who recorded it, as the journal has them: beside the copy, never in it.
    const lrar = entry.lrar ? { number: entry.lrar, ...(entry.origin?.by !== undefined && { recordedBy: entry.origin.by }) } : undefined;
    const letter = buildLetterModel({ clientCase, profile: request.profile, letterDate: entry.date, book: request.book, step, invoices: entry.invoices, scenario });
    const registered = lrar && (registeredFieldsOf(true, lrar).mention_lrar as string);
    out.push({ letter, ...(registered && { registered }) });
  });
  return out;
}

const line = (text: string, bold = false): MergedParagraph => ({ type: "p", style: bold ? "subject" : "normal", runs: [{ text, bold, italic: false, underline: false }] });

/** In the PDF, in place of a letter made with the user's Word template: what it is and where it lies. */
function userLetterPage({ letter, registered }: SentLetter, template: UserTemplate): MergedBlock[] {
  const f = letter.fields;
  return [
    line(`${letter.stepLabel} du ${formatDateLongFr(letter.letterDate)} – réf. ${letter.reference}`, true),
    line(`Lettre faite avec votre modèle Word « ${template.name} » : elle est jointe au .zip du dossier, lettres/${letter.reference}.docx, telle qu'envoyée.`),
    line(`Destinataire : ${letter.client}${f.adresse_ligne ? `, ${f.adresse_ligne as string}` : ""}.`),
    line(`Factures : ${letter.invoices.join(", ")}.`),
    line(`Sommes réclamées : principal ${formatCentsFr(letter.amounts.principal)}, ${(f.libelle_penalites as string).toLowerCase()} ${formatCentsFr(letter.amounts.interest)}, indemnités ${formatCentsFr(letter.amounts.indemnity)}, total ${formatCentsFr(letter.amounts.total)}.`),
    ...(registered ? [line(`${registered}.`)] : []),
  ];
}

const csvCell = (text: string) => (/[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export async function generateCourtFile(request: CourtFileRequest): Promise<CourtFileResult> {
  const clientCase = caseAt(request, request.date, request.journal);
  if (!clientCase) throw new Error("Dossier contentieux : aucune facture ouverte pour ce client à cette date");
  const file = buildCourtFile({ clientCase, profile: request.profile, date: request.date, book: request.book, journal: request.journal, ...(request.scenario && { scenario: request.scenario }) });
  const sent = sentLetters(request);
  const letters = sent.map((s) => s.letter);
  const f = file.model.fields;
  const footer = `${f.creancier} – dossier contentieux ${clientCase.client} au ${formatDateIso(request.date)}`;
  const pdf = await renderDocumentPdf(
    [
      { blocks: file.blocks, footer },
      ...sent.map(({ letter, registered }) => ({
        blocks: request.userTemplate ? userLetterPage({ letter, ...(registered && { registered }) }, request.userTemplate) : mergedLetter(letter, "courrier"),
        footer: `${f.creancier} – SIREN ${f.creancier_siren} – réf. ${letter.reference}`,
      })),
    ],
    request.fonts,
    `Dossier contentieux – ${clientCase.client}`,
  );
  const baseName = `DOSSIER-${formatDateIso(request.date)}-${file.model.reference.split("-").slice(4, -1).join("-") || "CLIENT"}`;
  const zip = new PizZip();
  zip.file(`${baseName}.pdf`, pdf, { binary: true });
  for (const letter of letters) {
    const docx = request.userTemplate ? renderUserLetter(request.userTemplate, letter) : letter.builtIn ? renderBuiltInLetter(letter) : undefined;
    if (docx) zip.file(`lettres/${letter.reference}.docx`, docx, { binary: true });
  }
  const header = ["Date", "Action", "Canal", "Document", "N° LRAR", "Par", "Factures, note"];
  zip.file("chronologie.csv", `\ufeff${[header, ...file.chronology].map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`);
  return { file, letters, pdf, zip: zip.generate({ type: "uint8array", compression: "DEFLATE" }), baseName };
}
