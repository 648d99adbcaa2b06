/**
 * The exactly-once protocol, on the core alone: a simulated runner that
 * follows the protocol (intent, send, outcome) with nothing but the ledger's
 * fold to decide, a mail server that counts what it received, and every
 * interleaving fast-check finds of crashes (the process stops after any
 * journal append, or right after a send), send faults (refused, response
 * lost after delivery, reset before delivery) and resumes, with the user's
 * decisions on unknown messages in between (the user checks their sent
 * items, so decides right).
 *
 * Properties: no key is ever received twice; after a final run every key is
 * accounted for: sent (and received once), failed (and not received), or
 * unknown (received or not) and reported. Nothing is forgotten, nothing is
 * marked failed that left, nothing marked sent that did not.
 */
import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { decisionEntry, dispositionOf, foldLedger, intentEntry, outcomeEntry } from "../../../src/core/sending/ledger";
import type { PlannedMessage } from "../../../src/core/sending/model";
import { ISO, messagesFor } from "./fixtures";

type Fault = "ok" | "refused" | "lost" | "reset";

interface World {
  journal: JournalEntry[];
  received: Map<string, number>;
  clock: number;
}

class Crash extends Error {}

/**
 * One session of the runner. `crashAt` counts steps (appends and sends); the
 * session stops right after step number crashAt. `faults` is consumed per send.
 */
function session(world: World, messages: readonly PlannedMessage[], faults: Fault[], crashAt: number | undefined): { reported: Map<string, string> } {
  let steps = 0;
  const step = () => {
    steps++;
    if (crashAt !== undefined && steps === crashAt) throw new Crash();
  };
  const append = (entry: JournalEntry) => {
    world.journal.push(entry);
    step();
  };
  const reported = new Map<string, string>();
  try {
    for (const message of messages) {
      const disposition = dispositionOf(foldLedger(world.journal), message);
      if (disposition.kind !== "send") {
        reported.set(message.reference, disposition.kind);
        continue;
      }
      append(intentEntry(message, disposition.attempt, ISO(world.clock++)));
      const fault = faults.shift() ?? "ok";
      if (fault === "ok" || fault === "lost") world.received.set(message.reference, (world.received.get(message.reference) ?? 0) + 1);
      step();
      const outcome = fault === "ok" ? { kind: "envoye" as const } : fault === "refused" ? { kind: "echec" as const, reason: "refusé" } : { kind: "inconnu" as const, reason: "réponse perdue" };
      append(outcomeEntry(message, disposition.attempt, outcome, ISO(world.clock++)));
      reported.set(message.reference, outcome.kind);
    }
  } catch (error) {
    if (!(error instanceof Crash)) throw error;
  }
  return { reported };
}

/** The user looks in their sent items and records the truth for every unknown message. */
function userDecides(world: World, which: (index: number) => boolean) {
  const ledger = foldLedger(world.journal);
  let i = 0;
  for (const record of ledger.records.values()) {
    if (record.status !== "inconnu" || !which(i++)) continue;
    const decision = world.received.has(record.reference) ? "confirme" : "nonEnvoye";
    world.journal.push(decisionEntry(record, decision, ISO(world.clock++))!);
  }
}

const MESSAGES = messagesFor(12);

const scenarioArb = fc.record({
  sessions: fc.array(
    fc.record({
      crashAt: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      decide: fc.func(fc.boolean()),
    }),
    { minLength: 0, maxLength: 6 },
  ),
  faults: fc.array(fc.constantFrom<Fault>("ok", "ok", "ok", "refused", "lost", "reset"), { maxLength: 80 }),
  finalFaults: fc.array(fc.constantFrom<Fault>("ok", "ok", "refused", "lost", "reset"), { maxLength: 12 }),
});

describe("exactly once, whatever crashes and faults", () => {
  test("no key received twice; every key sent, failed or unknown, and consistent with the server", () => {
    fc.assert(
      fc.property(scenarioArb, ({ sessions, faults, finalFaults }) => {
        const world: World = { journal: [], received: new Map(), clock: 0 };
        const queue = [...faults];
        for (const { crashAt, decide } of sessions) {
          session(world, MESSAGES, queue, crashAt);
          for (const count of world.received.values()) expect(count).toBe(1);
          userDecides(world, (i) => decide(i));
        }
        const { reported } = session(world, MESSAGES, [...finalFaults], undefined);

        const ledger = foldLedger(world.journal);
        for (const count of world.received.values()) expect(count).toBe(1);
        for (const message of MESSAGES) {
          const record = ledger.records.get(message.reference);
          // Never forgotten: every key has a record and was reported by the final run.
          expect(record).toBeDefined();
          expect(reported.has(message.reference)).toBe(true);
          const received = world.received.has(message.reference);
          switch (record!.status) {
            case "envoye":
              expect(received).toBe(true);
              break;
            case "echec":
            case "nonEnvoye":
              expect(received).toBe(false);
              break;
            case "inconnu":
              // Reported to the user, who decides: either may be true.
              expect(["inconnu", "decide"]).toContain(reported.get(message.reference));
              break;
            case "prepare":
              throw new Error("no drafts in this scenario");
          }
        }
        // Everything the server received is known as sent or unknown, never as failed.
        for (const reference of world.received.keys()) expect(["envoye", "inconnu"]).toContain(ledger.records.get(reference)!.status);
      }),
      { numRuns: 300 },
    );
  });

  test("without faults, crashes and resumes end with every key sent exactly once and nothing to decide but the crashes between send and outcome", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }), (crashes) => {
        const world: World = { journal: [], received: new Map(), clock: 0 };
        for (const crashAt of crashes) {
          session(world, MESSAGES, [], crashAt);
          userDecides(world, () => true);
        }
        session(world, MESSAGES, [], undefined);
        const ledger = foldLedger(world.journal);
        expect(MESSAGES.every((m) => ledger.records.get(m.reference)?.status === "envoye")).toBe(true);
        expect([...world.received.values()]).toEqual(MESSAGES.map(() => 1));
      }),
      { numRuns: 200 },
    );
  });

  test("the fold is a pure function of the entries: replaying any prefix gives the same ledger, and appending never changes the past", () => {
    const world: World = { journal: [], received: new Map(), clock: 0 };
    session(world, MESSAGES, ["ok", "lost", "refused", "reset", "ok"], 17);
    userDecides(world, () => true);
    session(world, MESSAGES, ["refused"], undefined);
    const whole = foldLedger(world.journal);
    expect(foldLedger([...world.journal])).toEqual(whole);
    for (let n = 0; n <= world.journal.length; n++) {
      const prefix = foldLedger(world.journal.slice(0, n));
      const again = foldLedger(world.journal.slice(0, n));
      expect(again).toEqual(prefix);
    }
  });
});
