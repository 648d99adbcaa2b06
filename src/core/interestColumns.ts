/**
 * Interest over columns, for formulas over 100,000 rows: the arithmetic of
 * moratoryInterestCents and legalInterestCents (interest.ts) with the rate
 * tables looked up once instead of once per row. out[i] is row i in cents,
 * or NaN where the scalar function itself must answer (a period outside the
 * book's contiguous tables, hence perhaps a missing rate; a product beyond
 * the safe integers). Property tests hold each equal to its scalar function.
 */
import { LEGAL_MAJORATION, MORATORY_MARGIN } from "./interest";
import { INTEREST_DENOMINATOR, roundDivideNatural } from "./money";
import type { RateBook } from "./rates/rateBook";

/** amount x rateDays / INTEREST_DENOMINATOR rounded, or NaN past the safe integers. */
function interestOrNaN(amount: number, rateDays: number): number {
  const product = amount * rateDays;
  return product <= Number.MAX_SAFE_INTEGER ? roundDivideNatural(product, INTEREST_DENOMINATOR) : Number.NaN;
}

/**
 * moratoryInterestCents per row: ONE rate, the ECB rate of the day after the
 * term plus 8 points. The daily rate of a day is the step of the cumulative
 * table at that day, exact (the table holds integer sums).
 */
export function moratoryInterestsCents(
  book: RateBook,
  amounts: Float64Array,
  dues: Float64Array,
  paid: Float64Array,
  count: number,
  out: Float64Array,
): void {
  const { baseDay, cumulative } = book.cumulativeRates("bce");
  const last = cumulative.length - 1;
  for (let i = 0; i < count; i++) {
    const amount = amounts[i];
    const due = dues[i];
    const end = paid[i];
    if (end <= due || amount === 0) {
      out[i] = 0;
      continue;
    }
    const day = due + 1 - baseDay;
    // NaN (a row the caller will not use) lands here too: never index a typed array with NaN, a slow lookup.
    if (!(day >= 1 && day <= last)) {
      out[i] = Number.NaN;
      continue;
    }
    const rate = cumulative[day] - cumulative[day - 1] + MORATORY_MARGIN;
    out[i] = interestOrNaN(amount, rate * (end - due));
  }
}

/**
 * legalInterestCents per row: column (a) where privatePerson[i] is 1, (b)
 * otherwise; majorations[i] is the day from which 5 more points run, NaN for none.
 */
export function legalInterestsCents(
  book: RateBook,
  amounts: Float64Array,
  starts: Float64Array,
  ends: Float64Array,
  privatePerson: Float64Array,
  majorations: Float64Array,
  count: number,
  out: Float64Array,
): void {
  const particulier = book.cumulativeRates("legalParticulier");
  const autres = book.cumulativeRates("legalAutres");
  for (let i = 0; i < count; i++) {
    const amount = amounts[i];
    const start = starts[i];
    const end = ends[i];
    if (end <= start || amount === 0) {
      out[i] = 0;
      continue;
    }
    const table = privatePerson[i] === 1 ? particulier : autres;
    const cumulative = table.cumulative;
    const from = start - table.baseDay;
    const to = end - table.baseDay;
    if (!(from >= 0 && to < cumulative.length)) {
      out[i] = Number.NaN;
      continue;
    }
    const majoration = majorations[i];
    const majoratedDays = majoration === majoration ? Math.max(0, end - Math.max(start, majoration)) : 0;
    out[i] = interestOrNaN(amount, cumulative[to] - cumulative[from] + LEGAL_MAJORATION * majoratedDays);
  }
}
