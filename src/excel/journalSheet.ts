/**
 * The audit journal as an Excel table on its own sheet. Rows are only ever
 * appended; the pane rebuilds every case from them, so the workbook stays the
 * single source of truth (close the pane, reopen the file on another PC:
 * nothing is lost).
 */

import type { JournalEntry } from "../core/escalation/journal";
import { entryToRow, JOURNAL_COLUMNS, JOURNAL_SHEET_NAME, literalRow, type JournalColumnKind } from "../core/escalation/journalRows";
import type { Scenario } from "../core/escalation/scenario";
import { normalizeWords } from "../core/text";

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
  dateTime: "dd/mm/yyyy hh:mm:ss",
  euros: '#,##0.00 "€"',
};

/** Minutes this runtime's time zone is ahead of UTC at an instant (Paris in summer: 120). */
export const localUtcOffset = (instantMs: number): number => -new Date(instantMs).getTimezoneOffset();

/** Entries as rows ready for appendJournalRows: « Horodatage » in the user's time zone, text kept as text. */
export function journalRowsOf(entries: readonly JournalEntry[], scenario?: Scenario): Array<Array<string | number>> {
  return entries.map((entry) => literalRow(entryToRow(entry, scenario, { utcOffsetMinutes: localUtcOffset })));
}

/**
 * Where each of the table's columns takes its cell in a layout row: a table
 * written by an earlier layout (or whose columns the user moved, or to which
 * they added their own) keeps its order; columns the layout has and the
 * table lacks are added at its end (`added`).
 */
export function tableColumnsFor(layout: JournalLayout, tableHeaders: readonly unknown[]): { added: string[]; source: number[] } {
  const wanted = layout.headers.map((header) => normalizeWords(header));
  const present = tableHeaders.map((header) => normalizeWords(String(header ?? "")));
  const added = layout.headers.filter((_, i) => !present.includes(wanted[i]));
  const source = [...present, ...added.map((header) => normalizeWords(header))].map((key) => wanted.indexOf(key));
  return { added, source };
}

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
 * and the table on first use; a table of an earlier layout gains the missing
 * columns at its end and gets each cell in the column of the same header.
 * Three syncs, whatever the number of rows.
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
    const headerRow = emptyFirstRow ? undefined : table.getHeaderRowRange().load("values");
    await context.sync();

    const { added, source } = tableColumnsFor(layout, headerRow ? headerRow.values[0] : layout.headers);
    for (const header of added) table.columns.add(undefined, undefined, header);
    const tableWidth = source.length;
    const placed = rows.map((row) => source.map((from) => (from < 0 ? "" : row[from])));
    const rowFormats = source.map((from) => (from < 0 ? "General" : layout.numberFormats[from]));

    // A table just created (or emptied) holds one blank row: fill it instead of leaving a gap.
    const blankFirst = emptyFirstRow || (body.values.length === 1 && body.values[0].every((cell) => cell === ""));
    const firstIndex = blankFirst ? before.rowIndex + 1 : before.rowIndex + before.rowCount;
    const worksheet = table.worksheet;
    const formats = rows.map(() => rowFormats);
    // User text reaches here already protected (core: asLiteralText), so the
    // order of values and formats does not decide whether "=…" stays text.
    if (blankFirst) {
      const first = worksheet.getRangeByIndexes(firstIndex, before.columnIndex, 1, tableWidth);
      first.numberFormat = [rowFormats];
      first.values = [placed[0] as unknown as string[]];
      if (rows.length > 1) table.rows.add(undefined, placed.slice(1) as unknown as string[][]);
    } else {
      table.rows.add(undefined, placed as unknown as string[][]);
    }
    worksheet.getRangeByIndexes(firstIndex, before.columnIndex, rows.length, tableWidth).numberFormat = formats;
    await context.sync();
  });
}
