/**
 * The parameters of the RECOUVRE.* formulas (name, coercion, required) and
 * the small conversions of their results, kept apart from functions.ts,
 * whose JSDoc the build reads to write functions.json.
 */
import { epochDayToSerial, MAX_EPOCH_DAY, type EpochDay } from "../core/calendar";
import { DEFAULT_SCENARIO, findStepIndex } from "../core/escalation/scenario";
import { centsToEuros, RATE_SCALE, type Cents } from "../core/money";
import { MissingRate } from "../core/rates/rateBook";
import { message } from "../core/messages";
import { broadcast, type CellResult, type Param } from "./broadcast";
import type { ColumnPath } from "./columns";
import {
  BLANK,
  coerceAmount,
  coerceBoolean,
  coerceDate,
  coerceNumber,
  coerceRate,
  coerceTerms,
  coerceText,
  shown,
} from "./coerce";
import { toExcelCell } from "./excelError";
import { missingRateProblem, pastLastDateProblem, valueProblem, type ComputedDate } from "./problem";

export const required = (name: string, coerce: Param["coerce"]): Param => ({ name, coerce, required: true });
export const optional = (name: string, coerce: Param["coerce"]): Param => ({ name, coerce, required: false });
/** A parameter without a number rule whose distinct values the column path indexes (columns.ts). */
export const interned = (param: Param): Param => ({ ...param, interned: true });

/** A formula over its parameters, through broadcast(), its column path if it has one. */
export function run<Context>(
  args: unknown[],
  params: readonly Param[],
  compute: (values: unknown[]) => CellResult,
  columnPath?: ColumnPath<Context>,
): unknown[][] {
  return broadcast(args, params, compute, toExcelCell, columnPath);
}

export function euros(result: Cents | MissingRate): CellResult {
  return result instanceof MissingRate ? missingRateProblem(result) : centsToEuros(result);
}

/** A computed date as a serial; past 31/12/9999 Excel has no date to show, so it is an error. */
export function dateSerial(day: EpochDay, what: ComputedDate): CellResult {
  return day > MAX_EPOCH_DAY ? pastLastDateProblem(what) : epochDayToSerial(day);
}

export function rateFraction(result: number | MissingRate): CellResult {
  return result instanceof MissingRate ? missingRateProblem(result) : result / RATE_SCALE;
}

/** A period of 0 days means nothing: it is the 0 Excel desktop passes for a blank cell, so "omitted". */
function coercePeriodDays(raw: unknown, name: string) {
  const days = coerceNumber(raw, name);
  return days === 0 ? undefined : days;
}

function coerceStep(raw: unknown, name: string) {
  if (raw === 0) return BLANK; // Excel desktop passes 0 for a blank cell; no step is named 0
  const text = coerceText(raw, name);
  if (typeof text !== "string") return text;
  const index = findStepIndex(DEFAULT_SCENARIO, text);
  if (index === undefined) {
    return valueProblem(message("arg.notAStep", { name, value: shown(raw), steps: DEFAULT_SCENARIO.map((s) => s.label) }));
  }
  return index;
}

export const JOURS_RETARD_PARAMS = [required("echeance", coerceDate), optional("date_reference", coerceDate)];

export const ECHEANCE_PARAMS = [required("date_facture", coerceDate), interned(required("conditions", coerceTerms))];

export const DATE_ONLY_PARAMS = [required("date", coerceDate)];

export const TAUX_LEGAL_PARAMS = [required("date", coerceDate), optional("creancier_particulier", coerceBoolean)];

export const PENALITE_PARAMS = [
  required("montant", coerceAmount),
  required("echeance", coerceDate),
  optional("date_paiement", coerceDate),
  optional("taux", coerceRate),
];

export const INDEMNITE_PARAMS = [required("echeance", coerceDate), optional("date_paiement", coerceDate)];

export const MORATOIRES_PARAMS = [
  required("montant", coerceAmount),
  required("echeance", coerceDate),
  optional("date_paiement", coerceDate),
];

export const LEGAUX_PARAMS = [
  required("montant", coerceAmount),
  required("date_debut", coerceDate),
  optional("date_fin", coerceDate),
  interned(optional("creancier_particulier", coerceBoolean)),
  optional("date_majoration", coerceDate),
];

export const TRANCHE_PARAMS = [required("echeance", coerceDate), optional("date_reference", coerceDate)];

export const ETAPE_PARAMS = [
  required("echeance", coerceDate),
  optional("date_reference", coerceDate),
  interned(optional("derniere_etape", coerceStep)),
];

export const PRESCRIPTION_PARAMS = [required("echeance", coerceDate), interned(optional("debiteur_particulier", coerceBoolean))];

export const DSO_PARAMS = [
  required("encours", coerceNumber),
  required("chiffre_affaires", coerceNumber),
  optional("jours", coercePeriodDays),
];
