/**
 * Aging ("balance âgée") and DSO. No legal definition exists (FACTS.md §8);
 * the common buckets are: not yet due, 1-30, 31-60, 61-90, over 90 days.
 */
import type { EpochDay } from "./calendar";
import type { Cents } from "./money";

export const DEFAULT_BOUNDS: readonly number[] = [30, 60, 90];
export const NOT_DUE_LABEL = "Non échu";
export const TOTAL_LABEL = "Total";
const MAX_BUCKETS = 20;

/** Why a list of bounds is unusable, or undefined when it is fine. */
export function boundsProblem(bounds: readonly number[]): string | undefined {
  if (bounds.length === 0) return "au moins une borne est nécessaire (ex. 30 ; 60 ; 90)";
  if (bounds.length > MAX_BUCKETS) return `au plus ${MAX_BUCKETS} bornes`;
  for (let i = 0; i < bounds.length; i++) {
    const bound = bounds[i];
    if (!Number.isInteger(bound) || bound < 1) return `« ${bound} » n'est pas un nombre de jours entier positif`;
    if (i > 0 && bound <= bounds[i - 1]) return "les bornes doivent être strictement croissantes (ex. 30 ; 60 ; 90)";
  }
  return undefined;
}

/** "Non échu", "1-30 j", "31-60 j", "61-90 j", "> 90 j" for [30, 60, 90]. */
export function bucketLabels(bounds: readonly number[]): string[] {
  const labels = [NOT_DUE_LABEL];
  let from = 1;
  for (const bound of bounds) {
    labels.push(`${from}-${bound} j`);
    from = bound + 1;
  }
  labels.push(`> ${bounds[bounds.length - 1]} j`);
  return labels;
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
