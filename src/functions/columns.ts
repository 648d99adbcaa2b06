/**
 * The fast path of a formula over columns of plain numbers.
 *
 * Most rows of a ledger are plain: the amount and the dates are numbers, an
 * optional date is blank. For such rows a formula can give a kernel, its
 * arithmetic over typed arrays: no coercion, no boxed number and no call per
 * cell, which is what makes 100,000 rows cost little more than a bare loop.
 * The rows are read through the number rules of coerce.ts, a chunk at a time
 * into small buffers kept between calls (a buffer the size of the column,
 * allocated on every call, costs more than the arithmetic). Any other row
 * (text, an error, a zero amount, a rate the book lacks) is handed back to
 * the general path of broadcast.ts, cell by cell, which gives the same result
 * for plain rows too: a property test compares the two.
 */
import { centsOfNumber, coerceAmount, coerceDate, coerceRate, dateOfNumber, rateOfNumber, type Coerced } from "./coerce";

/**
 * A formula's arithmetic over `count` plain rows. `columns[k][i]` is the value
 * of parameter k in row i (cents, epoch day or millionths), NaN where an
 * optional parameter is blank. The kernel writes each result to `out[i]`, or
 * NaN to send that row to the general path. It may overwrite the columns
 * (they are scratch buffers, refilled for the next chunk). `context` holds what the call
 * knows (rate book, today): kernels are plain functions, not closures made
 * per call, so the engine keeps their optimized code from one call to the next.
 */
export type ColumnKernel<Context> = (columns: readonly Float64Array[], count: number, out: Float64Array, context: Context) => void;

/** A kernel and the context of this call. */
export interface ColumnPath<Context> {
  readonly kernel: ColumnKernel<Context>;
  readonly context: Context;
}

/** Which number rule reads a parameter's cells: none, or that of dates, amounts or rates. */
export type Lane = 0 | 1 | 2 | 3;
export const NO_LANE = 0;
export const DATE_LANE = 1;
export const AMOUNT_LANE = 2;
export const RATE_LANE = 3;
/** A lane with a number rule: what the fast path reads. */
export type NumberLane = typeof DATE_LANE | typeof AMOUNT_LANE | typeof RATE_LANE;

export function laneOf(coerce: (raw: unknown, name: string) => Coerced<unknown>): Lane {
  if (coerce === coerceDate) return DATE_LANE;
  if (coerce === coerceAmount) return AMOUNT_LANE;
  if (coerce === coerceRate) return RATE_LANE;
  return NO_LANE;
}

/** A plain number through its lane's rule: the value, or NaN. */
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
 * markNonPlain to look at.
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
  readonly lane: NumberLane;
  readonly required: boolean;
  /** The cells, one row each (arrays of one cell, as Excel passes a column). */
  readonly rows: readonly unknown[];
  /** For a single cell repeated down the column: its value, NaN when blank. Undefined for a column. */
  readonly constant: number | undefined;
}

/** Rows per chunk: the buffers stay in the processor's cache. */
const CHUNK = 2048;
const columnBuffers: Float64Array[] = [];
const plainBuffer = new Uint8Array(CHUNK);
const outBuffer = new Float64Array(CHUNK);

function buffers(count: number): Float64Array[] {
  while (columnBuffers.length < count) columnBuffers.push(new Float64Array(CHUNK));
  return columnBuffers;
}

/**
 * Where readLane left NaN, the row stays plain only if the cell is a blank
 * optional parameter: empty, or the 0 that Excel desktop passes for a blank
 * optional date. Anything else (text, a negative amount, a zero amount, an
 * error) sends the row to the general path, which gives its message.
 */
function markNonPlain(input: ColumnInput, start: number, count: number, column: Float64Array, plain: Uint8Array): void {
  const { rows, lane, required } = input;
  for (let i = 0; i < count; i++) {
    if (column[i] === column[i]) continue;
    if (required) {
      plain[i] = 0;
      continue;
    }
    const row = rows[start + i];
    const raw: unknown = Array.isArray(row) ? row[0] : row;
    if (!(raw === null || raw === undefined || raw === "" || (raw === 0 && lane === DATE_LANE))) plain[i] = 0;
  }
}

/**
 * Fills `output` with one-cell rows: plain rows through the kernel, the
 * others through `general(row)`.
 */
export function runColumns<Out, Context>(
  inputs: readonly ColumnInput[],
  rowCount: number,
  path: ColumnPath<Context>,
  general: (row: number) => Out,
  output: Out[][],
): void {
  const { kernel, context } = path;
  const columns = buffers(inputs.length);
  const plain = plainBuffer;
  const out = outBuffer;
  for (let start = 0; start < rowCount; start += CHUNK) {
    const count = Math.min(CHUNK, rowCount - start);
    plain.fill(1, 0, count);
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      const column = columns[k];
      if (input.constant !== undefined) {
        column.fill(input.constant, 0, count);
        continue;
      }
      if (!readLane(input.lane, input.rows, start, count, column)) markNonPlain(input, start, count, column, plain);
    }
    kernel(columns, count, out, context);
    for (let i = 0; i < count; i++) {
      const result = out[i];
      // A number is its own cell: it goes into the row unboxed, not through a conversion.
      if (plain[i] === 1 && result === result) output[start + i] = [result as Out];
      else output[start + i] = [general(start + i)];
    }
  }
}
