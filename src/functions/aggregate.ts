/**
 * Arguments that are lists, not cell-by-cell inputs: aging bounds, and the
 * two columns BALANCE_AGEE sums. A bad value here spoils the whole result,
 * so it is reported with its position rather than guessed around.
 */
import { agingTotals, boundsMisfit, bucketLabels, DEFAULT_BOUNDS, TOTAL_LABEL, type AgedAmount } from "../core/aging";
import type { EpochDay } from "../core/calendar";
import { centsToEuros } from "../core/money";
import { asMatrix } from "./broadcast";
import { message } from "../core/messages";
import { BLANK, coerceAmount, coerceDate, coerceNumber, shown } from "./coerce";
import { Problem, valueProblem } from "./problem";

/** Aging bounds from a range such as {30;60;90}; omitted -> 30, 60, 90. */
export function readBounds(arg: unknown): readonly number[] | Problem {
  const bounds: number[] = [];
  for (const row of asMatrix(arg)) {
    for (const raw of row) {
      const value = coerceNumber(raw, "bornes");
      if (value instanceof Problem) return value;
      if (value === BLANK) continue;
      if (!Number.isInteger(value)) return valueProblem(message("arg.notWholeDays", { name: "bornes", value: shown(raw) }));
      bounds.push(value);
    }
  }
  if (bounds.length === 0) return DEFAULT_BOUNDS;
  const problem = boundsMisfit(bounds);
  return problem ? valueProblem(message("arg.bounds", { name: "bornes", problem })) : bounds;
}

/** One date for a whole aggregate: the first non-blank cell, or `fallback`. */
export function readSingleDate(arg: unknown, name: string, fallback: EpochDay): EpochDay | Problem {
  const cells = asMatrix(arg).flat().filter((raw) => coerceDate(raw, name) !== BLANK);
  if (cells.length > 1) return valueProblem(message("arg.singleDate", { name }));
  if (cells.length === 0) return fallback;
  return coerceDate(cells[0], name) as EpochDay | Problem;
}

/**
 * The aging table: one row per bucket (label, total in euros) and a last
 * "Total" row. Rows where both amount and due date are blank are skipped.
 */
export function agingTable(
  amountsArg: unknown,
  dueDatesArg: unknown,
  reference: EpochDay,
  bounds: readonly number[],
): Array<[string, number]> | Problem {
  const amounts = asMatrix(amountsArg);
  const dueDates = asMatrix(dueDatesArg);
  if (amounts.length !== dueDates.length || amounts[0].length !== dueDates[0].length) {
    return valueProblem(
      message("aging.sizeMismatch", { amounts: [amounts.length, amounts[0].length], dues: [dueDates.length, dueDates[0].length] }),
    );
  }
  const rows: AgedAmount[] = [];
  for (let r = 0; r < amounts.length; r++) {
    for (let c = 0; c < amounts[r].length; c++) {
      const byRow = amounts.length > 1;
      const index = byRow ? r + 1 : c + 1;
      const where = byRow ? `ligne ${index}` : `colonne ${index}`;
      const amount = coerceAmount(amounts[r][c], `montants, ${where}`);
      const due = coerceDate(dueDates[r][c], `echeances, ${where}`);
      if (amount instanceof Problem) return amount;
      if (due instanceof Problem) return due;
      if (amount === BLANK && due === BLANK) continue;
      if (amount === BLANK) return valueProblem(message("aging.missingValue", { name: "montants", index, byRow }));
      if (due === BLANK) return valueProblem(message("aging.missingValue", { name: "echeances", index, byRow }));
      rows.push({ amount, daysLate: reference - due });
    }
  }
  const { buckets, total } = agingTotals(rows, bounds);
  const labels = bucketLabels(bounds);
  const table: Array<[string, number]> = buckets.map((cents, i) => [labels[i], centsToEuros(cents)]);
  table.push([TOTAL_LABEL, centsToEuros(total)]);
  return table;
}
