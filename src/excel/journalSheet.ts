/**
 * The audit journal as an Excel table on its own sheet. Rows are only ever
 * appended; the pane rebuilds every case from them, so the workbook stays the
 * single source of truth (close the pane, reopen the file on another PC:
 * nothing is lost).
 */

export const JOURNAL_SHEET = "Journal des relances";
export const JOURNAL_TABLE = "RecouvreJournal";

export interface JournalLayout {
  readonly headers: readonly string[];
  /** One Excel number format per column ("@" for text, dates, "# ##0,00 €"). */
  readonly numberFormats: readonly string[];
}

/** Reads every data row of the journal table; [] when the journal does not exist yet. */
export async function readJournalRows(): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(JOURNAL_TABLE);
    await context.sync();
    if (table.isNullObject) return [];
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    const rows = body.values;
    // A fresh table has one blank data row: it is not an entry.
    return rows.filter((row) => row.some((cell) => cell !== "" && cell !== null));
  });
}

/**
 * Appends rows (already converted by the core: euros as numbers, dates as
 * serials, user text protected against formula injection). Creates the sheet
 * and the table on first use. Three syncs, whatever the number of rows.
 */
export async function appendJournalRows(layout: JournalLayout, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const width = layout.headers.length;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`Ligne de journal de ${row.length} colonnes au lieu de ${width}`);
  }
  await Excel.run(async (context) => {
    const workbook = context.workbook;
    let table = workbook.tables.getItemOrNullObject(JOURNAL_TABLE);
    const sheet = workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
    await context.sync();

    let emptyFirstRow = false;
    if (table.isNullObject) {
      const target = sheet.isNullObject ? workbook.worksheets.add(JOURNAL_SHEET) : sheet;
      const headerRange = target.getRangeByIndexes(0, 0, 1, width);
      headerRange.values = [layout.headers as string[]];
      table = target.tables.add(headerRange, true);
      table.name = JOURNAL_TABLE;
      emptyFirstRow = true;
    }
    const before = table.getRange().load("rowIndex,columnIndex,rowCount");
    const body = table.getDataBodyRange().load("values");
    await context.sync();

    // A table just created (or emptied) holds one blank row: fill it instead of leaving a gap.
    const blankFirst = emptyFirstRow || (body.values.length === 1 && body.values[0].every((cell) => cell === ""));
    const firstIndex = blankFirst ? before.rowIndex + 1 : before.rowIndex + before.rowCount;
    const worksheet = table.worksheet;
    const formats = rows.map(() => layout.numberFormats as string[]);
    // User text reaches here already protected (core: asLiteralText), so the
    // order of values and formats does not decide whether "=…" stays text.
    if (blankFirst) {
      const first = worksheet.getRangeByIndexes(firstIndex, before.columnIndex, 1, width);
      first.numberFormat = [layout.numberFormats as string[]];
      first.values = [rows[0] as unknown as string[]];
      if (rows.length > 1) table.rows.add(undefined, rows.slice(1) as unknown as string[][]);
    } else {
      table.rows.add(undefined, rows as unknown as string[][]);
    }
    worksheet.getRangeByIndexes(firstIndex, before.columnIndex, rows.length, width).numberFormat = formats;
    await context.sync();
  });
}
