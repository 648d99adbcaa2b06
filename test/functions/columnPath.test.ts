/**
 * The column path (columns.ts, kernels.ts) against the cell-by-cell path, for
 * every formula that takes columns: the same cell in every row, errors
 * included (same code, same message), on columns that mix plain rows, bad
 * inputs, blanks and semesters the tables lack. And each distinct error is
 * one cell: a column failing alike on every row carries one object.
 */
import { FakeExcelError } from "./fakeCustomFunctions";
import fc from "fast-check";
import * as columns from "../../src/functions/columns";
import * as formulas from "../../src/functions/functions";
import { serial } from "../core/fixtures";
import { comparable } from "./cells";

type Formula = (...args: unknown[][][]) => unknown[][];
type Kind = "date" | "amount" | "rate" | "bool" | "terms" | "step";

/** The ten formulas over columns, each parameter's kind, and which are required. */
const COLUMN_FORMULAS: ReadonlyArray<readonly [string, Formula, readonly Kind[]]> = [
  ["PENALITE", formulas.penalite as Formula, ["amount", "date", "date", "rate"]],
  ["TOTAL_DU", formulas.totalDu as Formula, ["amount", "date", "date", "rate"]],
  ["INDEMNITE", formulas.indemnite as Formula, ["date", "date"]],
  ["INTERETS_MORATOIRES", formulas.interetsMoratoires as Formula, ["amount", "date", "date"]],
  ["INTERETS_LEGAUX", formulas.interetsLegaux as Formula, ["amount", "date", "date", "bool", "date"]],
  ["JOURS_RETARD", formulas.joursRetard as Formula, ["date", "date"]],
  ["TRANCHE", formulas.tranche as Formula, ["date", "date"]],
  ["ETAPE", formulas.etape as Formula, ["date", "date", "step"]],
  ["PRESCRIPTION", formulas.prescription as Formula, ["date", "bool"]],
  ["ECHEANCE", formulas.echeance as Formula, ["date", "terms"]],
];

beforeAll(() => {
  // The day the issue was filed: a blank payment date runs into 2026 S2, which the tables lack.
  jest.useFakeTimers({ now: new Date(2026, 11, 2, 12, 0) });
});
afterAll(() => {
  jest.useRealTimers();
});

const blank = fc.constantFrom(null, "", 0);
const plainSerial = fc.integer({ min: serial(2011, 6, 1), max: serial(2027, 12, 31) });
const excelError = fc.constantFrom("#N/A", "#VALUE!", "#DIV/0!").map((code) => new FakeExcelError(code, "entrée"));
const CELLS: Record<Kind, fc.Arbitrary<unknown>> = {
  date: fc.oneof(
    { weight: 8, arbitrary: plainSerial },
    { weight: 1, arbitrary: plainSerial.map((s) => s + 0.5) },
    { weight: 1, arbitrary: fc.constantFrom("15/03/2025", "2026-08-01", "01/07/2026") },
    { weight: 2, arbitrary: fc.constantFrom("à venir", "31/02/2026", "2026-13-01", -1, 1e7, true) },
    { weight: 1, arbitrary: excelError },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: fc.constantFrom(serial(9999, 12, 30), 2958465) },
  ),
  amount: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 100_000_000 }).map((cents) => cents / 100) },
    { weight: 1, arbitrary: fc.constantFrom(-5, 12.345, "abc", "1 234,56", 1e15, 0) },
    { weight: 1, arbitrary: excelError },
    { weight: 1, arbitrary: blank },
  ),
  rate: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(null, "") },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 5000 }).map((bp) => bp / 10_000) },
    { weight: 1, arbitrary: fc.constantFrom(12, -0.1, "12,5 %", "douze", 0.1234567, 0) },
  ),
  bool: fc.oneof(fc.boolean(), blank, fc.constantFrom(1, "VRAI", "non", 2, "peut-être"), excelError),
  terms: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("comptant", "30 jours", "45 jours fin de mois", "fin de mois 45 jours", "30 jours fin de mois le 10") },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 120 }) },
    { weight: 1, arbitrary: fc.constantFrom("bientôt", "", null, 3651) },
  ),
  step: fc.oneof(fc.constantFrom("Relance 1", "Relance 3", "Mise en demeure", "À échoir", "Relance 9", "", null, 0), excelError),
};

/** A column of `rows` cells, or (for an optional parameter, sometimes) one cell beside it. */
function argument(kind: Kind, rows: number, first: boolean): fc.Arbitrary<unknown[][]> {
  const column = fc.array(CELLS[kind], { minLength: rows, maxLength: rows }).map((cells) => cells.map((cell) => [cell]));
  if (first) return column;
  return fc.oneof({ weight: 3, arbitrary: column }, { weight: 1, arbitrary: CELLS[kind].map((cell) => [[cell]]) });
}

/** Row r of an argument, as a single cell. */
const cellOf = (arg: unknown[][], r: number): unknown[][] => [[arg[arg.length === 1 ? 0 : r][0]]];

describe("the column path equals the cell-by-cell path, errors included", () => {
  test.each(COLUMN_FORMULAS.map(([name, fn, kinds]) => [name, fn, kinds] as const))("%s", (_name, fn, kinds) => {
    const runColumns = jest.spyOn(columns, "runColumns");
    let columnCalls = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((rows) => fc.tuple(...kinds.map((kind, k) => argument(kind, rows, k === 0)))),
        (args) => {
          const before = runColumns.mock.calls.length;
          const vector = fn(...args).map((line) => line.map(comparable));
          columnCalls += runColumns.mock.calls.length - before;
          args[0].forEach((_, r) => {
            const scalar = fn(...args.map((arg) => cellOf(arg, r)));
            expect(vector[r]).toEqual([comparable(scalar[0][0])]);
          });
        },
      ),
      { numRuns: 120 },
    );
    // A test that never took the column path would prove nothing.
    expect(columnCalls).toBeGreaterThan(60);
    runColumns.mockRestore();
  });
});

describe("long columns: chunks, and one cell per distinct error", () => {
  const ROWS = 5000;
  const dues = Array.from({ length: ROWS }, (_, i) => [serial(2023, 1, 1) + ((i * 37) % 1400)]);
  const paid = Array.from({ length: ROWS }, (_, i) => [dues[i][0] + 1 + ((i * 11) % 900)]);
  const amounts = Array.from({ length: ROWS }, (_, i) => [((i * 7919) % 1_000_000) / 100 + 1]);
  const badDues = Array.from({ length: ROWS }, (_, i) => [["à venir", "31/02/2026", "2026-13-01"][i % 3]]);

  test("a mix crossing chunk boundaries equals cell by cell", () => {
    const mixedDues = dues.map((due, i) => (i % 97 === 0 ? badDues[i] : i % 89 === 0 ? [null] : due));
    const out = formulas.penalite(amounts, mixedDues, paid, undefined).map((line) => line.map(comparable));
    for (let r = 0; r < ROWS; r += 7) {
      expect(out[r]).toEqual([comparable(formulas.penalite([amounts[r]], [mixedDues[r]], [paid[r]], undefined)[0][0])]);
    }
  });

  test("every row lacking 2026 S2: one #N/A cell, its message naming the semester", () => {
    const open = formulas.penalite(amounts, dues, undefined, undefined); // blank payment date: today, 2 December 2026
    const cells = new Set(open.map(([cell]) => cell));
    expect(cells.size).toBe(1);
    const [cell] = [...cells] as FakeExcelError[];
    expect(cell).toBeInstanceOf(FakeExcelError);
    expect(cell.code).toBe("#N/A");
    expect(cell.message).toContain("2e semestre 2026");
  });

  test.each(COLUMN_FORMULAS.map(([name, fn, kinds]) => [name, fn, kinds] as const))(
    "%s: every row a bad date, one #VALUE! cell per distinct cause",
    (_name, fn, kinds) => {
      const args = kinds.map((kind, k) => (k === kinds.indexOf("date") ? badDues : kind === "amount" ? amounts : kind === "terms" ? [["30 jours"]] : [[null]]));
      const out = fn(...args);
      const cells = new Set(out.map(([cell]) => cell));
      expect(cells.size).toBe(3);
      for (const cell of cells) {
        expect(cell).toBeInstanceOf(FakeExcelError);
        expect((cell as FakeExcelError).code).toBe("#VALUE!");
      }
      // Rows failing alike share their row too: no allocation per failing row (issue 16's error path).
      expect(new Set(out).size).toBe(3);
    },
  );

  test("rows showing the same label share their row; numbers get a row each", () => {
    const buckets = formulas.tranche(dues, paid, undefined);
    const labels = new Set(buckets.map(([label]) => label));
    expect(labels.size).toBeGreaterThan(1);
    expect(new Set(buckets).size).toBe(labels.size);
    const days = formulas.joursRetard(dues, paid);
    expect(new Set(days).size).toBe(ROWS);
  });
});
