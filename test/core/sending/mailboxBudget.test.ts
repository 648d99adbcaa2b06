/**
 * The mailbox's budget, read from the journal: requests of every runtime and
 * every earlier run on the same mailbox, pending claims that precede ours,
 * and a Retry-After written by anyone.
 */
import type { JournalEntry, RowOrigin } from "../../../src/core/escalation/journal";
import { leaseByTimestamp } from "../../../src/core/sending/claims";
import { claimEntry, foldLedger, intentEntry, outcomeEntry } from "../../../src/core/sending/ledger";
import { CLOCK_TOLERANCE_MS, MAILBOX_WINDOW_MS, mailboxBudget, PENDING_REQUESTS } from "../../../src/core/sending/mailboxBudget";
import { messagesFor } from "./fixtures";

const messages = messagesFor(40);
const T0 = Date.UTC(2025, 3, 1, 9);
const at = (ms: number) => new Date(T0 + ms).toISOString();
const origin = (runtime: string, seq: number, extra: Partial<RowOrigin> = {}): RowOrigin => ({ by: runtime, runtime, seq, mailbox: "relances@acme.fr", ...extra });

function sent(count: number, runtime: string, startMs: number, stepMs: number, mailbox = "relances@acme.fr", first = 0): JournalEntry[] {
  return messages.slice(first, first + count).map((m, i) => outcomeEntry(m, 1, { kind: "envoye" }, at(startMs + i * stepMs), origin(runtime, i, { mailbox, requests: 1 })));
}

const query = (now: number, ownClaimOrder = Infinity) => ({ mailbox: "RELANCES@acme.fr", ownRuntime: "me", ownClaimOrder, now: T0 + now, view: leaseByTimestamp(T0 + now) });

test("requests of earlier runs and other runtimes count in the window, by their outcome's time", () => {
  // Ours at 0..19 s; the other runtime's at 0..7 s, counted CLOCK_TOLERANCE_MS (5 s) later: 5..12 s.
  const ledger = foldLedger([...sent(20, "me", 0, 1000), ...sent(8, "other", 0, 1000, "relances@acme.fr", 20)]);
  expect(mailboxBudget(ledger, query(30_000)).used).toBe(28);
  // Window (10 s, 70 s]: ours 11..19 (9), theirs 11, 12 (2).
  expect(mailboxBudget(ledger, query(10_000 + MAILBOX_WINDOW_MS)).used).toBe(11);
  expect(mailboxBudget(ledger, query(19_000 + MAILBOX_WINDOW_MS)).used).toBe(0);
});

test("another mailbox does not count", () => {
  expect(mailboxBudget(foldLedger(sent(30, "other", 0, 100, "autre@acme.fr")), query(5_000)).used).toBe(0);
});

test("an intent without outcome counts as a pending send", () => {
  expect(mailboxBudget(foldLedger([intentEntry(messages[0], 1, at(0), origin("other", 0))]), query(10_000)).used).toBe(PENDING_REQUESTS);
});

test("pending claims count only when they precede ours in fold order", () => {
  const ledger = foldLedger([claimEntry(messages[0], 1, at(0), origin("other", 0)), claimEntry(messages[1], 1, at(5_000), origin("me", 0))]);
  const [theirs, ours] = [ledger.records.get(messages[0].reference)!.claims[0], ledger.records.get(messages[1].reference)!.claims[0]];
  expect(mailboxBudget(ledger, query(10_000, ours.order)).used).toBe(PENDING_REQUESTS);
  expect(mailboxBudget(ledger, { ...query(10_000, theirs.order - 1), ownRuntime: "me" }).used).toBe(0);
});

test("a Retry-After written by any runtime pauses the mailbox until it ends", () => {
  const throttled = outcomeEntry(messages[0], 1, { kind: "echec", reason: "429" }, at(0), origin("other", 0, { requests: 1, pauseUntil: at(600_000) }));
  const ledger = foldLedger([throttled]);
  expect(mailboxBudget(ledger, query(1_000)).pauseUntil).toBe(T0 + 600_000 + CLOCK_TOLERANCE_MS);
  expect(mailboxBudget(ledger, query(606_000)).pauseUntil).toBeUndefined();
});
