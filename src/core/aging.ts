/**
 * Aging ("balance âgée") and DSO. No legal definition exists (FACTS.md §8);
 * the common buckets are: not yet due, 1-30, 31-60, 61-90, over 90 days.
 */
import type { EpochDay } from "./calendar";
import { message, textOf, type Language, type Message } from "./messages";
import type { Cents } from "./money";

export const DEFAULT_BOUNDS: readonly number[] = [30, 60, 90];
export const NOT_DUE_LABEL = textOf(message("label.notDue"), "fr");
export const TOTAL_LABEL = textOf(message("label.total"), "fr");
const MAX_BUCKETS = 20;

/** Why a list of bounds is unusable, or undefined when it is fine. */
export function boundsMisfit(bounds: readonly number[]): Message | undefined {
  if (bounds.length === 0) return message("bounds.none");
  if (bounds.length > MAX_BUCKETS) return message("bounds.tooMany", { max: MAX_BUCKETS });
  for (let i = 0; i < bounds.length; i++) {
    const bound = bounds[i];
    if (!Number.isInteger(bound) || bound < 1) return message("bounds.notPositive", { value: bound });
    if (i > 0 && bound <= bounds[i - 1]) return message("bounds.notIncreasing");
  }
  return undefined;
}

/** boundsMisfit in a language (French by default: the report sheet's and the tests' wording). */
export function boundsProblem(bounds: readonly number[], language: Language = "fr"): string | undefined {
  const misfit = boundsMisfit(bounds);
  return misfit && textOf(misfit, language);
}

/** The buckets' labels as messages: not due, 1-30, 31-60, 61-90, over 90 days for [30, 60, 90]. */
export function bucketLabelMessages(bounds: readonly number[]): Message[] {
  const labels = [message("label.notDue")];
  let from = 1;
  for (const bound of bounds) {
    labels.push(message("label.bucket", { from, to: bound }));
    from = bound + 1;
  }
  labels.push(message("label.bucketOver", { from: bounds[bounds.length - 1] }));
  return labels;
}

/** "Non échu", "1-30 j", "31-60 j", "61-90 j", "> 90 j" for [30, 60, 90]; "Not due", "1-30 d"… in English. */
export function bucketLabels(bounds: readonly number[], language: Language = "fr"): string[] {
  return bucketLabelMessages(bounds).map((label) => textOf(label, language));
}

/** Bucket of an invoice `daysLate` days past its due date (0 or fewer: not due). */
export function bucketIndex(daysLate: number, bounds: readonly number[]): number {
  if (daysLate <= 0) return 0;
  for (let i = 0; i < bounds.length; i++) if (daysLate <= bounds[i]) return i + 1;
  return bounds.length + 1;
}

export interface AgedAmount {
  readonly amount: Cents;
  readonly daysLate: number;
}

/** Totals per bucket, in the order of bucketLabels, plus the grand total. */
export function agingTotals(rows: Iterable<AgedAmount>, bounds: readonly number[]): { buckets: Cents[]; total: Cents } {
  const buckets = new Array<Cents>(bounds.length + 2).fill(0);
  let total = 0;
  for (const row of rows) {
    buckets[bucketIndex(row.daysLate, bounds)] += row.amount;
    total += row.amount;
  }
  return { buckets, total };
}

/** Days an invoice due on `due` is late on `reference`: 0 when not yet due (JOURS_RETARD). */
export function daysLate(due: EpochDay, reference: EpochDay): number {
  return Math.max(0, reference - due);
}

/** The DSO's period when none is given: a year, counted as 365 days (as the DSO of the report). */
export const DSO_DEFAULT_DAYS = 365;

/**
 * DSO, simple method: receivables / revenue x days of the period. Both in the
 * same unit; revenue must be positive.
 */
export function dsoSimple(receivables: number, revenue: number, periodDays: number = DSO_DEFAULT_DAYS): number {
  return (receivables / revenue) * periodDays;
}
