/**
 * French reasons given when a number or a date of the list cannot be read
 * (cells.ts, columnReaders.ts). Like every cell reason, they never quote the
 * value: the pane shows it next to them.
 */
import type { CivilParts } from "./dateText";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

export const READING_FR = {
  amountExpected: "montant attendu",
  dateExpected: "une date est attendue",
  dateOutOfRange: "date hors de la plage 01/01/1900 - 31/12/9999",
  amountUnreadable: "montant illisible",
  amountNotCents: "montant qui n'est pas au centime près (arrondissez-le)",
  amountTooLarge: "montant trop élevé (100 milliards d'euros au plus)",
  amountAmbiguous:
    "montant ambigu : le point ou la virgule suivi de 3 chiffres sépare les milliers ou les décimales, et aucune autre valeur de la colonne ne tranche ; écrivez 12500 ou 12,50",
  amountAmbiguousMixed:
    "montant ambigu : la colonne emploie à la fois le point et la virgule comme séparateur décimal ; écrivez ce montant sans séparateur de milliers",
  amountNegative: "montant négatif : un avoir n'est pas une créance à relancer ; imputez-le sur la facture concernée",
  // Unchanged wording (tests and users know it); AAAAMMJJ is read as well.
  dateUnreadable: "date illisible : attendu jj/mm/aaaa ou aaaa-mm-jj (années sur 4 chiffres)",
  dateAmbiguousMixed:
    "date ambiguë : la colonne contient des dates jour/mois (25/08) et mois/jour (08/25) ; écrivez celle-ci sous la forme aaaa-mm-jj",
  /** A column notice: ambiguous dates read the French way because nothing else decides. */
  dateColumnUndecided: (count: number) =>
    `${count} date(s) comme 03/04/2025 peuvent se lire jour/mois ou mois/jour, et aucune date de la colonne ne tranche : lues jour/mois (usage français) ; vérifiez-les`,
  dateColumnMonthFirst: "dates lues mois/jour (format américain) : la colonne contient des dates comme 8/25/2013",
  dateColumnMixed: "la colonne mélange des dates jour/mois et mois/jour : les dates ambiguës sont refusées",
  amountColumnMixed: "la colonne mélange le point et la virgule comme séparateur décimal : les montants ambigus sont refusés",
};

/** « le 31 février 2025 n'existe pas », distinct from an unreadable text. */
export function nonexistentDateFr(parts: CivilParts): string {
  if (parts.month < 1 || parts.month > 12) return `date inexistante : il n'y a pas de mois ${parts.month}`;
  return `le ${parts.day === 1 ? "1er" : parts.day} ${MONTHS[parts.month - 1]} ${parts.year} n'existe pas`;
}
