/**
 * The fast path of a formula over columns.
 *
 * Most rows of a ledger are plain: the amount and the dates are numbers, an
 * optional date is blank. For such rows a formula gives a kernel, its
 * arithmetic over typed arrays: no coercion, no boxed number and no call per
 * cell, which is what makes 100,000 rows cost little more than a bare loop.
 * The rows are read through the number rules of coerce.ts, a chunk at a time
 * into small buffers kept between calls (a buffer the size of the column,
 * allocated on every call, costs more than the arithmetic).
 *
 * Rows that are not plain cost little more: a cell that is not a plain number
 * (a text date, « à venir », an Excel error) is coerced through the call's
 * memo, once per distinct cell (memo.ts); a row whose input is wrong ends
 * with that Problem, and a row the kernel knows to fail (a semester the
 * tables lack) ends with the kernel's Problem, each turned into its Excel
 * cell once per call. Only what is left (a required cell blank, a number the
 * kernel will not take) goes to the general path of broadcast.ts, cell by
 * cell, which gives the same result for every row: a property test compares
 * the two.
 */
import { BLANK, centsOfNumber, coerceAmount, coerceDate, coerceRate, dateOfNumber, rateOfNumber, type Coerced } from "./coerce";
import type { CoercionMemo } from "./memo";
import { Problem } from "./problem";

/** What a kernel may use besides its columns, for the current chunk. */
export interface ColumnChunk {
  /** 1 where the row's inputs are all usable: the kernel's result counts only there. */
  readonly plain: Uint8Array;
  /** Per row, 0, or the number (from fail) of the Problem the row ends with. */
  readonly errors: Int32Array;
  /** Per interned parameter, the distinct values that its column's numbers index (empty for the others). */
  readonly interned: ReadonlyArray<readonly unknown[]>;
  /** The number of a Problem for errors[]: the same Problem always gets the same number. */
  fail(problem: Problem): number;
}

/**
 * A formula's arithmetic over `count` rows. `columns[k][i]` is the value of
 * parameter k in row i (cents, epoch day, millionths, or for an interned
 * parameter the index of its value in chunk.interned[k]), NaN where an
 * optional parameter is blank. The kernel writes each result to `out[i]`
 * (for a formula with labels, the label's index), NaN to send the row to the
 * general path, or, for a plain row it knows to fail, chunk.errors[i] =
 * chunk.fail(problem). Rows that are not plain hold garbage: the kernel may
 * compute on them but must not call anything on their behalf. It may
 * overwrite the columns (scratch buffers, refilled for the next chunk).
 * `context` holds what the call knows (rate book, today): kernels are plain
 * functions, not closures made per call, so the engine keeps their optimized
 * code from one call to the next.
 */
export type ColumnKernel<Context> = (
  columns: readonly Float64Array[],
  count: number,
  out: Float64Array,
  context: Context,
  chunk: ColumnChunk,
) => void;

/** A kernel and the context of this call. */
export interface ColumnPath<Context> {
  readonly kernel: ColumnKernel<Context>;
  readonly context: Context;
  /** For a formula whose results are labels: the kernel writes indexes into this list. */
  readonly labels?: readonly string[];
}

/** How a parameter's cells are read: not at all, by the number rule of dates, amounts or rates, or interned. */
export type Lane = 0 | 1 | 2 | 3 | 4;
export const NO_LANE = 0;
export const DATE_LANE = 1;
export const AMOUNT_LANE = 2;
export const RATE_LANE = 3;
/** Any other coercer whose parameter asks for it: each distinct value gets an index. */
export const INTERNED_LANE = 4;
/** A lane with a number rule, inlined in the loops. */
export type NumberLane = typeof DATE_LANE | typeof AMOUNT_LANE | typeof RATE_LANE;
/** A lane the fast path reads. */
export type ColumnLane = NumberLane | typeof INTERNED_LANE;

export function laneOf(param: { readonly coerce: (raw: unknown, name: string) => Coerced<unknown>; readonly interned?: boolean }): Lane {
  const { coerce } = param;
  if (coerce === coerceDate) return DATE_LANE;
  if (coerce === coerceAmount) return AMOUNT_LANE;
  if (coerce === coerceRate) return RATE_LANE;
  return param.interned === true ? INTERNED_LANE : NO_LANE;
}

/** A plain number through its lane's number rule: the value, or NaN (always NaN without a number rule). */
export function laneValue(lane: Lane, raw: number): number {
  if (lane === DATE_LANE) return dateOfNumber(raw);
  if (lane === AMOUNT_LANE) return centsOfNumber(raw);
  if (lane === RATE_LANE) return rateOfNumber(raw);
  return Number.NaN;
}

/**
 * Reads rows start..start+count-1 of a column into `column` through its
 * lane's number rule: the value, or NaN where the cell is not a nonzero
 * number or breaks the rule. Returns false when it left some NaN, for
 * resolveRest to look at.
 *
 * Written for the engine, measured by `npm run bench`: one loop per lane, and
 * the number read from the row used only as a number. Merged with anything
 * else first (`Array.isArray(row) ? row[0] : row`, or `row?.[0]`), every
 * decimal read was boxed: one heap allocation per row, 1.6 MB per 100,000.
 */
function readLane(lane: NumberLane, rows: readonly unknown[], start: number, count: number, column: Float64Array): boolean {
  let complete = true;
  if (lane === DATE_LANE) {
    for (let i = 0; i < count; i++) {
      const row = rows[start + i];
      let value = Number.NaN;
      if (Array.isArray(row)) {
        const raw: unknown = row[0];
        if (typeof raw === "number" && raw !== 0) value = dateOfNumber(raw);
      }
      column[i] = value;
      if (value !== value) complete = false;
    }
  } else if (lane === AMOUNT_LANE) {
    for (let i = 0; i < count; i++) {
      const row = rows[start + i];
      let value = Number.NaN;
      if (Array.isArray(row)) {
        const raw: unknown = row[0];
        if (typeof raw === "number" && raw !== 0) value = centsOfNumber(raw);
      }
      column[i] = value;
      if (value !== value) complete = false;
    }
  } else {
    // RATE_LANE
    for (let i = 0; i < count; i++) {
      const row = rows[start + i];
      let value = Number.NaN;
      if (Array.isArray(row)) {
        const raw: unknown = row[0];
        if (typeof raw === "number" && raw !== 0) value = rateOfNumber(raw);
      }
      column[i] = value;
      if (value !== value) complete = false;
    }
  }
  return complete;
}

/** A parameter as the fast path sees it. */
export interface ColumnInput {
  readonly lane: ColumnLane;
  readonly required: boolean;
  /** The cells, one row each (arrays of one cell, as Excel passes a column). */
  readonly rows: readonly unknown[];
  /** For a single cell repeated down the column: its value (or index), NaN when blank. Undefined for a column. */
  readonly constant: number | undefined;
  /** The call's coercions of this parameter. */
  readonly memo: CoercionMemo;
  /** For the interned lane: the distinct values, and the index of each. */
  readonly interned: unknown[];
  readonly internIndex: Map<unknown, number>;
}

/** The index of a value in an interned input, adding it when new. */
export function intern(input: Pick<ColumnInput, "interned" | "internIndex">, value: unknown): number {
  let index = input.internIndex.get(value);
  if (index === undefined) {
    index = input.interned.length;
    input.interned.push(value);
    input.internIndex.set(value, index);
  }
  return index;
}

/** Rows per chunk: the buffers stay in the processor's cache. */
const CHUNK = 2048;
const columnBuffers: Float64Array[] = [];
const plainBuffer = new Uint8Array(CHUNK);
const errorBuffer = new Int32Array(CHUNK);
const outBuffer = new Float64Array(CHUNK);

function buffers(count: number): Float64Array[] {
  while (columnBuffers.length < count) columnBuffers.push(new Float64Array(CHUNK));
  return columnBuffers;
}

/** The chunk a kernel sees, with the call's distinct Problems. */
class Chunk implements ColumnChunk {
  readonly plain = plainBuffer;
  readonly errors = errorBuffer;
  /** problems[n - 1] is the Problem numbered n. */
  readonly problems: Problem[] = [];
  private readonly numbers = new Map<Problem, number>();
  private lastProblem: Problem | undefined = undefined;
  private lastNumber = 0;

  constructor(readonly interned: ReadonlyArray<readonly unknown[]>) {}

  fail(problem: Problem): number {
    // Rows failing alike come in runs: the last one answers without a lookup.
    if (problem === this.lastProblem) return this.lastNumber;
    let number = this.numbers.get(problem);
    if (number === undefined) {
      this.problems.push(problem);
      number = this.problems.length;
      this.numbers.set(problem, number);
    }
    this.lastProblem = problem;
    this.lastNumber = number;
    return number;
  }
}

/** Sentinel: no cell read yet. */
const NOT_READ: unique symbol = Symbol("not read");

/** What a distinct cell comes to: a value (or index), a blank, a Problem, or something the kernel cannot take. */
const VALUE = 0;
const BLANK_CELL = 1;
const PROBLEM = 2;
const OTHER = 3;
/** The last few distinct cells of a column, checked before the memo: rows repeat a handful of values. */
const RECENT = 4;

/**
 * Where readLane left NaN (or, for an interned input, on every row): the
 * cell through the memo. A value fills the column; a blank optional cell
 * stays NaN and the row plain; a blank required cell sends the row to the
 * general path; a Problem ends the row with it unless an earlier parameter's
 * Problem already did (the general path reports the first parameter's).
 */
function resolveRest(input: ColumnInput, start: number, count: number, column: Float64Array, chunk: Chunk, all: boolean): void {
  const { rows, required, memo } = input;
  const plain = chunk.plain;
  const errors = chunk.errors;
  const interned = input.lane === INTERNED_LANE;
  const recentRaw: unknown[] = [NOT_READ, NOT_READ, NOT_READ, NOT_READ];
  const recentValue = new Float64Array(RECENT);
  const recentKind = new Uint8Array(RECENT);
  const recentError = new Int32Array(RECENT);
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (!all && column[i] === column[i]) continue;
    const row = rows[start + i];
    const raw: unknown = Array.isArray(row) ? row[0] : row;
    let slot = -1;
    for (let s = 0; s < RECENT; s++) {
      if (recentRaw[s] === raw) {
        slot = s;
        break;
      }
    }
    if (slot < 0) {
      slot = next;
      next = (next + 1) % RECENT;
      const coerced = memo.coerced(raw);
      recentRaw[slot] = raw;
      recentValue[slot] = Number.NaN;
      if (coerced === BLANK) recentKind[slot] = BLANK_CELL;
      else if (coerced instanceof Problem) {
        recentKind[slot] = PROBLEM;
        recentError[slot] = chunk.fail(coerced);
      } else if (interned) {
        recentKind[slot] = VALUE;
        recentValue[slot] = intern(input, coerced);
      } else if (typeof coerced === "number") {
        recentKind[slot] = VALUE;
        recentValue[slot] = coerced;
      } else recentKind[slot] = OTHER;
    }
    const kind = recentKind[slot];
    column[i] = recentValue[slot];
    if (kind === VALUE) continue;
    if (kind === BLANK_CELL) {
      if (required) plain[i] = 0;
    } else {
      plain[i] = 0;
      if (kind === PROBLEM && errors[i] === 0) errors[i] = recentError[slot];
    }
  }
}

/** A row that failed on a known Problem (its shared row), or that the general path computes. */
function otherRow<Out>(failed: number, errorRows: readonly Out[][], general: (row: number) => Out, row: number): Out[] {
  return failed !== 0 ? errorRows[failed - 1] : [general(row)];
}

/**
 * Fills `output` with one-cell rows: plain rows through the kernel, rows
 * failing on a known Problem with its cell, the others through `general(row)`.
 * `toCell` makes the cell of a label or a Problem, once per call each.
 *
 * Rows that show the same label or fail on the same Problem share one row
 * array, made once per call: Excel reads a result and never writes into it
 * (the same reasoning as memo.ts for cells), and a column failing alike then
 * costs no allocation per row, which is what made errors dearer than values.
 */
export function runColumns<Out, Context>(
  inputs: readonly ColumnInput[],
  rowCount: number,
  path: ColumnPath<Context>,
  general: (row: number) => Out,
  cellOf: (result: string | Problem) => Out,
  output: Out[][],
): void {
  const { kernel, context, labels } = path;
  const columns = buffers(inputs.length);
  const chunk = new Chunk(inputs.map((input) => input.interned));
  const { plain, errors } = chunk;
  const out = outBuffer;
  const labelRows = labels?.map((label) => [cellOf(label)]);
  const errorRows: Out[][] = [];
  for (let start = 0; start < rowCount; start += CHUNK) {
    const count = Math.min(CHUNK, rowCount - start);
    plain.fill(1, 0, count);
    errors.fill(0, 0, count);
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      const column = columns[k];
      if (input.constant !== undefined) column.fill(input.constant, 0, count);
      else if (input.lane === INTERNED_LANE) resolveRest(input, start, count, column, chunk, true);
      else if (!readLane(input.lane, input.rows, start, count, column)) resolveRest(input, start, count, column, chunk, false);
    }
    kernel(columns, count, out, context, chunk);
    for (let n = errorRows.length; n < chunk.problems.length; n++) errorRows.push([cellOf(chunk.problems[n])]);
    // Three literals for three kinds of cell: a row literal that has held an
    // object or a string would box every number it holds afterwards.
    if (labelRows === undefined) {
      for (let i = 0; i < count; i++) {
        const result = out[i];
        // A number is its own cell: it goes into the row unboxed, not through a conversion.
        if (errors[i] === 0 && plain[i] === 1 && result === result) output[start + i] = [result as Out];
        else output[start + i] = otherRow(errors[i], errorRows, general, start + i);
      }
    } else {
      for (let i = 0; i < count; i++) {
        const result = out[i];
        if (errors[i] === 0 && plain[i] === 1 && result === result) output[start + i] = labelRows[result];
        else output[start + i] = otherRow(errors[i], errorRows, general, start + i);
      }
    }
  }
}
