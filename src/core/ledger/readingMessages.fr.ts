/**
 * French reasons given when a number or a date of the list cannot be read
 * (cells.ts, columnReaders.ts). Like every cell reason, they never quote the
 * value: the pane shows it next to them.
 */
import { MONTHS_FR } from "../calendar";
import type { CivilParts } from "./dateText";


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
  return `le ${parts.day === 1 ? "1er" : parts.day} ${MONTHS_FR[parts.month - 1]} ${parts.year} n'existe pas`;
}

/** « lignes 1, 3 » / « lignes 1 à 5 »: sheet rows, runs collapsed. */
function rowList(rows: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j > i ? `${rows[i]} à ${rows[j]}` : String(rows[i]));
    i = j;
  }
  return `${rows.length > 1 ? "lignes" : "ligne"} ${runs.join(", ")}`;
}

/** Rows above the header row (a title, a company name), ignored. */
export function rowsAboveHeaderFr(rows: readonly number[], headerRow: number): string {
  return `${rowList(rows)} ignorée${rows.length > 1 ? "s" : ""} : au-dessus de la ligne d'en-tête (ligne ${headerRow})`;
}

const SUBTOTALS_SHOWN = 20;

/** Subtotal rows skipped, each with its label. */
export function subtotalsFr(rows: ReadonlyArray<{ readonly sheetRow: number; readonly label: string }>): string {
  const shown = rows.slice(0, SUBTOTALS_SHOWN).map((row) => `ligne ${row.sheetRow} (« ${row.label} »)`);
  const more = rows.length > SUBTOTALS_SHOWN ? ` et ${rows.length - SUBTOTALS_SHOWN} autre(s)` : "";
  return `${rows.length} ligne(s) de total ignorée(s), ce ne sont pas des factures : ${shown.join(", ")}${more}`;
}

/** A column's notice, prefixed with its header. */
export function columnNoticeFr(notice: { readonly column: string; readonly notice: string }): string {
  return `Colonne « ${notice.column} » : ${notice.notice}`;
}
