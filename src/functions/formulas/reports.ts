/**
 * The formulas over a whole ledger: BALANCE_AGEE (one table from two
 * columns) and DSO (one figure per row).
 */
import { DSO_DEFAULT_DAYS, dsoSimple } from "../../core/aging";
import { agingTable, readBounds, readSingleDate } from "../aggregate";
import { coerceNumber } from "../coerce";
import { toExcelError } from "../excelError";
import { coercePeriodDays, optional, params, required, run } from "../params";
import { Problem, valueProblem } from "../problem";
import { todayEpochDay } from "../today";
import { message } from "../../core/messages";

export const DSO_PARAMS = params(
  required("encours", coerceNumber),
  required("chiffre_affaires", coerceNumber),
  optional("jours", coercePeriodDays),
);

export function agedBalanceFormula(montants: unknown, echeances: unknown, date_reference: unknown, bornes: unknown): unknown[][] {
  const bounds = readBounds(bornes);
  if (bounds instanceof Problem) throw toExcelError(bounds);
  const reference = readSingleDate(date_reference, "date_reference", todayEpochDay());
  if (reference instanceof Problem) throw toExcelError(reference);
  const table = agingTable(montants, echeances, reference, bounds);
  if (table instanceof Problem) throw toExcelError(table);
  return table;
}

export function dsoFormula(encours: unknown, chiffre_affaires: unknown, jours: unknown): unknown[][] {
  return run([encours, chiffre_affaires, jours], DSO_PARAMS, ([receivables, revenue, days = DSO_DEFAULT_DAYS]) => {
    if (revenue <= 0) return valueProblem(message("dso.revenueNotPositive", { name: "chiffre_affaires" }));
    if (!Number.isInteger(days)) return valueProblem(message("dso.daysNotWhole", { name: "jours" }));
    const result = dsoSimple(receivables, revenue, days);
    // 1e308 / 1e-300 overflows: never hand Excel Infinity.
    return Number.isFinite(result) ? result : valueProblem(message("dso.outOfRange"));
  });
}
