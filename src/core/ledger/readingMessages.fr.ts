/**
 * French notices about a whole column of the list and its skipped rows
 * (columnReaders.ts, listAnalysis.ts). The reasons a single cell cannot be
 * read are message codes (core/messages, cell.*), in French and English.
 */
import { message, textOf, type Message } from "../messages";

const fr = (said: Message) => textOf(said, "fr");

export const READING_FR = {
  /** A column notice: ambiguous dates read the French way because nothing else decides. */
  dateColumnUndecided: (count: number) => fr(message("column.datesUndecided", { count })),
  dateColumnMonthFirst: fr(message("column.datesMonthFirst")),
  dateColumnMixed: fr(message("column.datesMixed")),
  amountColumnMixed: fr(message("column.amountsMixed")),
};

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
