/**
 * The batch runner with the real Graph sender against the local fake Graph
 * server: random faults over 200 messages, crashes in the middle and resumes,
 * the .eml path, and the journal failing. The journal goes through the same
 * row conversion as the workbook.
 */
import { defaultContent } from "../../src/core/sending/defaultContent";
import { decisionEntry, foldLedger, type Ledger } from "../../src/core/sending/ledger";
import type { MessageContent, PlannedMessage } from "../../src/core/sending/model";
import { createGraphSender } from "../../src/mail/graphSender";
import { SlidingWindowLimiter, VirtualClock } from "../../src/mail/timing";
import { newRuntimeId } from "../../src/sending/runtimeIdentity";
import { runBatch, type BatchProgress, type BatchReport, type RunBatchDeps } from "../../src/sending/runBatch";
import { messagesFor } from "../core/sending/fixtures";
import { localOnlyFetch, seeded, startFakeGraph, type FakeGraph, type Fault } from "./fakeGraphServer";
import { JournalDouble } from "./journalDouble";

jest.setTimeout(60_000);

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph();
});
afterEach(async () => {
  await graph.close();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("recouvre.sendingLock")];
});

const compose = async (message: PlannedMessage): Promise<MessageContent> => defaultContent(message, { signature: "ACME SAS" });

function deps(journal: JournalDouble, clock = new VirtualClock(Date.UTC(2025, 3, 1, 8)), extra: Partial<RunBatchDeps> = {}): RunBatchDeps {
  const sender = createGraphSender({
    baseUrl: graph.baseUrl,
    fetch: localOnlyFetch(),
    getToken: async () => "jeton",
    clock,
    sleep: clock.sleep,
    random: seeded(7),
    timeoutMs: 150,
    limiter: new SlidingWindowLimiter(30, 60_000, clock, clock.sleep),
  });
  return {
    identity: { by: "test", runtime: newRuntimeId(), mailbox: "relances@acme.fr" },
    clock,
    sleep: clock.sleep,
    loadJournal: journal.loadJournal,
    append: journal.append,
    compose,
    transport: { kind: "graph", sender },
    ...extra,
  };
}

/** The journal agrees with what the server received, and no key was received twice. */
function expectConsistent(journal: JournalDouble, messages: readonly PlannedMessage[]): Ledger {
  const ledger = foldLedger(journal.entries());
  const counts = new Map<string, number>();
  for (const request of graph.delivered) counts.set(request.reference!, (counts.get(request.reference!) ?? 0) + 1);
  for (const [reference, count] of counts) {
    expect([reference, count]).toEqual([reference, 1]);
    expect(["envoye", "inconnu"]).toContain(ledger.records.get(reference)?.status);
  }
  for (const message of messages) {
    const record = ledger.records.get(message.reference);
    if (record?.status === "envoye") expect(counts.get(message.reference)).toBe(1);
    if (record?.status === "echec" || record?.status === "nonEnvoye" || record === undefined) expect(counts.has(message.reference)).toBe(false);
  }
  return ledger;
}

function randomFaults(seed: number, rates: Partial<Record<Fault["kind"], number>>): (request: { index: number }) => Fault {
  const random = seeded(seed);
  return () => {
    let r = random();
    for (const [kind, rate] of Object.entries(rates) as Array<[Fault["kind"], number]>) {
      if (r < rate) {
        switch (kind) {
          case "throttle":
            return { kind, retryAfter: String(1 + Math.floor(random() * 30)) };
          case "unavailable":
            return random() < 0.5 ? { kind } : { kind, retryAfter: "2" };
          case "slow":
            return { kind, delayMs: 400 };
          default:
            return { kind } as Fault;
        }
      }
      r -= rate;
    }
    return { kind: "ok" };
  };
}

const FAULT_RATES = { throttle: 0.06, unavailable: 0.08, reset: 0.03, lost: 0.03, slow: 0.02, serverError: 0.02, badRequest: 0.02 };

describe("a 200-message batch with random faults", () => {
  test("every message delivered exactly once, or reported unknown or failed; the journal agrees with the server; a resume retries only the failures", async () => {
    const messages = messagesFor(200);
    expect(new Set(messages.map((m) => m.reference)).size).toBe(200);
    const journal = new JournalDouble();
    graph.faults = randomFaults(2025, FAULT_RATES);
    const clock = new VirtualClock(Date.UTC(2025, 3, 1, 8));
    const progress: BatchProgress[] = [];
    const report = await runBatch(messages, deps(journal, clock, { onProgress: (p) => progress.push(p) }));

    expect(report.stopped).toBeUndefined();
    expect(report.results).toHaveLength(200);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const kinds = count(report);
    expect(kinds.envoye! + kinds.echec! + kinds.inconnu!).toBe(200);
    expect(kinds.inconnu).toBeGreaterThan(0);
    expect(kinds.echec).toBeGreaterThan(0);
    const ledger = expectConsistent(journal, messages);
    for (const result of report.results) expect(ledger.records.get(result.message.reference)?.status).toBe(result.kind);
    // Throttling held: 30 a minute at most, in virtual time (over 200 messages: at least 6 minutes).
    expect(clock.now() - Date.UTC(2025, 3, 1, 8)).toBeGreaterThanOrEqual(6 * 60_000);

    // Resume on the same journal with a healthy server: failures retried, unknowns left to the user.
    graph.faults = () => ({ kind: "ok" });
    const before = graph.requests.length;
    const resumed = await runBatch(messages, deps(journal, clock));
    const again = count(resumed);
    expect(again.dejaEnvoye).toBe(kinds.envoye);
    expect(again.aDecider).toBe(kinds.inconnu);
    expect(again.envoye).toBe(kinds.echec);
    expect(graph.requests.length - before).toBe(kinds.echec);
    expectConsistent(journal, messages);

    // The user checks the sent items and decides; a last run sends what did not leave. A slow
    // server may deliver after the client gave up: the user must look once it has settled (the
    // pane says so), here once the slow answers (400 ms) are all in.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const decided = foldLedger(journal.entries());
    for (const record of decided.records.values()) {
      if (record.status !== "inconnu") continue;
      await journal.append([decisionEntry(record, graph.deliveredCount(record.reference) > 0 ? "confirme" : "nonEnvoye", "2025-04-01T10:00:00Z")!]);
    }
    const last = await runBatch(messages, deps(journal, clock));
    const final = expectConsistent(journal, messages);
    expect(messages.every((m) => final.records.get(m.reference)?.status === "envoye")).toBe(true);
    expect(graph.delivered).toHaveLength(200);
    expect(count(last).dejaEnvoye! + (count(last).envoye ?? 0)).toBe(200);
  });
});

describe("a crash in the middle, then a resume with a new runner", () => {
  test.each([
    ["the journal throws on the outcome of a message just sent", 37, "throw" as const],
    ["the runtime freezes while writing an intent (nothing written, nothing sent)", 60, "freeze" as const],
    ["the runtime dies right after an intent is written, before the send", 60, "writeThenFreeze" as const],
    ["the runtime freezes after a send, before its outcome is written", 61, "freeze" as const],
    ["the runtime dies right after an outcome is written", 61, "writeThenFreeze" as const],
  ])("%s: still exactly once", async (_, crashAfter, mode) => {
    const messages = messagesFor(60);
    const journal = new JournalDouble();
    journal.crashAfter = crashAfter;
    journal.crashMode = mode;
    graph.faults = randomFaults(99, { unavailable: 0.1, throttle: 0.05 });

    const first = runBatch(messages, deps(journal));
    if (mode === "throw") {
      const report = await first;
      expect(report.stopped).toContain("journal des relances impossible à écrire");
      expect(report.results.filter((r) => r.kind === "nonTraite").length).toBeGreaterThan(0);
    } else {
      // Frozen for good: wait until it stopped moving, then start a new runtime.
      await waitFor(() => journal.appends >= crashAfter + (mode === "writeThenFreeze" ? 1 : 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("recouvre.sendingLock")];
    }
    const sentBefore = [...expectConsistent(journal, messages).records.values()].filter((r) => r.status === "envoye").length;
    const entries = journal.entries();
    const endsWithIntent = entries[entries.length - 1].id.endsWith(":intention");

    journal.restart();
    graph.faults = () => ({ kind: "ok" });
    // The pane restarts later: the crashed runtime's claims are past their lease.
    const later = new VirtualClock(Date.UTC(2025, 3, 1, 10));
    const resumed = await runBatch(messages, deps(journal, later));
    expect(resumed.stopped).toBeUndefined();
    const kinds = count(resumed);
    const ledger = expectConsistent(journal, messages);
    // In doubt: what was between its claim or intent and its outcome, shown to the user; every other message went out.
    const unknown = [...ledger.records.values()].filter((r) => r.status === "inconnu" || r.status === "reserve");
    expect(unknown.length).toBeLessThanOrEqual(10);
    if (endsWithIntent) expect(unknown.length).toBeGreaterThan(0);
    expect(kinds.dejaEnvoye ?? 0).toBe(sentBefore);
    expect((kinds.envoye ?? 0) + (kinds.aDecider ?? 0)).toBe(60 - sentBefore);
    // Everything else went out exactly once.
    for (const m of messages) if (ledger.records.get(m.reference)?.status !== "inconnu" && ledger.records.get(m.reference)?.status !== "reserve") expect(graph.deliveredCount(m.reference)).toBe(1);
  });

  test("clicking « Envoyer » twice: the second batch waits for nothing and sends nothing", async () => {
    const messages = messagesFor(5);
    const journal = new JournalDouble();
    const same = deps(journal);
    const [a, b] = await Promise.all([runBatch(messages, same), runBatch(messages, same)]);
    expect(count(a).envoye).toBe(5);
    expect(b.stopped).toContain("déjà en cours");
    const c = await runBatch(messages, same);
    expect(count(c).dejaEnvoye).toBe(5);
    expect(graph.delivered).toHaveLength(5);
  });
});

describe("the journal decides, the runner obeys", () => {
  test("an intent cannot be written: nothing is sent, the batch stops", async () => {
    const messages = messagesFor(3);
    const journal = new JournalDouble();
    journal.failing = true;
    const report = await runBatch(messages, deps(journal));
    expect(report.stopped).toContain("avant tout envoi");
    expect(graph.requests).toHaveLength(0);
    expect(report.results.every((r) => r.kind === "nonTraite")).toBe(true);
  });

  test("the journal cannot be read: nothing is sent", async () => {
    const report = await runBatch(messagesFor(2), { ...deps(new JournalDouble()), loadJournal: () => Promise.reject(new Error("classeur fermé")) });
    expect(report.stopped).toContain("classeur fermé");
    expect(graph.requests).toHaveLength(0);
  });

  test("stop between messages", async () => {
    const messages = messagesFor(6);
    let asked = 0;
    const report = await runBatch(messages, deps(new JournalDouble(), undefined, { shouldStop: () => ++asked > 2 }));
    const kinds = report.results.map((r) => r.kind);
    expect(kinds[0]).toBe("envoye");
    expect(kinds.slice(kinds.lastIndexOf("envoye") + 1).every((k) => k === "nonTraite")).toBe(true);
    expect(graph.delivered).toHaveLength(kinds.filter((k) => k === "envoye").length);
    expect(report.stopped).toBe("envoi arrêté à votre demande");
  });

  test("a step that calls for a letter is not sent without it", async () => {
    const [message] = messagesFor(1);
    const courrier = { ...message, attachLetter: true };
    const journal = new JournalDouble();
    const report = await runBatch([courrier], deps(journal));
    expect(report.results[0]).toMatchObject({ kind: "echec", journalled: true });
    expect(report.results[0].reason).toContain("demande la lettre en pièce jointe");
    expect(graph.requests).toHaveLength(0);
    const withPdf = await runBatch([courrier], {
      ...deps(journal),
      compose: async (m) => ({ ...defaultContent(m), attachments: [{ filename: "lettre.pdf", contentType: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) }] }),
    });
    expect(withPdf.results[0].kind).toBe("envoye");
    expect(graph.delivered[0].body.message.attachments[0].name).toBe("lettre.pdf");
    expect(foldLedger(journal.entries()).records.get(message.reference)).toMatchObject({ status: "envoye", attempts: 2 });
  });

  test("the .eml path: drafts produced and journalled « préparé », then never sent by Graph until the user confirms", async () => {
    const messages = messagesFor(3);
    const journal = new JournalDouble();
    const eml = await runBatch(messages, {
      ...deps(journal),
      transport: { kind: "eml", build: async (m, content) => ({ filename: `${m.client}.eml`, content: `X-Unsent: 1\r\nSubject: ${content.subject}\r\n\r\n${content.text}` }) },
    });
    expect(eml.results.map((r) => r.kind)).toEqual(["prepare", "prepare", "prepare"]);
    expect(eml.files.map((f) => f.filename)).toEqual(messages.map((m) => `${m.client}.eml`));
    expect(foldLedger(journal.entries()).records.get(messages[0].reference)?.status).toBe("prepare");

    const graphRun = await runBatch(messages, deps(journal));
    expect(graphRun.results.map((r) => r.kind)).toEqual(["aDecider", "aDecider", "aDecider"]);
    expect(graph.requests).toHaveLength(0);

    const record = foldLedger(journal.entries()).records.get(messages[1].reference)!;
    await journal.append([decisionEntry(record, "nonEnvoye", "2025-04-01T12:00:00Z")!]);
    const after = await runBatch(messages, deps(journal));
    expect(after.results.map((r) => r.kind)).toEqual(["aDecider", "envoye", "aDecider"]);
    expect(graph.delivered.map((r) => r.reference)).toEqual([messages[1].reference]);
  });

  test("a draft a colleague prepared meanwhile is not prepared again; it names who prepared it", async () => {
    const messages = messagesFor(3);
    const journal = new JournalDouble();
    const build = async (m: PlannedMessage, content: MessageContent) => ({ filename: `${m.client}.eml`, content: `X-Unsent: 1\r\nSubject: ${content.subject}\r\n\r\n${content.text}` });
    const colleague = { by: "Paul Martin", runtime: newRuntimeId(), mailbox: "?" };
    const mine = deps(journal);
    // While this run prepares the first draft, a colleague's pane prepares the third (the rows reach this workbook).
    let colleagueRan = false;
    const report = await runBatch(messages, {
      ...mine,
      transport: { kind: "eml", build },
      append: async (entries) => {
        await journal.append(entries);
        if (!colleagueRan) {
          colleagueRan = true;
          delete (globalThis as Record<symbol, unknown>)[Symbol.for("recouvre.sendingLock")];
          const theirs = await runBatch([messages[2]], { ...deps(journal), identity: colleague, transport: { kind: "eml", build } });
          expect(theirs.results.map((r) => r.kind)).toEqual(["prepare"]);
        }
      },
    });
    expect(report.results.map((r) => r.kind)).toEqual(["prepare", "prepare", "aDecider"]);
    expect(report.results[2].reason).toBe("brouillon déjà préparé par Paul Martin : envoyé ou non, à vous de le dire");
    expect(report.files.map((f) => f.filename)).toEqual([`${messages[0].client}.eml`, `${messages[1].client}.eml`]);
    const prepared = journal.entries().filter((e) => e.id.endsWith(":prepare"));
    expect(prepared.map((e) => e.origin?.by)).toEqual(["test", "Paul Martin", "test"]);
  });

  test("a composer that fails: échec recorded, nothing sent, the next run retries", async () => {
    const [message] = messagesFor(1);
    const journal = new JournalDouble();
    const report = await runBatch([message], { ...deps(journal), compose: () => Promise.reject(new Error("modèle introuvable")) });
    expect(report.results[0]).toMatchObject({ kind: "echec", reason: "message non composé : modèle introuvable" });
    const retry = await runBatch([message], deps(journal));
    expect(retry.results[0].kind).toBe("envoye");
    expect(journal.entries().map((e) => e.id.split("#")[1].replace(/@.*/, ""))).toEqual(["1:echec", "2:reserve", "2:intention", "2:envoye"]);
  });
});

function count(report: BatchReport): Partial<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const result of report.results) out[result.kind] = (out[result.kind] ?? 0) + 1;
  return out;
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
