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
 *
 * Speed: a formula over 100,000 rows is one call. Single cells are coerced
 * once; a plain number goes through the inlined number rule of its
 * parameter, anything else through the parameter's coercer. A formula that
 * gives a column path has its plain rows computed by its kernel over typed
 * arrays (columns.ts), and only the other rows cell by cell here. Within a
 * call, each distinct cell of a range is coerced once and each distinct
 * Problem becomes one Excel cell (memo.ts): a column failing alike on every
 * row builds its message once.
 */
import { message } from "../core/messages";
import { BLANK, type Coerced } from "./coerce";
import {
  AMOUNT_LANE,
  DATE_LANE,
  intern,
  INTERNED_LANE,
  laneOf,
  laneValue,
  NO_LANE,
  RATE_LANE,
  runColumns,
  type ColumnInput,
  type ColumnPath,
  type Lane,
} from "./columns";
import { CoercionMemo, ProblemCells } from "./memo";
import { Problem } from "./problem";

export type Arg = unknown;
export type CellResult = number | string | boolean | Problem;

export interface Param {
  readonly name: string;
  readonly coerce: (raw: unknown, name: string) => Coerced<unknown>;
  readonly required: boolean;
  /** For a coercer without a number rule: let the column path index its distinct values (see columns.ts). */
  readonly interned?: boolean;
}

/**
 * The rows of an argument: omitted -> [[null]], scalar -> [[x]], one row -> [row].
 * The rows themselves are not checked: Excel always passes them as arrays.
 */
function rowsOf(arg: Arg): unknown[] {
  if (!Array.isArray(arg)) return [[arg === undefined ? null : arg]];
  if (arg.length === 0) return [[null]];
  if (!Array.isArray(arg[0])) return [arg];
  return arg;
}

/** The argument as a matrix: rowsOf, with any row that is not an array wrapped rather than crashed on. */
export function asMatrix(arg: Arg): unknown[][] {
  const rows = rowsOf(arg);
  for (let r = 0; r < rows.length; r++) {
    if (!Array.isArray(rows[r])) return Array.from(rows, (cell) => (Array.isArray(cell) ? cell : [cell]));
  }
  return rows as unknown[][];
}

/** One argument, ready for the loop. */
interface Prepared {
  readonly matrix: unknown[];
  readonly rows: number;
  readonly cols: number;
  /** A single cell: coerced once, not once per row. */
  readonly constant: boolean;
  readonly lane: Lane;
  /** The raw and coerced cell of a constant argument. */
  readonly raw: unknown;
  readonly value: unknown;
  /** For a range: its coercions in this call, once per distinct cell. */
  readonly memo: CoercionMemo | undefined;
  /** Its "range too small" Problem, made on the first row that needs it. */
  mismatch: Problem | undefined;
}

function prepare(arg: Arg, param: Param): Prepared {
  // Not asMatrix: the rows stay unchecked here; cellAt and the column reader check each row they read.
  const matrix = rowsOf(arg);
  const rows = matrix.length;
  const cols = (matrix[0] as unknown[]).length;
  const constant = rows === 1 && cols === 1;
  const raw = constant ? (matrix[0] as unknown[])[0] : undefined;
  const value = constant ? param.coerce(raw, param.name) : undefined;
  const memo = constant ? undefined : new CoercionMemo(param.coerce, param.name);
  return { matrix, rows, cols, constant, lane: laneOf(param), raw, value, memo, mismatch: undefined };
}

/** The cell at (r, c); a row that is not an array (never from Excel) counts as one cell rather than crash. */
function cellAt(matrix: unknown[], r: number, c: number): unknown {
  const row = matrix[r];
  if (Array.isArray(row)) return row[c] as unknown;
  return c === 0 ? row : undefined;
}

function sizeMismatch(name: string, arg: Prepared): Problem {
  return new Problem("na", message("arg.rangeTooSmall", { name, rows: arg.rows, cols: arg.cols }));
}

const missingValues = new WeakMap<Param, Problem>();

/** A required parameter left blank: one Problem per parameter. */
function missingValue(param: Param): Problem {
  let problem = missingValues.get(param);
  if (problem === undefined) {
    problem = new Problem("value", message("arg.missing", { name: param.name }));
    missingValues.set(param, problem);
  }
  return problem;
}

/**
 * The result at (r, c). A function of its own, not a closure made per call:
 * the engine keeps one optimized version of it across calls.
 */
function evaluate(
  prepared: readonly Prepared[],
  params: readonly Param[],
  values: unknown[],
  compute: (values: unknown[]) => CellResult,
  r: number,
  c: number,
): CellResult {
  const count = params.length;
  let result: CellResult | undefined = undefined;
  let given = false;
  let missing = -1;
  for (let k = 0; k < count; k++) {
    const arg = prepared[k];
    const required = params[k].required;
    let raw: unknown;
    let value: unknown;
    if (arg.constant) {
      raw = arg.raw;
      value = arg.value;
    } else {
      // A one-row (one-column) argument repeats down (across) the result.
      const rr = arg.rows === 1 ? 0 : r;
      const cc = arg.cols === 1 ? 0 : c;
      if (rr >= arg.rows || cc >= arg.cols) {
        if (result === undefined) result = arg.mismatch ??= sizeMismatch(params[k].name, arg);
        continue;
      }
      raw = cellAt(arg.matrix, rr, cc);
      const lane = arg.lane;
      if (typeof raw === "number" && raw !== 0 && (lane === DATE_LANE || lane === AMOUNT_LANE || lane === RATE_LANE)) {
        const number = laneValue(lane, raw);
        if (number === number) {
          values[k] = number;
          if (required) given = true;
          continue;
        }
      }
      value = (arg.memo as CoercionMemo).coerced(raw);
    }
    if (value === BLANK) {
      values[k] = undefined;
      if (required && missing < 0) missing = k;
      continue;
    }
    // Excel desktop passes 0 for a blank cell in a range: a 0 alone does not make a row non-empty.
    if (required && raw !== 0) given = true;
    if (value instanceof Problem) {
      if (result === undefined) result = value;
    } else values[k] = value;
  }
  if (result !== undefined) return result;
  if (!given) return "";
  if (missing >= 0) return missingValue(params[missing]);
  return compute(values);
}

/**
 * The arguments as the column fast path takes them, or undefined when this
 * call does not fit it: the result is one column of two rows or more; every parameter has a
 * number lane; each argument is the whole column or a single plain cell
 * (blank if optional); and a required parameter varies, so that a plain row
 * is never an empty one.
 */
function columnInputs(prepared: readonly Prepared[], params: readonly Param[], rows: number): ColumnInput[] | undefined {
  // One row gains nothing from buffers: the general path is as fast.
  if (rows < 2) return undefined;
  let requiredVaries = false;
  const inputs: ColumnInput[] = [];
  for (let k = 0; k < params.length; k++) {
    const arg = prepared[k];
    const { required } = params[k];
    if (arg.lane === NO_LANE || arg.cols !== 1) return undefined;
    const memo = arg.memo ?? new CoercionMemo(params[k].coerce, params[k].name);
    const input: ColumnInput = { lane: arg.lane, required, rows: arg.matrix, constant: undefined, memo, interned: [], internIndex: new Map() };
    if (arg.constant) {
      let constant: number;
      if (arg.value === BLANK) {
        if (required) return undefined;
        constant = Number.NaN;
      } else if (arg.value instanceof Problem) return undefined;
      else if (arg.lane === INTERNED_LANE) constant = intern(input, arg.value);
      else if (typeof arg.value === "number") constant = arg.value;
      else return undefined;
      inputs.push({ ...input, constant });
    } else {
      if (arg.rows !== rows) return undefined;
      if (required) requiredVaries = true;
      inputs.push(input);
    }
  }
  return requiredVaries ? inputs : undefined;
}

/**
 * Applies `compute` to each position. `values[i]` is the coerced value of
 * parameter i, or undefined when blank and optional. `toCell` turns a
 * Problem into what Excel shows (injected so this stays testable); it must
 * leave numbers as they are.
 *
 * A formula may add a column path, its arithmetic over columns of plain
 * numbers (see columns.ts). Its kernel must give the same result as `compute`
 * on every row it does not send back as NaN.
 *
 * Otherwise this loop is the hot path. It allocates nothing per cell besides
 * the result row, and no exceptions. A plain number goes through the number
 * rule of its parameter (inlined), anything else through the parameter's
 * coercer.
 */
export function broadcast<Out, Context = never>(
  args: readonly Arg[],
  params: readonly Param[],
  compute: (values: unknown[]) => CellResult,
  toCell: (result: CellResult) => Out,
  columnPath?: ColumnPath<Context>,
): Out[][] {
  const prepared = params.map((param, k) => prepare(args[k], param));
  let rows = 1;
  let cols = 1;
  for (const arg of prepared) {
    if (arg.rows > rows) rows = arg.rows;
    if (arg.cols > cols) cols = arg.cols;
  }
  const values = new Array<unknown>(params.length).fill(undefined);
  const output = new Array<Out[]>(rows);
  // Each distinct Problem (the same input error, the same missing rate) becomes its cell once per call.
  const problems = new ProblemCells<Out>(toCell);
  const cellOf = (result: CellResult): Out => (result instanceof Problem ? problems.cellOf(result) : toCell(result));

  const inputs = columnPath !== undefined && cols === 1 ? columnInputs(prepared, params, rows) : undefined;
  if (inputs !== undefined && columnPath !== undefined) {
    const general = (r: number): Out => cellOf(evaluate(prepared, params, values, compute, r, 0));
    runColumns(inputs, rows, columnPath, general, cellOf, output);
    return output;
  }

  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      // The common case, a column: a one-element literal is the cheapest row.
      output[r] = [cellOf(evaluate(prepared, params, values, compute, r, 0))];
      continue;
    }
    const line = new Array<Out>(cols);
    for (let c = 0; c < cols; c++) line[c] = cellOf(evaluate(prepared, params, values, compute, r, c));
    output[r] = line;
  }
  return output;
}
