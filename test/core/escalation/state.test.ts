import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { entryToRow, readJournal } from "../../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { appendEntries, deriveState, EMPTY_JOURNAL_STATE, invoiceStateOf, type JournalState } from "../../../src/core/escalation/state";
import { invoiceKeyOf } from "../../../src/core/ledger/clientKey";
import { day } from "../fixtures";
import { journalArb } from "./arbitraries";

const S = DEFAULT_SCENARIO;

/** Builds entries for one client with ids e1, e2... */
function journal(...entries: Array<Record<string, unknown>>): JournalEntry[] {
  return entries.map(
    (entry, i) =>
      ({
        id: `e${i + 1}`,
        timestamp: "2025-04-01T09:00:00Z",
        client: "SARL Dupont",
        clientKey: "sarl dupont",
        ...entry,
      }) as JournalEntry,
  );
}

const of = (state: JournalState, numero: string) => invoiceStateOf(state, "sarl dupont", numero)!;

/** The invoices an entry can change. */
function named(entry: JournalEntry): string[] {
  const keys = entry.invoices.map((n) => invoiceKeyOf(entry.clientKey, n));
  if (entry.type === "payment") keys.push(...entry.allocations.map((a) => invoiceKeyOf(entry.clientKey, a.invoice)));
  return keys;
}

describe("properties of fold(journal)", () => {
  test("replaying a journal gives the same state, also after a trip through the workbook's rows", () => {
    fc.assert(
      fc.property(journalArb({ duplicates: true }), (entries) => {
        const state = deriveState(entries, S);
        expect(deriveState(entries, S)).toEqual(state);
        const rows = entries.map((e) => entryToRow(e, S));
        const reread = readJournal(undefined, rows, { scenario: S });
        expect(reread.damaged).toEqual([]);
        expect(deriveState(reread.entries, S)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  test("appending never changes the past: the prefix's state is untouched and only named invoices change", () => {
    fc.assert(
      fc.property(journalArb({ duplicates: true }), fc.nat(), (entries, cut) => {
        const k = entries.length === 0 ? 0 : cut % (entries.length + 1);
        const prefix = entries.slice(0, k);
        const suffix = entries.slice(k);
        const before = deriveState(prefix, S);
        // An independent copy made before appending (structuredClone would make
        // Maps of another realm, which jest's equality cannot walk).
        const snapshot = deriveState(prefix, S);
        const after = appendEntries(before, suffix, S);

        // The prefix's state object was not modified, and is what the prefix alone gives.
        expect(before).toEqual(snapshot);
        expect(before).toEqual(deriveState(prefix, S));
        // Appending step by step is folding the whole journal.
        expect(after).toEqual(deriveState(entries, S));
        // Invoices no new entry names keep their very state.
        const touched = new Set(suffix.flatMap(named));
        for (const [key, invoice] of before.invoices) {
          if (!touched.has(key)) expect(after.invoices.get(key)).toBe(invoice);
        }
        const touchedClients = new Set(suffix.map((e) => e.clientKey));
        for (const [key, history] of before.clients) {
          if (!touchedClients.has(key)) expect(after.clients.get(key)).toBe(history);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("the furthest step done never depends on the order steps were recorded", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(S.map((s) => s.id), { minLength: 1 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }), (ids, offsets) => {
        const entries = journal(...ids.map((stepId, i) => ({ type: "step", stepId, date: day(2025, 1, 1) + offsets[i], invoices: ["F1"] })));
        const reversed = journal(...[...ids].reverse().map((stepId, i) => ({ type: "step", stepId, date: day(2025, 1, 1) + offsets[ids.length - 1 - i], invoices: ["F1"] })));
        const expected = Math.max(...ids.map((id) => S.findIndex((s) => s.id === id)));
        expect(of(deriveState(entries, S), "F1").lastStep?.index).toBe(expected);
        expect(of(deriveState(reversed, S), "F1").lastStep).toMatchObject({ index: expected, stepId: S[expected].id });
      }),
    );
  });
});

describe("what each entry does", () => {
  test("steps: the furthest wins, even recorded late; a formal notice dates legal interest", () => {
    const state = deriveState(
      journal(
        { type: "step", stepId: "relance2", date: day(2025, 3, 16), invoices: ["F1", "F2"] },
        { type: "step", stepId: "relance1", date: day(2025, 3, 2), invoices: ["F1"] },
        { type: "step", stepId: "miseEnDemeure", channel: "lrar", date: day(2025, 4, 15), invoices: ["F2"] },
        { type: "step", stepId: "miseEnDemeure", channel: "lrar", date: day(2025, 4, 20), invoices: ["F2"] },
      ),
      S,
    );
    expect(of(state, "F1").lastStep).toEqual({ stepId: "relance2", index: 2, date: day(2025, 3, 16), entryId: "e1" });
    expect(of(state, "F1").stepsDone.map((s) => s.stepId)).toEqual(["relance2", "relance1"]);
    expect(of(state, "F1").formalNoticeDate).toBeUndefined();
    expect(of(state, "F2").lastStep).toEqual({ stepId: "miseEnDemeure", index: 4, date: day(2025, 4, 20), entryId: "e4" });
    expect(of(state, "F2").formalNoticeDate).toBe(day(2025, 4, 15));
    // A mise en demeure does not interrupt prescription.
    expect(of(state, "F2").interruption).toBeUndefined();
    expect(of(state, "F2").entryIndexes).toEqual([0, 2, 3]);
    expect(state.clients.get("sarl dupont")?.entryIndexes).toEqual([0, 1, 2, 3]);
  });

  test("payments: amount paid, balance left, and a new prescription period; so does an acknowledgment", () => {
    const state = deriveState(
      journal(
        { type: "payment", date: day(2025, 3, 21), invoices: ["F1"], amount: 40000, allocations: [{ invoice: "F1", amount: 40000, balanceBefore: 100000 }] },
        { type: "acknowledgment", date: day(2025, 3, 10), invoices: ["F1"] },
        { type: "payment", date: day(2025, 4, 2), invoices: ["F1"], amount: 10000, allocations: [{ invoice: "F1", amount: 10000, balanceBefore: 60000 }] },
        { type: "acknowledgment", date: day(2025, 5, 5), invoices: ["F2"] },
      ),
      S,
    );
    expect(of(state, "F1")).toMatchObject({ paid: 50000, balance: 50000, interruption: day(2025, 4, 2) });
    expect(of(state, "F1").payments).toEqual([
      { date: day(2025, 3, 21), amount: 40000, entryId: "e1" },
      { date: day(2025, 4, 2), amount: 10000, entryId: "e3" },
    ]);
    expect(of(state, "F2")).toMatchObject({ paid: 0, interruption: day(2025, 5, 5) });
    expect(of(state, "F2").balance).toBeUndefined();
  });

  test("promises: the latest recorded one counts", () => {
    const state = deriveState(
      journal(
        { type: "promise", date: day(2025, 4, 1), until: day(2025, 4, 15), amount: 50000, invoices: ["F1"] },
        { type: "promise", date: day(2025, 4, 16), until: day(2025, 4, 30), amount: 20000, invoices: ["F1"] },
      ),
      S,
    );
    expect(of(state, "F1").promise).toEqual({ date: day(2025, 4, 16), until: day(2025, 4, 30), amount: 20000, entryId: "e2" });
  });

  test("disputes open and close; a resolution without a dispute changes nothing", () => {
    const entries = journal(
      { type: "disputeResolved", date: day(2025, 4, 1), invoices: ["F1"] },
      { type: "dispute", date: day(2025, 4, 2), reason: "livraison incomplète", invoices: ["F1"] },
    );
    const open = deriveState(entries, S);
    expect(of(open, "F1").dispute).toEqual({ open: true, since: day(2025, 4, 2), reason: "livraison incomplète", entryId: "e2" });
    const closed = appendEntries(open, journal({}, {}, { type: "disputeResolved", date: day(2025, 4, 20), resolution: "avoir de 50 €", invoices: ["F1"] }).slice(2), S);
    expect(of(closed, "F1").dispute).toEqual({
      open: false,
      since: day(2025, 4, 2),
      reason: "livraison incomplète",
      resolvedOn: day(2025, 4, 20),
      resolution: "avoir de 50 €",
      entryId: "e2",
    });
    expect(of(open, "F1").dispute?.open).toBe(true); // the earlier state is unchanged
  });

  test("plans: payments after the plan fill its instalments in order; a new plan replaces it", () => {
    const state = deriveState(
      journal(
        { type: "payment", date: day(2025, 4, 1), invoices: ["F1"], amount: 5000, allocations: [{ invoice: "F1", amount: 5000, balanceBefore: 90000 }] },
        { type: "plan", date: day(2025, 4, 5), invoices: ["F1", "F2"], instalments: [{ date: day(2025, 5, 5), amount: 30000 }, { date: day(2025, 6, 5), amount: 30000 }, { date: day(2025, 7, 5), amount: 25000 }] },
        { type: "payment", date: day(2025, 5, 4), invoices: ["F1"], amount: 30000, allocations: [{ invoice: "F1", amount: 30000, balanceBefore: 85000 }] },
        { type: "payment", date: day(2025, 6, 10), invoices: ["F2"], amount: 10000, allocations: [{ invoice: "F2", amount: 10000, balanceBefore: 20000 }] },
      ),
      S,
    );
    const plan = state.plans.get("e2")!;
    expect(plan.paid).toBe(40000);
    expect(plan.instalments.map((i) => i.paid)).toEqual([30000, 10000, 0]);
    expect(of(state, "F2").planId).toBe("e2");
    // A payment recorded later but dated before the plan belongs to the past, not to the plan.
    const backDated = journal({}, {}, {}, {}, { type: "payment", date: day(2025, 4, 3), invoices: ["F1"], amount: 1000, allocations: [{ invoice: "F1", amount: 1000, balanceBefore: 55000 }] }).slice(4);
    expect(appendEntries(state, backDated, S).plans.get("e2")?.paid).toBe(40000);
    const replaced = appendEntries(state, journal({}, {}, {}, {}, { type: "plan", date: day(2025, 6, 20), invoices: ["F2"], instalments: [{ date: day(2025, 7, 20), amount: 10000 }] }).slice(4), S);
    expect(replaced.plans.get("e2")?.superseded).toBe(true);
    expect(of(replaced, "F2").planId).toBe("e5");
    expect(of(replaced, "F1").planId).toBe("e2");
  });

  test("legal action is recorded with its procedure", () => {
    const state = deriveState(journal({ type: "legalAction", date: day(2025, 6, 1), procedure: "injonctionDePayer", invoices: ["F1"] }), S);
    expect(of(state, "F1").legalAction).toEqual({ date: day(2025, 6, 1), procedure: "injonctionDePayer", entryId: "e1" });
  });

  test("a row pasted twice counts once; a step the scenario lost is reported, not counted", () => {
    const [a, b] = journal(
      { type: "payment", date: day(2025, 4, 1), invoices: ["F1"], amount: 5000, allocations: [{ invoice: "F1", amount: 5000, balanceBefore: 90000 }] },
      { type: "step", stepId: "relanceSms", date: day(2025, 4, 2), invoices: ["F1"] },
    );
    const state = deriveState([a, a, b], S);
    expect(of(state, "F1").paid).toBe(5000);
    expect(state.duplicates).toEqual([{ index: 1, id: "e1" }]);
    expect(state.unknownSteps).toEqual([{ index: 2, stepId: "relanceSms" }]);
    expect(of(state, "F1").lastStep).toBeUndefined();
    expect(of(state, "F1").stepsDone).toEqual([{ stepId: "relanceSms", index: -1, date: day(2025, 4, 2), entryId: "e2" }]);
    expect(state.length).toBe(3);
    expect(deriveState([], S)).toBe(EMPTY_JOURNAL_STATE);
  });
});
