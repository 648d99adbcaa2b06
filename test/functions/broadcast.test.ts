import { asMatrix, broadcast, type CellResult, type Param } from "../../src/functions/broadcast";
import { epochDayToSerial as serialOf } from "../../src/core/calendar";
import { coerceAmount, coerceDate } from "../../src/functions/coerce";
import { Problem } from "../../src/functions/problem";

/** A toy formula: amount (required) + optional bonus, in cents. */
const PARAMS: Param[] = [
  { name: "a", coerce: coerceAmount, required: true },
  { name: "b", coerce: coerceAmount, required: false },
];

const identity = (result: CellResult): CellResult => result;
const sum = (args: unknown[]): CellResult => (args[0] as number) + ((args[1] as number | undefined) ?? 0);
const run = (...args: unknown[]): CellResult[][] => broadcast(args, PARAMS, sum, identity);

function problemIn(cell: CellResult): Problem {
  expect(cell).toBeInstanceOf(Problem);
  return cell as Problem;
}

describe("asMatrix", () => {
  test("every argument becomes a matrix", () => {
    expect(asMatrix(undefined)).toEqual([[null]]);
    expect(asMatrix(null)).toEqual([[null]]);
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix([])).toEqual([[null]]);
    expect(asMatrix([1, 2])).toEqual([[1, 2]]);
    expect(asMatrix([[1], [2]])).toEqual([[1], [2]]);
    // rows that are not arrays (never from Excel) are wrapped, holes included
    expect(asMatrix([[1], null, 3])).toEqual([[1], [null], [3]]);
    // eslint-disable-next-line no-sparse-arrays
    expect(asMatrix([[1], , [3]])).toEqual([[1], [undefined], [3]]);
  });
});

describe("broadcast", () => {
  test("same shapes: element by element", () => {
    expect(run([[1], [2], [3]], [[10], [20], [30]])).toEqual([[1100], [2200], [3300]]);
  });

  test("a single cell broadcasts", () => {
    expect(run([[1], [2]], [[10]])).toEqual([[1100], [1200]]);
    expect(run([[1]], [[10], [20]])).toEqual([[1100], [2100]]);
  });

  test("one row by N columns spills as a row", () => {
    expect(run([[1, 2, 3]], [[10]])).toEqual([[1100, 1200, 1300]]);
  });

  test("a row against a column: every combination, as Excel's array arithmetic", () => {
    expect(run([[1, 2]], [[10], [20]])).toEqual([
      [1100, 1200],
      [2100, 2200],
    ]);
  });

  test("a shorter range gives #N/A in the cells it does not reach", () => {
    const out = run([[1], [2], [3]], [[10], [20]]);
    expect(out[0]).toEqual([1100]);
    expect(out[1]).toEqual([2200]);
    const p = problemIn(out[2][0]);
    expect(p.code).toBe("na");
    expect(p.message).toBe("b : plage de 2 ligne(s) sur 1 colonne(s), plus petite que les autres arguments");
  });

  test("blank rows give \"\", a missing required value an error", () => {
    expect(run([[1], [null], [""]], [[10], [null], [null]])).toEqual([[1100], [""], [""]]);
    // A value only in an optional parameter (a payment date broadcast beside a column) leaves the row empty.
    expect(run([[1], [null]], [[5]])).toEqual([[600], [""]]);
    const twoRequired: Param[] = [
      { name: "x", coerce: coerceAmount, required: true },
      { name: "y", coerce: coerceAmount, required: true },
    ];
    expect(problemIn(broadcast([[[1]], [[null]]], twoRequired, sum, identity)[0][0]).message).toBe("y : valeur manquante");
  });

  test("a bad value is an error in its own cell only", () => {
    const out = run([[1], [-2], [3]], [[10]]);
    expect(out[0]).toEqual([1100]);
    expect(problemIn(out[1][0]).message).toContain("a : « -2 » est négatif");
    expect(out[2]).toEqual([1300]);
  });

  test("scalars and omitted arguments", () => {
    expect(run(1)).toEqual([[100]]);
    expect(run(1, undefined)).toEqual([[100]]);
    expect(run()).toEqual([[""]]);
  });

  test("the first problem in parameter order wins", () => {
    const params: Param[] = [
      { name: "x", coerce: coerceDate, required: true },
      { name: "y", coerce: coerceDate, required: true },
    ];
    const out = broadcast(["abc", "def"], params, () => 0, identity);
    expect(problemIn(out[0][0]).message).toContain("x : « abc »");
  });
});

describe("the column path", () => {
  const DATE_PARAMS: Param[] = [
    { name: "debut", coerce: coerceDate, required: true },
    { name: "fin", coerce: coerceDate, required: false },
  ];
  /** days from debut to fin (fin blank = day 20000), through the general path. */
  const span = (v: unknown[]): CellResult => ((v[1] as number | undefined) ?? 20000) - (v[0] as number);
  /** The same through a kernel, which also refuses (NaN) spans over 1000 days. */
  const kernelRows: number[] = [];
  const spanKernel = (columns: readonly Float64Array[], count: number, out: Float64Array, fallback: number) => {
    kernelRows.push(count);
    for (let i = 0; i < count; i++) {
      const end = columns[1][i] === columns[1][i] ? columns[1][i] : fallback;
      const days = end - columns[0][i];
      out[i] = days > 1000 ? Number.NaN : days;
    }
  };
  const path = { kernel: spanKernel, context: 20000 };

  beforeEach(() => {
    kernelRows.length = 0;
  });

  test("plain rows through the kernel, the others through compute, with the same results", () => {
    const debut = [[serialOf(19000)], ["abc"], [serialOf(19500)], [serialOf(10000)], [null], [serialOf(19990)]];
    const fin = [[serialOf(19010)], [serialOf(19010)], [0], [serialOf(19010)], [null], [""]];
    const computed: unknown[] = [];
    const spy = (v: unknown[]): CellResult => {
      computed.push(v[0]);
      return span(v);
    };
    const out = broadcast([debut, fin], DATE_PARAMS, spy, identity, path);
    expect(kernelRows).toEqual([6]);
    expect(out[0]).toEqual([10]);
    expect(problemIn(out[1][0]).message).toContain("debut : « abc »");
    expect(out[2]).toEqual([500]); // 0 in an optional date: blank, the kernel's fallback
    expect(out[3]).toEqual([9010]); // the kernel said NaN: computed by the general path
    expect(out[4]).toEqual([""]);
    expect(out[5]).toEqual([10]);
    // Only the rows the kernel could not take reached compute.
    expect(computed).toEqual([10000]);
    expect(broadcast([debut, fin], DATE_PARAMS, span, identity)).toEqual(out);
  });

  test("a single cell beside a column is repeated into the kernel", () => {
    const out = broadcast([[[serialOf(19000)], [serialOf(19005)]], serialOf(19010)], DATE_PARAMS, span, identity, path);
    expect(kernelRows).toEqual([2]);
    expect(out).toEqual([[10], [5]]);
  });

  test("other shapes, one row, or a parameter without a number rule take the general path", () => {
    const column = [[serialOf(19000)], [serialOf(19005)]];
    broadcast([[[serialOf(19000), serialOf(19001)]], serialOf(19010)], DATE_PARAMS, span, identity, path); // a row
    broadcast([[[serialOf(19000)]], serialOf(19010)], DATE_PARAMS, span, identity, path); // one cell
    broadcast([column, [[serialOf(19010)]].concat([[serialOf(19010)], [serialOf(19010)]])], DATE_PARAMS, span, identity, path); // lengths differ
    broadcast([column, "abc"], DATE_PARAMS, span, identity, path); // a bad single cell
    const textParams: Param[] = [DATE_PARAMS[0], { name: "x", coerce: (raw) => String(raw), required: false }];
    broadcast([column, "x"], textParams, () => 1, identity, path);
    expect(kernelRows).toEqual([]);
  });

  test("long columns go through in chunks, every row accounted for", () => {
    const rows = 5000;
    const debut = Array.from({ length: rows }, (_, i) => [serialOf(15000 + i)]);
    const out = broadcast([debut, null], DATE_PARAMS, span, identity, path);
    expect(kernelRows.reduce((a, b) => a + b, 0)).toBe(rows);
    expect(out).toEqual(broadcast([debut, null], DATE_PARAMS, span, identity));
  });
});
