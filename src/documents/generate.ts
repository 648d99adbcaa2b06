/**
 * What the pane calls: from the selected cases to documents, client by
 * client, with French reasons for the clients left out and what the journal
 * records of each document made.
 *
 * Long work is cut into chunks: every `chunkSize` clients (50 by default)
 * the progress callback is called and the event loop gets a turn, so the
 * pane repaints its progress bar. The combined .docx is ONE docxtemplater
 * render (the letters loop); on the pane, run it in a Web Worker if a
 * thousand letters must not freeze the UI for the second it takes: these
 * modules use no DOM and accept and return plain bytes.
 */
import PizZip from "pizzip";
import { formatDateIso, type EpochDay } from "../core/calendar";
import type { ScenarioStep } from "../core/escalation/scenario";
import type { ClientCase } from "../core/escalation/workflow";
import { buildLetterModel, journalDraftOf, problemsFor, type LetterModel, type LetterModelInput } from "../core/letters/model";
import type { CreditorProfile } from "../core/letters/profile";
import { renderEmail } from "../core/letters/render";
import type { RateBook } from "../core/rates/rateBook";
import { DOCX_MIME, renderBuiltInLetter, renderCombinedBuiltIn } from "./docx";
import { buildEml } from "./eml";
import { renderLettersPdf, type PdfFonts } from "./pdf";
import { renderCombinedUser, renderUserLetter, type UserTemplate } from "./userTemplate";

export interface LetterRequest {
  readonly clientCase: ClientCase;
  /** The step the letter is for (usually the case's next step). */
  readonly step?: ScenarioStep;
  /** A template id instead of the step's (e.g. "echeancier"). */
  readonly templateId?: string;
  /** Only these invoices (e.g. the step group's). */
  readonly invoices?: readonly string[];
}

export type GenerationPhase = "preparation" | "fusion" | "pdf" | "emails" | "compression";

export interface GenerationProgress {
  readonly phase: GenerationPhase;
  readonly done: number;
  readonly total: number;
}

export interface GenerationContext {
  readonly profile: CreditorProfile;
  /** Date of the letters; the cases must have been built with this day as `today`. */
  readonly letterDate: EpochDay;
  readonly book: RateBook;
  readonly delaiJours?: number;
  readonly echeancier?: LetterModelInput["echeancier"];
  /** The user's Word template instead of the built-in wording (docx outputs only). */
  readonly userTemplate?: UserTemplate;
  readonly onProgress?: (progress: GenerationProgress) => void;
  readonly chunkSize?: number;
}

export interface SkippedClient {
  readonly clientKey: string;
  readonly client: string;
  /** Why, in French: shown in the pane beside the client. */
  readonly reasons: readonly string[];
}

export interface GeneratedDocument {
  readonly reference: string;
  readonly clientKey: string;
  readonly client: string;
  readonly fileName: string;
  /** The journal entry's fields (the pane adds id, timestamp, type, channel). */
  readonly journal: ReturnType<typeof journalDraftOf>;
}

export interface GenerationResult {
  /** The file to download (.docx, .zip or .pdf). */
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mimeType: string;
  readonly documents: readonly GeneratedDocument[];
  readonly skipped: readonly SkippedClient[];
}

const DEFAULT_CHUNK = 50;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function tick(context: GenerationContext, phase: GenerationPhase, done: number, total: number): Promise<void> {
  const chunk = context.chunkSize ?? DEFAULT_CHUNK;
  if (done % chunk === 0 || done === total) {
    context.onProgress?.({ phase, done, total });
    if (done < total) await pause();
  }
}

export interface PreparedLetters {
  readonly letters: readonly LetterModel[];
  readonly skipped: readonly SkippedClient[];
}

/**
 * The merge models of the requests, in chunks; clients that cannot have a
 * document of this channel are set aside with their reasons.
 */
export async function prepareLetters(requests: readonly LetterRequest[], context: GenerationContext, channel: "courrier" | "email"): Promise<PreparedLetters> {
  const letters: LetterModel[] = [];
  const skipped: SkippedClient[] = [];
  for (const [i, request] of requests.entries()) {
    const model = buildLetterModel({
      clientCase: request.clientCase,
      profile: context.profile,
      letterDate: context.letterDate,
      book: context.book,
      ...(request.step && { step: request.step }),
      ...(request.templateId && { templateId: request.templateId }),
      ...(request.invoices && { invoices: request.invoices }),
      ...(context.delaiJours !== undefined && { delaiJours: context.delaiJours }),
      ...(context.echeancier && { echeancier: context.echeancier }),
    });
    const reasons = problemsFor(model, channel);
    const usesBuiltIn = channel === "email" || context.userTemplate === undefined;
    if (usesBuiltIn && !model.builtIn) {
      reasons.push(`pas de lettre intégrée pour l'étape « ${model.stepLabel} » : chargez votre propre modèle Word pour cette étape`);
    }
    if (reasons.length) skipped.push({ clientKey: model.clientKey, client: model.client, reasons });
    else letters.push(model);
    await tick(context, "preparation", i + 1, requests.length);
  }
  return { letters, skipped };
}

function documentOf(letter: LetterModel, extension: string): GeneratedDocument {
  return { reference: letter.reference, clientKey: letter.clientKey, client: letter.client, fileName: `${letter.reference}.${extension}`, journal: journalDraftOf(letter) };
}

function generationName(context: GenerationContext, what: string, extension: string): string {
  return `${what}-${formatDateIso(context.letterDate)}.${extension}`;
}

/** One .docx, one letter per page (one render). */
export async function generateCombinedDocx(requests: readonly LetterRequest[], context: GenerationContext): Promise<GenerationResult> {
  const { letters, skipped } = await prepareLetters(requests, context, "courrier");
  context.onProgress?.({ phase: "fusion", done: 0, total: letters.length });
  const bytes = letters.length === 0 ? new Uint8Array() : context.userTemplate ? renderCombinedUser(context.userTemplate, letters) : renderCombinedBuiltIn(letters);
  context.onProgress?.({ phase: "fusion", done: letters.length, total: letters.length });
  return {
    bytes,
    fileName: generationName(context, "lettres", "docx"),
    mimeType: DOCX_MIME,
    documents: letters.map((letter) => documentOf(letter, "docx")),
    skipped,
  };
}

/** A .zip with one .docx per client, named after the document reference. */
export async function generateZip(requests: readonly LetterRequest[], context: GenerationContext): Promise<GenerationResult> {
  const { letters, skipped } = await prepareLetters(requests, context, "courrier");
  const zip = new PizZip();
  for (const [i, letter] of letters.entries()) {
    const bytes = context.userTemplate ? renderUserLetter(context.userTemplate, letter) : renderBuiltInLetter(letter);
    zip.file(`${letter.reference}.docx`, bytes, { binary: true, compression: "STORE" });
    await tick(context, "fusion", i + 1, letters.length);
  }
  context.onProgress?.({ phase: "compression", done: 0, total: 1 });
  const bytes = zip.generate({ type: "uint8array", compression: "STORE" });
  return { bytes, fileName: generationName(context, "lettres", "zip"), mimeType: "application/zip", documents: letters.map((l) => documentOf(l, "docx")), skipped };
}

/** One PDF with the built-in wording, each letter on its own pages, fonts embedded. */
export async function generatePdf(requests: readonly LetterRequest[], context: GenerationContext & { readonly fonts: PdfFonts }): Promise<GenerationResult> {
  const { letters, skipped } = await prepareLetters(requests, { ...context, userTemplate: undefined }, "courrier");
  const bytes = await renderLettersPdf(letters, context.fonts, {
    // A PDF letter costs ~40 ms to lay out: yield every few letters.
    chunkSize: Math.max(1, Math.ceil((context.chunkSize ?? DEFAULT_CHUNK) / 10)),
    onProgress: (done, total) => context.onProgress?.({ phase: "pdf", done, total }),
  });
  return { bytes, fileName: generationName(context, "lettres", "pdf"), mimeType: "application/pdf", documents: letters.map((l) => documentOf(l, "pdf")), skipped };
}

export interface EmailDraft {
  readonly reference: string;
  readonly clientKey: string;
  readonly client: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly fileName: string;
  /** The .eml text (CRLF). */
  readonly eml: string;
}

export interface EmailGenerationResult extends GenerationResult {
  readonly emails: readonly EmailDraft[];
}

/**
 * E-mail drafts, one per client with an address: subject, HTML and text
 * bodies, and the .eml (X-Unsent: 1); `bytes` is a .zip of the .eml files.
 * With `pdfFonts`, each draft carries its letter as a PDF attachment.
 */
export async function generateEmails(
  requests: readonly LetterRequest[],
  context: GenerationContext & { readonly now: Date; readonly pdfFonts?: PdfFonts },
): Promise<EmailGenerationResult> {
  const { letters, skipped } = await prepareLetters(requests, { ...context, userTemplate: undefined }, "email");
  const zip = new PizZip();
  const emails: EmailDraft[] = [];
  for (const [i, letter] of letters.entries()) {
    const content = renderEmail(letter);
    const to = (letter.email ?? "").split(/[;,]/).map((a) => a.trim()).filter((a) => a !== "");
    const attachments = context.pdfFonts
      ? [{ fileName: `${letter.reference}.pdf`, contentType: "application/pdf", data: await renderLettersPdf([letter], context.pdfFonts) }]
      : [];
    const eml = buildEml({
      from: { address: context.profile.email, name: `${context.profile.contact} – ${context.profile.raisonSociale}` },
      to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      date: context.now,
      id: letter.reference,
      attachments,
    });
    const fileName = `${letter.reference}.eml`;
    emails.push({ reference: letter.reference, clientKey: letter.clientKey, client: letter.client, to, ...content, fileName, eml });
    zip.file(fileName, eml, { binary: false });
    await tick(context, "emails", i + 1, letters.length);
  }
  const bytes = zip.generate({ type: "uint8array", compression: "DEFLATE" });
  return {
    bytes,
    fileName: generationName(context, "e-mails", "zip"),
    mimeType: "application/zip",
    documents: letters.map((l) => documentOf(l, "eml")),
    skipped,
    emails,
  };
}
