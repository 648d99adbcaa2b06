/**
 * Reading amounts and dates per column.
 *
 * An export writes every cell of a column the same way. What one cell cannot
 * decide (« 12.500 »: thousands or decimals? « 03/04/2025 »: 3 April or
 * 4 March?) the other cells of its column can: a column holding « 1.250,50 »
 * uses the dot for thousands, one holding « 8/25/2013 » puts the month first.
 * So the convention is decided once per column, in one pass over its values
 * (`amountConventionOf`, `dateConventionOf`), then applied to each cell.
 * Only cells that decide by themselves count, so the decision does not depend
 * on row order, and a column with evidence both ways (`mixed`) refuses its
 * ambiguous cells rather than pick a side.
 *
 * An ambiguous amount nothing decides is an error (a wrong amount would be
 * chased). An ambiguous date nothing decides is read the French way, day
 * first, and the column is flagged (`dateColumnNotice`): refusing it would
 * reject most French lists of a few rows, and the notice says what was done.
 *
 * Amounts are signed: a negative amount is a credit. Whether a credit is
 * accepted is the caller's choice (`nonNegative` keeps the old refusal).
 */
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY, serialToEpochDay, type EpochDay } from "../calendar";
import { eurosToCents, type Cents } from "../money";
import { parseAmountText, type DecimalMark } from "./amountText";
import { message } from "../messages";
import { CellError, cellError, type CellRead } from "./cellError";
import { COMPACT_MAX_YEAR, COMPACT_MIN_YEAR, parseCompactDate, parseDateTextInColumn, type DateOrder, type DateText } from "./dateText";
import { READING_FR } from "./readingMessages.fr";

/** The cells of one column: rows[i][column]. */
export type ColumnRows = ReadonlyArray<readonly unknown[]>;

export interface AmountConvention {
  /** The decimal mark the column's cells show; undefined when none does. */
  readonly decimal?: DecimalMark;
  /** Cells show both marks as decimal: ambiguous cells are refused. */
  readonly mixed: boolean;
}

export interface DateConvention {
  readonly order?: DateOrder;
  readonly mixed: boolean;
  /** Cells readable both ways, for the column's notice. */
  readonly ambiguous: number;
}

export const NO_AMOUNT_CONVENTION: AmountConvention = { mixed: false };
export const NO_DATE_CONVENTION: DateConvention = { mixed: false, ambiguous: 0 };

// ---------------------------------------------------------------------------
// Amounts.

/**
 * The decimal mark a text would show if it reads, from its marks alone (one
 * scan, no parse): the last of two different marks, the other one of a mark
 * used twice, a lone mark not followed by exactly three digits. "parse": only
 * the grammar can tell (a lone mark before three digits). It agrees with
 * parseAmountText's evidence whenever that text reads.
 */
function quickEvidence(text: string): DecimalMark | "parse" | undefined {
  let commas = 0;
  let dots = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44) commas++;
    else if (code === 46) dots++;
    else continue;
    last = i;
  }
  if (last < 0) return undefined;
  const lastMark: DecimalMark = text.charCodeAt(last) === 44 ? "," : ".";
  if (commas > 0 && dots > 0) return lastMark;
  if (commas + dots >= 2) return lastMark === "," ? "." : ",";
  let digits = 0;
  while (last + 1 + digits < text.length && text.charCodeAt(last + 1 + digits) >= 48 && text.charCodeAt(last + 1 + digits) <= 57) digits++;
  return digits === 3 ? "parse" : lastMark;
}

export function amountConventionOf(rows: ColumnRows, column: number): AmountConvention {
  if (column < 0) return NO_AMOUNT_CONVENTION;
  let comma = false;
  let dot = false;
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][column];
    // Numbers (most cells of most lists) say nothing about text conventions.
    if (typeof value !== "string") continue;
    // A cell can only change the decision by showing a mark not yet confirmed:
    // the full grammar runs for those alone (and for lone marks before 3 digits).
    const quick = quickEvidence(value);
    if (quick === undefined || (quick === "," && comma) || (quick === "." && dot)) continue;
    const parsed = parseAmountText(value);
    if (parsed.kind !== "amount" || parsed.evidence === undefined) continue;
    if (parsed.evidence === ",") comma = true;
    else dot = true;
    if (comma && dot) return { mixed: true };
  }
  if (comma) return { decimal: ",", mixed: false };
  if (dot) return { decimal: ".", mixed: false };
  return NO_AMOUNT_CONVENTION;
}

/** Euros -> signed cents, to the cent; a negative amount is a credit. */
export function readSignedAmount(value: unknown, convention: AmountConvention = NO_AMOUNT_CONVENTION): CellRead<Cents> {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return cellError("cell.amountUnreadable");
    const cents = eurosToCents(value);
    return cents === undefined ? cellError("cell.amountNotCents") : cents;
  }
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    const parsed = parseAmountText(value);
    switch (parsed.kind) {
      case "amount":
        return parsed.cents;
      case "ambiguous": {
        if (convention.mixed) return cellError("cell.amountAmbiguousMixed");
        if (convention.decimal === undefined) return cellError("cell.amountAmbiguous");
        const cents = convention.decimal === parsed.mark ? parsed.ifDecimal : parsed.ifThousands;
        return cents === "notCents" ? cellError("cell.amountNotCents") : cents;
      }
      case "notCents":
        return cellError("cell.amountNotCents");
      case "tooLarge":
        return cellError("cell.amountTooLarge");
      default:
        return cellError("cell.amountUnreadable");
    }
  }
  if (value === null || value === undefined) return undefined;
  return cellError("cell.amountExpected");
}

/** The old rule for callers that take no credit: a negative amount is refused. */
export function nonNegative(read: CellRead<Cents>): CellRead<Cents> {
  return typeof read === "number" && read < 0 ? cellError("cell.amountNegative") : read;
}

/**
 * The signed amount of a line given as Débit and Crédit columns: debit minus
 * credit. `field` names the column to blame when one cannot be read (or
 * « debit » when both are blank).
 */
export function debitMinusCredit(debit: CellRead<Cents>, credit: CellRead<Cents>): { read: CellRead<Cents>; field: "debit" | "credit" } {
  if (debit instanceof CellError) return { read: debit, field: "debit" };
  if (credit instanceof CellError) return { read: credit, field: "credit" };
  if (debit === undefined && credit === undefined) return { read: undefined, field: "debit" };
  const cents = (debit ?? 0) - (credit ?? 0);
  return { read: cents === 0 ? 0 : cents, field: debit === undefined ? "credit" : "debit" };
}

/** A reader of one column's amounts, signed, its convention decided once. */
export function signedAmountColumn(rows: ColumnRows, column: number): { read: (value: unknown) => CellRead<Cents>; notice?: string } {
  const convention = amountConventionOf(rows, column);
  const read = (value: unknown) => readSignedAmount(value, convention);
  return convention.mixed ? { read, notice: READING_FR.amountColumnMixed } : { read };
}

// ---------------------------------------------------------------------------
// Dates.

/** An 8-digit number in the plausible range is AAAAMMJJ; serials stay far below it. */
function compactNumber(value: number): DateText | undefined {
  if (!Number.isInteger(value) || value < COMPACT_MIN_YEAR * 10000 || value > COMPACT_MAX_YEAR * 10000 + 1231) return undefined;
  return parseCompactDate(String(value));
}

export function dateConventionOf(rows: ColumnRows, column: number): DateConvention {
  if (column < 0) return NO_DATE_CONVENTION;
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][column];
    if (typeof value !== "string") continue;
    const parsed = parseDateTextInColumn(value);
    if (parsed.kind === "ambiguous") ambiguous++;
    // Only real days count: a typo (« 04/31/2025 ») does not flip a column.
    else if (parsed.kind === "date" && parsed.evidence === "dayFirst") dayFirst = true;
    else if (parsed.kind === "date" && parsed.evidence === "monthFirst") monthFirst = true;
  }
  if (dayFirst && monthFirst) return { mixed: true, ambiguous };
  if (dayFirst) return { order: "dayFirst", mixed: false, ambiguous };
  if (monthFirst) return { order: "monthFirst", mixed: false, ambiguous };
  return { mixed: false, ambiguous };
}

function dayOfText(parsed: DateText, convention: DateConvention): CellRead<EpochDay> {
  switch (parsed.kind) {
    case "date":
      return parsed.day < MIN_EPOCH_DAY || parsed.day > MAX_EPOCH_DAY ? cellError("cell.dateOutOfRange") : parsed.day;
    case "ambiguous":
      if (convention.mixed) return cellError("cell.dateAmbiguousMixed");
      return convention.order === "monthFirst" ? parsed.monthFirst : parsed.dayFirst;
    case "nonexistent":
      return new CellError(message("cell.dateNonexistent", { year: parsed.parts.year, month: parsed.parts.month, day: parsed.parts.day }));
    default:
      return cellError("cell.dateUnreadable");
  }
}

/** A serial (time of day ignored), an AAAAMMJJ number, or a text date read in the column's convention. */
export function readDateIn(value: unknown, convention: DateConvention = NO_DATE_CONVENTION): CellRead<EpochDay> {
  if (typeof value === "number") {
    // Excel passes 0 for a blank cell referenced by a formula.
    if (value === 0) return undefined;
    const compact = compactNumber(value);
    if (compact !== undefined) return dayOfText(compact, convention);
    const day = Number.isFinite(value) ? serialToEpochDay(Math.floor(value)) : undefined;
    return day === undefined ? cellError("cell.dateOutOfRange") : day;
  }
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    return dayOfText(parseDateTextInColumn(value), convention);
  }
  if (value === null || value === undefined) return undefined;
  return cellError("cell.dateExpected");
}

/** What the column's reading should tell the user, once for the column. */
export function dateColumnNotice(convention: DateConvention): string | undefined {
  if (convention.mixed) return READING_FR.dateColumnMixed;
  if (convention.order === "monthFirst") return READING_FR.dateColumnMonthFirst;
  if (convention.order === undefined && convention.ambiguous > 0) return READING_FR.dateColumnUndecided(convention.ambiguous);
  return undefined;
}

/** A reader of one column's dates, its convention decided once. */
export function dateColumn(rows: ColumnRows, column: number): { read: (value: unknown) => CellRead<EpochDay>; notice?: string } {
  const convention = dateConventionOf(rows, column);
  const read = (value: unknown) => readDateIn(value, convention);
  const notice = dateColumnNotice(convention);
  return notice === undefined ? { read } : { read, notice };
}
