/**
 * The audit journal as an Excel table on its own sheet. Rows are only ever
 * appended; the pane rebuilds every case from them, so the workbook stays the
 * single source of truth (close the pane, reopen the file on another PC:
 * nothing is lost).
 */

import { JOURNAL_COLUMNS, JOURNAL_SHEET_NAME, type JournalColumnKind } from "../core/escalation/journalRows";

export const JOURNAL_SHEET = JOURNAL_SHEET_NAME;
export const JOURNAL_TABLE = "RecouvreJournal";

export interface JournalLayout {
  readonly headers: readonly string[];
  /**
   * One Excel number format per column, in Office.js's invariant syntax
   * (Range.numberFormat): '#,##0.00 "€"' shows as « 1 234,56 € » in a French
   * Excel.
   */
  readonly numberFormats: readonly string[];
}

/**
 * Text columns stay "General": user text arrives marked with Excel's leading
 * apostrophe (core: asLiteralText), which keeps "=…" as text. A "@" format
 * would make Excel store that apostrophe as part of the text.
 */
const FORMAT_BY_KIND: Readonly<Record<JournalColumnKind, string>> = {
  text: "General",
  json: "General",
  date: "dd/mm/yyyy",
  euros: '#,##0.00 "€"',
};

/** The journal table's columns, from the core's layout. */
export const JOURNAL_LAYOUT: JournalLayout = {
  headers: JOURNAL_COLUMNS.map((column) => column.header),
  numberFormats: JOURNAL_COLUMNS.map((column) => FORMAT_BY_KIND[column.kind]),
};

export interface JournalTableContent {
  readonly headers: readonly unknown[];
  readonly rows: unknown[][];
  /** 1-based Excel row number of rows[0], so a damaged row is named by its real row. */
  readonly firstRowNumber: number;
}

/** Reads the whole journal table; no table yet: no rows. Blank rows are left to the core to skip. */
export async function readJournalRows(): Promise<JournalTableContent | undefined> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(JOURNAL_TABLE);
    await context.sync();
    if (table.isNullObject) return undefined;
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values,rowIndex");
    await context.sync();
    return { headers: header.values[0], rows: body.values, firstRowNumber: body.rowIndex + 1 };
  });
}

/**
 * Appends rows (already converted by the core: euros as numbers, dates as
 * serials, user text protected against formula injection). Creates the sheet
 * and the table on first use. Two syncs, whatever the number of rows or the
 * size of the journal: one to learn whether the table exists, one to write.
 * Nothing of the journal is read back (at 5,000 rows that read was most of
 * the cost of recording a step). A table the user emptied keeps Excel's blank
 * first row above the new ones; the core skips blank rows.
 */
export async function appendJournalRows(layout: JournalLayout, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const width = layout.headers.length;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`Ligne de journal de ${row.length} colonnes au lieu de ${width}`);
  }
  const formats = rows.map(() => layout.numberFormats as string[]);
  await Excel.run(async (context) => {
    const workbook = context.workbook;
    const table = workbook.tables.getItemOrNullObject(JOURNAL_TABLE);
    const sheet = workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
    await context.sync();

    if (table.isNullObject) {
      // Header and rows written together, then made a table: no blank row to fill afterwards.
      const target = sheet.isNullObject ? workbook.worksheets.add(JOURNAL_SHEET) : sheet;
      const range = target.getRangeByIndexes(0, 0, rows.length + 1, width);
      range.numberFormat = [layout.headers.map(() => "General"), ...formats];
      range.values = [layout.headers as string[], ...(rows as unknown as string[][])];
      const created = target.tables.add(range, true);
      created.name = JOURNAL_TABLE;
    } else {
      table.rows.add(undefined, rows as unknown as string[][]);
      // The rows just added are the body's last ones: formatted without knowing where they start.
      const added = table.getDataBodyRange().getLastRow().getOffsetRange(1 - rows.length, 0).getResizedRange(rows.length - 1, 0);
      added.numberFormat = formats;
    }
    await context.sync();
  });
}
