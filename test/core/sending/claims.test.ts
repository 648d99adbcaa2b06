/**
 * Claims and the fold across co-authors: the first claim in (timestamp,
 * runtime, seq) order wins whatever the row order; a merge that moves or
 * duplicates rows changes nothing; a claim without outcome is « en cours »
 * during its lease and « à décider » after, never sendable.
 */
import fc from "fast-check";
import type { JournalEntry, RowOrigin } from "../../../src/core/escalation/journal";
import { CLAIM_LEASE_MS, claimWins, leaseByFirstSight, leaseByTimestamp, otherSenders } from "../../../src/core/sending/claims";
import { claimEntry, claimId, dispositionOf, foldLedger, intentEntry, outcomeEntry, releaseEntry } from "../../../src/core/sending/ledger";
import { messagesFor } from "./fixtures";

const [m1, m2] = messagesFor(2);
const T0 = Date.UTC(2025, 3, 1, 9);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const origin = (runtime: string, seq: number, by = `user-${runtime}`): RowOrigin => ({ by, runtime, seq, mailbox: "relances@acme.fr" });

function history(): JournalEntry[] {
  // Runtime "b" claims first (earlier timestamp), "a" a little later; "b" sends.
  return [
    claimEntry(m1, 1, at(2), origin("a", 0)),
    claimEntry(m1, 1, at(1), origin("b", 0)),
    intentEntry(m1, 1, at(50), origin("b", 1)),
    outcomeEntry(m1, 1, { kind: "envoye" }, at(51), origin("b", 2)),
    claimEntry(m2, 1, at(3), origin("a", 1)),
  ];
}

test("the first claim in fold order wins, not the first row", () => {
  const ledger = foldLedger(history());
  const a = { reference: m1.reference, attempt: 1, id: claimId(m1.reference, 1, origin("a", 0)) };
  const b = { reference: m1.reference, attempt: 1, id: claimId(m1.reference, 1, origin("b", 0)) };
  // Before the outcome: only b may send.
  const beforeOutcome = foldLedger(history().slice(0, 2));
  expect(claimWins(beforeOutcome, b)).toBe(true);
  expect(claimWins(beforeOutcome, a)).toBe(false);
  expect(ledger.records.get(m1.reference)?.status).toBe("envoye");
});

test("same timestamp: the runtime id, then its counter, decide", () => {
  const ledger = foldLedger([claimEntry(m1, 1, at(1), origin("z", 0)), claimEntry(m1, 1, at(1), origin("c", 7)), claimEntry(m1, 1, at(1), origin("c", 3))]);
  expect(ledger.records.get(m1.reference)?.claims.map((c) => `${c.runtime}.${c.seq}`)).toEqual(["c.3", "c.7", "z.0"]);
});

test("any row order, any duplicated rows: the same ledger", () => {
  const rows = history();
  const reference = foldLedger(rows);
  fc.assert(
    fc.property(fc.array(fc.nat(rows.length - 1), { minLength: rows.length, maxLength: rows.length * 2 }), fc.integer(), (picks, salt) => {
      // Every row at least once (a merge duplicates some), in a shuffled order.
      const merged = [...rows, ...picks.map((i) => rows[i])];
      const shuffled = merged.map((row, i) => ({ row, key: (i * 7919 + salt) % 104729 })).sort((x, y) => x.key - y.key).map((x) => x.row);
      const ledger = foldLedger(shuffled);
      for (const [ref, record] of reference.records) {
        const other = ledger.records.get(ref)!;
        expect([other.status, other.attempts, other.claims.map((c) => c.id)]).toEqual([record.status, record.attempts, record.claims.map((c) => c.id)]);
      }
    }),
  );
});

test("a claim without outcome: « en cours » during its lease, « à décider » after, never sendable", () => {
  const ledger = foldLedger(history());
  const live = leaseByTimestamp(T0 + 60_000);
  expect(dispositionOf(ledger, m2, live)).toMatchObject({ kind: "claimed", claim: { runtime: "a", by: "user-a" } });
  const over = leaseByTimestamp(T0 + CLAIM_LEASE_MS + 10_000);
  expect(dispositionOf(ledger, m2, over)).toMatchObject({ kind: "decide" });
  // Measured from first sight on the observer's clock: a claim seen just now is live, unless stamped far beyond the lease.
  const seen = new Map([[claimId(m2.reference, 1, origin("a", 1)), T0 + CLAIM_LEASE_MS]]);
  expect(dispositionOf(ledger, m2, leaseByFirstSight(T0 + CLAIM_LEASE_MS + 1000, seen))).toMatchObject({ kind: "claimed" });
  expect(dispositionOf(ledger, m2, leaseByFirstSight(T0 + 2 * CLAIM_LEASE_MS + 1000, seen))).toMatchObject({ kind: "decide" });
});

test("a released claim may be sent again, as the next attempt", () => {
  const ledger = foldLedger([...history(), releaseEntry(m2, 1, at(60), origin("a", 2), "pause")]);
  expect(ledger.records.get(m2.reference)?.status).toBe("libere");
  expect(dispositionOf(ledger, m2, leaseByTimestamp(T0))).toEqual({ kind: "send", attempt: 2, retryOf: ledger.records.get(m2.reference) });
});

test("who else is sending, and what they claimed", () => {
  const others = otherSenders(foldLedger(history()), "b", leaseByTimestamp(T0 + 1000));
  expect(others).toEqual([{ runtime: "a", by: "user-a", claimed: [expect.objectContaining({ reference: m2.reference })] }]);
  expect(otherSenders(foldLedger(history()), "a", leaseByTimestamp(T0 + 1000))).toEqual([]);
});
