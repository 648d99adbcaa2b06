/**
 * The mailbox witness against the local fake Graph (127.0.0.1) that files
 * delivered messages in Sent Items: found after a lost answer, absent after
 * a reset before acceptance, unreadable without Mail.Read; and the runner
 * settling « issue inconnue » with it.
 */
import { defaultContent } from "../../src/core/sending/defaultContent";
import { CLAIM_LEASE_MS } from "../../src/core/sending/claims";
import { foldLedger } from "../../src/core/sending/ledger";
import { createGraphSender, REFERENCE_PROPERTY_ID } from "../../src/mail/graphSender";
import { createSentItemsWitness, sentItemsQueryUrl } from "../../src/mail/sentItemsWitness";
import { VirtualClock } from "../../src/mail/timing";
import { runBatch } from "../../src/sending/runBatch";
import { newRuntimeId } from "../../src/sending/runtimeIdentity";
import { messagesFor } from "../core/sending/fixtures";
import { localOnlyFetch, startFakeGraph, type FakeGraph } from "./fakeGraphServer";
import { JournalDouble } from "./journalDouble";

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph();
});
afterEach(() => graph.close());

const witness = () => createSentItemsWitness({ getToken: async () => "jeton", baseUrl: graph.baseUrl, fetch: localOnlyFetch() });

test("the query filters Sent Items on the reference's extended property", () => {
  const url = new URL(sentItemsQueryUrl("https://graph.microsoft.com/v1.0", "MAIL-2026-03-02-0123456789abcdef0123"));
  expect(url.pathname).toBe("/v1.0/me/mailFolders/sentitems/messages");
  expect(url.searchParams.get("$filter")).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${REFERENCE_PROPERTY_ID}' and ep/value eq 'MAIL-2026-03-02-0123456789abcdef0123')`);
});

test("found when Graph took it, absent when it did not, unreadable without Mail.Read", async () => {
  const sender = createGraphSender({ getToken: async () => "jeton", baseUrl: graph.baseUrl, fetch: localOnlyFetch(), timeoutMs: 2000 });
  const [a, b] = messagesFor(2);
  graph.faults = (request) => (request.reference === a.reference ? { kind: "lost" } : { kind: "reset" });
  expect(await sender.send({ reference: a.reference, to: a.recipients, subject: "s", html: "<p>x</p>" })).toMatchObject({ status: "unknown" });
  expect(await sender.send({ reference: b.reference, to: b.recipients, subject: "s", html: "<p>x</p>" })).toMatchObject({ status: "unknown" });
  expect(await witness().find(a.reference)).toMatchObject({ kind: "found" });
  expect(await witness().find(b.reference)).toEqual({ kind: "absent" });
  graph.sentItemsReadable = false;
  expect(await witness().find(a.reference)).toMatchObject({ kind: "unreadable", reason: expect.stringContaining("Mail.Read") });
});

test("the runner settles « issue inconnue » by the witness: found is sent, absent is sent again once, unreadable goes to the user", async () => {
  const messages = messagesFor(3);
  const journal = new JournalDouble();
  const clock = new VirtualClock(Date.UTC(2026, 2, 2, 9));
  const deps = (withWitness: boolean) => ({
    identity: { by: "Marie", runtime: newRuntimeId(), mailbox: "marie@acme.fr" },
    loadJournal: journal.loadJournal,
    append: journal.append,
    compose: async (m: (typeof messages)[number]) => defaultContent(m),
    transport: { kind: "graph" as const, sender: createGraphSender({ getToken: async () => "jeton", baseUrl: graph.baseUrl, fetch: localOnlyFetch(), timeoutMs: 2000, clock, sleep: clock.sleep }) },
    clock,
    sleep: clock.sleep,
    ...(withWitness && { witness: witness() }),
  });
  const faults = new Map([
    [messages[0].reference, "lost"],
    [messages[1].reference, "reset"],
    [messages[2].reference, "reset"],
  ]);
  graph.faults = (request) => ({ kind: (faults.get(request.reference!) ?? "ok") as "ok" });
  const first = await runBatch(messages, deps(true));
  expect(first.results.map((r) => r.kind)).toEqual(["inconnu", "inconnu", "inconnu"]);
  faults.clear();
  clock.advance(CLAIM_LEASE_MS);
  graph.sentItemsReadable = true;
  const second = await runBatch(messages.slice(0, 2), deps(true));
  expect(second.results.map((r) => r.kind)).toEqual(["dejaEnvoye", "envoye"]);
  graph.sentItemsReadable = false;
  const third = await runBatch(messages.slice(2), deps(true));
  expect(third.results.map((r) => r.kind)).toEqual(["aDecider"]);
  for (const m of messages.slice(0, 2)) expect(graph.deliveredCount(m.reference)).toBe(1);
  const ledger = foldLedger(journal.entries());
  expect(ledger.records.get(messages[0].reference)?.note).toContain("Éléments envoyés");
  expect(ledger.records.get(messages[2].reference)?.status).toBe("inconnu");
});
