/**
 * Problems -> CustomFunctions.Error, the only place that touches the
 * CustomFunctions global besides the associate calls the build injects.
 * The message is written here, in Office's display language (French unless
 * Office displays in English), once per distinct Problem of a call (memo.ts).
 */
import { uiLanguage } from "../excel/host";
import type { CellResult } from "./broadcast";
import { Problem } from "./problem";

export function toExcelError(problem: Problem): CustomFunctions.Error {
  const code = problem.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, problem.text(uiLanguage()));
}

/** What a cell shows: the value, or the error with its message in the user's language. */
export function toExcelCell(result: CellResult): number | string | boolean | CustomFunctions.Error {
  return result instanceof Problem ? toExcelError(result) : result;
}
