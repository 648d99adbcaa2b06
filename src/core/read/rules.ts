/**
 * The rules of reading one cell value, held once for the formulas
 * (functions/coerce.ts, functions/columns.ts) and the list reader
 * (core/ledger/cells.ts, columnReaders.ts). A rule returns the typed value,
 * BLANK, or a Misread naming what is wrong as a code; each caller words it
 * (the formulas with the argument's name and the value, the list with the
 * column), in the user's language, through the message catalogues.
 *
 * The number rules (dateOfNumber, centsOfNumber, rateOfNumber) take a number
 * and return the value or NaN: small enough for the engine to inline in the
 * formulas' column loops, where 100,000 cells go through them in one call.
 */
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY, parseDateText, serialToEpochDay, type EpochDay } from "../calendar";
import { eurosToCents, RATE_SCALE, type Cents } from "../money";
import { parseNumberText } from "../numberText";
import { normalizeWords } from "../text";

/** What is wrong with a value, whatever reads it. */
export type MisreadCode =
  | "notADate"
  | "dateOutOfRange"
  | "notAnAmount"
  | "amountNegative"
  | "amountNotCents"
  | "notARate"
  | "rateNegative"
  | "rateAbove100"
  | "rateTooPrecise"
  | "notABoolean"
  | "notANumber"
  | "numberNegative";

/** A value that cannot be read, and why. */
export class Misread {
  constructor(readonly code: MisreadCode) {}
}

/** One Misread per code: they carry nothing else, so they are shared. */
const MISREADS = new Map<MisreadCode, Misread>();
export function misread(code: MisreadCode): Misread {
  let known = MISREADS.get(code);
  if (known === undefined) {
    known = new Misread(code);
    MISREADS.set(code, known);
  }
  return known;
}

/** A blank cell or an omitted argument. */
export const BLANK = undefined;
export type ReadResult<T> = T | typeof BLANK | Misread;

// ---------------------------------------------------------------------------
// Number rules: a number in, the typed value or NaN out.

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
  const millionths = Math.round(fraction * RATE_SCALE);
  return Math.abs(fraction * RATE_SCALE - millionths) > 1e-6 ? Number.NaN : millionths;
}

/** Why a number is not a rate (rateOfNumber gave NaN). */
export function rateMisread(fraction: number): Misread {
  if (!Number.isFinite(fraction) || fraction < 0) return misread("rateNegative");
  if (fraction > 1) return misread("rateAbove100");
  return misread("rateTooPrecise");
}

/** Why a number is not an amount (centsOfNumber gave NaN). */
export function amountMisread(euros: number): Misread {
  if (!Number.isFinite(euros)) return misread("notAnAmount");
  return euros < 0 ? misread("amountNegative") : misread("amountNotCents");
}

// ---------------------------------------------------------------------------
// Text rules.

/** A date typed as text (15/03/2025, 2025-03-15), within 01/01/1900 - 31/12/9999. */
export function dateOfText(text: string): EpochDay | Misread {
  const day = parseDateText(text);
  if (day === undefined) return misread("notADate");
  return day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY ? misread("dateOutOfRange") : day;
}

/** A number typed as text (« 1 234,56 », « 12,5 % » when a percent is allowed). */
export function numberOfText(text: string, allowPercent: boolean): number | undefined {
  return parseNumberText(text, allowPercent);
}

/** A rate: a fraction (0.1215, as a percent-formatted cell passes it) or « 12,15 % ». A bare 12.15 would bill 1,215 %: refused. */
export function readRate(raw: number | string): ReadResult<number> {
  let fraction: number | undefined;
  if (typeof raw === "number") fraction = raw;
  else {
    if (raw.trim() === "") return BLANK;
    fraction = numberOfText(raw, true);
    if (fraction === undefined) return misread("notARate");
  }
  const millionths = rateOfNumber(fraction);
  return Number.isNaN(millionths) ? rateMisread(fraction) : millionths;
}

const TRUE_WORDS = new Set(["vrai", "true", "oui", "o", "yes", "y", "x", "1"]);
const FALSE_WORDS = new Set(["faux", "false", "non", "n", "no", "0"]);

/** Yes or no: VRAI/FAUX, TRUE/FALSE, oui/non, x, 1/0; a blank text is BLANK. */
export function readBoolean(raw: boolean | number | string): ReadResult<boolean> {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") {
    if (raw === 1) return true;
    if (raw === 0) return false;
    return misread("notABoolean");
  }
  const word = normalizeWords(raw);
  if (word === "") return BLANK;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return misread("notABoolean");
}

/** A non-negative number (receivables, revenue). */
export function readNonNegative(raw: number | string): ReadResult<number> {
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else {
    if (raw.trim() === "") return BLANK;
    value = numberOfText(raw, false);
  }
  if (value === undefined || !Number.isFinite(value)) return misread("notANumber");
  return value < 0 ? misread("numberNegative") : value;
}
