/**
 * DSO from the books (issue 14): the receivables at the date (net balance of
 * the customer accounts) against the revenue the FEC itself records, with
 * the method said.
 *
 * Revenue including VAT (customer-account invoices minus credit notes of the
 * sales journals) is the default: receivables include VAT, so the ratio is
 * like for like. Revenue excluding VAT (class 70 credits minus debits) is
 * the other method, for a company whose sales journal does not go through
 * customer accounts; it overstates the DSO by the VAT rate, and says so.
 * The months and the two computations are src/core/report/dso.ts's.
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { dsoCountBack, dsoSimpleFromMonths, revenueMonths, type DsoCountBack, type DsoSimple } from "../report/dso";
import type { DailySales } from "./fec/readFec";

export type BooksRevenueBasis = "ttc_comptes_clients" | "ht_classe_70";

export interface BooksDso {
  readonly basis: BooksRevenueBasis;
  /** Revenue per month, most recent first (month 0: from its 1st to the date). */
  readonly monthlyRevenue: readonly Cents[];
  readonly receivables: Cents;
  readonly simple?: DsoSimple;
  readonly countBack?: DsoCountBack;
}

/** The revenue of each of the `months` months ending at `at`, most recent first. */
export function monthlyRevenueOf(daily: ReadonlyMap<EpochDay, Cents>, at: EpochDay, months: number): Cents[] {
  const windows = revenueMonths(at, months);
  const totals = windows.map(() => 0);
  for (const [day, cents] of daily) {
    for (let i = 0; i < windows.length; i++) {
      if (day >= windows[i].from && day <= windows[i].to) {
        totals[i] += cents;
        break;
      }
    }
  }
  return totals;
}

/**
 * DSO at `at` over the `months` months ending there (12 by default).
 * `basis`: the revenue used; by default the revenue including VAT when the
 * books have any, else the class 70 revenue. Undefined without any revenue.
 */
export function dsoFromBooks(sales: DailySales, receivables: Cents, at: EpochDay, months = 12, basis?: BooksRevenueBasis): BooksDso | undefined {
  const ttc = monthlyRevenueOf(sales.ttc, at, months);
  const chosen: BooksRevenueBasis = basis ?? (ttc.some((c) => c > 0) ? "ttc_comptes_clients" : "ht_classe_70");
  // A month with more credit notes than invoices counts as no revenue (dso.ts wants revenue >= 0).
  const monthlyRevenue = (chosen === "ttc_comptes_clients" ? ttc : monthlyRevenueOf(sales.ht, at, months)).map((c) => Math.max(0, c));
  if (!monthlyRevenue.some((c) => c > 0)) return undefined;
  const simple = dsoSimpleFromMonths(receivables, monthlyRevenue, at);
  const countBack = dsoCountBack(receivables, monthlyRevenue, at);
  return { basis: chosen, monthlyRevenue, receivables, ...(simple && { simple }), ...(countBack && { countBack }) };
}
