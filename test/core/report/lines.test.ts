import type { JournalEntry } from "../../../src/core/escalation/journal";
import { DEFAULT_SCENARIO, type Scenario } from "../../../src/core/escalation/scenario";
import { deriveState, EMPTY_JOURNAL_STATE } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { reportFromWorkflow, reportLinesFromCases, reportLinesFromWorkflow } from "../../../src/core/report";
import { day } from "../fixtures";

const book = RateBook.builtIn();

function invoice(numero: string, echeance: number, montant: number, overrides: Partial<Invoice> = {}): Invoice {
  return {
    sheetRow: 2,
    client: "SARL Dupont",
    clientKey: "sarl dupont",
    numero,
    echeance,
    echeanceSource: "colonne",
    montant,
    particulier: false,
    acheteurPublic: false,
    ...overrides,
  };
}

function entries(...list: Array<Record<string, unknown>>): JournalEntry[] {
  return list.map((entry, i) => ({ id: `e${i + 1}`, timestamp: "2025-03-01T09:00:00Z", client: "SARL Dupont", clientKey: "sarl dupont", ...entry }) as JournalEntry);
}

const ASOF = day(2025, 4, 1);

describe("reportLinesFromWorkflow: every unpaid invoice, aged at the report date", () => {
  const invoices = [
    // 1 000 € due 01/03/2025, 31 days late on 01/04: 100000 × 13,15 % × 31 / 365 = 1116,85 → 1 117 cents (workflow.test.ts)
    invoice("F1", day(2025, 3, 1), 100000),
    // Due in 30 days: buildCases leaves it aside (its first step, J-5, has not come).
    invoice("F2", day(2025, 5, 1), 50000),
    // Paid according to the list.
    invoice("F3", day(2025, 1, 1), 70000, { datePaiement: day(2025, 1, 20) }),
    // Disputed in the journal.
    invoice("F4", day(2025, 2, 1), 20000),
    // Partly paid in the journal: 300 € left of 800 €.
    invoice("F5", day(2025, 3, 20), 80000),
  ];
  const journal = deriveState(
    entries(
      { type: "dispute", date: day(2025, 3, 5), invoices: ["F4"], reason: "livraison incomplète" },
      { type: "payment", date: day(2025, 3, 25), invoices: ["F5"], amount: 50000, allocations: [{ invoice: "F5", amount: 50000, balanceBefore: 80000 }] },
      { type: "step", stepId: "relance1", channel: "email", date: day(2025, 3, 2), invoices: ["F1"] },
    ),
    DEFAULT_SCENARIO,
  );
  const { lines, workflow } = reportLinesFromWorkflow({ invoices, journal, scenario: DEFAULT_SCENARIO, book, asOf: ASOF });
  const byNumero = new Map(lines.map((l) => [l.numero, l]));

  test("the invoices not yet to be chased are there, the paid one is not", () => {
    expect(workflow.notYetDue).toBe(1);
    expect([...byNumero.keys()].sort()).toEqual(["F1", "F2", "F4", "F5"]);
    expect(byNumero.get("F2")).toMatchObject({ amount: 50000, daysPastDue: -30, disputed: false, penalties: 0 });
  });

  test("amounts, days, penalties, last step and dispute come from the cases", () => {
    expect(byNumero.get("F1")).toMatchObject({ amount: 100000, daysPastDue: 31, penalties: 1117, lastStep: { index: 1, label: "Relance 1" } });
    expect(byNumero.get("F4")).toMatchObject({ amount: 20000, disputed: true });
    expect(byNumero.get("F5")).toMatchObject({ amount: 30000, daysPastDue: 12 });
  });

  test("reportLinesFromCases gives the same lines for the invoices in the cases", () => {
    const fromCases = reportLinesFromCases(buildCases(invoices, journal, { scenario: DEFAULT_SCENARIO, book, today: ASOF }).cases, ASOF);
    expect(fromCases.map((l) => l.numero).sort()).toEqual(["F1", "F4", "F5"]);
    for (const l of fromCases) expect(l).toEqual(byNumero.get(l.numero));
  });

  test("reportFromWorkflow: the whole report, every scenario step listed", () => {
    const report = reportFromWorkflow({ invoices, journal, scenario: DEFAULT_SCENARIO, book, asOf: ASOF });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ client: "SARL Dupont", buckets: [50000, 30000, 100000, 0, 0], disputed: 20000, total: 200000 });
    expect(report.indicators.steps).toHaveLength(DEFAULT_SCENARIO.length + 1);
  });
});

test("a late first step: overdue invoices buildCases sets aside still get their penalties", () => {
  // First step at J+10: on 06/03/2025 an invoice due 01/03 is 5 days late and not in the cases.
  // 100000 × 13,15 % × 5 / 365 = 180,14 → 180 cents.
  const scenario: Scenario = [{ id: "r1", label: "Relance 1", offsetDays: 10, channel: "email" }];
  const { lines, workflow } = reportLinesFromWorkflow({
    invoices: [invoice("F1", day(2025, 3, 1), 100000)],
    journal: EMPTY_JOURNAL_STATE,
    scenario,
    book,
    asOf: day(2025, 3, 6),
  });
  expect(workflow.cases).toHaveLength(0);
  expect(lines).toEqual([{ clientKey: "sarl dupont", client: "SARL Dupont", numero: "F1", amount: 100000, daysPastDue: 5, disputed: false, penalties: 180 }]);
});

test("a consumer's invoice without formal notice owes no interest; a rate the tables lack is reported, not guessed", () => {
  const { lines } = reportLinesFromWorkflow({
    invoices: [invoice("C1", day(2025, 3, 1), 100000, { particulier: true }), invoice("F9", day(2027, 1, 1), 100000, { client: "Futur SA", clientKey: "futur sa" })],
    journal: EMPTY_JOURNAL_STATE,
    scenario: DEFAULT_SCENARIO,
    book,
    asOf: day(2027, 3, 1),
  });
  const consumer = lines.find((l) => l.numero === "C1")!;
  const future = lines.find((l) => l.numero === "F9")!;
  expect(consumer.penalties).toBe(0);
  expect(future.penalties).toBeUndefined();
  expect(future.missingRate).toMatch(/2027/);
});
