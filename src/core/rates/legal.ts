/**
 * Taux de l'intérêt légal, per semester, in basis points.
 *
 * Column (a): the creditor is a private person not acting for business.
 * Column (b): all other cases (the one a business creditor uses).
 * The figures are data: data/legal.json, one row per semester with the
 * arrêté it comes from and its publication date in the Journal officiel.
 */
import legalTable from "./data/legal.json";

export const LEGAL_SEMESTER_BP: Readonly<Record<string, { readonly particulier: number; readonly autres: number }>> = Object.fromEntries(
  legalTable.lignes.map((row) => [row.semestre, { particulier: row.particulier, autres: row.autres }]),
);
