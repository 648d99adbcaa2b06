/**
 * The worklist (issue 15): filters, sort, search and the totals that follow
 * them, on cases built by the workflow from generated invoices.
 */
import fc from "fast-check";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState, EMPTY_JOURNAL_STATE } from "../../../src/core/escalation/state";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { buildCases, type ClientCase } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { amountOf, applyQuery, CASE_FLAGS, DEFAULT_QUERY, hasFlag, indexCases, rateGaps, sortCases, SORT_KEYS, todayActions, type WorklistQuery } from "../../../src/core/worklist";
import { day } from "../fixtures";

const book = RateBook.builtIn();
const TODAY = day(2026, 3, 16);
const options = { scenario: DEFAULT_SCENARIO, book, today: TODAY };

const NAMES = ["Garage Dupont", "Boulangerie Martin", "Hôtel des Alpes", "Ébénisterie Roy", "abc Conseil", "Zinc & Co"];

function invoice(i: number, client: string, late: number, cents: number, extra: Partial<Invoice> = {}): Invoice {
  return {
    sheetRow: i + 2,
    client,
    clientKey: client.toLowerCase(),
    numero: `FA-${String(i).padStart(4, "0")}`,
    echeance: TODAY - late,
    echeanceSource: "colonne",
    montant: cents,
    particulier: false,
    acheteurPublic: false,
    ...(client.startsWith("Z") ? {} : { email: `compta@${client.length}.fr` }),
    ...extra,
  };
}

const sample = () =>
  buildCases(
    [
      invoice(1, "Garage Dupont", 60, 120_000),
      invoice(2, "Garage Dupont", 10, 50_000),
      invoice(3, "Boulangerie Martin", 3, 900_000),
      invoice(4, "Hôtel des Alpes", 200, 10_000),
      invoice(5, "Zinc & Co", 20, 30_000),
    ],
    EMPTY_JOURNAL_STATE,
    options,
  ).cases;

test("sort by each key, in its natural order and reversed; ties fall back on the name", () => {
  const cases = sample();
  expect(sortCases(cases, "client", false).map((c) => c.client)).toEqual(["Boulangerie Martin", "Garage Dupont", "Hôtel des Alpes", "Zinc & Co"]);
  expect(sortCases(cases, "client", true).map((c) => c.client)).toEqual(["Zinc & Co", "Hôtel des Alpes", "Garage Dupont", "Boulangerie Martin"]);
  expect(sortCases(cases, "daysLate", false).map((c) => c.daysLate)).toEqual([200, 60, 20, 3]);
  expect(sortCases(cases, "amount", false)[0].client).toBe("Boulangerie Martin");
});

test("search by client (accents and case ignored), by invoice number, by several words", () => {
  const index = indexCases(sample());
  const names = (search: string) => applyQuery(index, { ...DEFAULT_QUERY, search }, TODAY).cases.map((c) => c.client);
  expect(names("hotel")).toEqual(["Hôtel des Alpes"]);
  expect(names("FA-0002")).toEqual(["Garage Dupont"]);
  expect(names("dupont fa-0001")).toEqual(["Garage Dupont"]);
  expect(names("dupont fa-0003")).toEqual([]);
  expect(names("  ")).toHaveLength(4);
});

test("filters: no e-mail, bucket, next step; counts and totals follow", () => {
  const index = indexCases(sample());
  const noEmail = applyQuery(index, { ...DEFAULT_QUERY, flags: ["noEmail"] }, TODAY);
  expect(noEmail.cases.map((c) => c.client)).toEqual(["Zinc & Co"]);
  expect(noEmail.count).toBe(1);
  expect(noEmail.principal).toBe(30_000);
  const old = applyQuery(index, { ...DEFAULT_QUERY, bucket: 4 }, TODAY);
  expect(old.cases.map((c) => c.client)).toEqual(["Hôtel des Alpes"]);
  const all = applyQuery(index, DEFAULT_QUERY, TODAY);
  expect(all.principal).toBe(120_000 + 50_000 + 900_000 + 10_000 + 30_000);
  const step = all.cases[0].next!.id;
  expect(applyQuery(index, { ...DEFAULT_QUERY, stepId: step }, TODAY).cases.every((c) => c.next?.id === step)).toBe(true);
});

test("a promise whose day has come and an instalment due are found; a dispute too", () => {
  const entries = [
    { id: "p", timestamp: "2026-03-01T09:00:00Z", type: "promise", date: day(2026, 3, 1), client: "Garage Dupont", clientKey: "garage dupont", invoices: ["FA-0001"], until: TODAY, amount: 120_000 },
    { id: "d", timestamp: "2026-03-01T09:00:00Z", type: "dispute", date: day(2026, 3, 1), client: "Zinc & Co", clientKey: "zinc & co", invoices: ["FA-0005"], reason: "livraison" },
  ] as unknown as JournalEntry[];
  const cases = buildCases(
    [invoice(1, "Garage Dupont", 60, 120_000), invoice(5, "Zinc & Co", 20, 30_000), invoice(6, "Zinc & Co", 20, 10_000)],
    deriveState(entries, DEFAULT_SCENARIO),
    options,
  ).cases;
  const byName = (name: string) => cases.find((c) => c.client === name)!;
  expect(hasFlag(byName("Garage Dupont"), "promiseDue", TODAY)).toBe(true);
  expect(hasFlag(byName("Garage Dupont"), "promiseDue", TODAY - 1)).toBe(false);
  expect(hasFlag(byName("Zinc & Co"), "dispute", TODAY)).toBe(true);
  expect(hasFlag(byName("Garage Dupont"), "dispute", TODAY)).toBe(false);
});

test("today's queue: one action per client and step due now, the most advanced step first", () => {
  const actions = todayActions(sample());
  expect(actions.length).toBeGreaterThan(0);
  for (let i = 1; i < actions.length; i++) expect(actions[i - 1].step.index).toBeGreaterThanOrEqual(actions[i].step.index);
  expect(new Set(actions.map((a) => `${a.clientKey}/${a.step.id}`)).size).toBe(actions.length);
});

test("rate gaps: one per missing semester, with the last day counted and the number of cases", () => {
  const cases = buildCases([invoice(1, "Garage Dupont", 60, 120_000), invoice(2, "Zinc & Co", 20, 30_000)], EMPTY_JOURNAL_STATE, { ...options, today: day(2026, 9, 1) }).cases;
  expect(rateGaps(cases)).toEqual([{ kind: "bce", semester: 2026 * 2 + 1, enterable: true, lastKnownDay: day(2026, 6, 30), cases: 2 }]);
  expect(rateGaps(sample())).toEqual([]);
});

// ---------------------------------------------------------------------------

const casesArb = fc
  .array(
    fc.record({
      client: fc.constantFrom(...NAMES),
      late: fc.integer({ min: -3, max: 400 }),
      cents: fc.integer({ min: 1, max: 10_000_000 }),
      email: fc.boolean(),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .map((rows) =>
    buildCases(
      rows.map((row, i) => invoice(i, row.client, row.late, row.cents, row.email ? {} : { email: undefined })),
      EMPTY_JOURNAL_STATE,
      options,
    ).cases,
  );

const queryArb: fc.Arbitrary<WorklistQuery> = fc.record({
  flags: fc.subarray([...CASE_FLAGS]),
  stepId: fc.option(fc.constantFrom(...DEFAULT_SCENARIO.map((s) => s.id)), { nil: undefined }),
  bucket: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  search: fc.oneof(fc.constant(""), fc.constantFrom("garage", "É", "fa-00", "co ", "xyz"), fc.string({ maxLength: 4 })),
  sort: fc.constantFrom(...SORT_KEYS),
  reversed: fc.boolean(),
});

test("property: the list is exactly the cases that pass every criterion, each once, sorted, with its totals", () => {
  fc.assert(
    fc.property(casesArb, queryArb, (cases: ClientCase[], query) => {
      const list = applyQuery(indexCases(cases), query, TODAY);
      const expected = cases.filter(
        (c) =>
          (query.stepId === undefined || c.next?.id === query.stepId) &&
          (query.bucket === undefined || c.bucket === query.bucket) &&
          query.flags.every((flag) => hasFlag(c, flag, TODAY)),
      );
      // The search only narrows: every case shown passes the filters, each once.
      expect(new Set(list.cases.map((c) => c.clientKey)).size).toBe(list.cases.length);
      for (const c of list.cases) expect(expected).toContain(c);
      if (query.search.trim() === "") expect(list.cases).toHaveLength(expected.length);
      expect(list.count).toBe(list.cases.length);
      expect(list.principal).toBe(list.cases.reduce((sum, c) => sum + c.principal, 0));
      expect(list.total).toBe(list.cases.reduce((sum, c) => sum + amountOf(c), 0));
      // Sorted: re-sorting changes nothing; reversing the direction reverses the list.
      expect(sortCases(list.cases, query.sort, query.reversed)).toEqual(list.cases);
      expect(sortCases(list.cases, query.sort, !query.reversed)).toEqual([...list.cases].reverse());
    }),
    { numRuns: 200 },
  );
});

test("property: a case is always found by its own client name and by each of its invoice numbers", () => {
  fc.assert(
    fc.property(casesArb, (cases) => {
      const index = indexCases(cases);
      for (const c of cases) {
        expect(applyQuery(index, { ...DEFAULT_QUERY, search: c.client.toUpperCase() }, TODAY).cases).toContain(c);
        for (const line of c.lines) expect(applyQuery(index, { ...DEFAULT_QUERY, search: line.invoice.numero }, TODAY).cases).toContain(c);
      }
    }),
    { numRuns: 50 },
  );
});
