/**
 * A plain, courteous reminder body for any step, used until the letters
 * module's e-mail bodies are plugged in (see the README, « Envoyer les relances par Microsoft 365 »,
 * « Brancher les lettres »), and by the tests. Every merged value is
 * HTML-escaped; the text part is the same content without markup.
 */
import { formatDateFr, formatDateLongFr } from "../calendar";
import { formatCentsFr } from "../money";
import { plural } from "../text";
import type { MessageContent, PlannedMessage } from "./model";

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

export interface DefaultContentOptions {
  /** Who signs: the creditor's company name. */
  readonly signature?: string;
}

export function defaultContent(message: PlannedMessage, options: DefaultContentOptions = {}): MessageContent {
  const count = plural(message.invoices.length, "facture");
  const amount = formatCentsFr(message.principal);
  const subject = `${message.stepLabel} : ${count} impayée${message.invoices.length > 1 ? "s" : ""} (${amount})`;
  const intro = `Sauf erreur de notre part, ${message.invoices.length > 1 ? "les factures suivantes restent impayées" : "la facture suivante reste impayée"} au ${formatDateLongFr(message.date)} :`;
  const rows = message.lines.map((line) => ({
    numero: line.numero,
    echeance: formatDateFr(line.echeance),
    montant: formatCentsFr(line.amountDue),
  }));
  const closing = "Si votre règlement est déjà parti, merci de ne pas tenir compte de ce message.";
  const signature = options.signature ?? "";

  const text = [
    "Madame, Monsieur,",
    "",
    intro,
    ...rows.map((row) => `- facture ${row.numero}, échue le ${row.echeance} : ${row.montant}`),
    `Total dû : ${amount}.`,
    "",
    closing,
    "",
    "Cordialement,",
    ...(signature ? [signature] : []),
    "",
    `Réf. ${message.reference}`,
  ].join("\r\n");

  const e = escapeHtml;
  const html = [
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>",
    "<p>Madame, Monsieur,</p>",
    `<p>${e(intro)}</p>`,
    '<table style="border-collapse:collapse"><thead><tr><th style="text-align:left;padding:2px 8px">Facture</th><th style="text-align:left;padding:2px 8px">Échéance</th><th style="text-align:right;padding:2px 8px">Montant</th></tr></thead><tbody>',
    ...rows.map(
      (row) =>
        `<tr><td style="padding:2px 8px">${e(row.numero)}</td><td style="padding:2px 8px">${e(row.echeance)}</td><td style="text-align:right;padding:2px 8px">${e(row.montant)}</td></tr>`,
    ),
    `</tbody></table><p>Total dû : <strong>${e(amount)}</strong>.</p>`,
    `<p>${e(closing)}</p>`,
    `<p>Cordialement,${signature ? `<br>${e(signature)}` : ""}</p>`,
    `<p style="color:#666;font-size:small">Réf. ${e(message.reference)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, html, text };
}
