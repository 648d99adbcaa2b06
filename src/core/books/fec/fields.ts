/**
 * The FEC's own value formats (A47 A-1 XII), read strictly and without
 * allocating: each reader takes the line and the field's bounds. A FEC is a
 * fixed legal format, not an ambiguous export: no thousands separator, a
 * decimal comma, the sign first or last, zero padding, dates AAAAMMJJ.
 * (Exports made by spreadsheet tools also write a decimal point with one or
 * two decimals, and dates JJ/MM/AAAA or AAAA-MM-JJ: read too, since neither
 * can be mistaken for anything else in a FEC.)
 * A value that cannot be read gives NaN: the caller reports the line.
 */
import { isValidCivilDate, toEpochDay } from "../../calendar";
import { MAX_CENTS } from "../../money";

const SPACE = 32;
const TAB = 9;
const NBSP = 0xa0;
const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const COMMA = 44;
const DOT = 46;

function isBlankCode(code: number): boolean {
  return code === SPACE || code === TAB || code === NBSP;
}

/** Start of the field's text once padding is skipped. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  return start;
}

/** End of the field's text once padding is skipped. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The field, trimmed ("" when blank). */
export function fieldText(text: string, start: number, end: number): string {
  const s = trimStart(text, start, end);
  return text.slice(s, trimEnd(text, s, end));
}

/**
 * An amount in cents: "1250,50", "+000000069,40", "-12,50", "12,50-", "2592",
 * "0,5", "12.5". Blank is 0 (an empty Debit or Credit). NaN when unreadable:
 * two signs, a thousands separator, three decimals that are not zeros.
 */
export function parseFecAmount(text: string, start: number, end: number): number {
  let i = trimStart(text, start, end);
  let j = trimEnd(text, i, end);
  if (i === j) return 0;
  let negative = false;
  let first = text.charCodeAt(i);
  if (first === PLUS || first === MINUS) {
    negative = first === MINUS;
    i++;
    first = -1;
  }
  const last = text.charCodeAt(j - 1);
  if (last === PLUS || last === MINUS) {
    if (first === -1) return Number.NaN; // a sign at both ends
    negative = last === MINUS;
    j--;
  }
  let whole = 0;
  let digits = 0;
  let k = i;
  for (; k < j; k++) {
    const code = text.charCodeAt(k);
    if (code < ZERO || code > NINE) break;
    whole = whole * 10 + (code - ZERO);
    digits++;
  }
  let cents = 0;
  if (k < j) {
    const mark = text.charCodeAt(k);
    if (mark !== COMMA && mark !== DOT) return Number.NaN;
    const decimals = j - k - 1;
    if (decimals < 1 || (mark === DOT && decimals > 2)) return Number.NaN;
    for (let d = 1; d <= decimals; d++) {
      const code = text.charCodeAt(k + d);
      if (code < ZERO || code > NINE) return Number.NaN;
      if (d === 1) cents += (code - ZERO) * 10;
      else if (d === 2) cents += code - ZERO;
      else if (code !== ZERO) return Number.NaN; // a fraction of a cent
    }
  } else if (digits === 0) return Number.NaN;
  const total = whole * 100 + cents;
  if (!(total <= MAX_CENTS)) return Number.NaN;
  return negative && total !== 0 ? -total : total;
}

function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const code = text.charCodeAt(at + k);
    if (code < ZERO || code > NINE) return -1;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/** A date AAAAMMJJ (or JJ/MM/AAAA, AAAA-MM-JJ) as an epoch day; NaN when absent or impossible. */
export function parseFecDate(text: string, start: number, end: number): number {
  const i = trimStart(text, start, end);
  const length = trimEnd(text, i, end) - i;
  let year: number;
  let month: number;
  let day: number;
  if (length === 8) {
    year = digitsAt(text, i, 4);
    month = digitsAt(text, i + 4, 2);
    day = digitsAt(text, i + 6, 2);
  } else if (length === 10 && text.charCodeAt(i + 4) === MINUS && text.charCodeAt(i + 7) === MINUS) {
    year = digitsAt(text, i, 4);
    month = digitsAt(text, i + 5, 2);
    day = digitsAt(text, i + 8, 2);
  } else if (length === 10 && text.charCodeAt(i + 2) === 47 && text.charCodeAt(i + 5) === 47) {
    day = digitsAt(text, i, 2);
    month = digitsAt(text, i + 3, 2);
    year = digitsAt(text, i + 6, 4);
  } else return Number.NaN;
  if (year < 1900 || !isValidCivilDate(year, month, day)) return Number.NaN;
  return toEpochDay(year, month, day);
}
