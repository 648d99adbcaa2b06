/**
 * Problems -> CustomFunctions.Error, the only place that touches the
 * CustomFunctions global besides the associate calls the build injects.
 */
import type { CellResult } from "./broadcast";
import { Problem } from "./problem";

export function toExcelError(problem: Problem): CustomFunctions.Error {
  const code = problem.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, problem.message);
}

/** What a cell shows: the value, or the error with its French message. */
export function toExcelCell(result: CellResult): number | string | boolean | CustomFunctions.Error {
  return result instanceof Problem ? toExcelError(result) : result;
}
