/**
 * « Décompte des intérêts »: the periods of one invoice's late-payment
 * interest, as a debtor or a judge checks them line by line: from, to, days,
 * rate, base, amount.
 *
 * A period is a run of days charged at one rate on one base. Periods are cut
 * at each semester boundary (rates are published per semester; a single-rate
 * claim is cut there too, so that every kind of statement reads alike), at
 * each settlement (the base follows partial payments and credit notes) and,
 * for legal interest, at the majoration date (CMF L313-3).
 *
 * Conventions, those of interest.ts and escalation/claim.ts: interest runs on
 * the days (start, end]; a sum settled on day P bears interest up to and
 * including P and leaves the base from P + 1 on; a settlement on or before
 * the start lowers the base from the first day.
 *
 * The reference is the invoice's total: the exact sum of base x rate x days
 * over the periods, rounded once (without settlements it is exactly
 * penaltyCents, moratoryInterestCents or legalInterestCents). claim.ts rounds
 * L441-10 penalties once too (books/unpaidPenalty.ts, held equal to this total
 * by a property test) but moratory and legal interest once per payment: for
 * those it passes its own total instead. The amount printed on each period is that total apportioned by
 * largest remainders (apportion.ts), so the periods add up to it to the cent.
 */
import { semesterOf, semesterStart, type EpochDay } from "../calendar";
import type { InterestKind } from "../escalation/claim";
import { LEGAL_MAJORATION, moratoryRate, PENALTY_MARGIN } from "../interest";
import { INTEREST_DENOMINATOR, roundDivideBig, type Cents } from "../money";
import { MissingRate, type RateBook } from "../rates/rateBook";
import { apportionCents } from "./apportion";

export interface DatedSettlement {
  readonly date: EpochDay;
  readonly cents: Cents;
}

export interface InterestStatementInput {
  readonly book: RateBook;
  readonly kind: InterestKind;
  /** The invoice's amount before the settlements. */
  readonly principal: Cents;
  /** Interest runs from the day after: the due date, or the formal notice for legal interest. */
  readonly start: EpochDay;
  /** Last day charged: the date the amounts are stated at. */
  readonly end: EpochDay;
  /** Partial payments and credit notes imputed to the invoice (books/types.ts Settlement fits). */
  readonly settlements?: readonly DatedSettlement[];
  /** Contractual penalty rate in millionths (penalties only): one rate for every day. */
  readonly contractRate?: number;
  /** Legal interest: the creditor is a private person (column « particulier »). */
  readonly creditorIsPrivatePerson?: boolean;
  /** Legal interest: days after this one bear 5 more points. */
  readonly majoration?: EpochDay;
  /** The total to print when it is not the one rounding of the exact sum (see the module comment). */
  readonly total?: Cents;
}

export interface InterestPeriod {
  /** First and last day charged, both included. */
  readonly from: EpochDay;
  readonly to: EpochDay;
  readonly days: number;
  /** Annual rate in millionths (12.15 % = 121 500). */
  readonly rate: number;
  /** Sum bearing interest over the period, in cents. */
  readonly base: Cents;
  /** base x rate x days: the period's interest is exact / INTEREST_DENOMINATOR cents. */
  readonly exact: bigint;
  /** The period's share of the total, in cents. */
  readonly cents: Cents;
}

export interface InterestStatement {
  readonly kind: InterestKind;
  readonly periods: readonly InterestPeriod[];
  /** Sum of the periods' exact values over INTEREST_DENOMINATOR, rounded once. */
  readonly exactTotal: Cents;
  /** What the periods add up to: `total` when given, else exactTotal. */
  readonly total: Cents;
}

type DailyRate = (day: EpochDay) => number | MissingRate;

function dailyRate(input: InterestStatementInput): DailyRate {
  const { book, kind } = input;
  if (kind === "interetsMoratoires") {
    const rate = moratoryRate(book, input.start);
    return () => rate;
  }
  if (kind === "penalites") {
    const contract = input.contractRate;
    if (contract !== undefined) return () => contract;
    return (day) => {
      const ecb = book.rateOn("bce", day);
      return ecb instanceof MissingRate ? ecb : ecb + PENALTY_MARGIN;
    };
  }
  const column = input.creditorIsPrivatePerson ? "legalParticulier" : "legalAutres";
  const majoration = input.majoration;
  return (day) => {
    const legal = book.rateOn(column, day);
    if (legal instanceof MissingRate) return legal;
    return majoration !== undefined && day > majoration ? legal + LEGAL_MAJORATION : legal;
  };
}

/** The statement of one invoice, or the rate that is missing to state it. */
export function interestStatement(input: InterestStatementInput): InterestStatement | MissingRate {
  const { kind, principal, start, end } = input;
  const settlements = [...(input.settlements ?? [])].filter((s) => s.cents !== 0).sort((a, b) => a.date - b.date);
  // Days on which the base or the rate may change at the end of the day.
  const cuts = new Set<EpochDay>(settlements.map((s) => s.date));
  if (kind === "interetsLegaux" && input.majoration !== undefined) cuts.add(input.majoration);
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const rateOf = dailyRate(input);

  const periods: Array<Omit<InterestPeriod, "cents">> = [];
  let settled = 0;
  let nextSettlement = 0;
  let nextCut = 0;
  for (let from = start + 1; from <= end; ) {
    while (nextSettlement < settlements.length && settlements[nextSettlement].date < from) settled += settlements[nextSettlement++].cents;
    while (nextCut < sortedCuts.length && sortedCuts[nextCut] < from) nextCut++;
    let to = Math.min(end, semesterStart(semesterOf(from) + 1) - 1);
    if (nextCut < sortedCuts.length) to = Math.min(to, sortedCuts[nextCut]);
    const base = principal - settled;
    if (base <= 0) break;
    const rate = rateOf(from);
    if (rate instanceof MissingRate) return rate;
    const days = to - from + 1;
    periods.push({ from, to, days, rate, base, exact: BigInt(base) * BigInt(rate) * BigInt(days) });
    from = to + 1;
  }
  const denominator = BigInt(INTEREST_DENOMINATOR);
  const exactTotal = Number(roundDivideBig(periods.reduce((sum, p) => sum + p.exact, 0n), denominator));
  const total = input.total ?? exactTotal;
  // A total rounded part by part strays at most half a cent per part from the exact sum.
  if (Math.abs(total - exactTotal) > settlements.length + 1) {
    throw new RangeError(`interestStatement : total ${total} trop éloigné de la somme exacte des périodes (${exactTotal})`);
  }
  const shares = apportionCents(
    periods.map((p) => p.exact),
    denominator,
    total,
  );
  return { kind, periods: periods.map((p, i) => ({ ...p, cents: shares[i] })), exactTotal, total };
}
