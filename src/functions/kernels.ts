/**
 * The column kernels of the formulas (see columns.ts): each is the formula's
 * cell-by-cell computation of formulas/ over typed arrays, calling the
 * same core functions, so that a property test can hold the two equal.
 *
 * Where the vector arithmetic declines a row (NaN), the kernel asks the
 * scalar core function for that plain row: a MissingRate ends the row with
 * its Problem (one per semester, missingRateProblem), anything else is the
 * value. Only rows that are not plain are left to the general path.
 */
import { bucketIndex, daysLate } from "../core/aging";
import { epochDayToSerial, MAX_EPOCH_DAY, type EpochDay } from "../core/calendar";
import { DEFAULT_SCENARIO, stepIndexDue, stepLabel } from "../core/escalation/scenario";
import {
  indemnityCents,
  legalInterestCents,
  moratoryInterestCents,
  penaltiesCents,
  penaltyCents,
} from "../core/interest";
import { legalInterestsCents, moratoryInterestsCents } from "../core/interestColumns";
import { centsToEuros, type Cents } from "../core/money";
import { prescriptionDay } from "../core/prescription";
import { MissingRate, type RateBook } from "../core/rates/rateBook";
import { dueDate, type PaymentTerms } from "../core/terms";
import type { ColumnChunk } from "./columns";
import { missingRateProblem, pastLastDateProblem, type ComputedDate } from "./problem";

/** What the money kernels need to know about this call. */
export interface MoneyContext {
  readonly book: RateBook;
  readonly today: EpochDay;
}

/** What the day-counting kernels need. */
export interface TodayContext {
  readonly today: EpochDay;
}

/** A blank optional date (NaN in a kernel column) means today. */
function fillBlankDays(days: Float64Array, count: number, today: EpochDay): void {
  for (let i = 0; i < count; i++) if (days[i] !== days[i]) days[i] = today;
}

/** Kernel results in cents -> euros, in place (NaN stays NaN). */
function centsColumnToEuros(values: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) values[i] = centsToEuros(values[i]);
}

/** An optional column (a contractual rate, a majoration date): NaN (blank) means none. */
function given(value: number): number | undefined {
  return value === value ? value : undefined;
}

/** An interned VRAI / FAUX column's cell: NaN (blank) is FAUX. Never indexes with NaN (a slow, named lookup). */
function isTrue(flags: readonly unknown[], index: number): boolean {
  return index === index && flags[index] === true;
}

/**
 * For the plain rows the vector arithmetic declined: the scalar result, or
 * the row ends with the MissingRate's Problem.
 */
function settleDeclined(
  count: number,
  out: Float64Array,
  chunk: ColumnChunk,
  scalar: (i: number) => Cents | MissingRate,
): void {
  const { plain, errors } = chunk;
  for (let i = 0; i < count; i++) {
    if (out[i] === out[i] || plain[i] !== 1) continue;
    const result = scalar(i);
    if (result instanceof MissingRate) errors[i] = chunk.fail(missingRateProblem(result));
    else out[i] = result;
  }
}

/** PENALITE: penaltyCents, vectorized in core. */
export function penaltyKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: MoneyContext, chunk: ColumnChunk): void {
  const [amounts, dues, paid, rates] = columns;
  fillBlankDays(paid, count, context.today);
  penaltiesCents(context.book, amounts, dues, paid, rates, count, out);
  settleDeclined(count, out, chunk, (i) => penaltyCents(context.book, amounts[i], dues[i], paid[i], given(rates[i])));
  centsColumnToEuros(out, count);
}

/** TOTAL_DU: totalDueCents, the penalty as PENALITE's vectorized, then amount + penalty + indemnity. */
export function totalDueKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: MoneyContext, chunk: ColumnChunk): void {
  const [amounts, dues, paid, rates] = columns;
  fillBlankDays(paid, count, context.today);
  penaltiesCents(context.book, amounts, dues, paid, rates, count, out);
  settleDeclined(count, out, chunk, (i) => penaltyCents(context.book, amounts[i], dues[i], paid[i], given(rates[i])));
  for (let i = 0; i < count; i++) {
    out[i] = centsToEuros(amounts[i] + out[i] + indemnityCents(dues[i], paid[i]));
  }
}

/** INDEMNITE: indemnityCents. */
export function indemnityKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: TodayContext): void {
  const [dues, paid] = columns;
  fillBlankDays(paid, count, context.today);
  for (let i = 0; i < count; i++) out[i] = centsToEuros(indemnityCents(dues[i], paid[i]));
}

/** INTERETS_MORATOIRES: moratoryInterestCents, vectorized in core. */
export function moratoryKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: MoneyContext, chunk: ColumnChunk): void {
  const [amounts, dues, paid] = columns;
  fillBlankDays(paid, count, context.today);
  moratoryInterestsCents(context.book, amounts, dues, paid, count, out);
  settleDeclined(count, out, chunk, (i) => moratoryInterestCents(context.book, amounts[i], dues[i], paid[i]));
  centsColumnToEuros(out, count);
}

/** INTERETS_LEGAUX: legalInterestCents, vectorized in core. Column 3 is interned (VRAI / FAUX). */
export function legalKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: MoneyContext, chunk: ColumnChunk): void {
  const [amounts, starts, ends, privatePerson, majorations] = columns;
  const flags = chunk.interned[3];
  fillBlankDays(ends, count, context.today);
  for (let i = 0; i < count; i++) privatePerson[i] = isTrue(flags, privatePerson[i]) ? 1 : 0;
  legalInterestsCents(context.book, amounts, starts, ends, privatePerson, majorations, count, out);
  settleDeclined(count, out, chunk, (i) =>
    legalInterestCents(context.book, amounts[i], starts[i], ends[i], privatePerson[i] === 1, given(majorations[i])),
  );
  centsColumnToEuros(out, count);
}

/** JOURS_RETARD: days from the due date to the reference, 0 when not due. */
export function daysLateKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: TodayContext): void {
  const [dues, references] = columns;
  fillBlankDays(references, count, context.today);
  for (let i = 0; i < count; i++) out[i] = daysLate(dues[i], references[i]);
}

/** TRANCHE: the index of the bucket's label. */
export interface BucketContext extends TodayContext {
  readonly bounds: readonly number[];
}

export function bucketKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: BucketContext): void {
  const [dues, references] = columns;
  const { bounds } = context;
  fillBlankDays(references, count, context.today);
  for (let i = 0; i < count; i++) {
    const daysLate = references[i] - dues[i];
    // NaN (a row that is not plain) is left NaN: no label for it.
    out[i] = daysLate === daysLate ? bucketIndex(daysLate, bounds) : Number.NaN;
  }
}

/** ETAPE's labels, by step index + 1 (index -1 is « À échoir »). */
export const STEP_LABELS: readonly string[] = [-1, ...DEFAULT_SCENARIO.map((_, i) => i)].map((i) => stepLabel(DEFAULT_SCENARIO, i));

/** ETAPE: the index in STEP_LABELS of the step due. Column 2 is interned (the last step done, as an index). */
export function stepKernel(columns: readonly Float64Array[], count: number, out: Float64Array, context: TodayContext, chunk: ColumnChunk): void {
  const [dues, references, lastSteps] = columns;
  const { plain } = chunk;
  const steps = chunk.interned[2];
  fillBlankDays(references, count, context.today);
  for (let i = 0; i < count; i++) {
    if (plain[i] !== 1) {
      out[i] = Number.NaN;
      continue;
    }
    const last = lastSteps[i];
    out[i] = stepIndexDue(DEFAULT_SCENARIO, references[i] - dues[i], last === last ? (steps[last] as number) : undefined) + 1;
  }
}

/** PRESCRIPTION's and ECHEANCE's wording when the date passes 31/12/9999 (as dateSerial in formulas/days.ts). */
export const PRESCRIPTION_PAST: ComputedDate = { name: "echeance", what: "prescription" };
export const DUE_DATE_PAST: ComputedDate = { name: "conditions", what: "dueDate" };

/** A computed day as a serial, or the row ends with `past`'s Problem. */
function serialOrFail(day: EpochDay, i: number, out: Float64Array, chunk: ColumnChunk, past: ComputedDate): void {
  if (day > MAX_EPOCH_DAY) {
    out[i] = Number.NaN;
    chunk.errors[i] = chunk.fail(pastLastDateProblem(past));
  } else out[i] = epochDayToSerial(day);
}

/** PRESCRIPTION: prescriptionDay as a serial. Column 1 is interned (VRAI / FAUX). */
export function prescriptionKernel(columns: readonly Float64Array[], count: number, out: Float64Array, _context: unknown, chunk: ColumnChunk): void {
  const [dues, consumers] = columns;
  const { plain } = chunk;
  const flags = chunk.interned[1];
  for (let i = 0; i < count; i++) {
    if (plain[i] !== 1) out[i] = Number.NaN;
    else serialOrFail(prescriptionDay(dues[i], isTrue(flags, consumers[i])), i, out, chunk, PRESCRIPTION_PAST);
  }
}

/** ECHEANCE: dueDate as a serial. Column 1 is interned (the payment terms). */
export function dueDateKernel(columns: readonly Float64Array[], count: number, out: Float64Array, _context: unknown, chunk: ColumnChunk): void {
  const [dates, terms] = columns;
  const { plain } = chunk;
  const allTerms = chunk.interned[1];
  for (let i = 0; i < count; i++) {
    if (plain[i] !== 1) out[i] = Number.NaN;
    else serialOrFail(dueDate(dates[i], allTerms[terms[i]] as PaymentTerms), i, out, chunk, DUE_DATE_PAST);
  }
}
