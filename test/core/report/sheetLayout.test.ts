import fc from "fast-check";
import { buildAgingReport } from "../../../src/core/report/agingReport";
import {
  BUCKET_CHART_NAME,
  FORMATS,
  REPORT_TABLE_NAME,
  reportSheetLayout,
  reportSheetName,
  TOP_CHART_NAME,
  type Cell,
  type CellRange,
  type ReportSheetLayout,
} from "../../../src/core/report/sheetLayout";
import { day, serial } from "../fixtures";
import { line } from "./reportFixtures";

const ASOF = day(2025, 3, 31);

describe("reportSheetName: never the name of a sheet of the user's", () => {
  test("free: Balance âgée", () => {
    expect(reportSheetName(["Factures", "Journal des relances"])).toEqual({ name: "Balance âgée", defaultTaken: false });
  });
  test("taken (Excel ignores case): Balance âgée (Recouvre), then numbered", () => {
    expect(reportSheetName(["BALANCE ÂGÉE"])).toEqual({ name: "Balance âgée (Recouvre)", defaultTaken: true });
    expect(reportSheetName(["Balance âgée", "Balance âgée (Recouvre)", "balance âgée (recouvre) 2"])).toEqual({ name: "Balance âgée (Recouvre) 3", defaultTaken: true });
  });
});

function cellAt(layout: ReportSheetLayout, row: number, column: number): Cell | undefined {
  const t = layout.table;
  if (row >= t.range.row && row < t.range.row + t.range.rowCount && column >= t.range.column && column < t.range.column + t.range.columnCount) {
    return t.values[row - t.range.row][column - t.range.column];
  }
  for (const b of layout.blocks) {
    if (row >= b.row && row < b.row + b.rowCount && column >= b.column && column < b.column + b.columnCount) return b.values[row - b.row][column - b.column];
  }
  return undefined;
}

function valuesIn(layout: ReportSheetLayout, range: CellRange): (Cell | undefined)[][] {
  return Array.from({ length: range.rowCount }, (_, i) => Array.from({ length: range.columnCount }, (_, j) => cellAt(layout, range.row + i, range.column + j)));
}

const overlaps = (a: CellRange, b: CellRange) =>
  a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;

describe("the layout of the worked example", () => {
  const report = buildAgingReport(
    [
      line("Alpha", 100000, -15),
      line("Alpha", 25050, 75, { penalties: 456 }),
      line("=HYPERLINK(\"http://x\")", 200000, 120, { penalties: 7890 }),
      line("=HYPERLINK(\"http://x\")", 30000, 58, { disputed: true }),
    ],
    { asOf: ASOF, monthlyRevenue: [1_000_00, 900_00, 1_200_00] },
  );
  const layout = reportSheetLayout(report);
  const t = layout.table;

  test("title and table", () => {
    expect(layout.title).toBe("Balance âgée au 31/03/2025");
    expect(layout.blocks[0].values).toEqual([["'Balance âgée au 31/03/2025"]]);
    expect(t.name).toBe(REPORT_TABLE_NAME);
    expect(t.values[0]).toEqual(["'Client", "'Non échu", "'1-30 j", "'31-60 j", "'61-90 j", "'> 90 j", "'En litige", "'Total", "'Part du total", "'Pénalités réclamables"]);
    expect(t.range).toMatchObject({ column: 0, rowCount: 3, columnCount: 10 });
    expect(t.bodyRows).toBe(2);
  });

  test("rows: text kept as text, euros as numbers, share as a fraction", () => {
    expect(t.values[1]).toEqual(["'=HYPERLINK(\"http://x\")", 0, 0, 0, 0, 2000, 300, 2300, 230000 / 355050, 78.9]);
    expect(t.values[2]).toEqual(["'Alpha", 1000, 0, 0, 250.5, 0, 0, 1250.5, 125050 / 355050, 4.56]);
    expect(t.totals).toEqual(["'Total", 1000, 0, 0, 250.5, 2000, 300, 3550.5, 1, 83.46]);
    expect(t.numberFormats[1]).toEqual([FORMATS.general, ...new Array(7).fill(FORMATS.euros), FORMATS.share, FORMATS.euros]);
    expect(t.totalsFormats).toEqual(t.numberFormats[1]);
  });

  test("every text cell is marked literal: nothing the add-in writes can become a formula", () => {
    const all: Cell[] = [...t.values.flat(), ...t.totals, ...layout.blocks.flatMap((b) => b.values.flat())];
    for (const value of all) if (typeof value === "string" && value !== "") expect(value.startsWith("'")).toBe(true);
  });

  test("indicators: the date as a serial, amounts in euros, DSO in days", () => {
    const indicators = layout.blocks[2];
    const byLabel = new Map(indicators.values.slice(1).map((row, i) => [row[0], { value: row[1], format: indicators.numberFormats[i + 1][1] }]));
    expect(byLabel.get("'Arrêté au")).toEqual({ value: serial(2025, 3, 31), format: FORMATS.date });
    expect(byLabel.get("'Encours total (litiges compris)")).toEqual({ value: 3550.5, format: FORMATS.euros });
    expect(byLabel.get("'Part échue")).toEqual({ value: (25050 + 200000) / 355050, format: FORMATS.share });
    // 3 550,50 € of receivables, March 1 000 €, February 900 €, January 1 200 €: exhausted after 90 days.
    expect(byLabel.get("'DSO (épuisement du CA)")!.value).toBe("'> 90 j");
    expect(byLabel.get("'DSO (méthode simple)")).toEqual({ value: (355050 * 90) / 310_000, format: FORMATS.days });
  });

  test("conditional fills on the two oldest buckets of the body", () => {
    expect(layout.conditionalFormats.map((cf) => [cf.range, cf.greaterThan, cf.fill])).toEqual([
      [{ row: t.range.row + 1, column: 5, rowCount: 2, columnCount: 1 }, 0, "#FFC7CE"],
      [{ row: t.range.row + 1, column: 4, rowCount: 2, columnCount: 1 }, 0, "#FFEB9C"],
    ]);
  });

  test("charts: a stacked column of the buckets and a bar of the top debtors, sourced beside them", () => {
    const [buckets, top] = layout.charts;
    expect(buckets).toMatchObject({ name: BUCKET_CHART_NAME, type: "ColumnStacked", seriesBy: "Columns", title: "Montants par tranche de retard au 31/03/2025" });
    expect(valuesIn(layout, buckets.source)).toEqual([
      ["'Tranche", "'Hors litige", "'En litige"],
      ["'Non échu", 1000, 0],
      ["'1-30 j", 0, 0],
      ["'31-60 j", 0, 300],
      ["'61-90 j", 250.5, 0],
      ["'> 90 j", 2000, 0],
    ]);
    expect(top).toMatchObject({ name: TOP_CHART_NAME, type: "BarClustered", reverseCategories: true, legend: "None" });
    expect(valuesIn(layout, top.source)).toEqual([
      ["'Client", "'Total dû"],
      ["'=HYPERLINK(\"http://x\")", 2300],
      ["'Alpha", 1250.5],
    ]);
    // Beside the table, not over it nor over each other.
    const tableColumns = t.range.column + t.range.columnCount;
    for (const chart of layout.charts) {
      expect(chart.from.column).toBeGreaterThan(tableColumns - 1);
      const area = { row: chart.from.row, column: chart.from.column, rowCount: chart.to.row - chart.from.row + 1, columnCount: chart.to.column - chart.from.column + 1 };
      for (const b of layout.blocks) expect(overlaps(area, b)).toBe(false);
    }
    expect(buckets.to.row).toBeLessThan(top.from.row);
  });
});

test("an empty report keeps a table with one blank row and charts with something to plot", () => {
  const layout = reportSheetLayout(buildAgingReport([], { asOf: ASOF }));
  expect(layout.table.bodyRows).toBe(1);
  expect(layout.table.values[1].every((v) => v === "")).toBe(true);
  expect(layout.table.totals[7]).toBe(0);
  expect(valuesIn(layout, layout.charts[1].source)).toEqual([
    ["'Client", "'Total dû"],
    ["'Aucun débiteur", 0],
  ]);
});

test("missing rates: n.d. in the penalties column, the reason under the table", () => {
  const layout = reportSheetLayout(buildAgingReport([line("A", 1000, 200, { penalties: undefined, missingRate: "taux BCE du 2e semestre 2026 inconnu" })], { asOf: ASOF }));
  expect(layout.table.values[1][9]).toBe("'n.d.");
  expect(layout.table.totals[9]).toBe("'n.d.");
  expect(layout.blocks.some((b) => b.values.some((row) => row.some((v) => typeof v === "string" && v.includes("2e semestre 2026"))))).toBe(true);
});

test("property: blocks, table and chart areas never overlap; shapes are consistent", () => {
  const lineArb = fc.record({
    client: fc.string({ minLength: 1, maxLength: 12 }),
    amount: fc.integer({ min: 1, max: 1e9 }),
    days: fc.integer({ min: -60, max: 500 }),
    disputed: fc.boolean(),
  });
  const boundsArb = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 8 }).map((b) => [...b].sort((x, y) => x - y));
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 30 }), boundsArb, (specs, bounds) => {
      const report = buildAgingReport(
        specs.map((s) => line(s.client, s.amount, s.days, { disputed: s.disputed })),
        { asOf: ASOF, bounds },
      );
      const layout = reportSheetLayout(report);
      const table = { ...layout.table.range, rowCount: layout.table.range.rowCount + 1 }; // with its totals row
      const areas: CellRange[] = [table, ...layout.blocks];
      for (const chart of layout.charts) areas.push({ row: chart.from.row, column: chart.from.column, rowCount: chart.to.row - chart.from.row + 1, columnCount: chart.to.column - chart.from.column + 1 });
      for (let i = 0; i < areas.length; i++) for (let j = i + 1; j < areas.length; j++) expect(overlaps(areas[i], areas[j])).toBe(false);
      for (const b of layout.blocks) {
        expect(b.values).toHaveLength(b.rowCount);
        expect(b.numberFormats).toHaveLength(b.rowCount);
        for (let r = 0; r < b.rowCount; r++) {
          expect(b.values[r]).toHaveLength(b.columnCount);
          expect(b.numberFormats[r]).toHaveLength(b.columnCount);
        }
      }
      expect(layout.table.values.every((row) => row.length === layout.table.range.columnCount)).toBe(true);
      expect(layout.table.totals).toHaveLength(layout.table.range.columnCount);
      expect(layout.charts[0].source.rowCount).toBe(report.labels.length + 1);
    }),
  );
});
