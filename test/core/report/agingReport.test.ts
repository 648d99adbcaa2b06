import fc from "fast-check";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { buildAgingReport, mondayOf, NO_STEP_LABEL, ReportInputError } from "../../../src/core/report/agingReport";
import type { ReportLine } from "../../../src/core/report/lines";
import { day } from "../fixtures";
import { line } from "./reportFixtures";

/**
 * The worked example, report date Wednesday 02/04/2025 (week: Monday 31/03 to
 * Sunday 06/04), default bounds 30 / 60 / 90:
 *
 *   Alpha  F1 1 000,00 €  due in 15 days     Non échu   penalties 0
 *          F2   500,00 €  21 days late       1-30 j     penalties 1,23   last step Relance 1
 *          F3   250,50 €  75 days late       61-90 j    penalties 4,56   promise e7 until Fri 04/04: 250,50 €
 *   Beta   G1 2 000,00 €  120 days late      > 90 j     penalties 78,90  last step Mise en demeure, promise e8 until 07/04 (next week)
 *          G2   300,00 €  58 days late, DISPUTED        penalties 9,99 (not counted), last step Relance 2
 *   Gamma  H1   100,00 €  due today (0)      Non échu   promise e9 until Mon 31/03 (past), 145,00 € for H1 + H2
 *          H2    45,00 €  30 days late       1-30 j     penalties 0,12, promise e9
 *
 *   Alpha total 1 750,50 ; Beta 2 300,00 (incl. 300,00 disputed) ; Gamma 145,00 ; grand total 4 195,50.
 *   Overdue outside disputes: 500 + 250,50 + 2 000 + 45 = 2 795,50 ; share 2 795,50 / 4 195,50.
 *   Weighted days late: (50000×21 + 25050×75 + 200000×120 + 4500×30) / 279550
 *                     = 27 063 750 / 279 550 = 96,81…
 */
const ASOF = day(2025, 4, 2);
const PROMISE_E9 = { entryId: "e9", until: day(2025, 3, 31), amount: 14500 };

function example(): ReportLine[] {
  return [
    line("Alpha", 100000, -15),
    line("Alpha", 50000, 21, { penalties: 123, lastStep: { index: 1, label: "Relance 1" } }),
    line("Alpha", 25050, 75, { penalties: 456, promise: { entryId: "e7", until: day(2025, 4, 4), amount: 25050 } }),
    line("Beta", 200000, 120, { penalties: 7890, lastStep: { index: 4, label: "Mise en demeure" }, promise: { entryId: "e8", until: day(2025, 4, 7), amount: 200000 } }),
    line("Beta", 30000, 58, { disputed: true, penalties: 999, lastStep: { index: 2, label: "Relance 2" } }),
    line("Gamma", 10000, 0, { promise: PROMISE_E9 }),
    line("Gamma", 4500, 30, { penalties: 12, promise: PROMISE_E9 }),
  ];
}

describe("the worked example", () => {
  const report = buildAgingReport(example(), { asOf: ASOF });

  test("labels of the default bounds", () => {
    expect(report.labels).toEqual(["Non échu", "1-30 j", "31-60 j", "61-90 j", "> 90 j"]);
  });

  test("one row per client, largest total first, disputes out of the buckets", () => {
    expect(report.rows.map((r) => [r.client, r.buckets, r.disputed, r.total, r.penalties, r.invoices])).toEqual([
      ["Beta", [0, 0, 0, 0, 200000], 30000, 230000, 7890, 2],
      ["Alpha", [100000, 50000, 0, 25050, 0], 0, 175050, 579, 3],
      ["Gamma", [10000, 4500, 0, 0, 0], 0, 14500, 12, 2],
    ]);
    expect(report.rows.map((r) => r.share)).toEqual([230000 / 419550, 175050 / 419550, 14500 / 419550]);
    expect(report.rows.map((r) => r.overdue)).toEqual([200000, 75050, 4500]);
  });

  test("totals row", () => {
    expect(report.totals).toEqual({ buckets: [110000, 54500, 0, 25050, 200000], disputed: 30000, total: 419550, penalties: 8481, invoices: 7 });
    expect(report.disputedByBucket).toEqual([0, 0, 30000, 0, 0]);
  });

  test("top debtors are the first rows", () => {
    expect(report.top.map((r) => r.client)).toEqual(["Beta", "Alpha", "Gamma"]);
  });

  test("receivables, overdue and its share, disputes", () => {
    const ind = report.indicators;
    expect(ind.totalReceivables).toBe(419550);
    expect(ind.notDue).toBe(110000);
    expect(ind.overdue).toBe(279550);
    expect(ind.overdueShare).toBe(279550 / 419550);
    expect(ind.notDue + ind.overdue + ind.disputed.amount).toBe(ind.totalReceivables);
    expect(ind.disputed).toEqual({ amount: 30000, invoices: 1, clients: 1 });
    expect(ind.clients).toBe(3);
    expect(ind.invoices).toBe(7);
  });

  test("weighted average days late: overdue invoices outside disputes, weighted by amount", () => {
    expect(report.indicators.weightedDaysLate).toEqual({ days: 27063750 / 279550, amount: 279550, invoices: 4 });
    expect(report.indicators.weightedDaysLate!.days).toBeCloseTo(96.8118, 4);
  });

  test("penalties claimable, disputes excluded", () => {
    expect(report.indicators.penalties).toBe(8481);
    expect(report.indicators.missingRates).toEqual([]);
  });

  test("invoices per last step done", () => {
    expect(report.indicators.steps).toEqual([
      { index: -1, label: NO_STEP_LABEL, invoices: 4, amount: 139550 },
      { index: 1, label: "Relance 1", invoices: 1, amount: 50000 },
      { index: 2, label: "Relance 2", invoices: 1, amount: 30000 },
      { index: 4, label: "Mise en demeure", invoices: 1, amount: 200000 },
    ]);
  });

  test("with the scenario, every step is listed, zeros included", () => {
    const withScenario = buildAgingReport(example(), { asOf: ASOF, scenario: DEFAULT_SCENARIO });
    expect(withScenario.indicators.steps.map((s) => [s.label, s.invoices])).toEqual([
      [NO_STEP_LABEL, 4],
      ["Relance préventive", 0],
      ["Relance 1", 1],
      ["Relance 2", 1],
      ["Relance 3", 0],
      ["Mise en demeure", 1],
      ["Action judiciaire", 0],
    ]);
  });

  test("promises due this week: Monday to Sunday of the report date, one per journal entry", () => {
    const week = report.indicators.promisesThisWeek;
    expect(week.from).toBe(day(2025, 3, 31));
    expect(week.to).toBe(day(2025, 4, 6));
    expect(week.count).toBe(2);
    expect(week.amount).toBe(14500 + 25050);
    expect(week.items.map((p) => [p.entryId, p.client, p.invoices.length, p.until, p.past])).toEqual([
      ["e9", "Gamma", 2, day(2025, 3, 31), true],
      ["e7", "Alpha", 1, day(2025, 4, 4), false],
    ]);
  });

  test("no DSO without monthly revenue", () => {
    expect(report.indicators.dsoSimple).toBeUndefined();
    expect(report.indicators.dsoCountBack).toBeUndefined();
  });
});

describe("indicators, one at a time", () => {
  test("the user's bounds give their own buckets", () => {
    const report = buildAgingReport([line("A", 100, 10), line("A", 200, 16), line("A", 400, 45), line("A", 800, 46), line("A", 1600, -1)], {
      asOf: ASOF,
      bounds: [15, 45],
    });
    expect(report.labels).toEqual(["Non échu", "1-15 j", "16-45 j", "> 45 j"]);
    expect(report.rows[0].buckets).toEqual([1600, 100, 600, 800]);
  });

  test("bad bounds or revenue are refused with a French reason", () => {
    expect(() => buildAgingReport([], { asOf: ASOF, bounds: [60, 30] })).toThrow(ReportInputError);
    expect(() => buildAgingReport([], { asOf: ASOF, bounds: [60, 30] })).toThrow(/strictement croissantes/);
    expect(() => buildAgingReport([], { asOf: ASOF, monthlyRevenue: [100, -1] })).toThrow(/mois 2/);
    expect(() => buildAgingReport([], { asOf: ASOF, monthlyRevenue: [10.5] })).toThrow(ReportInputError);
  });

  test("a missing rate makes the client's and the total penalties unknown, never a partial sum", () => {
    const report = buildAgingReport(
      [line("A", 1000, 10, { penalties: 5 }), line("B", 1000, 200, { penalties: undefined, missingRate: "taux BCE du 2e semestre 2026 inconnu" }), line("B", 500, 3, { penalties: 1 })],
      { asOf: ASOF },
    );
    expect(report.rows.find((r) => r.client === "A")!.penalties).toBe(5);
    expect(report.rows.find((r) => r.client === "B")!.penalties).toBeUndefined();
    expect(report.totals.penalties).toBeUndefined();
    expect(report.indicators.penalties).toBeUndefined();
    expect(report.indicators.missingRates).toEqual(["taux BCE du 2e semestre 2026 inconnu"]);
  });

  test("a missing rate on a disputed invoice does not matter: disputes are not claimed", () => {
    const report = buildAgingReport([line("A", 1000, 200, { disputed: true, penalties: undefined, missingRate: "x" }), line("A", 100, 5, { penalties: 2 })], { asOf: ASOF });
    expect(report.totals.penalties).toBe(2);
  });

  test("nothing overdue: no weighted days late; nothing at all: no share", () => {
    const notDue = buildAgingReport([line("A", 1000, -3), line("B", 1000, 40, { disputed: true })], { asOf: ASOF });
    expect(notDue.indicators.weightedDaysLate).toBeUndefined();
    expect(notDue.indicators.overdue).toBe(0);
    expect(notDue.indicators.overdueShare).toBe(0);
    const empty = buildAgingReport([], { asOf: ASOF });
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toEqual({ buckets: [0, 0, 0, 0, 0], disputed: 0, total: 0, penalties: 0, invoices: 0 });
    expect(empty.indicators.overdueShare).toBeUndefined();
    expect(empty.indicators.promisesThisWeek.count).toBe(0);
  });

  test("top debtors: ten at most, ties by name", () => {
    const lines = Array.from({ length: 14 }, (_, i) => line(`Client ${String(i).padStart(2, "0")}`, i < 4 ? 500 : 1000 + i, 10));
    const report = buildAgingReport(lines, { asOf: ASOF });
    expect(report.top).toHaveLength(10);
    expect(report.top[0].client).toBe("Client 13");
    expect(report.top.slice(-2).map((r) => r.client)).toEqual(["Client 05", "Client 04"]);
    const ties = buildAgingReport([line("Zed", 100, 1), line("Abel", 100, 1), line("Max", 100, 1)], { asOf: ASOF });
    expect(ties.rows.map((r) => r.client)).toEqual(["Abel", "Max", "Zed"]);
  });

  test("the DSO uses the receivables disputes included", () => {
    const report = buildAgingReport([line("A", 10000, 10), line("A", 5000, 40, { disputed: true })], {
      asOf: day(2025, 3, 31),
      monthlyRevenue: [30000],
    });
    expect(report.indicators.dsoSimple!.days).toBe((15000 * 31) / 30000);
    expect(report.indicators.dsoCountBack!.days).toBe(15.5);
  });

  test("mondayOf: ISO weeks, before 1970 too", () => {
    expect(mondayOf(day(2025, 3, 31))).toBe(day(2025, 3, 31));
    expect(mondayOf(day(2025, 4, 6))).toBe(day(2025, 3, 31));
    expect(mondayOf(day(2025, 3, 30))).toBe(day(2025, 3, 24));
    expect(mondayOf(day(1969, 12, 31))).toBe(day(1969, 12, 29));
    expect(mondayOf(0)).toBe(day(1969, 12, 29));
  });
});

// ---------------------------------------------------------------------------
// Properties.

const lineArb = fc.record({
  client: fc.constantFrom("Alpha", "Beta", "Gamma", "Delta", "Epsilon"),
  amount: fc.integer({ min: 1, max: 1_000_000_000 }),
  days: fc.integer({ min: -120, max: 2_000 }),
  disputed: fc.boolean(),
  penalties: fc.integer({ min: 0, max: 10_000_000 }),
});
const linesArb = fc.array(lineArb, { maxLength: 60 }).map((specs) => specs.map((s, i) => ({ ...line(s.client, s.amount, s.days, { disputed: s.disputed, penalties: s.penalties }), numero: `P${i}` })));
const boundsArb = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }).map((b) => [...b].sort((x, y) => x - y));

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

test("property: every cent lands in exactly one column, rows add up to the totals row", () => {
  fc.assert(
    fc.property(linesArb, boundsArb, (lines, bounds) => {
      const report = buildAgingReport(lines, { asOf: ASOF, bounds });
      const grand = sum(lines.map((l) => l.amount));
      expect(report.totals.total).toBe(grand);
      expect(sum(report.rows.map((r) => r.total))).toBe(grand);
      for (const row of report.rows) expect(sum(row.buckets) + row.disputed).toBe(row.total);
      report.totals.buckets.forEach((amount, i) => expect(sum(report.rows.map((r) => r.buckets[i]))).toBe(amount));
      expect(sum(report.rows.map((r) => r.disputed))).toBe(report.totals.disputed);
      expect(report.indicators.notDue + report.indicators.overdue + report.indicators.disputed.amount).toBe(grand);
      expect(sum(report.disputedByBucket)).toBe(report.totals.disputed);
      expect(sum(report.indicators.steps.map((s) => s.amount))).toBe(grand);
      for (let i = 1; i < report.rows.length; i++) expect(report.rows[i - 1].total).toBeGreaterThanOrEqual(report.rows[i].total);
      if (grand > 0) expect(sum(report.rows.map((r) => r.share))).toBeCloseTo(1, 9);
    }),
  );
});

test("property: the order of the lines changes nothing", () => {
  const pairs = linesArb.chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })));
  fc.assert(
    fc.property(pairs, ([lines, shuffled]) => {
      expect(buildAgingReport(shuffled, { asOf: ASOF })).toEqual(buildAgingReport(lines, { asOf: ASOF }));
    }),
  );
});

test("property: the weighted days late lies between the least and the most late overdue invoice", () => {
  fc.assert(
    fc.property(linesArb, (lines) => {
      const late = lines.filter((l) => !l.disputed && l.daysPastDue > 0);
      const result = buildAgingReport(lines, { asOf: ASOF }).indicators.weightedDaysLate;
      if (late.length === 0) return expect(result).toBeUndefined();
      const days = late.map((l) => l.daysPastDue);
      expect(result!.days).toBeGreaterThanOrEqual(Math.min(...days) - 1e-9);
      expect(result!.days).toBeLessThanOrEqual(Math.max(...days) + 1e-9);
      expect(result!.amount).toBe(sum(late.map((l) => l.amount)));
    }),
  );
});
