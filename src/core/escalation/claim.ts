/**
 * What may be claimed on one invoice besides the principal, by kind of
 * debtor (FACTS.md §1, §4, §5):
 *
 * - a professional: L441-10 penalties from the day after the due date (the
 *   contractual rate if the list gives one, else ECB + 10 points per
 *   semester) and the 40 EUR indemnity (D441-5);
 * - a public buyer: moratory interest at one rate for the whole period
 *   (R2192-31) and the 40 EUR indemnity (D2192-35);
 * - a consumer: no penalty and no indemnity; legal interest, "autres cas"
 *   column since the creditor is a business, from the formal notice only
 *   (C. civ. 1231-6, 1344-1).
 *
 * Sums paid late bear interest until the day they were paid: each payment
 * recorded in the journal (or credit imputed from the list) is charged from
 * the start date to its own date, and what is still owed up to `today`.
 * L441-10 penalties are computed on the unpaid base day by day and rounded
 * once (issue 14); legal and moratory interest round each part to the cent,
 * as a statement listing the payments would show it.
 *
 * A rate the engine does not know is returned as a MissingRate, never filled in.
 * What accrued on the days whose rate is known is a lower bound of the claim
 * (`atLeast`): interest never runs backwards, so the sum up to the day before
 * the missing semester, rounded once, never exceeds the full sum rounded once.
 * It is exact to the cent for those days and says up to which day it counts.
 */
import { semesterStart, type EpochDay } from "../calendar";
import { indemnityCents, legalInterestCents, moratoryInterestCents } from "../interest";
import type { Cents } from "../money";
import { MissingRate, type RateBook } from "../rates/rateBook";
import { penaltyOnUnpaidCents } from "../books/unpaidPenalty";

export type DebtorKind = "professionnel" | "particulier" | "acheteurPublic";
export type InterestKind = "penalites" | "interetsMoratoires" | "interetsLegaux";

export const INTEREST_KIND_LABELS: Readonly<Record<InterestKind, string>> = {
  penalites: "pénalités de retard (art. L441-10 C. com.)",
  interetsMoratoires: "intérêts moratoires (art. R2192-31 CCP)",
  interetsLegaux: "intérêts au taux légal depuis la mise en demeure (art. 1231-6 C. civ.)",
};

export interface ClaimInput {
  readonly book: RateBook;
  readonly kind: DebtorKind;
  /** Still owed today. */
  readonly amountDue: Cents;
  readonly echeance: EpochDay;
  readonly today: EpochDay;
  /** Payments recorded in the journal: each bore interest until its date. */
  readonly payments: ReadonlyArray<{ readonly date: EpochDay; readonly amount: Cents }>;
  /** Contractual penalty rate (millionths), professionals only. */
  readonly contractRate?: number;
  /** Day of the formal notice, for a consumer. */
  readonly formalNoticeDate?: EpochDay;
}

/** Interest accrued up to the last day whose rate is known, when the rest is unknown. */
export interface InterestLowerBound {
  readonly cents: Cents;
  /** Last day counted: the day before the first missing semester (or the end, if earlier). */
  readonly through: EpochDay;
}

export interface Claim {
  readonly interestKind: InterestKind;
  readonly interest: Cents | MissingRate;
  readonly indemnity: Cents;
  /** Only with a MissingRate that a user can enter and a rate that runs day by day (not moratory interest: one rate for the whole period). */
  readonly atLeast?: InterestLowerBound;
}

/** Last day before the missing semester: the days after it are not counted. */
function lastKnownDay(missing: MissingRate): EpochDay | undefined {
  return missing.enterable ? semesterStart(missing.semester) - 1 : undefined;
}

export function claimFor(input: ClaimInput): Claim {
  const { book, kind, echeance, today } = input;
  const parts: Array<{ amount: Cents; end: EpochDay }> = [{ amount: input.amountDue, end: today }, ...input.payments.map((p) => ({ amount: p.amount, end: p.date }))];

  const paidLate = parts.some((part) => part.amount > 0 && part.end > echeance);
  if (kind === "professionnel") {
    // L441-10: on what remained unpaid day by day, rounded once (books/unpaidPenalty.ts).
    const settlements = input.payments.map((p) => ({ date: p.date, cents: p.amount }));
    const original = input.amountDue + input.payments.reduce((sum, p) => sum + p.amount, 0);
    const interest = penaltyOnUnpaidCents(book, original, echeance, settlements, today, input.contractRate);
    const indemnity = paidLate ? indemnityCents(echeance, echeance + 1) : 0;
    const through = interest instanceof MissingRate ? lastKnownDay(interest) : undefined;
    if (through === undefined) return { interestKind: "penalites", interest, indemnity };
    const cents = penaltyOnUnpaidCents(book, original, echeance, settlements, Math.min(through, today), input.contractRate);
    return { interestKind: "penalites", interest, indemnity, ...(typeof cents === "number" && { atLeast: { cents, through: Math.min(through, today) } }) };
  }

  let accrue: (amount: Cents, end: EpochDay) => Cents | MissingRate;
  let interestKind: InterestKind;
  if (kind === "particulier") {
    interestKind = "interetsLegaux";
    const notice = input.formalNoticeDate;
    accrue = (amount, end) => (notice === undefined ? 0 : legalInterestCents(book, amount, notice, end, false));
  } else {
    interestKind = "interetsMoratoires";
    accrue = (amount, end) => moratoryInterestCents(book, amount, echeance, end);
  }

  let interest: Cents | MissingRate = 0;
  for (const part of parts) {
    if (part.amount === 0) continue;
    const accrued = accrue(part.amount, part.end);
    if (accrued instanceof MissingRate) {
      interest = accrued;
      break;
    }
    interest += accrued;
  }
  // One indemnity per invoice paid (or still unpaid) after its due date.
  const indemnity = kind === "particulier" || !paidLate ? 0 : indemnityCents(echeance, echeance + 1);
  const through = interest instanceof MissingRate && kind === "particulier" ? lastKnownDay(interest) : undefined;
  if (through === undefined) return { interestKind, interest, indemnity };
  // Legal interest runs semester by semester: each part up to the last known day.
  let cents = 0;
  for (const part of parts) {
    const accrued = part.amount === 0 ? 0 : accrue(part.amount, Math.min(part.end, through));
    if (accrued instanceof MissingRate) return { interestKind, interest, indemnity };
    cents += accrued;
  }
  return { interestKind, interest, indemnity, atLeast: { cents, through: Math.min(through, today) } };
}
