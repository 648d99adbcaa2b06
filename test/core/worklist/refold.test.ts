/**
 * Recording an action rebuilds only its clients' cases (issue 15: recording
 * shows in under 300 ms at 5,000 rows). The result must be the one a full
 * rebuild gives: same cases, same order, same counts.
 */
import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { appendEntries, deriveState } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { invoicesByClient, refoldClients } from "../../../src/core/worklist";
import { day } from "../fixtures";

const book = RateBook.builtIn();
const TODAY = day(2026, 3, 16);
const options = { scenario: DEFAULT_SCENARIO, book, today: TODAY };
const CLIENTS = ["a", "b", "c", "d"];

const invoicesArb = fc.array(fc.record({ client: fc.constantFrom(...CLIENTS), late: fc.integer({ min: -20, max: 300 }), cents: fc.integer({ min: 1, max: 1_000_000 }) }), { maxLength: 25 }).map((rows) =>
  rows.map(
    (row, i): Invoice => ({
      sheetRow: i + 2,
      client: `Client ${row.client.toUpperCase()}`,
      clientKey: `client ${row.client}`,
      numero: `F${i % 6}`,
      echeance: TODAY - row.late,
      echeanceSource: "colonne",
      montant: row.cents,
      particulier: false,
      acheteurPublic: false,
    }),
  ),
);

const entryArb = (id: string) =>
  fc
    .record({
      client: fc.constantFrom(...CLIENTS),
      kind: fc.constantFrom("step", "dispute", "promise", "payment"),
      stepId: fc.constantFrom(...DEFAULT_SCENARIO.map((s) => s.id)),
      numero: fc.constantFrom("F0", "F1", "F2", "F3", "F4", "F5"),
      amount: fc.integer({ min: 1, max: 500_000 }),
    })
    .map(({ client, kind, stepId, numero, amount }) => {
      const base = { id, timestamp: "2026-03-16T09:00:00Z", date: TODAY - 1, client: `Client ${client.toUpperCase()}`, clientKey: `client ${client}`, invoices: [numero] };
      if (kind === "step") return { ...base, type: "step", stepId, channel: "email" };
      if (kind === "dispute") return { ...base, type: "dispute", reason: "x" };
      if (kind === "promise") return { ...base, type: "promise", until: TODAY + 5, amount };
      return { ...base, type: "payment", amount, allocations: [{ invoice: numero, amount, balanceBefore: amount }] };
    }) as fc.Arbitrary<unknown> as fc.Arbitrary<JournalEntry>;

test("property: refolding the clients of new entries equals rebuilding every case", () => {
  fc.assert(
    fc.property(invoicesArb, fc.array(entryArb("old"), { maxLength: 4 }), fc.array(entryArb("new"), { minLength: 1, maxLength: 3 }), (invoices, history, added) => {
      const old = history.map((e, i) => ({ ...e, id: `old${i}` }));
      const fresh = added.map((e, i) => ({ ...e, id: `new${i}` }));
      const previous = deriveState(old, DEFAULT_SCENARIO);
      const before = buildCases(invoices, previous, options);
      const next = appendEntries(previous, fresh, DEFAULT_SCENARIO);
      const refolded = refoldClients(before, new Set(fresh.map((e) => e.clientKey)), invoicesByClient(invoices), previous, next, options);
      expect(refolded).toEqual(buildCases(invoices, next, options));
    }),
    { numRuns: 300 },
  );
});
