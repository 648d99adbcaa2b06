/**
 * Plugs the letters module (issue 5) into sending: the e-mail body of each
 * planned message is the built-in letter of its step, merged for the
 * message's client, invoices and date; a step that calls for a letter gets
 * the letter's PDF attached; the .eml drafts are the documents module's.
 *
 * Sending depends only on ComposeMessage and EmlBuilder: this adapter is the
 * one place that knows the letters API.
 */
import type { Scenario } from "../core/escalation/scenario";
import type { CreditorProfile } from "../core/letters/profile";
import { buildLetterModel, problemsFor } from "../core/letters/model";
import { renderEmail } from "../core/letters/render";
import type { RateBook } from "../core/rates/rateBook";
import type { ComposeMessage, MessageAttachment } from "../core/sending/model";
import { buildEml } from "../documents/eml";
import { renderLettersPdf, type PdfFonts } from "../documents/pdf";
import type { EmlBuilder } from "./runBatch";

export interface LettersContext {
  readonly profile: CreditorProfile;
  readonly book: RateBook;
  readonly scenario: Scenario;
  /** Needed to attach the letter's PDF (courrier steps). */
  readonly pdfFonts?: PdfFonts;
  readonly delaiJours?: number;
}

export function lettersComposer(context: LettersContext): ComposeMessage {
  return async (message) => {
    const step = context.scenario.find((s) => s.id === message.stepId);
    const model = buildLetterModel({
      clientCase: message.clientCase,
      profile: context.profile,
      letterDate: message.date,
      book: context.book,
      ...(step && { step }),
      invoices: message.invoices,
      ...(context.delaiJours !== undefined && { delaiJours: context.delaiJours }),
    });
    if (!model.builtIn) throw new Error(`pas de lettre intégrée pour l'étape « ${message.stepLabel} »`);
    const problems = problemsFor(model, "email");
    if (problems.length > 0) throw new Error(problems.join(" ; "));
    const content = renderEmail(model);
    const attachments: MessageAttachment[] = [];
    if (message.attachLetter) {
      if (!context.pdfFonts) throw new Error("polices du PDF non chargées : la lettre ne peut pas être jointe");
      const letterProblems = problemsFor(model, "courrier");
      if (letterProblems.length > 0) throw new Error(letterProblems.join(" ; "));
      attachments.push({ filename: `${model.reference}.pdf`, contentType: "application/pdf", bytes: await renderLettersPdf([model], context.pdfFonts) });
    }
    return { ...content, ...(attachments.length > 0 && { attachments }) };
  };
}

export function lettersEmlBuilder(profile: CreditorProfile, now: () => Date = () => new Date()): EmlBuilder {
  return async (message, content) => ({
    filename: `${message.reference}.eml`,
    content: buildEml({
      from: { address: profile.email, name: `${profile.contact} – ${profile.raisonSociale}` },
      to: message.recipients,
      subject: content.subject,
      text: content.text,
      html: content.html,
      date: now(),
      id: message.reference,
      attachments: (content.attachments ?? []).map((a) => ({ fileName: a.filename, contentType: a.contentType, data: a.bytes })),
    }),
  });
}

export { draftsDownload } from "../documents/emlBundle";
