/**
 * Reading one cell of a list as Excel hands it over (Range.values): numbers
 * (dates are 1900-system serials), strings, booleans, and "" for a blank.
 *
 * Each reader returns the value, BLANK (undefined) or a CellError holding a
 * French reason; the reason never quotes the value, the caller shows it next
 * to the column. Amounts and dates typed as text (« 1.250,50 », « (50,00) »,
 * « 20250315 ») follow the grammars of amountText.ts and dateText.ts; a whole
 * column is read with columnReaders.ts, which decides what one cell cannot
 * (« 12.500 », « 03/04/2025 ») from the other cells of its column. The
 * readers here are those for a lone cell.
 *
 * Rates typed as TEXT ("12 %") are read with the engine's number-text parser
 * (numberText.ts), the one the formulas use.
 */
import type { EpochDay } from "../calendar";
import { RATE_SCALE, type Cents } from "../money";
import { parseNumberText } from "../numberText";
import { normalizeWords } from "../text";
import { CellError, type CellRead } from "./cellError";
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

function readNumber(value: unknown, allowPercent: boolean, what: string): CellRead<number> {
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(`${what} illisible`);
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    const parsed = parseNumberText(value, allowPercent);
    return parsed === undefined ? new CellError(`${what} illisible`) : parsed;
  }
  if (value === null || value === undefined) return undefined;
  return new CellError(`${what} attendu`);
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
  const fraction = readNumber(value, true, "taux");
  if (fraction === undefined || fraction instanceof CellError) return fraction;
  if (fraction < 0) return new CellError("un taux ne peut pas être négatif");
  if (fraction > 1) return new CellError("taux supérieur à 100 % : écrivez-le en pourcentage (12 %) ou en fraction (0,12)");
  const millionths = Math.round(fraction * RATE_SCALE);
  if (Math.abs(fraction * RATE_SCALE - millionths) > 1e-6) return new CellError("au plus quatre décimales en pourcentage");
  return millionths;
}

/** Text, trimmed; numbers become their digits (invoice numbers, postcodes). */
export function readText(value: unknown): CellRead<string> {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : new CellError("texte attendu");
  if (typeof value === "boolean") return new CellError("texte attendu, pas VRAI/FAUX");
  if (value === null || value === undefined) return undefined;
  return new CellError("texte attendu");
}

const YES = new Set(["vrai", "true", "oui", "o", "yes", "y", "x", "1"]);
const NO = new Set(["faux", "false", "non", "n", "no", "0"]);

/**
 * A yes/no column (Particulier, Acheteur public): VRAI/FAUX, oui/non, x, 1/0;
 * blank is "no". Anything else is refused: the column decides which law
 * applies, it must not be guessed.
 */
export function readFlag(value: unknown): CellRead<boolean> {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (value === 1) return true;
    if (value === 0) return false;
    return new CellError("attendu oui/non (VRAI/FAUX, x, 1/0)");
  }
  if (typeof value === "string") {
    if (value === "") return undefined;
    const word = normalizeWords(value);
    if (word === "") return undefined;
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    return new CellError("attendu oui/non (VRAI/FAUX, x, 1/0)");
  }
  if (value === null || value === undefined) return undefined;
  return new CellError("attendu oui/non (VRAI/FAUX, x, 1/0)");
}

const NOT_DIGITS = /[\s.\-\u00a0\u202f]/g;
const DIGITS_ONLY = /^\d+$/;

/** SIREN (9 digits) or SIRET (14 digits, the SIREN is its first 9). */
export function readSiren(value: unknown): CellRead<string> {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return new CellError("SIREN (9 chiffres) ou SIRET (14 chiffres) attendu");
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
    return new CellError("SIREN (9 chiffres) ou SIRET (14 chiffres) attendu");
  }
  if (!DIGITS_ONLY.test(text) || (text.length !== 9 && text.length !== 14)) {
    return new CellError("SIREN (9 chiffres) ou SIRET (14 chiffres) attendu");
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
  if (parts.length === 0 || !parts.every((part) => EMAIL.test(part))) return new CellError("adresse e-mail invalide");
  return parts.join("; ");
}
