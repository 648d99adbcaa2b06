/**
 * Property tests of the formula layer:
 * - a range computes, element by element, what single cells compute;
 * - garbage in any parameter of any function gives a number, a string or an
 *   Excel error, never NaN, Infinity, undefined or a thrown non-Excel error.
 */
import { FakeExcelError } from "./fakeCustomFunctions";
import fc from "fast-check";
import * as formulas from "../../src/functions/functions";
import { serial } from "../core/fixtures";
import { comparable } from "./cells";

type Formula = (...args: unknown[][][]) => unknown[][];
type Kind = "date" | "amount" | "rate" | "bool" | "terms" | "step" | "number" | "bounds";

/** Every RECOUVRE function with the kind of each parameter, in order. */
const FUNCTIONS: ReadonlyArray<readonly [string, Formula, readonly Kind[]]> = [
  ["JOURS_RETARD", formulas.joursRetard as Formula, ["date", "date"]],
  ["ECHEANCE", formulas.echeance as Formula, ["date", "terms"]],
  ["TAUX_BCE", formulas.tauxBce as Formula, ["date"]],
  ["TAUX_PENALITE", formulas.tauxPenalite as Formula, ["date"]],
  ["TAUX_LEGAL", formulas.tauxLegal as Formula, ["date", "bool"]],
  ["TAUX_MINIMUM", formulas.tauxMinimum as Formula, ["date"]],
  ["PENALITE", formulas.penalite as Formula, ["amount", "date", "date", "rate"]],
  ["INDEMNITE", formulas.indemnite as Formula, ["date", "date"]],
  ["INTERETS_MORATOIRES", formulas.interetsMoratoires as Formula, ["amount", "date", "date"]],
  ["INTERETS_LEGAUX", formulas.interetsLegaux as Formula, ["amount", "date", "date", "bool", "date"]],
  ["TOTAL_DU", formulas.totalDu as Formula, ["amount", "date", "date", "rate"]],
  ["TRANCHE", formulas.tranche as Formula, ["date", "date", "bounds"]],
  ["BALANCE_AGEE", formulas.balanceAgee as Formula, ["amount", "date", "date", "bounds"]],
  ["ETAPE", formulas.etape as Formula, ["date", "date", "step"]],
  ["PRESCRIPTION", formulas.prescription as Formula, ["date", "bool"]],
  ["DSO", formulas.dso as Formula, ["number", "number", "number"]],
];

test("the table above lists every exported formula", () => {
  const exported = Object.entries(formulas).filter(([, value]) => typeof value === "function").map(([, value]) => value);
  expect(new Set(FUNCTIONS.map(([, fn]) => fn))).toEqual(new Set(exported));
});

beforeAll(() => {
  // A fixed "today" so that omitted dates give the same answer in both calls.
  jest.useFakeTimers({ now: new Date(2025, 6, 14, 12, 0) });
});
afterAll(() => {
  jest.useRealTimers();
});

// ---------------------------------------------------------------------------
// Plausible cell values per kind: mostly valid, some blank, some wrong.

const blank = fc.constantFrom(null, "", 0);
const validSerial = fc.integer({ min: serial(2014, 6, 1), max: serial(2026, 12, 31) });
const cellArbitraries: Record<Exclude<Kind, "bounds">, fc.Arbitrary<unknown>> = {
  date: fc.oneof(
    { weight: 6, arbitrary: validSerial },
    { weight: 2, arbitrary: validSerial.map((s) => s + 0.25) },
    { weight: 2, arbitrary: fc.date({ min: new Date("2014-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: fc.constantFrom("31/02/2025", "15/03/25", 60, -1, "abc", true) },
  ),
  amount: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: fc.constantFrom(-1, 12.345, "abc", "1 234,56 €", false) },
  ),
  rate: fc.oneof(
    { weight: 3, arbitrary: blank },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }).map((bp) => bp / 10_000) },
    { weight: 1, arbitrary: fc.constantFrom(12, -0.1, "12,5 %", "douze", 0.1234567) },
  ),
  bool: fc.oneof(fc.boolean(), blank, fc.constantFrom(1, "VRAI", "non", 2, "peut-être")),
  terms: fc.oneof(
    fc.constantFrom("comptant", "à réception", "30 jours", "45 jours fin de mois", "fin de mois 45 jours", "fin de mois + 45 jours", "30 jours fin de mois le 10", "bientôt"),
    fc.integer({ min: -5, max: 120 }),
    blank,
  ),
  step: fc.oneof(fc.constantFrom("Relance préventive", "Relance 1", "Relance 2", "Relance 3", "Mise en demeure", "Action judiciaire", "À échoir", "Relance 9"), blank),
  number: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 400 }), blank, fc.constantFrom(-1, "abc", "1 000")),
};

const ROWS = 6;

/** For one parameter: a column of ROWS cells, or a single cell that broadcasts. */
function argumentArbitrary(kind: Kind): fc.Arbitrary<unknown[][]> {
  if (kind === "bounds") return fc.constantFrom([[null]], [[15], [45]], [[30], [60], [90]]);
  const cell = cellArbitraries[kind];
  return fc.oneof(
    fc.array(cell, { minLength: ROWS, maxLength: ROWS }).map((cells) => cells.map((v) => [v])),
    cell.map((v) => [[v]]),
  );
}

/** The result of a call, errors thrown by aggregates included, made comparable. */
function outcome(call: () => unknown[][]): unknown {
  try {
    return call().map((line) => line.map(comparable));
  } catch (error) {
    return { thrown: comparable(error) };
  }
}

describe("vectorized results equal scalar results element by element", () => {
  const elementWise = FUNCTIONS.filter(([name]) => name !== "BALANCE_AGEE");

  test.each(elementWise.map(([name, fn, kinds]) => [name, fn, kinds] as const))("%s", (_name, fn, kinds) => {
    fc.assert(
      fc.property(fc.tuple(...kinds.map(argumentArbitrary)), (args) => {
        const vector = outcome(() => fn(...args));
        for (let r = 0; r < ROWS; r++) {
          const scalarArgs = args.map((arg, i) => (kinds[i] === "bounds" ? arg : [[arg[arg.length === 1 ? 0 : r][0]]]));
          const scalar = outcome(() => fn(...scalarArgs));
          const rows = Array.isArray(vector) ? vector.length : 0;
          if (!Array.isArray(vector)) {
            // An aggregate argument (bornes) failed: both calls fail the same way.
            expect(scalar).toEqual(vector);
            continue;
          }
          const expectedCell = rows === 1 ? vector[0][0] : vector[r][0];
          expect((scalar as unknown[][])[0][0]).toEqual(expectedCell);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("BALANCE_AGEE of a column equals the sum of its one-row tables", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: serial(2024, 1, 1), max: serial(2025, 12, 31) })), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const reference = [[serial(2025, 6, 30)]];
          const table = formulas.balanceAgee(rows.map(([cents]) => [cents / 100]), rows.map(([, due]) => [due]), reference) as Array<[string, number]>;
          const totals = new Array<number>(table.length).fill(0);
          for (const [cents, due] of rows) {
            const single = formulas.balanceAgee([[cents / 100]], [[due]], reference) as Array<[string, number]>;
            single.forEach(([label, amount], i) => {
              expect(label).toBe(table[i][0]);
              totals[i] += Math.round(amount * 100);
            });
          }
          expect(table.map(([, amount]) => Math.round(amount * 100))).toEqual(totals);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------
// Garbage.

const SPECIAL_GARBAGE: unknown[] = [
  true,
  false,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  2958465,
  2958466,
  60,
  "",
  " ",
  "=1+1",
  "#N/A",
  "x".repeat(100_000),
  "9".repeat(400),
  "1e400",
  "NaN",
  "Infinity",
  "31/12/9999",
  "01/01/1900",
  "00/00/0000",
  { code: "#N/A" },
  { code: "#VALUE!" },
  { code: 5 },
  { message: "x" },
  {},
  Object.create(null),
  { toString: 5 },
  { toString: () => { throw new Error("boom"); } },
  [],
  [[]],
  [[[]]],
  [[[1, 2]]],
  [[null]],
  [[1, 2], [3]],
  [[1], 2],
  [[1], null],
  [[1], "abc"],
  [1, [2]],
  new Date(2025, 0, 1),
  Symbol("s"),
  10n,
  () => 1,
  null,
  undefined,
];

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...SPECIAL_GARBAGE),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 3,
  }),
  fc.array(fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), { maxLength: 3 }),
);

/** A valid argument per kind, so that garbage meets otherwise sane neighbours too. */
const SANE: Record<Kind, unknown[][]> = {
  date: [[serial(2025, 1, 15)]],
  amount: [[1000]],
  rate: [[0.12]],
  bool: [[true]],
  terms: [["30 jours"]],
  step: [["Relance 1"]],
  number: [[100]],
  bounds: [[30], [60], [90]],
};

function isAcceptableCell(cell: unknown): boolean {
  if (typeof cell === "number") return Number.isFinite(cell);
  if (typeof cell === "string") return true;
  return cell instanceof FakeExcelError && typeof cell.code === "string" && typeof cell.message === "string";
}

function checkOutcome(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    // Aggregates throw their Excel error; anything else is a bug.
    expect(error).toBeInstanceOf(FakeExcelError);
    return;
  }
  expect(Array.isArray(result)).toBe(true);
  const matrix = result as unknown[][];
  expect(matrix.length).toBeGreaterThan(0);
  for (const line of matrix) {
    expect(Array.isArray(line)).toBe(true);
    expect(line.length).toBeGreaterThan(0);
    for (const cell of line) {
      if (!isAcceptableCell(cell)) throw new Error(`unacceptable cell: ${String(cell)} (${typeof cell})`);
    }
  }
}

describe("garbage to every parameter of every function", () => {
  test.each(FUNCTIONS.map(([name, fn, kinds]) => [name, fn, kinds] as const))("%s", (_name, fn, kinds) => {
    fc.assert(
      fc.property(
        fc.nat(kinds.length - 1),
        garbage,
        fc.array(fc.oneof(garbage, fc.constant(undefined)), { minLength: kinds.length, maxLength: kinds.length }),
        fc.boolean(),
        (target, value, others, allGarbage) => {
          // One parameter gets garbage, as a scalar or wrapped as a cell; the others are sane or garbage too.
          const args = kinds.map((kind, i) => {
            if (i === target) return value as unknown[][];
            return allGarbage ? (others[i] as unknown[][]) : SANE[kind];
          });
          checkOutcome(() => fn(...args));
          checkOutcome(() => fn(...args.map((arg, i) => (i === target ? [[arg]] : arg)) as unknown[][][]));
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each(FUNCTIONS.map(([name, fn, kinds]) => [name, fn, kinds] as const))("%s with each special value in each parameter", (_name, fn, kinds) => {
    for (let i = 0; i < kinds.length; i++) {
      for (const value of SPECIAL_GARBAGE) {
        const args = kinds.map((kind, j) => (j === i ? value : SANE[kind])) as unknown[][][];
        try {
          checkOutcome(() => fn(...args));
          checkOutcome(() => fn(...args.map((arg, j) => (j === i ? [[arg]] : arg)) as unknown[][][]));
        } catch (error) {
          throw new Error(`parameter ${i} = ${show(value)}: ${(error as Error).message}`);
        }
      }
    }
  });
});

function show(value: unknown): string {
  try {
    return typeof value === "string" ? JSON.stringify(value.slice(0, 30)) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

describe("PENALITE over a column equals PENALITE cell by cell", () => {
  // A column and single cells take different branches of broadcast (ranged
  // arguments vs single cells coerced once): they must agree cell for cell,
  // on the awkward values above all.
  const awkward = [0, -1, 0.5, 59, 59.9, 60, 60.5, 61, 45000.75, 46203, 46204, 2958465, 2958465.5, 2958466, NaN, Infinity, 1e308, 12.345, "", "15/03/2025", true, null];
  const describeCell = (cell: unknown) => (cell instanceof FakeExcelError ? `${cell.code} ${cell.message}` : cell);

  const awkwardRates = [0, 0.1215, 0.12, "12 %", "12,15 %", 1.5, -0.1, 0.123456789, "", null, "abc", true];
  const paymentCell = fc.oneof(fc.constantFrom(...awkward), fc.integer({ min: 40000, max: 47000 }), fc.constant(0), fc.constant(null));

  test("with a rate and blank payment dates: the column path equals cell-by-cell evaluation", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...awkward), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 1, max: 1e6 }).map((c) => c / 100)),
            fc.oneof(fc.constantFrom(...awkward), fc.integer({ min: 40000, max: 47000 })),
            paymentCell,
            fc.oneof(fc.constantFrom(...awkwardRates), fc.constant(null)),
          ),
          { minLength: 2, maxLength: 40 },
        ),
        (rows) => {
          const column = formulas.penalite(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), rows.map((r) => [r[2]]), rows.map((r) => [r[3]]));
          rows.forEach((r, i) => {
            const single = formulas.penalite([[r[0]]], [[r[1]]], [[r[2]]], [[r[3]]]);
            expect(describeCell(column[i][0])).toEqual(describeCell(single[0][0]));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("equals the generic path on awkward values and random rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...awkward), fc.double({ min: 0, max: 1e7, noNaN: true })), fc.oneof(fc.constantFrom(...awkward), fc.integer({ min: 40000, max: 47000 })), fc.oneof(fc.constantFrom(...awkward), fc.integer({ min: 40000, max: 47000 }))), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const column = formulas.penalite(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), rows.map((r) => [r[2]]));
          rows.forEach((r, i) => {
            const single = formulas.penalite([[r[0]]], [[r[1]]], [[r[2]]]);
            expect(describeCell(column[i][0])).toEqual(describeCell(single[0][0]));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
