/**
 * The rate formulas: TAUX_BCE, TAUX_PENALITE, TAUX_LEGAL, TAUX_MINIMUM, each
 * the add-in's rate book (src/state) asked for the date's semester.
 */
import { minimumContractRate, penaltyRateOn } from "../../core/interest";
import { currentRateBook } from "../../state/currentRates";
import { coerceBoolean, coerceDate } from "../coerce";
import { optional, params, rateFraction, required, run } from "../params";

export const DATE_ONLY_PARAMS = params(required("date", coerceDate));

export const TAUX_LEGAL_PARAMS = params(required("date", coerceDate), optional("creancier_particulier", coerceBoolean));

export function ecbRateFormula(date: unknown): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, ([day]) => rateFraction(book.rateOn("bce", day)));
}

export function penaltyRateFormula(date: unknown): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, ([day]) => rateFraction(penaltyRateOn(book, day)));
}

export function legalRateFormula(date: unknown, creancier_particulier: unknown): unknown[][] {
  const book = currentRateBook();
  return run([date, creancier_particulier], TAUX_LEGAL_PARAMS, ([day, privatePerson]) =>
    rateFraction(book.rateOn(privatePerson === true ? "legalParticulier" : "legalAutres", day)),
  );
}

export function minimumRateFormula(date: unknown): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, ([day]) => rateFraction(minimumContractRate(book, day)));
}
