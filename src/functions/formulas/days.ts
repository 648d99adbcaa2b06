/**
 * The formulas that count days: JOURS_RETARD, ECHEANCE, TRANCHE, ETAPE,
 * PRESCRIPTION. The rules are core's (aging, terms, scenario, prescription);
 * each formula gives its kernel for columns (kernels.ts).
 */
import { bucketIndex, bucketLabels, daysLate } from "../../core/aging";
import { DEFAULT_SCENARIO, stepIndexDue, stepLabel } from "../../core/escalation/scenario";
import { prescriptionDay } from "../../core/prescription";
import { dueDate } from "../../core/terms";
import { readBounds } from "../aggregate";
import { coerceBoolean, coerceDate, coerceTerms } from "../coerce";
import { toExcelError } from "../excelError";
import {
  bucketKernel,
  daysLateKernel,
  DUE_DATE_PAST,
  dueDateKernel,
  PRESCRIPTION_PAST,
  prescriptionKernel,
  STEP_LABELS,
  stepKernel,
} from "../kernels";
import { coerceStep, dateSerial, interned, optional, params, required, run } from "../params";
import { Problem } from "../problem";
import { todayEpochDay } from "../today";

export const JOURS_RETARD_PARAMS = params(required("echeance", coerceDate), optional("date_reference", coerceDate));

export const ECHEANCE_PARAMS = params(required("date_facture", coerceDate), interned(required("conditions", coerceTerms)));

export const TRANCHE_PARAMS = params(required("echeance", coerceDate), optional("date_reference", coerceDate));

export const ETAPE_PARAMS = params(
  required("echeance", coerceDate),
  optional("date_reference", coerceDate),
  interned(optional("derniere_etape", coerceStep)),
);

export const PRESCRIPTION_PARAMS = params(required("echeance", coerceDate), interned(optional("debiteur_particulier", coerceBoolean)));

export function daysLateFormula(echeance: unknown, date_reference: unknown): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_reference],
    JOURS_RETARD_PARAMS,
    (v) => daysLate(v[0], v[1] ?? today),
    { kernel: daysLateKernel, context: { today } },
  );
}

export function dueDateFormula(date_facture: unknown, conditions: unknown): unknown[][] {
  return run(
    [date_facture, conditions],
    ECHEANCE_PARAMS,
    (v) => dateSerial(dueDate(v[0], v[1]), DUE_DATE_PAST),
    { kernel: dueDateKernel, context: undefined },
  );
}

export function agingBucketFormula(echeance: unknown, date_reference: unknown, bornes: unknown): unknown[][] {
  const bounds = readBounds(bornes);
  if (bounds instanceof Problem) throw toExcelError(bounds);
  const labels = bucketLabels(bounds);
  const today = todayEpochDay();
  return run(
    [echeance, date_reference],
    TRANCHE_PARAMS,
    (v) => labels[bucketIndex((v[1] ?? today) - v[0], bounds)],
    { kernel: bucketKernel, context: { today, bounds }, labels },
  );
}

export function stepFormula(echeance: unknown, date_reference: unknown, derniere_etape: unknown): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_reference, derniere_etape],
    ETAPE_PARAMS,
    (v) => stepLabel(DEFAULT_SCENARIO, stepIndexDue(DEFAULT_SCENARIO, (v[1] ?? today) - v[0], v[2])),
    { kernel: stepKernel, context: { today }, labels: STEP_LABELS },
  );
}

export function prescriptionFormula(echeance: unknown, debiteur_particulier: unknown): unknown[][] {
  return run(
    [echeance, debiteur_particulier],
    PRESCRIPTION_PARAMS,
    (v) => dateSerial(prescriptionDay(v[0], v[1] === true), PRESCRIPTION_PAST),
    { kernel: prescriptionKernel, context: undefined },
  );
}
