/**
 * The real runner under fast-check: any sequence of sessions, each crashing
 * after any number of journal appends (the append throws, or the runtime
 * dies just after writing it), with send faults, resumed by a new runner on
 * the same journal. An in-memory mail server keeps this fast; the HTTP path
 * is covered by runBatch.test.ts.
 */
import fc from "fast-check";
import { defaultContent } from "../../src/core/sending/defaultContent";
import { decisionEntry, foldLedger } from "../../src/core/sending/ledger";
import type { MailSender, SendResult } from "../../src/mail/graphSender";
import { CLAIM_LEASE_MS } from "../../src/core/sending/claims";
import { VirtualClock } from "../../src/mail/timing";
import { runBatch } from "../../src/sending/runBatch";
import { newRuntimeId } from "../../src/sending/runtimeIdentity";
import { messagesFor } from "../core/sending/fixtures";
import { JournalDouble } from "./journalDouble";

type Fault = "ok" | "refused" | "lost" | "reset";

function memoryServer(faults: Fault[]) {
  const received = new Map<string, number>();
  const sender: MailSender = {
    async send(mail): Promise<SendResult> {
      const fault = faults.shift() ?? "ok";
      if (fault === "ok" || fault === "lost") received.set(mail.reference, (received.get(mail.reference) ?? 0) + 1);
      if (fault === "ok") return { status: "sent", attempts: 1, httpStatus: 202 };
      if (fault === "refused") return { status: "failed", reason: "refusé", attempts: 1, httpStatus: 400 };
      return { status: "unknown", reason: "réponse perdue", attempts: 1 };
    },
  };
  return { sender, received };
}

const MESSAGES = messagesFor(8);
const LOCK = Symbol.for("recouvre.sendingLock");

test("any crashes, faults and resumes: never twice, never forgotten, journal consistent with the server", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ crashAfter: fc.integer({ min: 0, max: 20 }), mode: fc.constantFrom<"throw" | "writeThenFreeze">("throw", "writeThenFreeze"), decide: fc.boolean() }), { maxLength: 5 }),
      fc.array(fc.constantFrom<Fault>("ok", "ok", "refused", "lost", "reset"), { maxLength: 40 }),
      async (sessions, faults) => {
        const journal = new JournalDouble();
        const server = memoryServer(faults);
        const clock = new VirtualClock(Date.UTC(2025, 3, 1));
        const deps = () => ({
          // Each session is a new runtime (the pane restarted), later than the last one's lease.
          identity: { by: "test", runtime: newRuntimeId(), mailbox: "relances@acme.fr" },
          clock,
          sleep: clock.sleep,
          loadJournal: journal.loadJournal,
          append: journal.append,
          compose: async (m: (typeof MESSAGES)[number]) => defaultContent(m),
          transport: { kind: "graph" as const, sender: server.sender },
        });
        for (const { crashAfter, mode, decide } of sessions) {
          journal.restart();
          journal.crashAfter = journal.appends + crashAfter;
          journal.crashMode = mode;
          const run = runBatch(MESSAGES, deps());
          if (mode === "throw") await run;
          else await new Promise((resolve) => setTimeout(resolve, 0)); // let it run to its death
          await new Promise((resolve) => setImmediate(resolve));
          delete (globalThis as Record<symbol, unknown>)[LOCK]; // a new runtime
          clock.advance(CLAIM_LEASE_MS);
          for (const count of server.received.values()) expect(count).toBe(1);
          if (decide) {
            journal.restart();
            for (const record of foldLedger(journal.entries()).records.values()) {
              if (record.status === "inconnu" || record.status === "reserve") await journal.append([decisionEntry(record, server.received.has(record.reference) ? "confirme" : "nonEnvoye", "2025-04-02T00:00:00Z")!]);
            }
          }
        }
        journal.restart();
        const final = await runBatch(MESSAGES, deps());
        expect(final.stopped).toBeUndefined();
        const ledger = foldLedger(journal.entries());
        for (const count of server.received.values()) expect(count).toBe(1);
        for (const message of MESSAGES) {
          const record = ledger.records.get(message.reference);
          expect(record).toBeDefined();
          const received = server.received.has(message.reference);
          if (record!.status === "envoye") expect(received).toBe(true);
          if (record!.status === "echec") expect(received).toBe(false);
          expect(["envoye", "echec", "inconnu", "reserve"]).toContain(record!.status);
        }
        // The final report accounts for every message.
        expect(final.results.map((r) => r.message.reference)).toEqual(MESSAGES.map((m) => m.reference));
        expect(final.results.every((r) => r.kind !== "nonTraite")).toBe(true);
      },
    ),
    { numRuns: 150 },
  );
}, 60_000);
