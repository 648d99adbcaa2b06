/**
 * Element-by-element evaluation of range arguments, Excel style.
 *
 * Every argument arrives as a matrix (a single cell is 1 x 1). The result has
 * the largest row and column counts; an argument with one row (column)
 * repeats it across the result, as Excel's own array arithmetic does. Where a
 * shorter range runs out the cell is #N/A, again as Excel does, with a message.
 * A cell whose given inputs are all blank yields "" so that a whole column
 * can be passed with empty rows at its end.
 */
import { BLANK, type Coerced } from "./coerce";
import { Problem } from "./problem";

export type Arg = unknown;
export type CellResult = number | string | boolean | Problem;

export interface Param {
  readonly name: string;
  readonly coerce: (raw: unknown, name: string) => Coerced<unknown>;
  readonly required: boolean;
}

/** The argument as a matrix: omitted -> [[null]], scalar -> [[x]]. */
export function asMatrix(arg: Arg): unknown[][] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    return Array.isArray(arg[0]) ? (arg as unknown[][]) : [arg];
  }
  return [[arg === undefined ? null : arg]];
}

function sizeMismatch(params: readonly Param[], matrices: readonly unknown[][][], i: number): Problem {
  const m = matrices[i];
  return new Problem(
    "na",
    `${params[i].name} : plage de ${m.length} ligne(s) sur ${m[0].length} colonne(s), plus petite que les autres arguments`,
  );
}

/**
 * Applies `compute` to each position. `values[i]` is the coerced value of
 * parameter i, or undefined when blank and optional. `toCell` turns a
 * Problem into what Excel shows (injected so this stays testable).
 */
export function broadcast<Out>(
  args: readonly Arg[],
  params: readonly Param[],
  compute: (values: unknown[]) => CellResult,
  toCell: (result: CellResult) => Out,
): Out[][] {
  const count = params.length;
  const matrices = params.map((_, i) => asMatrix(args[i]));
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    if (m.length > rows) rows = m.length;
    if (m[0].length > cols) cols = m[0].length;
  }
  const values = new Array<unknown>(count);
  const output = new Array<Out[]>(rows);
  for (let r = 0; r < rows; r++) {
    const line = new Array<Out>(cols);
    for (let c = 0; c < cols; c++) {
      let result: CellResult | undefined;
      let given = 0;
      let missing = -1;
      for (let i = 0; i < count; i++) {
        const m = matrices[i];
        const rr = m.length === 1 ? 0 : r;
        const row = m[rr];
        const cc = row === undefined || row.length === 1 ? 0 : c;
        if (row === undefined || cc >= row.length) {
          result ??= sizeMismatch(params, matrices, i);
          continue;
        }
        const coerced = params[i].coerce(row[cc], params[i].name);
        if (coerced === BLANK) {
          if (params[i].required && missing < 0) missing = i;
          values[i] = undefined;
          continue;
        }
        given++;
        if (coerced instanceof Problem) result ??= coerced;
        values[i] = coerced;
      }
      if (result === undefined) {
        if (given === 0) result = "";
        else if (missing >= 0) result = new Problem("value", `${params[missing].name} : valeur manquante`);
        else result = compute(values);
      }
      line[c] = toCell(result);
    }
    output[r] = line;
  }
  return output;
}
