/**
 * Throttling belongs to the mailbox, not to a run: Exchange Online accepts
 * 30 messages a minute from one mailbox, whoever sends them. So the budget
 * is read from the journal before every request, and counts every runtime
 * that sends from the same mailbox, this one's earlier runs included:
 *
 *   - every request that has an outcome row, at the row's timestamp (the
 *     request was made before it, so a window never misses it), as many
 *     times as the row says requests reached Graph (origin.requests);
 *   - an intent without outcome, as PENDING_REQUESTS, near its timestamp;
 *   - a claim of another runtime, without intent yet, that precedes our own
 *     claims in fold order and whose lease runs, as PENDING_REQUESTS: it
 *     may be sent at any moment. Claims after ours are not counted, so the
 *     first claimant is never blocked by later ones and two runtimes never
 *     wait for each other; the later one counts the earlier one's future
 *     requests, and that is enough for the limit to hold in every window.
 *     (A claim made less than SETTLE_DELAY_MS ago cannot lead to a request
 *     yet: every claim that can is visible, claims.ts.)
 *   - rows of other runtimes count CLOCK_TOLERANCE_MS later than stamped.
 * A Retry-After is written on the outcome row (origin.pauseUntil): every
 * runtime on that mailbox pauses until then.
 */
import type { JournalEntry } from "../escalation/journal";
import type { ClaimView, Ledger } from "./ledger";
import { sendEventOf } from "./ledger";

export const MAILBOX_LIMIT = 30;
export const MAILBOX_WINDOW_MS = 60_000;
/** A send may reach Graph twice (a refused token, then the retry with a fresh one). */
export const PENDING_REQUESTS = 2;
/** Clocks of two PCs differ by less than this (Windows keeps them in sync; Microsoft 365 sign-in needs it). */
export const CLOCK_TOLERANCE_MS = 5_000;
/** An intent's request is made within this span after it (timeouts, retries before the connection). */
export const REQUEST_SPAN_MS = 2 * 60_000;
/** When only pending claims fill the budget, look again after this. */
export const BUDGET_POLL_MS = 5_000;

export interface MailboxBudget {
  /** Requests counted in the window ending now. */
  readonly used: number;
  /** ms: a Retry-After still running (undefined: none). */
  readonly pauseUntil?: number;
  /** ms: when to look again if the budget is full. */
  readonly retryAt: number;
}

export interface BudgetQuery {
  readonly mailbox: string;
  readonly ownRuntime: string;
  /** Fold position of our earliest claim still waiting to be sent (Infinity: none). */
  readonly ownClaimOrder: number;
  readonly now: number;
  readonly view: ClaimView;
}

function sameMailbox(entry: JournalEntry, mailbox: string): boolean {
  // Rows of older versions name no mailbox: counted, to be safe.
  return entry.origin?.mailbox === undefined || entry.origin.mailbox.toLowerCase() === mailbox.toLowerCase();
}

export function mailboxBudget(ledger: Ledger, query: BudgetQuery): MailboxBudget {
  const { now } = query;
  const windowStart = now - MAILBOX_WINDOW_MS;
  let used = 0;
  let pauseUntil: number | undefined;
  let retryAt = now + BUDGET_POLL_MS;
  const outcomes = new Set<string>();
  const counted: Array<{ at: number; weight: number }> = [];

  for (const entry of ledger.entries) {
    const read = sendEventOf(entry);
    if (!read || !sameMailbox(entry, query.mailbox)) continue;
    const stamped = Date.parse(entry.timestamp);
    if (Number.isNaN(stamped)) continue;
    const at = entry.origin?.runtime === query.ownRuntime ? stamped : stamped + CLOCK_TOLERANCE_MS;
    if (entry.origin?.pauseUntil !== undefined) {
      const until = Date.parse(entry.origin.pauseUntil) + (entry.origin.runtime === query.ownRuntime ? 0 : CLOCK_TOLERANCE_MS);
      if (until > now) pauseUntil = Math.max(pauseUntil ?? 0, until);
    }
    if (read.event === "envoye" || read.event === "echec" || read.event === "inconnu") {
      outcomes.add(`${entry.documentRef}#${read.attempt}`);
      const weight = entry.origin?.requests ?? 1;
      if (weight > 0) counted.push({ at, weight });
    }
  }
  for (const entry of ledger.entries) {
    const read = sendEventOf(entry);
    if (read?.event !== "intention" || !sameMailbox(entry, query.mailbox) || outcomes.has(`${entry.documentRef}#${read.attempt}`)) continue;
    const stamped = Date.parse(entry.timestamp);
    if (!Number.isNaN(stamped)) counted.push({ at: stamped + REQUEST_SPAN_MS, weight: PENDING_REQUESTS });
  }
  for (const { at, weight } of counted) {
    if (at > windowStart) {
      used += weight;
      retryAt = Math.min(retryAt, at + MAILBOX_WINDOW_MS);
    }
  }
  for (const record of ledger.records.values()) {
    if (record.status !== "reserve") continue;
    const claim = record.claims[0];
    if (!claim || claim.runtime === query.ownRuntime || claim.order > query.ownClaimOrder || !query.view.live(claim)) continue;
    if (claim.mailbox !== undefined && claim.mailbox.toLowerCase() !== query.mailbox.toLowerCase()) continue;
    used += PENDING_REQUESTS;
  }
  return { used, ...(pauseUntil !== undefined && { pauseUntil }), retryAt: Math.max(now + 1, retryAt) };
}
