/**
 * Reading one cell of a list as Excel hands it over (Range.values): numbers
 * (dates are 1900-system serials), strings, booleans, and "" for a blank.
 *
 * Each reader returns the value, BLANK (undefined) or a CellError holding why
 * as a message code; the reason never quotes the value, the caller shows it next
 * to the column. Amounts and dates typed as text (« 1.250,50 », « (50,00) »,
 * « 20250315 ») follow the grammars of amountText.ts and dateText.ts; a whole
 * column is read with columnReaders.ts, which decides what one cell cannot
 * (« 12.500 », « 03/04/2025 ») from the other cells of its column. The
 * readers here are those for a lone cell.
 *
 * Rates and yes/no cells follow core/read/rules.ts, the rules the formulas
 * use; the reasons are message codes (cell.*), worded in the user's language.
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { Misread, readBoolean, readRate as readRateRule, type MisreadCode } from "../read/rules";
import { CellError, cellError, type CellRead } from "./cellError";
import { nonNegative, NO_AMOUNT_CONVENTION, NO_DATE_CONVENTION, readDateIn, readSignedAmount } from "./columnReaders";

export { CellError, type CellRead };

export function isBlankCell(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The value as the user sees it, for the "valeur" column of a problem list. */
export function cellDisplay(value: unknown): string {
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value === null || value === undefined) return "";
  return String(value);
}

/**
 * A serial (time of day ignored), an AAAAMMJJ date, or a text date (15/03/2025,
 * 2025-03-15) read day-first when it could be either: a lone cell has no
 * column to decide for it (columnReaders.ts reads whole columns).
 */
export function readDate(value: unknown): CellRead<EpochDay> {
  return readDateIn(value, NO_DATE_CONVENTION);
}

/**
 * Euros -> cents, to the cent; negative amounts are credit notes, refused
 * here (readSignedAmount reads them). A text whose dot or comma could mark
 * thousands or decimals (« 12.500 ») is refused as ambiguous: a lone cell has
 * no column to decide it.
 */
export function readAmount(value: unknown): CellRead<Cents> {
  return nonNegative(readSignedAmount(value, NO_AMOUNT_CONVENTION));
}

/**
 * A rate as a fraction (0.12, as a percent-formatted cell holds 12 %) or as
 * text "12 %", kept in millionths. A bare 12 is refused: it would bill 1,200 %.
 */
export function readRate(value: unknown): CellRead<number> {
  if (typeof value !== "number" && typeof value !== "string") {
    return value === null || value === undefined ? undefined : cellError("cell.rateExpected");
  }
  if (typeof value === "number" && !Number.isFinite(value)) return cellError("cell.rateUnreadable");
  const rate = readRateRule(value);
  return rate instanceof Misread ? cellError(RATE_REASONS[rate.code] ?? "cell.rateUnreadable") : rate;
}

/** The core reader's codes, as the list words them. */
const RATE_REASONS: Partial<Record<MisreadCode, "cell.rateNegative" | "cell.rateAbove100" | "cell.rateTooPrecise">> = {
  rateNegative: "cell.rateNegative",
  rateAbove100: "cell.rateAbove100",
  rateTooPrecise: "cell.rateTooPrecise",
};

/** Text, trimmed; numbers become their digits (invoice numbers, postcodes). */
export function readText(value: unknown): CellRead<string> {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : cellError("cell.textExpected");
  if (typeof value === "boolean") return cellError("cell.textNotBoolean");
  if (value === null || value === undefined) return undefined;
  return cellError("cell.textExpected");
}

/**
 * A yes/no column (Particulier, Acheteur public): VRAI/FAUX, oui/non, x, 1/0;
 * blank is "no". Anything else is refused: the column decides which law
 * applies, it must not be guessed.
 */
export function readFlag(value: unknown): CellRead<boolean> {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value !== "boolean" && typeof value !== "number" && typeof value !== "string") return cellError("cell.flagExpected");
  const flag = readBoolean(value);
  return flag instanceof Misread ? cellError("cell.flagExpected") : flag;
}

const NOT_DIGITS = /[\s.\-\u00a0\u202f]/g;
const DIGITS_ONLY = /^\d+$/;

/** SIREN (9 digits) or SIRET (14 digits, the SIREN is its first 9). */
export function readSiren(value: unknown): CellRead<string> {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return cellError("cell.sirenExpected");
    text = String(value);
    // A number cell loses leading zeros: a SIREN may start with 0.
    text = text.length <= 9 ? text.padStart(9, "0") : text.padStart(14, "0");
  } else if (typeof value === "string") {
    if (value === "") return undefined;
    text = value.replace(NOT_DIGITS, "");
    if (text === "") return undefined;
  } else if (value === null || value === undefined) {
    return undefined;
  } else {
    return cellError("cell.sirenExpected");
  }
  if (!DIGITS_ONLY.test(text) || (text.length !== 9 && text.length !== 14)) {
    return cellError("cell.sirenExpected");
  }
  return text.slice(0, 9);
}

/** French postcodes have 5 digits; a number cell drops the leading 0 (01000). */
export function readPostcode(value: unknown): CellRead<string> {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 100000) {
    return String(value).padStart(5, "0");
  }
  return readText(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_SEPARATORS = /[;,]/;

export function readEmail(value: unknown): CellRead<string> {
  const text = readText(value);
  if (text === undefined || text instanceof CellError) return text;
  // Several addresses in one cell are common ("a@x.fr; b@x.fr"): each must be one.
  const parts = text.split(EMAIL_SEPARATORS).map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 0 || !parts.every((part) => EMAIL.test(part))) return cellError("cell.emailInvalid");
  return parts.join("; ");
}
