/**
 * Cell values -> typed values, one parameter at a time.
 *
 * Excel hands custom functions numbers, strings, booleans, null for omitted
 * arguments, "" or 0 for blank cells inside ranges, and error objects. Each
 * coercer returns the typed value, BLANK, or a Problem whose message (a code,
 * worded in the user's language) names the parameter and quotes the value. The
 * rules themselves are core's (core/read/rules.ts), shared with the list reader.
 */
import type { EpochDay } from "../core/calendar";
import { message, type Message } from "../core/messages";
import type { Cents } from "../core/money";
import {
  amountMisread,
  BLANK,
  centsOfNumber,
  dateOfNumber,
  dateOfText,
  Misread,
  numberOfText,
  rateOfNumber,
  readBoolean,
  readNonNegative,
  readRate,
  type MisreadCode,
} from "../core/read/rules";
import { cellText, quotedValue } from "../core/messages/language";
import { ACCEPTED_TERMS_FORMS, parsePaymentTerms, termsFromDays, type PaymentTerms } from "../core/terms";
import { Problem, valueProblem } from "./problem";

/** A blank cell or an omitted argument. */
export { BLANK, centsOfNumber, dateOfNumber, rateOfNumber };
/** Numbers typed as text, as every formula reads them. */
export const parseNumberText = numberOfText;
export type Coerced<T> = T | typeof BLANK | Problem;

/** The value as a French reader sees it, quoted: « 12,5 », « VRAI ». */
export function quote(raw: unknown): string {
  return quotedValue(raw, "fr");
}

/** The value as the user typed it, for a message's parameters (numbers stay numbers: each language writes them). */
export function shown(raw: unknown): unknown {
  return typeof raw === "number" || typeof raw === "boolean" ? raw : cellText(raw, "fr");
}

/** A Misread of the core reader as the formula's Problem, with the argument's name and value. */
export function misreadProblem(code: MisreadCode, name: string, raw: unknown): Problem {
  return valueProblem({ code: `arg.${code}`, params: { name, value: shown(raw) } } as Message);
}

/** An Excel error that came in as an input (CustomFunctions.Error or alike). */
function inputError(name: string, raw: object): Problem | undefined {
  const code = (raw as { code?: unknown }).code;
  if (typeof code !== "string") return undefined;
  return new Problem(code === "#N/A" ? "na" : "value", message("arg.inputError", { name, error: code }));
}

function notUnderstood(name: string, raw: unknown): Problem {
  if (raw !== null && typeof raw === "object") {
    const error = inputError(name, raw);
    if (error) return error;
  }
  return valueProblem(message("arg.notAccepted", { name, value: shown(raw) }));
}

/** Dates: serials (1900 system, time of day ignored) or text dates. */
export function coerceDate(raw: unknown, name: string): Coerced<EpochDay> {
  if (typeof raw === "number") {
    if (raw === 0) return BLANK; // Excel desktop passes 0 for a blank cell in a range
    const day = dateOfNumber(raw);
    return Number.isNaN(day) ? misreadProblem("dateOutOfRange", name, raw) : day;
  }
  if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    const day = dateOfText(raw);
    return day instanceof Misread ? misreadProblem(day.code, name, raw) : day;
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
    value = numberOfText(raw, false);
    if (value === undefined) return misreadProblem("notAnAmount", name, raw);
  } else if (raw === null || raw === undefined) return BLANK;
  else return notUnderstood(name, raw);
  const cents = centsOfNumber(value);
  return Number.isNaN(cents) ? misreadProblem(amountMisread(value).code, name, raw) : cents;
}

/**
 * Rates as fractions (0.1215 = 12.15 %), as a percent-formatted cell passes
 * them, or text "12,15 %". Kept in millionths. A bare 12.15 is refused: it
 * would bill 1,215 %.
 */
export function coerceRate(raw: unknown, name: string): Coerced<number> {
  if (typeof raw !== "number" && typeof raw !== "string") return raw === null || raw === undefined ? BLANK : notUnderstood(name, raw);
  const rate = readRate(raw);
  return rate instanceof Misread ? misreadProblem(rate.code, name, raw) : rate;
}

export function coerceBoolean(raw: unknown, name: string): Coerced<boolean> {
  if (typeof raw !== "number" && typeof raw !== "string" && typeof raw !== "boolean") {
    return raw === null || raw === undefined ? BLANK : notUnderstood(name, raw);
  }
  const flag = readBoolean(raw);
  return flag instanceof Misread ? misreadProblem(flag.code, name, raw) : flag;
}

/** A non-negative number (encours, chiffre d'affaires). */
export function coerceNumber(raw: unknown, name: string): Coerced<number> {
  if (typeof raw !== "number" && typeof raw !== "string") return raw === null || raw === undefined ? BLANK : notUnderstood(name, raw);
  const value = readNonNegative(raw);
  return value instanceof Misread ? misreadProblem(value.code, name, raw) : value;
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
    return terms ?? valueProblem(message("arg.notDays", { name, value: raw }));
  }
  if (typeof raw === "string") {
    if (raw.trim() === "") return BLANK;
    const terms = parsePaymentTerms(raw);
    return terms ?? valueProblem(message("arg.notTerms", { name, value: raw, forms: ACCEPTED_TERMS_FORMS }));
  }
  if (raw === null || raw === undefined) return BLANK;
  return notUnderstood(name, raw);
}
