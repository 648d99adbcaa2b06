/**
 * The grammar of a date typed as text or exported as a number: « 15/03/2025 »,
 * « 15.03.2025 », « 8/25/2013 », « 2025-03-15 », « 20250315 » (AAAAMMJJ, the
 * FEC's form, as text or as a number).
 *
 * « 03/04/2025 » cannot say by itself whether it is the 3rd of April or the
 * 4th of March: it is returned as `ambiguous` with both readings, and the
 * column decides (columnReaders.ts). « 25/08/2013 » is day-first by itself,
 * « 8/25/2013 » month-first: that is the `evidence` a column's decision is
 * made of. A text in a date's shape naming a day that does not exist
 * (« 31/02/2025 ») is `nonexistent`, told apart from unreadable text.
 */
import { isValidCivilDate, toEpochDay, type EpochDay } from "../calendar";

export type DateOrder = "dayFirst" | "monthFirst";

export interface CivilParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateText =
  | { readonly kind: "date"; readonly day: EpochDay; readonly evidence?: DateOrder }
  | { readonly kind: "ambiguous"; readonly dayFirst: EpochDay; readonly monthFirst: EpochDay }
  /** The shape of a date, but no such day (31 February, month 13). */
  | { readonly kind: "nonexistent"; readonly parts: CivilParts; readonly evidence?: DateOrder }
  | { readonly kind: "unreadable" };

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Years an AAAAMMJJ number may name: an 8-digit number outside them is not taken for a date. */
export const COMPACT_MIN_YEAR = 1900;
export const COMPACT_MAX_YEAR = 2199;

function civil(year: number, month: number, day: number, evidence?: DateOrder): DateText {
  if (isValidCivilDate(year, month, day)) {
    return evidence === undefined ? { kind: "date", day: toEpochDay(year, month, day) } : { kind: "date", day: toEpochDay(year, month, day), evidence };
  }
  const parts = { year, month, day };
  return evidence === undefined ? { kind: "nonexistent", parts } : { kind: "nonexistent", parts, evidence };
}

/** AAAAMMJJ as digits; undefined when the year is not a plausible one. */
export function parseCompactDate(digits: string): DateText | undefined {
  const match = COMPACT.exec(digits);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < COMPACT_MIN_YEAR || year > COMPACT_MAX_YEAR) return undefined;
  return civil(year, Number(match[2]), Number(match[3]));
}

/** Reads a date typed as text (see the module comment). */
export function parseDateTextInColumn(text: string): DateText {
  const trimmed = text.trim();
  let match = SLASHED.exec(trimmed);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = Number(match[3]);
    if (first > 12 && second <= 12) return civil(year, second, first, "dayFirst");
    if (second > 12 && first <= 12) return civil(year, first, second, "monthFirst");
    if (first > 12 && second > 12) return civil(year, second, first); // no month in either place
    if (first === second || first === 0 || second === 0) return civil(year, second, first);
    // Both could be months: both readings name a real day.
    return { kind: "ambiguous", dayFirst: toEpochDay(year, second, first), monthFirst: toEpochDay(year, first, second) };
  }
  match = ISO.exec(trimmed);
  if (match) return civil(Number(match[1]), Number(match[2]), Number(match[3]));
  return parseCompactDate(trimmed) ?? { kind: "unreadable" };
}
