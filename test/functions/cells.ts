/** Small helpers to build the matrices Excel passes and read what a formula spills. */
import { FakeExcelError } from "./fakeCustomFunctions";

/** A column range: col(1, 2) is [[1], [2]]. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A one-row range: row(1, 2) is [[1, 2]]. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** The top-left cell of a spilled result. */
export function one(result: unknown): unknown {
  expect(Array.isArray(result)).toBe(true);
  const matrix = result as unknown[][];
  expect(matrix).toHaveLength(1);
  expect(matrix[0]).toHaveLength(1);
  return matrix[0][0];
}

/** The cells of a one-column result, top to bottom. */
export function column(result: unknown): unknown[] {
  const matrix = result as unknown[][];
  for (const line of matrix) expect(line).toHaveLength(1);
  return matrix.map((line) => line[0]);
}

/** A cell made comparable: errors become { code, message }. */
export function comparable(cell: unknown): unknown {
  return cell instanceof FakeExcelError ? { code: cell.code, message: cell.message } : cell;
}
