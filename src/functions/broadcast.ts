/**
 * Element-by-element evaluation of range arguments, Excel style.
 *
 * Every argument arrives as a matrix (a single cell is 1 x 1). The result has
 * the largest row and column counts; an argument with one row (column)
 * repeats it across the result, as Excel's own array arithmetic does. Where a
 * shorter range runs out the cell is #N/A, again as Excel does, with a message.
 * A cell whose required inputs are all blank yields "" so that a whole column
 * can be passed with empty rows at its end (a single cell broadcast beside it,
 * such as a payment date, does not make an empty row an error).
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
    if (!Array.isArray(arg[0])) return [arg];
    // Excel always passes rows as arrays; anything else is wrapped rather than crashed on.
    for (let r = 0; r < arg.length; r++) {
      if (!Array.isArray(arg[r])) return Array.from(arg, (cell) => (Array.isArray(cell) ? cell : [cell]));
    }
    return arg as unknown[][];
  }
  return [[arg === undefined ? null : arg]];
}

function sizeMismatch(params: readonly Param[], prepared: readonly Prepared[], i: number): Problem {
  const p = prepared[i];
  return new Problem(
    "na",
    `${params[i].name} : plage de ${p.rows} ligne(s) sur ${p.cols} colonne(s), plus petite que les autres arguments`,
  );
}

/** The cell at (r, c); a malformed row (not an array) counts as one cell. */
function cellAt(matrix: unknown[][], r: number, c: number): unknown {
  const row = matrix[r] as unknown;
  if (Array.isArray(row)) return row[c];
  return c === 0 ? row : undefined;
}

/** One argument prepared for the loop: a single cell is coerced once, not once per row. */
interface Prepared {
  readonly matrix: unknown[][];
  readonly rows: number;
  readonly cols: number;
  readonly constant: boolean;
  readonly value: unknown;
  /** The raw cell of a constant argument. */
  readonly raw: unknown;
}

function prepare(arg: Arg, param: Param): Prepared {
  const matrix = asMatrix(arg);
  const rows = matrix.length;
  const cols = matrix[0].length;
  const constant = rows === 1 && cols === 1;
  const raw = constant ? matrix[0][0] : undefined;
  return { matrix, rows, cols, constant, raw, value: constant ? param.coerce(raw, param.name) : undefined };
}

/**
 * Applies `compute` to each position. `values[i]` is the coerced value of
 * parameter i, or undefined when blank and optional. `toCell` turns a
 * Problem into what Excel shows (injected so this stays testable).
 *
 * This loop is the hot path of a 100,000-row formula: no allocation per cell
 * besides the result row, single cells coerced once, no exceptions.
 */
export function broadcast<Out>(
  args: readonly Arg[],
  params: readonly Param[],
  compute: (values: unknown[]) => CellResult,
  toCell: (result: CellResult) => Out,
): Out[][] {
  const count = params.length;
  const prepared = params.map((param, i) => prepare(args[i], param));
  let rows = 1;
  let cols = 1;
  for (const p of prepared) {
    if (p.rows > rows) rows = p.rows;
    if (p.cols > cols) cols = p.cols;
  }
  const values = new Array<unknown>(count).fill(undefined);

  const evaluate = (r: number, c: number): CellResult => {
    let result: CellResult | undefined = undefined;
    let given = 0;
    let missing = -1;
    for (let i = 0; i < count; i++) {
      const p = prepared[i];
      let coerced: unknown;
      let raw: unknown;
      if (p.constant) {
        coerced = p.value;
        raw = p.raw;
      } else {
        const rr = p.rows === 1 ? 0 : r;
        const cc = p.cols === 1 ? 0 : c;
        if (rr >= p.rows || cc >= p.cols) {
          if (result === undefined) result = sizeMismatch(params, prepared, i);
          continue;
        }
        raw = cellAt(p.matrix, rr, cc);
        coerced = params[i].coerce(raw, params[i].name);
      }
      if (coerced === BLANK) {
        if (params[i].required && missing < 0) missing = i;
        values[i] = undefined;
        continue;
      }
      // Excel desktop passes 0 for a blank cell in a range: a 0 alone does not make a row non-empty.
      if (params[i].required && raw !== 0) given++;
      if (coerced instanceof Problem) {
        if (result === undefined) result = coerced;
      } else values[i] = coerced;
    }
    if (result !== undefined) return result;
    if (given === 0) return "";
    if (missing >= 0) return new Problem("value", `${params[missing].name} : valeur manquante`);
    return compute(values);
  };

  const output = new Array<Out[]>(rows);
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      // The common case, a column: a one-element literal is the cheapest row.
      output[r] = [toCell(evaluate(r, 0))];
      continue;
    }
    const line = new Array<Out>(cols);
    for (let c = 0; c < cols; c++) line[c] = toCell(evaluate(r, c));
    output[r] = line;
  }
  return output;
}

