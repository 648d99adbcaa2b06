/**
 * Interest on late payments, exactly.
 *
 * Convention (issue 3, service-public fiche F20688): a late period (start,
 * end] has end - start calendar days; each day is charged at the rate of the
 * semester containing it; interest = amount x rate x days / 365, 365 in leap
 * years too; the sum is exact and rounded once to the cent, half away from
 * zero.
 */
import type { EpochDay } from "./calendar";
import { INTEREST_DENOMINATOR, interestCents, RATE_SCALE, roundDivideNatural, type Cents } from "./money";
import { MissingRate, type RateBook } from "./rates/rateBook";

/** L441-10: the ECB rate plus 10 points, in millionths. */
export const PENALTY_MARGIN = 10 * (RATE_SCALE / 100);
/** R2192-31: public buyers pay the ECB rate plus 8 points. */
export const MORATORY_MARGIN = 8 * (RATE_SCALE / 100);
/** CMF L313-3: +5 points two months after a judgment becomes enforceable. */
export const LEGAL_MAJORATION = 5 * (RATE_SCALE / 100);
/** D441-5 and D2192-35: fixed recovery indemnity per invoice paid late. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/**
 * L441-10 penalties on `amount` cents due on `due`, paid (or assessed) on
 * `paid`. Without a contractual rate, each semester is charged at ECB + 10
 * points; a contractual rate (millionths) applies as is for the whole period.
 */
export function penaltyCents(
  book: RateBook,
  amount: Cents,
  due: EpochDay,
  paid: EpochDay,
  contractRate?: number,
): Cents | MissingRate {
  if (paid <= due || amount === 0) return 0;
  const days = paid - due;
  if (contractRate !== undefined) return interestCents(amount, contractRate * days);
  const ecbDays = book.rateDays("bce", due, paid);
  if (ecbDays instanceof MissingRate) return ecbDays;
  return interestCents(amount, ecbDays + PENALTY_MARGIN * days);
}

/**
 * penaltyCents over columns, for formulas over 100,000 rows: out[i] is the
 * penalty of row i in cents, or NaN where penaltyCents itself must answer (a
 * period outside the book's contiguous tables, hence perhaps a missing rate;
 * a product beyond the safe integers). `contractRates[i]` is NaN where no
 * contractual rate applies. The arithmetic is penaltyCents', with the table
 * looked up once instead of once per row; a property test holds the two equal.
 */
export function penaltiesCents(
  book: RateBook,
  amounts: Float64Array,
  dues: Float64Array,
  paid: Float64Array,
  contractRates: Float64Array,
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
    const days = end - due;
    const contractRate = contractRates[i];
    let rateDays: number;
    if (contractRate === contractRate) rateDays = contractRate * days;
    else {
      const from = due - baseDay;
      const to = end - baseDay;
      // Written so that NaN (a row the caller will not use) also lands here: a typed array indexed by NaN is a slow lookup.
      if (!(from >= 0 && to <= last)) {
        out[i] = Number.NaN;
        continue;
      }
      rateDays = cumulative[to] - cumulative[from] + PENALTY_MARGIN * days;
    }
    const product = amount * rateDays;
    out[i] = product <= Number.MAX_SAFE_INTEGER ? roundDivideNatural(product, INTEREST_DENOMINATOR) : Number.NaN;
  }
}

/** D441-5: 40 EUR when the invoice is paid after its due date. */
export function indemnityCents(due: EpochDay, paid: EpochDay): Cents {
  return paid > due ? RECOVERY_INDEMNITY_CENTS : 0;
}

/**
 * What a late payer owes in all (TOTAL_DU): the amount, the L441-10
 * penalties as penaltyCents gives them, and the D441-5 indemnity when paid late.
 */
export function totalDueCents(
  book: RateBook,
  amount: Cents,
  due: EpochDay,
  paid: EpochDay,
  contractRate?: number,
): Cents | MissingRate {
  const penalty = penaltyCents(book, amount, due, paid, contractRate);
  if (penalty instanceof MissingRate) return penalty;
  return amount + penalty + indemnityCents(due, paid);
}

/** The rate L441-10 sets by default for a day, in millionths. */
export function penaltyRateOn(book: RateBook, day: EpochDay): number | MissingRate {
  const ecb = book.rateOn("bce", day);
  return ecb instanceof MissingRate ? ecb : ecb + PENALTY_MARGIN;
}

/**
 * Public buyers (L2192-13, R2192-31): ONE rate for the whole period, the ECB
 * rate in force on the first day of the semester in which interest started to
 * run (the day after the term), plus 8 points.
 */
export function moratoryRate(book: RateBook, due: EpochDay): number | MissingRate {
  const ecb = book.rateOn("bce", due + 1);
  return ecb instanceof MissingRate ? ecb : ecb + MORATORY_MARGIN;
}

export function moratoryInterestCents(book: RateBook, amount: Cents, due: EpochDay, paid: EpochDay): Cents | MissingRate {
  if (paid <= due || amount === 0) return 0;
  const rate = moratoryRate(book, due);
  if (rate instanceof MissingRate) return rate;
  return interestCents(amount, rate * (paid - due));
}

/** Minimum contractual rate (L441-10): 3 x legal interest, "other cases" column. */
export function minimumContractRate(book: RateBook, day: EpochDay): number | MissingRate {
  const legal = book.rateOn("legalAutres", day);
  return legal instanceof MissingRate ? legal : 3 * legal;
}

/**
 * Legal interest (C. civ. 1231-6, 1344-1) from `start` (the formal notice) to
 * `end`, per semester, column (a) when the creditor is a private person.
 * With `majoration`, the days after it bear 5 more points (CMF L313-3).
 */
export function legalInterestCents(
  book: RateBook,
  amount: Cents,
  start: EpochDay,
  end: EpochDay,
  creditorIsPrivatePerson: boolean,
  majoration?: EpochDay,
): Cents | MissingRate {
  if (end <= start || amount === 0) return 0;
  const rateDays = book.rateDays(creditorIsPrivatePerson ? "legalParticulier" : "legalAutres", start, end);
  if (rateDays instanceof MissingRate) return rateDays;
  const majoratedDays = majoration === undefined ? 0 : Math.max(0, end - Math.max(start, majoration));
  return interestCents(amount, rateDays + LEGAL_MAJORATION * majoratedDays);
}
