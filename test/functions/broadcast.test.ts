import { asMatrix, broadcast, type CellResult, type Param } from "../../src/functions/broadcast";
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
