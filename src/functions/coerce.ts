/**
 * Cell values -> typed values, one parameter at a time.
 *
 * Excel hands custom functions numbers, strings, booleans, null for omitted
 * arguments, "" or 0 for blank cells inside ranges, and error objects. Each
 * coercer returns the typed value, BLANK, or a Problem whose French message
 * names the parameter and quotes the value as the user typed it.
 */
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY, parseDateText, serialToEpochDay, type EpochDay } from "../core/calendar";
import { eurosToCents, type Cents } from "../core/money";
import { parseNumberText } from "../core/numberText";
import { normalizeWords } from "../core/text";
import { ACCEPTED_TERMS_FORMS, parsePaymentTerms, termsFromDays, type PaymentTerms } from "../core/terms";
import { Problem, valueProblem } from "./problem";

/** A blank cell or an omitted argument. */
export const BLANK = undefined;
export { parseNumberText };
export type Coerced<T> = T | typeof BLANK | Problem;

/** The value as the user sees it, for messages: « 12,5 », « abc ». */
/** String(raw), except for objects that cannot be turned into text (no prototype, a broken toString). */
function display(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

export function quote(raw: unknown): string {
  let text: string;
  if (typeof raw === "number") text = String(raw).replace(".", ",");
  else if (typeof raw === "boolean") text = raw ? "VRAI" : "FAUX";
  else text = display(raw);
  if (text.length > 60) text = `${text.slice(0, 57)}…`;
  return `« ${text} »`;
}

/** An Excel error that came in as an input (CustomFunctions.Error or alike). */
function inputError(name: string, raw: object): Problem | undefined {
  const code = (raw as { code?: unknown }).code;
  if (typeof code !== "string") return undefined;
  return new Problem(code === "#N/A" ? "na" : "value", `${name} : la cellule contient une erreur (${code})`);
}

function notUnderstood(name: string, raw: unknown): Problem {
  if (raw !== null && typeof raw === "object") {
    const error = inputError(name, raw);
    if (error) return error;
  }
  return valueProblem(`${name} : ${quote(raw)} n'est pas une valeur acceptée`);
}

// ---------------------------------------------------------------------------
// The number rules of the date, amount and rate coercers, on their own: a
// number in, the typed value out, or NaN when the number is not acceptable
// (the coercer then says why). They hold the rules once, and they are small
// enough for the engine to inline in the loops of broadcast.ts and
// columns.ts, where 100,000 cells go through them in one call.

/** A serial (1900 system, time of day ignored) -> epoch day, or NaN. 0 is NaN: for Excel it is a blank. */
export function dateOfNumber(raw: number): EpochDay {
  return serialToEpochDay(Math.floor(raw)) ?? Number.NaN;
}

/** Euros -> cents, or NaN when negative, not finite, or not a whole number of cents. */
export function centsOfNumber(euros: number): Cents {
  if (!(euros >= 0)) return Number.NaN;
  return eurosToCents(euros) ?? Number.NaN;
}

/** A rate as a fraction -> millionths, or NaN outside 0..100 % or below a millionth. */
export function rateOfNumber(fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1)) return Number.NaN;
  const millionths = Math.round(fraction * 1e6);
  return Math.abs(fraction * 1e6 - millionths) > 1e-6 ? Number.NaN : millionths;
}

// ---------------------------------------------------------------------------

/** Dates: serials (1900 system, time of day ignored) or text dates. */
export function coerceDate(raw: unknown, name: string): Coerced<EpochDay> {
  if (typeof raw === "number") {
    if (raw === 0) return BLANK; // Excel desktop passes 0 for a blank cell in a range
    const day = dateOfNumber(raw);
    if (Number.isNaN(day)) {
      return valueProblem(`${name} : ${quote(raw)} n'est pas une date entre le 01/01/1900 et le 31/12/9999`);
    }
    return day;
  }
  if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    const day = parseDateText(raw);
    if (day === undefined) return valueProblem(`${name} : ${quote(raw)} n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)`);
    if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
      return valueProblem(`${name} : ${quote(raw)} n'est pas une date entre le 01/01/1900 et le 31/12/9999`);
    }
    return day;
  }
  if (raw === null || raw === undefined) return BLANK;
  return notUnderstood(name, raw);
}

/** Invoice amounts in euros -> cents. Negative amounts are refused. */
export function coerceAmount(raw: unknown, name: string): Coerced<Cents> {
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    value = parseNumberText(raw, false);
    if (value === undefined) return valueProblem(`${name} : ${quote(raw)} n'est pas un montant`);
  } else if (raw === null || raw === undefined) return BLANK;
  else return notUnderstood(name, raw);
  const cents = centsOfNumber(value);
  if (!Number.isNaN(cents)) return cents;
  if (!Number.isFinite(value)) return valueProblem(`${name} : ${quote(raw)} n'est pas un montant`);
  if (value < 0) {
    return valueProblem(`${name} : ${quote(raw)} est négatif ; un avoir n'est pas une facture en retard`);
  }
  return valueProblem(`${name} : ${quote(raw)} n'est pas un montant au centime près (arrondissez-le avec ARRONDI)`);
}

/**
 * Rates as fractions (0.1215 = 12.15 %), as a percent-formatted cell passes
 * them, or text "12,15 %". Kept in millionths. A bare 12.15 is refused: it
 * would bill 1,215 %.
 */
export function coerceRate(raw: unknown, name: string): Coerced<number> {
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    value = parseNumberText(raw, true);
    if (value === undefined) return valueProblem(`${name} : ${quote(raw)} n'est pas un taux (ex. 12,15 % ou 0,1215)`);
  } else if (raw === null || raw === undefined) return BLANK;
  else return notUnderstood(name, raw);
  const millionths = rateOfNumber(value);
  if (!Number.isNaN(millionths)) return millionths;
  if (!Number.isFinite(value) || value < 0) return valueProblem(`${name} : ${quote(raw)} : un taux ne peut pas être négatif`);
  if (value > 1) {
    return valueProblem(`${name} : ${quote(raw)} est supérieur à 100 % ; écrivez le taux en pourcentage (12,15 %) ou en fraction (0,1215)`);
  }
  return valueProblem(`${name} : ${quote(raw)} : au plus quatre décimales en pourcentage`);
}

const TRUE_WORDS = new Set(["vrai", "true", "oui", "o", "yes", "y", "x", "1"]);
const FALSE_WORDS = new Set(["faux", "false", "non", "n", "no", "0"]);

export function coerceBoolean(raw: unknown, name: string): Coerced<boolean> {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") {
    if (raw === 1) return true;
    if (raw === 0) return false;
    return valueProblem(`${name} : ${quote(raw)} : attendu VRAI ou FAUX`);
  }
  if (typeof raw === "string") {
    const word = normalizeWords(raw);
    if (word === "") return BLANK;
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return valueProblem(`${name} : ${quote(raw)} : attendu VRAI ou FAUX`);
  }
  if (raw === null || raw === undefined) return BLANK;
  return notUnderstood(name, raw);
}

/** A non-negative number (encours, chiffre d'affaires). */
export function coerceNumber(raw: unknown, name: string): Coerced<number> {
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    value = parseNumberText(raw, false);
  } else if (raw === null || raw === undefined) return BLANK;
  else return notUnderstood(name, raw);
  if (value === undefined || !Number.isFinite(value)) return valueProblem(`${name} : ${quote(raw)} n'est pas un nombre`);
  if (value < 0) return valueProblem(`${name} : ${quote(raw)} ne peut pas être négatif`);
  return value;
}

/** Free text (payment terms, step names); numbers pass through as text. */
export function coerceText(raw: unknown, name: string): Coerced<string> {
  if (typeof raw === "string") return raw.trim() === "" ? BLANK : raw;
  if (typeof raw === "number") return String(raw);
  if (raw === null || raw === undefined) return BLANK;
  return notUnderstood(name, raw);
}

/** Payment terms: a number of days (30) or wording ("45 jours fin de mois"). */
export function coerceTerms(raw: unknown, name: string): Coerced<PaymentTerms> {
  if (typeof raw === "number") {
    const terms = termsFromDays(raw);
    return terms ?? valueProblem(`${name} : ${quote(raw)} n'est pas un nombre de jours entre 0 et 3650`);
  }
  if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    const terms = parsePaymentTerms(raw);
    return terms ?? valueProblem(`${name} : ${quote(raw)} n'est pas une condition de paiement reconnue. Formes acceptées : ${ACCEPTED_TERMS_FORMS}`);
  }
  if (raw === null || raw === undefined) return BLANK;
  return notUnderstood(name, raw);
}
