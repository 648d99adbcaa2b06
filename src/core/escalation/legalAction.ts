/**
 * Which procedure to suggest once the amicable phase has failed (FACTS.md §7).
 *
 * Up to 5,000 EUR in principal and interest: the procédure simplifiée de
 * recouvrement des petites créances, run by a commissaire de justice (CPCE
 * L125-1, R125-1 s.); before the tribunal judiciaire such claims also need a
 * prior amicable attempt (CPC 750-1). Above: the injonction de payer (CPC
 * 1405-1425). The 40 EUR recovery indemnity is not interest: it is left out
 * of the threshold.
 */
import { formatCentsFr, type Cents } from "../money";
import { PROCEDURE_LABELS, type Procedure } from "./journal";

/** 5,000 EUR: the small-claims ceiling, principal and interest (R125-1 CPCE). */
export const SMALL_CLAIMS_LIMIT_CENTS: Cents = 500_000;

export type ProcedureSuggestion =
  | {
      readonly procedure: Extract<Procedure, "petitesCreances" | "injonctionDePayer">;
      readonly label: string;
      /** Principal + interest compared with the ceiling. */
      readonly basis: Cents;
      readonly explanation: string;
    }
  | {
      /** Interest unknown (a missing rate) and principal under the ceiling: no guess. */
      readonly procedure: undefined;
      readonly basis: Cents;
      readonly explanation: string;
    };

/**
 * @param principal amount still owed
 * @param interest penalties or interest owed, undefined when a rate is missing
 */
export function suggestProcedure(principal: Cents, interest: Cents | undefined): ProcedureSuggestion {
  const limit = formatCentsFr(SMALL_CLAIMS_LIMIT_CENTS);
  if (interest === undefined && principal <= SMALL_CLAIMS_LIMIT_CENTS) {
    return {
      procedure: undefined,
      basis: principal,
      explanation:
        `Principal de ${formatCentsFr(principal)} : avec les intérêts, la créance peut dépasser ${limit} ; ` +
        "saisissez le taux manquant pour savoir quelle procédure s'applique.",
    };
  }
  const basis = principal + (interest ?? 0);
  if (basis <= SMALL_CLAIMS_LIMIT_CENTS) {
    return {
      procedure: "petitesCreances",
      label: PROCEDURE_LABELS.petitesCreances,
      basis,
      explanation:
        `${formatCentsFr(basis)} en principal et intérêts, au plus ${limit} : ${PROCEDURE_LABELS.petitesCreances} ` +
        "par un commissaire de justice (art. L125-1 CPCE) ; le débiteur a un mois pour répondre, l'accord donne un titre exécutoire, " +
        "les frais restent à votre charge. Devant le tribunal judiciaire, une tentative amiable préalable est exigée (art. 750-1 CPC).",
    };
  }
  return {
    procedure: "injonctionDePayer",
    label: PROCEDURE_LABELS.injonctionDePayer,
    basis,
    explanation:
      `${formatCentsFr(basis)} en principal et intérêts, plus de ${limit} : ${PROCEDURE_LABELS.injonctionDePayer} ` +
      "(art. 1405 s. CPC) devant le tribunal du domicile du débiteur — Cerfa 12946 (tribunal de commerce) ou 12948 (tribunal judiciaire) ; " +
      "l'ordonnance doit être signifiée dans les 6 mois.",
  };
}
