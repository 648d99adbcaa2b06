/**
 * DSO (days sales outstanding, « délai moyen de paiement clients ») from the
 * receivables at the report date and the monthly revenue (chiffre
 * d'affaires TTC, the same basis as the invoices), most recent month first.
 *
 * The months: month 0 is the calendar month of the report date, counted from
 * its 1st to the report date included (its revenue is the revenue invoiced
 * so far that month; on a month-end report it is the whole month); months
 * 1, 2, … are the whole calendar months before it. revenueMonths() names
 * them for the pane, so the user knows which revenue goes where.
 *
 * Simple method (FACTS.md §8): receivables / revenue of the period × days of
 * the period, the period being the months given.
 *
 * Count-back method (« méthode de l'épuisement du chiffre d'affaires »):
 * the receivables are matched against the most recent revenue first. With
 * R the receivables, S_i and d_i the revenue and the days of month i, and k
 * the first month at which the running total S_0 + … + S_k reaches R:
 *
 *     DSO = d_0 + … + d_(k-1)  +  (R − (S_0 + … + S_(k-1))) / S_k × d_k
 *
 * every month before k is used up whole (its days count in full) and month k
 * only for the part of its revenue still needed (its days prorated).
 *
 * Worked example, report at 31/03/2025, receivables 250 000 €:
 *
 *     month      revenue     days   left to match
 *     mars 2025  100 000 €    31    250 000 − 100 000 = 150 000  → 31 days
 *     fév. 2025   90 000 €    28    150 000 −  90 000 =  60 000  → 28 days
 *     janv. 2025 120 000 €    31     60 000 / 120 000 × 31       → 15,5 days
 *
 *     DSO = 31 + 28 + 15,5 = 74,5 days
 *     (simple method over the same three months: 250 000 / 310 000 × 90 = 72,58 days)
 *
 * A month with no revenue is used up whole. When the months given do not
 * cover the receivables, the DSO is more than the days of all the months:
 * `exhausted` says so and `days` is that lower bound, never an extrapolation.
 *
 * Every sum is in integer cents; the only division is the final one, kept as
 * an exact fraction (numerator / denominator) beside its float value.
 */
import { daysInMonth, fromEpochDay, toEpochDay, type EpochDay } from "../calendar";
import type { Cents } from "../money";

export const MAX_REVENUE_MONTHS = 24;

export interface RevenueMonth {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** First day counted. */
  readonly from: EpochDay;
  /** Last day counted: the report date for month 0, the month's end otherwise. */
  readonly to: EpochDay;
  readonly days: number;
  /** Month 0 when the report date is not the month's last day. */
  readonly partial: boolean;
}

/** The `count` months the revenue inputs stand for, most recent first. */
export function revenueMonths(asOf: EpochDay, count = 12): RevenueMonth[] {
  const months: RevenueMonth[] = [];
  const { year: y0, month: m0, day: d0 } = fromEpochDay(asOf);
  for (let i = 0; i < count; i++) {
    const index = y0 * 12 + (m0 - 1) - i;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const from = toEpochDay(year, month, 1);
    const length = daysInMonth(year, month);
    const days = i === 0 ? d0 : length;
    months.push({ year, month, from, to: from + days - 1, days, partial: i === 0 && d0 < length });
  }
  return months;
}

/** Why monthly revenue is unusable, or undefined. */
export function revenueProblem(monthlyRevenue: readonly Cents[]): string | undefined {
  if (monthlyRevenue.length > MAX_REVENUE_MONTHS) return `au plus ${MAX_REVENUE_MONTHS} mois de chiffre d'affaires`;
  for (let i = 0; i < monthlyRevenue.length; i++) {
    const value = monthlyRevenue[i];
    if (!Number.isSafeInteger(value) || value < 0) return `chiffre d'affaires du mois ${i + 1} : un montant positif ou nul en centimes est attendu`;
  }
  return undefined;
}

export interface DsoSimple {
  readonly days: number;
  /** Receivables × period days … */
  readonly numerator: number;
  /** … over the revenue of the period. */
  readonly denominator: number;
  readonly revenue: Cents;
  readonly periodDays: number;
  readonly months: number;
}

/** Simple method over the months given; undefined without revenue. */
export function dsoSimpleFromMonths(receivables: Cents, monthlyRevenue: readonly Cents[], asOf: EpochDay): DsoSimple | undefined {
  if (monthlyRevenue.length === 0) return undefined;
  const months = revenueMonths(asOf, monthlyRevenue.length);
  let revenue = 0;
  let periodDays = 0;
  monthlyRevenue.forEach((value, i) => {
    revenue += value;
    periodDays += months[i].days;
  });
  if (revenue <= 0) return undefined;
  const numerator = receivables * periodDays;
  return { days: numerator / revenue, numerator, denominator: revenue, revenue, periodDays, months: monthlyRevenue.length };
}

export interface DsoCountBack {
  /** DSO in days (a lower bound when `exhausted`). */
  readonly days: number;
  /** days = numerator / denominator exactly. */
  readonly numerator: number;
  readonly denominator: number;
  /** Months used up whole, and their days. */
  readonly fullMonths: number;
  readonly fullDays: number;
  /** The month the receivables ran out in: the revenue still needed there, its revenue and days. */
  readonly partial?: { readonly month: number; readonly needed: Cents; readonly revenue: Cents; readonly days: number };
  /** The receivables exceed the revenue of every month given. */
  readonly exhausted: boolean;
}

/** Count-back method; undefined without any month of revenue. */
export function dsoCountBack(receivables: Cents, monthlyRevenue: readonly Cents[], asOf: EpochDay): DsoCountBack | undefined {
  if (monthlyRevenue.length === 0) return undefined;
  const months = revenueMonths(asOf, monthlyRevenue.length);
  let left = receivables;
  let fullDays = 0;
  if (left <= 0) return { days: 0, numerator: 0, denominator: 1, fullMonths: 0, fullDays: 0, exhausted: false };
  for (let i = 0; i < monthlyRevenue.length; i++) {
    const revenue = monthlyRevenue[i];
    const days = months[i].days;
    if (revenue >= left && revenue > 0) {
      // Prorated last month: fullDays + left / revenue × days, as one fraction.
      const numerator = fullDays * revenue + left * days;
      return {
        days: numerator / revenue,
        numerator,
        denominator: revenue,
        fullMonths: i,
        fullDays,
        partial: { month: i, needed: left, revenue, days },
        exhausted: false,
      };
    }
    left -= revenue;
    fullDays += days;
  }
  return { days: fullDays, numerator: fullDays, denominator: 1, fullMonths: monthlyRevenue.length, fullDays, exhausted: true };
}
