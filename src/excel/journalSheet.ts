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
    tableHasLayout = sameHeaders(JOURNAL_LAYOUT, header.values[0]);
    return { headers: header.values[0], rows: body.values, firstRowNumber: body.rowIndex + 1 };
  });
}

/**
 * Whether this runtime has seen the journal table with every column of the
 * current layout (read, created or extended here). Layouts only grow, so
 * once seen the table needs no header read before an append.
 */
let tableHasLayout = false;

function sameHeaders(layout: JournalLayout, headers: readonly unknown[]): boolean {
  const { added, source } = tableColumnsFor(layout, headers);
  return added.length === 0 && source.every((from, i) => from === i);
}

/**
 * Appends rows (already converted by the core: euros as numbers, dates as
 * serials, user text protected against formula injection). Creates the sheet
 * and the table on first use.
 *
 * Two syncs when the table is known to have the current layout (the usual
 * case: the pane read it on opening), whatever the number of rows or the size
 * of the journal: one to learn whether the table exists, one to write.
 * Nothing of the journal is read back (at 5,000 rows that read was most of
 * the cost of recording a step). A table of an earlier layout, or whose
 * columns the user moved, costs one more: its headers are read, the missing
 * columns added at its end, and each cell goes to the column of its header.
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
    } else if (tableHasLayout) {
      appendAtEnd(table, rows as unknown as string[][], formats);
    } else {
      const headerRow = table.getHeaderRowRange().load("values");
      await context.sync();
      const { added, source } = tableColumnsFor(layout, headerRow.values[0]);
      for (const header of added) table.columns.add(undefined, undefined, header);
      const placed = rows.map((row) => source.map((from) => (from < 0 ? "" : row[from])));
      const rowFormats = source.map((from) => (from < 0 ? "General" : layout.numberFormats[from]));
      appendAtEnd(table, placed as unknown as string[][], rows.map(() => rowFormats));
    }
    await context.sync();
    tableHasLayout = true;
  });
}

/** Adds rows at the table's end and formats them, without reading where they start. */
function appendAtEnd(table: Excel.Table, rows: string[][], formats: string[][]): void {
  table.rows.add(undefined, rows);
  const added = table.getDataBodyRange().getLastRow().getOffsetRange(1 - rows.length, 0).getResizedRange(rows.length - 1, 0);
  added.numberFormat = formats;
}
