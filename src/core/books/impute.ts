/**
 * Imputing the credits of one account on its debits (issue 14).
 *
 * A credit goes first to the piece it names (its `refersTo`, or a debit with
 * the same piece reference: a payment booked under the invoice number), then
 * to the oldest open debits; what no debit can take is an unimputed credit.
 * Named credits are imputed before the others, so that an unnamed payment
 * never takes the invoice another credit names.
 *
 * Every cent moves from a credit to a debit or stays on the credit: the sum of
 * the debits' remainders minus the credits' remainders is the balance, always
 * (a property test holds it). The order is total (date, then source), so the
 * result does not depend on the order the lines were given in.
 */
import type { Cents } from "../money";
import type { BookLine, Settlement } from "./types";

export interface DebitState {
  readonly line: BookLine;
  remaining: Cents;
  /** NO_SETTLEMENTS until the first one (most debits of a large import are never touched by a credit's imputation). */
  settlements: Settlement[];
}

/** Shared by every debit nothing settled: never written to (settle() replaces it first). */
const NO_SETTLEMENTS = Object.freeze([]) as unknown as Settlement[];

export interface CreditState {
  readonly line: BookLine;
  /** Positive. */
  remaining: Cents;
}

/** Date, then file, then line: a total order on the lines of one import. */
export function compareLines(a: BookLine, b: BookLine): number {
  if (a.date !== b.date) return a.date - b.date;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  if (a.source.line !== b.source.line) return a.source.line - b.source.line;
  if (a.piece !== b.piece) return a.piece < b.piece ? -1 : 1;
  return a.signedCents - b.signedCents;
}

function sortedCopy(lines: readonly BookLine[]): BookLine[] {
  const copy = lines.slice();
  if (copy.length > 1) copy.sort(compareLines);
  return copy;
}

function compareSettlements(a: Settlement, b: Settlement): number {
  if (a.date !== b.date) return a.date - b.date;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  return a.source.line - b.source.line || a.cents - b.cents;
}

function settle(debit: DebitState, credit: CreditState): void {
  const cents = Math.min(debit.remaining, credit.remaining);
  if (cents <= 0) return;
  debit.remaining -= cents;
  credit.remaining -= cents;
  if (debit.settlements === NO_SETTLEMENTS) debit.settlements = [];
  debit.settlements.push({ date: credit.line.date, cents, piece: credit.line.piece, source: credit.line.source });
}

/**
 * Imputes `credits` on `debits` (both of one account, in any order). Returns
 * the states, debits and credits sorted by compareLines; settlements in date order.
 */
export function impute(debitLines: readonly BookLine[], creditLines: readonly BookLine[]): { debits: DebitState[]; credits: CreditState[] } {
  const debits: DebitState[] = sortedCopy(debitLines).map((line) => ({ line, remaining: line.signedCents, settlements: NO_SETTLEMENTS }));
  const credits: CreditState[] = sortedCopy(creditLines).map((line) => ({ line, remaining: -line.signedCents }));
  if (debits.length === 0 || credits.length === 0) return { debits, credits };

  // Most pieces have one debit: it is kept as is, an array only for a piece shared by several.
  const byPiece = new Map<string, DebitState | DebitState[]>();
  for (const debit of debits) {
    const piece = debit.line.piece;
    if (piece === "") continue;
    const known = byPiece.get(piece);
    if (known === undefined) byPiece.set(piece, debit);
    else if (Array.isArray(known)) known.push(debit);
    else byPiece.set(piece, [known, debit]);
  }
  // 1. Credits that name a piece.
  if (byPiece.size > 0) {
    for (const credit of credits) {
      const named = byPiece.get(credit.line.refersTo ?? credit.line.piece);
      if (named === undefined) continue;
      if (!Array.isArray(named)) {
        settle(named, credit);
        continue;
      }
      for (const debit of named) {
        if (credit.remaining === 0) break;
        settle(debit, credit);
      }
    }
  }
  // 2. What is left, to the oldest open debits.
  let oldest = 0;
  for (const credit of credits) {
    while (credit.remaining > 0 && oldest < debits.length) {
      settle(debits[oldest], credit);
      if (debits[oldest].remaining === 0) oldest++;
    }
    if (oldest >= debits.length) break;
  }
  for (const debit of debits) if (debit.settlements.length > 1) debit.settlements.sort(compareSettlements);
  return { debits, credits };
}
