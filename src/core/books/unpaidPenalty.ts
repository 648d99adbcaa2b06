/**
 * L441-10 penalties on what remained unpaid day by day (issue 14).
 *
 * An invoice of A cents due on D, with settlements s_1 … s_k (partial
 * payments, credit notes) on days P_1 ≤ … ≤ P_k: from D to P_1 the base is A,
 * from P_1 to P_2 it is A − s_1, and so on; after the last one, what is still
 * owed runs to the end date. A settlement on or before D lowers the base from
 * the start. With t_0 = D and base_i the unpaid sum over (t_i, t_(i+1)]:
 *
 *     penalty = round( Σ base_i × rateDays(t_i, t_(i+1)) / (1e6 × 365) )
 *
 * rateDays being the rate book's sum of daily rates (ECB + 10 points per
 * semester, or a contractual rate), the sum is exact in integers and rounded
 * once, half away from zero, like interestCents (money.ts). A sum paid on P
 * bears interest until P included, as penaltyCents counts (due, paid].
 */
import type { EpochDay } from "../calendar";
import { PENALTY_MARGIN } from "../interest";
import { INTEREST_DENOMINATOR, roundDivide, roundDivideBig, type Cents } from "../money";
import { MissingRate, type RateBook } from "../rates/rateBook";

export interface DatedAmount {
  readonly date: EpochDay;
  readonly cents: Cents;
}

/** Rate-days of (start, end]: ECB + margin per day, or the contractual rate. */
function rateDaysOf(book: RateBook, start: EpochDay, end: EpochDay, contractRate: number | undefined): number | MissingRate {
  const days = end - start;
  if (contractRate !== undefined) return contractRate * days;
  const ecb = book.rateDays("bce", start, end);
  return ecb instanceof MissingRate ? ecb : ecb + PENALTY_MARGIN * days;
}

/**
 * The penalty on `originalCents` due on `due`, lowered by `settlements` (any
 * order; those after `end` are ignored), assessed on `end`.
 */
export function penaltyOnUnpaidCents(
  book: RateBook,
  originalCents: Cents,
  due: EpochDay,
  settlements: readonly DatedAmount[],
  end: EpochDay,
  contractRate?: number,
): Cents | MissingRate {
  if (end <= due || originalCents <= 0) return 0;
  const sorted = settlements.filter((s) => s.date <= end && s.cents > 0).sort((a, b) => a.date - b.date);
  let base = originalCents;
  let from = due;
  let sum = 0;
  let big: bigint | undefined;
  const accrue = (amount: Cents, until: EpochDay): MissingRate | undefined => {
    if (amount <= 0 || until <= from) return undefined;
    const rateDays = rateDaysOf(book, from, until, contractRate);
    if (rateDays instanceof MissingRate) return rateDays;
    const product = amount * rateDays;
    if (big === undefined && Number.isSafeInteger(product) && Number.isSafeInteger(sum + product)) sum += product;
    else big = (big ?? BigInt(sum)) + BigInt(amount) * BigInt(rateDays);
    return undefined;
  };
  for (const settlement of sorted) {
    if (settlement.date > from) {
      const missing = accrue(base, settlement.date);
      if (missing) return missing;
      from = settlement.date;
    }
    base = Math.max(0, base - settlement.cents);
  }
  const missing = accrue(base, end);
  if (missing) return missing;
  return big === undefined ? roundDivide(sum, INTEREST_DENOMINATOR) : Number(roundDivideBig(big, BigInt(INTEREST_DENOMINATOR)));
}
