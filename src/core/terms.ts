/**
 * Payment terms ("conditions de paiement") -> due date.
 *
 * L441-10 I: default 30 days; at most 60 days from the invoice date or 45 days
 * end of month. "45 jours fin de mois" is computed two ways in practice
 * (FACTS.md §1); the wording chooses:
 *   "45 jours fin de mois"     -> end of the month of (date + 45)  (10/03 -> 30/04)
 *   "fin de mois 45 jours"     -> end of the invoice month, + 45   (10/03 -> 15/05)
 *   "fin de mois + 45 jours"   -> same as above
 *   "30 jours fin de mois le 10" -> end of the month of (date + 30), + 10
 */
import { endOfMonth, type EpochDay } from "./calendar";
import { normalizeWords } from "./text";

export type PaymentTerms =
  | { readonly kind: "immediate" }
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "daysEndOfMonth"; readonly days: number; readonly thenDays: number }
  | { readonly kind: "endOfMonthDays"; readonly days: number };

export const ACCEPTED_TERMS_FORMS =
  "comptant, à réception, 30 jours (ou 30), 45 jours fin de mois, fin de mois 45 jours, " +
  "fin de mois + 45 jours, 30 jours fin de mois le 10";

/** Longest term we accept: beyond ten years a term is a typing error. */
const MAX_TERM_DAYS = 3650;

export function dueDate(invoiceDate: EpochDay, terms: PaymentTerms): EpochDay {
  switch (terms.kind) {
    case "immediate":
      return invoiceDate;
    case "days":
      return invoiceDate + terms.days;
    case "daysEndOfMonth":
      return endOfMonth(invoiceDate + terms.days) + terms.thenDays;
    case "endOfMonthDays":
      return endOfMonth(invoiceDate) + terms.days;
  }
}

/** A number of days from a cell (30, "30"). */
export function termsFromDays(days: number): PaymentTerms | undefined {
  if (!Number.isInteger(days) || days < 0 || days > MAX_TERM_DAYS) return undefined;
  return days === 0 ? { kind: "immediate" } : { kind: "days", days };
}

const DAYS = String.raw`(\d{1,4}) ?(?:jours?|jrs?|j|days?|d)`;
const EOM = String.raw`(?:fin de mois|fdm|fin du mois|end of month|eom)`;
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => PaymentTerms]> = [
  [/^(?:paiement )?(?:comptant|au comptant|a reception(?: de (?:la )?facture)?|reception(?: de (?:la )?facture)?|immediat|des reception|cash|due on receipt)$/, () => ({ kind: "immediate" })],
  [new RegExp(String.raw`^(?:a |net |paiement a )?${DAYS}(?: net| date de facture| nets?)?$`), (m) => ({ kind: "days", days: Number(m[1]) })],
  [/^(?:net )?(\d{1,4})$/, (m) => ({ kind: "days", days: Number(m[1]) })],
  [new RegExp(String.raw`^(?:a )?${DAYS} ${EOM}$`), (m) => ({ kind: "daysEndOfMonth", days: Number(m[1]), thenDays: 0 })],
  [new RegExp(String.raw`^(?:a )?${DAYS} ${EOM},? le (\d{1,2})$`), (m) => ({ kind: "daysEndOfMonth", days: Number(m[1]), thenDays: Number(m[2]) })],
  [new RegExp(String.raw`^${EOM},? ?(?:\+ ?|plus )?${DAYS}$`), (m) => ({ kind: "endOfMonthDays", days: Number(m[1]) })],
  [new RegExp(String.raw`^${EOM}$`), () => ({ kind: "endOfMonthDays", days: 0 })],
];

/** Reads French (and common English) wording; undefined when not understood. */
export function parsePaymentTerms(text: string): PaymentTerms | undefined {
  const words = normalizeWords(text).replace(/\.$/, "");
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(words);
    if (!match) continue;
    const terms = build(match);
    if ("days" in terms && terms.days > MAX_TERM_DAYS) return undefined;
    if (terms.kind === "days" && terms.days === 0) return { kind: "immediate" };
    return terms;
  }
  return undefined;
}

/** "45 jours fin de mois": how the terms are written back to the user. */
export function describePaymentTerms(terms: PaymentTerms): string {
  switch (terms.kind) {
    case "immediate":
      return "à réception";
    case "days":
      return `${terms.days} jours`;
    case "daysEndOfMonth":
      return `${terms.days} jours fin de mois${terms.thenDays ? ` le ${terms.thenDays}` : ""}`;
    case "endOfMonthDays":
      return terms.days ? `fin de mois + ${terms.days} jours` : "fin de mois";
  }
}
