/**
 * The money formulas: PENALITE, TOTAL_DU, INDEMNITE, INTERETS_MORATOIRES,
 * INTERETS_LEGAUX. Each reads the add-in's rate book and today once per
 * call, computes each row with its core function (the law is in
 * src/core/interest.ts) and gives its kernel for columns (kernels.ts).
 *
 * A row's values are typed: v[0] is the first parameter's, as its coercer
 * gives it (an optional one may be undefined). Indexes rather than
 * destructuring keep the per-row path free of the iterator protocol.
 */
import { indemnityCents, legalInterestCents, moratoryInterestCents, penaltyCents, totalDueCents } from "../../core/interest";
import { centsToEuros } from "../../core/money";
import { currentRateBook } from "../../state/currentRates";
import { coerceAmount, coerceBoolean, coerceDate, coerceRate } from "../coerce";
import { indemnityKernel, legalKernel, moratoryKernel, penaltyKernel, totalDueKernel } from "../kernels";
import { euros, interned, optional, params, required, run } from "../params";
import { todayEpochDay } from "../today";

export const PENALITE_PARAMS = params(
  required("montant", coerceAmount),
  required("echeance", coerceDate),
  optional("date_paiement", coerceDate),
  optional("taux", coerceRate),
);

export const INDEMNITE_PARAMS = params(required("echeance", coerceDate), optional("date_paiement", coerceDate));

export const MORATOIRES_PARAMS = params(required("montant", coerceAmount), required("echeance", coerceDate), optional("date_paiement", coerceDate));

export const LEGAUX_PARAMS = params(
  required("montant", coerceAmount),
  required("date_debut", coerceDate),
  optional("date_fin", coerceDate),
  interned(optional("creancier_particulier", coerceBoolean)),
  optional("date_majoration", coerceDate),
);

export function penaltyFormula(montant: unknown, echeance: unknown, date_paiement: unknown, taux: unknown): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement, taux],
    PENALITE_PARAMS,
    (v) => euros(penaltyCents(book, v[0], v[1], v[2] ?? today, v[3])),
    { kernel: penaltyKernel, context: { book, today } },
  );
}

export function totalDueFormula(montant: unknown, echeance: unknown, date_paiement: unknown, taux: unknown): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement, taux],
    PENALITE_PARAMS,
    (v) => euros(totalDueCents(book, v[0], v[1], v[2] ?? today, v[3])),
    { kernel: totalDueKernel, context: { book, today } },
  );
}

export function indemnityFormula(echeance: unknown, date_paiement: unknown): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_paiement],
    INDEMNITE_PARAMS,
    (v) => centsToEuros(indemnityCents(v[0], v[1] ?? today)),
    { kernel: indemnityKernel, context: { today } },
  );
}

export function moratoryFormula(montant: unknown, echeance: unknown, date_paiement: unknown): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement],
    MORATOIRES_PARAMS,
    (v) => euros(moratoryInterestCents(book, v[0], v[1], v[2] ?? today)),
    { kernel: moratoryKernel, context: { book, today } },
  );
}

export function legalInterestFormula(
  montant: unknown,
  date_debut: unknown,
  date_fin: unknown,
  creancier_particulier: unknown,
  date_majoration: unknown,
): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, date_debut, date_fin, creancier_particulier, date_majoration],
    LEGAUX_PARAMS,
    (v) => euros(legalInterestCents(book, v[0], v[1], v[2] ?? today, v[3] === true, v[4])),
    { kernel: legalKernel, context: { book, today } },
  );
}
