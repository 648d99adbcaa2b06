/**
 * The RECOUVRE.* formulas.
 *
 * Thin wrappers: each declares its parameters (name, coercion, required),
 * hands the cell-by-cell work to broadcast() and the law to src/core. The
 * build reads the JSDoc below to write functions.json (French descriptions)
 * and appends the CustomFunctions.associate calls to this file.
 *
 * Every parameter accepts a cell or a range; results spill in the shape of
 * the inputs. Functions that default a date to today are volatile, so a
 * workbook opened tomorrow never shows yesterday's figures.
 */
import type { EpochDay } from "../core/calendar";
import { bucketIndex, bucketLabels, dsoSimple } from "../core/aging";
import { DEFAULT_SCENARIO, stepIndexDue, stepLabel } from "../core/escalation/scenario";
import {
  indemnityCents,
  legalInterestCents,
  minimumContractRate,
  moratoryInterestCents,
  penaltyCents,
  penaltyRateOn,
} from "../core/interest";
import { centsToEuros, type Cents } from "../core/money";
import { prescriptionDay } from "../core/prescription";
import { MissingRate } from "../core/rates/rateBook";
import { message } from "../core/messages";
import { dueDate, type PaymentTerms } from "../core/terms";
import { agingTable, readBounds, readSingleDate } from "./aggregate";
import { currentRateBook } from "./currentRates";
import { toExcelError } from "./excelError";
import {
  bucketKernel,
  daysLateKernel,
  DUE_DATE_PAST,
  dueDateKernel,
  indemnityKernel,
  legalKernel,
  moratoryKernel,
  penaltyKernel,
  PRESCRIPTION_PAST,
  prescriptionKernel,
  STEP_LABELS,
  stepKernel,
  totalDueKernel,
} from "./kernels";
import {
  dateSerial,
  euros,
  DATE_ONLY_PARAMS,
  DSO_PARAMS,
  ECHEANCE_PARAMS,
  ETAPE_PARAMS,
  INDEMNITE_PARAMS,
  JOURS_RETARD_PARAMS,
  LEGAUX_PARAMS,
  MORATOIRES_PARAMS,
  PENALITE_PARAMS,
  PRESCRIPTION_PARAMS,
  TAUX_LEGAL_PARAMS,
  TRANCHE_PARAMS,
  rateFraction,
  run,
} from "./params";
import { Problem, valueProblem } from "./problem";
import { todayEpochDay } from "./today";


// ---------------------------------------------------------------------------


/**
 * Nombre de jours de retard d'une facture à une date (0 si elle n'est pas échue).
 * @customfunction JOURS_RETARD JOURS_RETARD
 * @volatile
 * @param echeance Date d'échéance de la facture (cellule ou plage).
 * @param [date_reference] Date à laquelle compter le retard ; aujourd'hui si omise.
 * @returns Jours de retard, un par ligne.
 */
export function joursRetard(echeance: unknown[][], date_reference?: unknown[][]): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_reference],
    JOURS_RETARD_PARAMS,
    (v) => {
      const reference = (v[1] as EpochDay | undefined) ?? today;
      return Math.max(0, reference - (v[0] as EpochDay));
    },
    { kernel: daysLateKernel, context: { today } },
  );
}


/**
 * Date d'échéance d'une facture selon les conditions de paiement (30 jours, 45 jours fin de mois, fin de mois 45 jours…).
 * @customfunction ECHEANCE ECHEANCE
 * @param date_facture Date de la facture (cellule ou plage).
 * @param conditions Conditions de paiement : « comptant », « à réception », « 30 jours » ou 30, « 45 jours fin de mois », « fin de mois 45 jours », « fin de mois + 45 jours », « 30 jours fin de mois le 10 ».
 * @returns Date d'échéance (numéro de série Excel : appliquez un format de date).
 */
export function echeance(date_facture: unknown[][], conditions: unknown[][]): unknown[][] {
  return run(
    [date_facture, conditions],
    ECHEANCE_PARAMS,
    (v) => dateSerial(dueDate(v[0] as EpochDay, v[1] as PaymentTerms), DUE_DATE_PAST),
    { kernel: dueDateKernel, context: undefined },
  );
}


/**
 * Taux de la BCE (opérations principales de refinancement) en vigueur au 1er janvier ou au 1er juillet du semestre de la date.
 * @customfunction TAUX_BCE TAUX_BCE
 * @param date Date dont on veut le taux du semestre.
 * @returns Taux en fraction (0,0215 = 2,15 %).
 */
export function tauxBce(date: unknown[][]): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, (v) => rateFraction(book.rateOn("bce", v[0] as EpochDay)));
}

/**
 * Taux des pénalités de retard par défaut (art. L441-10 C. com.) : taux BCE du semestre + 10 points.
 * @customfunction TAUX_PENALITE TAUX_PENALITE
 * @param date Date dont on veut le taux du semestre.
 * @returns Taux en fraction (0,1215 = 12,15 %).
 */
export function tauxPenalite(date: unknown[][]): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, (v) => rateFraction(penaltyRateOn(book, v[0] as EpochDay)));
}


/**
 * Taux de l'intérêt légal du semestre de la date.
 * @customfunction TAUX_LEGAL TAUX_LEGAL
 * @param date Date dont on veut le taux du semestre.
 * @param [creancier_particulier] VRAI si le créancier est un particulier (hors besoins professionnels) ; FAUX par défaut.
 * @returns Taux en fraction (0,0262 = 2,62 %).
 */
export function tauxLegal(date: unknown[][], creancier_particulier?: unknown[][]): unknown[][] {
  const book = currentRateBook();
  return run([date, creancier_particulier], TAUX_LEGAL_PARAMS, (v) =>
    rateFraction(book.rateOn(v[1] === true ? "legalParticulier" : "legalAutres", v[0] as EpochDay)),
  );
}

/**
 * Taux minimum des pénalités contractuelles (art. L441-10) : trois fois le taux de l'intérêt légal (autres cas).
 * @customfunction TAUX_MINIMUM TAUX_MINIMUM
 * @param date Date dont on veut le taux du semestre.
 * @returns Taux en fraction (0,0786 = 7,86 %).
 */
export function tauxMinimum(date: unknown[][]): unknown[][] {
  const book = currentRateBook();
  return run([date], DATE_ONLY_PARAMS, (v) => rateFraction(minimumContractRate(book, v[0] as EpochDay)));
}


/**
 * Pénalités de retard (art. L441-10 C. com.) : taux BCE + 10 points par semestre, ou le taux contractuel donné.
 * @customfunction PENALITE PENALITE
 * @volatile
 * @param montant Montant TTC restant dû, en euros.
 * @param echeance Date d'échéance de la facture.
 * @param [date_paiement] Date du paiement ; aujourd'hui si omise.
 * @param [taux] Taux contractuel (ex. 12 % ou 0,12) appliqué à toute la période ; BCE + 10 points si omis.
 * @returns Pénalités en euros, arrondies au centime.
 */
export function penalite(montant: unknown[][], echeance: unknown[][], date_paiement?: unknown[][], taux?: unknown[][]): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement, taux],
    PENALITE_PARAMS,
    (v) => euros(penaltyCents(book, v[0] as Cents, v[1] as EpochDay, (v[2] as EpochDay | undefined) ?? today, v[3] as number | undefined)),
    { kernel: penaltyKernel, context: { book, today } },
  );
}


/**
 * Indemnité forfaitaire pour frais de recouvrement (art. D441-5) : 40 € par facture payée en retard.
 * @customfunction INDEMNITE INDEMNITE
 * @volatile
 * @param echeance Date d'échéance de la facture.
 * @param [date_paiement] Date du paiement ; aujourd'hui si omise.
 * @returns 40 si la facture est payée après l'échéance, sinon 0.
 */
export function indemnite(echeance: unknown[][], date_paiement?: unknown[][]): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_paiement],
    INDEMNITE_PARAMS,
    (v) => centsToEuros(indemnityCents(v[0] as EpochDay, (v[1] as EpochDay | undefined) ?? today)),
    { kernel: indemnityKernel, context: { today } },
  );
}


/**
 * Intérêts moratoires dus par un acheteur public (art. R2192-31 CCP) : taux BCE du semestre où ils commencent à courir + 8 points, pour toute la période.
 * @customfunction INTERETS_MORATOIRES INTERETS_MORATOIRES
 * @volatile
 * @param montant Montant TTC restant dû, en euros.
 * @param echeance Date d'échéance (fin du délai de paiement).
 * @param [date_paiement] Date du paiement ; aujourd'hui si omise.
 * @returns Intérêts moratoires en euros, arrondis au centime.
 */
export function interetsMoratoires(montant: unknown[][], echeance: unknown[][], date_paiement?: unknown[][]): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement],
    MORATOIRES_PARAMS,
    (v) => euros(moratoryInterestCents(book, v[0] as Cents, v[1] as EpochDay, (v[2] as EpochDay | undefined) ?? today)),
    { kernel: moratoryKernel, context: { book, today } },
  );
}


/**
 * Intérêts au taux légal depuis la mise en demeure, semestre par semestre ; +5 points après la date de majoration (art. L313-3 CMF).
 * @customfunction INTERETS_LEGAUX INTERETS_LEGAUX
 * @volatile
 * @param montant Somme due, en euros.
 * @param date_debut Date de la mise en demeure (les intérêts courent à partir du lendemain).
 * @param [date_fin] Date de fin du calcul ; aujourd'hui si omise.
 * @param [creancier_particulier] VRAI si le créancier est un particulier ; FAUX par défaut.
 * @param [date_majoration] Date à partir de laquelle le taux est majoré de 5 points (deux mois après la décision exécutoire).
 * @returns Intérêts en euros, arrondis au centime.
 */
export function interetsLegaux(
  montant: unknown[][],
  date_debut: unknown[][],
  date_fin?: unknown[][],
  creancier_particulier?: unknown[][],
  date_majoration?: unknown[][],
): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, date_debut, date_fin, creancier_particulier, date_majoration],
    LEGAUX_PARAMS,
    (v) =>
      euros(
        legalInterestCents(
          book,
          v[0] as Cents,
          v[1] as EpochDay,
          (v[2] as EpochDay | undefined) ?? today,
          v[3] === true,
          v[4] as EpochDay | undefined,
        ),
      ),
    { kernel: legalKernel, context: { book, today } },
  );
}

/**
 * Total dû : montant + pénalités de retard (L441-10) + indemnité forfaitaire de 40 €.
 * @customfunction TOTAL_DU TOTAL_DU
 * @volatile
 * @param montant Montant TTC restant dû, en euros.
 * @param echeance Date d'échéance de la facture.
 * @param [date_paiement] Date du paiement ; aujourd'hui si omise.
 * @param [taux] Taux contractuel des pénalités ; BCE + 10 points si omis.
 * @returns Total en euros, au centime.
 */
export function totalDu(montant: unknown[][], echeance: unknown[][], date_paiement?: unknown[][], taux?: unknown[][]): unknown[][] {
  const book = currentRateBook();
  const today = todayEpochDay();
  return run(
    [montant, echeance, date_paiement, taux],
    PENALITE_PARAMS,
    (v) => {
      const amount = v[0] as Cents;
      const due = v[1] as EpochDay;
      const paid = (v[2] as EpochDay | undefined) ?? today;
      const penalty = penaltyCents(book, amount, due, paid, v[3] as number | undefined);
      if (penalty instanceof MissingRate) return euros(penalty);
      return centsToEuros(amount + penalty + indemnityCents(due, paid));
    },
    { kernel: totalDueKernel, context: { book, today } },
  );
}


/**
 * Tranche d'ancienneté d'une facture : « Non échu », « 1-30 j », « 31-60 j », « 61-90 j », « > 90 j ».
 * @customfunction TRANCHE TRANCHE
 * @volatile
 * @param echeance Date d'échéance de la facture.
 * @param [date_reference] Date de la balance ; aujourd'hui si omise.
 * @param [bornes] Bornes des tranches en jours, croissantes (30 ; 60 ; 90 par défaut).
 * @returns Libellé de la tranche.
 */
export function tranche(echeance: unknown[][], date_reference?: unknown[][], bornes?: unknown[][]): unknown[][] {
  const bounds = readBounds(bornes);
  if (bounds instanceof Problem) throw toExcelError(bounds);
  const labels = bucketLabels(bounds);
  const today = todayEpochDay();
  return run(
    [echeance, date_reference],
    TRANCHE_PARAMS,
    (v) => {
      const reference = (v[1] as EpochDay | undefined) ?? today;
      return labels[bucketIndex(reference - (v[0] as EpochDay), bounds)];
    },
    { kernel: bucketKernel, context: { today, bounds }, labels },
  );
}

/**
 * Balance âgée : total des montants par tranche d'ancienneté, et total général.
 * @customfunction BALANCE_AGEE BALANCE_AGEE
 * @volatile
 * @param montants Montants restant dus, en euros (colonne).
 * @param echeances Dates d'échéance (même taille que montants).
 * @param [date_reference] Date de la balance ; aujourd'hui si omise.
 * @param [bornes] Bornes des tranches en jours (30 ; 60 ; 90 par défaut).
 * @returns Tableau : tranche, montant ; dernière ligne « Total ».
 */
export function balanceAgee(montants: unknown[][], echeances: unknown[][], date_reference?: unknown[][], bornes?: unknown[][]): unknown[][] {
  const bounds = readBounds(bornes);
  if (bounds instanceof Problem) throw toExcelError(bounds);
  const reference = readSingleDate(date_reference, "date_reference", todayEpochDay());
  if (reference instanceof Problem) throw toExcelError(reference);
  const table = agingTable(montants, echeances, reference, bounds);
  if (table instanceof Problem) throw toExcelError(table);
  return table;
}



/**
 * Étape de relance due selon le scénario par défaut : préventive à J-5, relances à J+1, J+15, J+30, mise en demeure à J+45, action judiciaire à J+60.
 * @customfunction ETAPE ETAPE
 * @volatile
 * @param echeance Date d'échéance de la facture.
 * @param [date_reference] Date du jour de relance ; aujourd'hui si omise.
 * @param [derniere_etape] Dernière étape déjà faite : l'étape due ne la dépasse que d'un cran.
 * @returns Libellé de l'étape due.
 */
export function etape(echeance: unknown[][], date_reference?: unknown[][], derniere_etape?: unknown[][]): unknown[][] {
  const today = todayEpochDay();
  return run(
    [echeance, date_reference, derniere_etape],
    ETAPE_PARAMS,
    (v) => {
      const reference = (v[1] as EpochDay | undefined) ?? today;
      const index = stepIndexDue(DEFAULT_SCENARIO, reference - (v[0] as EpochDay), v[2] as number | undefined);
      return stepLabel(DEFAULT_SCENARIO, index);
    },
    { kernel: stepKernel, context: { today }, labels: STEP_LABELS },
  );
}


/**
 * Date de prescription de la créance : échéance + 5 ans (commerçants, L110-4 C. com.), + 2 ans si le débiteur est un consommateur (L218-2 C. consom.).
 * @customfunction PRESCRIPTION PRESCRIPTION
 * @param echeance Date d'échéance (ou du dernier acte interruptif : reconnaissance, paiement partiel, assignation).
 * @param [debiteur_particulier] VRAI si le débiteur est un consommateur ; FAUX par défaut.
 * @returns Date de prescription (numéro de série Excel : appliquez un format de date).
 */
export function prescription(echeance: unknown[][], debiteur_particulier?: unknown[][]): unknown[][] {
  return run(
    [echeance, debiteur_particulier],
    PRESCRIPTION_PARAMS,
    (v) => dateSerial(prescriptionDay(v[0] as EpochDay, v[1] === true), PRESCRIPTION_PAST),
    { kernel: prescriptionKernel, context: undefined },
  );
}



/**
 * Délai moyen de paiement clients (DSO), méthode simple : encours / chiffre d'affaires × jours.
 * @customfunction DSO DSO
 * @param encours Encours clients TTC à la date d'arrêté.
 * @param chiffre_affaires Chiffre d'affaires TTC de la période.
 * @param [jours] Nombre de jours de la période ; 365 par défaut.
 * @returns DSO en jours.
 */
export function dso(encours: unknown[][], chiffre_affaires: unknown[][], jours?: unknown[][]): unknown[][] {
  return run([encours, chiffre_affaires, jours], DSO_PARAMS, (v) => {
    const revenue = v[1] as number;
    const days = (v[2] as number | undefined) ?? 365;
    if (revenue <= 0) return valueProblem(message("dso.revenueNotPositive", { name: "chiffre_affaires" }));
    if (!Number.isInteger(days)) return valueProblem(message("dso.daysNotWhole", { name: "jours" }));
    const result = dsoSimple(v[0] as number, revenue, days);
    // 1e308 / 1e-300 overflows: never hand Excel Infinity.
    return Number.isFinite(result) ? result : valueProblem(message("dso.outOfRange"));
  });
}
