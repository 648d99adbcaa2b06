/**
 * The « Créances » sheet: the open items of an import, as one Excel table
 * (RecouvreCreances) that the rest of Recouvre reads like any invoice list.
 *
 * The table's name, not the sheet's, says which sheet is the add-in's: it is
 * saved in the file and follows the sheet when the user renames or moves it.
 * A sheet of the user's already called « Créances » is never touched.
 *
 * What to write is planned by the core (core/books/reimport.ts); here it is
 * only written: the existing rows in one write of the table's values (null
 * cells leave the user's cells, formulas included, as they are), new rows in
 * one rows.add, one number format per column. Round trips: 2 on a first
 * import, 3 on a re-import, plus one per further ROWS_PER_WRITE rows (Excel
 * on the web caps a request at 5 MB). Nothing else in the workbook is
 * touched (the journal above all).
 */
import {
  CREANCES_SHEET_NAME,
  CREANCES_TABLE_NAME,
  cellText,
  creancesFormats,
  creancesSheetName,
} from "../core/books/creancesTable";
import { planReimport, type ExistingCreances, type ReimportInput, type ReimportReport } from "../core/books/reimport";

export interface CreancesWriteResult {
  readonly sheetName: string;
  readonly action: "created" | "refreshed";
  /** True when a sheet of the user's is called « Créances »: left alone, the table went to `sheetName`. */
  readonly defaultNameTaken: boolean;
  readonly defaultName: string;
  readonly report: ReimportReport;
  /** Rows in the table after the import. */
  readonly rows: number;
  /** context.sync() calls made. */
  readonly syncs: number;
}

export type CreancesImport = Omit<ReimportInput, "existing">;

const TABLE_STYLE = "TableStyleMedium2";

/** Shows the « Créances » table and selects its first cell, so that « Analyser la sélection » reads it. False when there is none. */
export async function selectCreancesTable(): Promise<boolean> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(CREANCES_TABLE_NAME);
    await context.sync();
    if (table.isNullObject) return false;
    table.worksheet.activate();
    table.getDataBodyRange().getCell(0, 0).select();
    await context.sync();
    return true;
  });
}

/** The « Créances » table as it is (header and body values), or undefined before the first import. 2 syncs. */
export async function readCreancesTable(): Promise<ExistingCreances | undefined> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(CREANCES_TABLE_NAME);
    await context.sync();
    if (table.isNullObject) return undefined;
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    return { header: header.values[0], rows: body.values };
  });
}

/**
 * Rows per write request. Excel on the web refuses a request over 5 MB: a
 * row of the table is a few hundred bytes, so 2,000 rows stay well under it;
 * a larger import takes one more round trip per 2,000 rows.
 */
export const ROWS_PER_WRITE = 2000;

/**
 * One number format per managed column, set once over the column's rows (a
 * single value for a whole range: Office.js applies it to every cell, as it
 * does for values), instead of a matrix as large as the table.
 */
function formatColumns(sheet: Excel.Worksheet, firstRow: number, firstColumn: number, rowCount: number, formats: ReadonlyArray<string | null>): void {
  if (rowCount <= 0) return;
  formats.forEach((format, i) => {
    if (format !== null) sheet.getRangeByIndexes(firstRow, firstColumn + i, rowCount, 1).numberFormat = format as unknown as string[][];
  });
}

export async function importIntoCreances(input: CreancesImport): Promise<CreancesWriteResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const found = workbook.tables.getItemOrNullObject(CREANCES_TABLE_NAME);
    await sync();

    if (found.isNullObject) {
      const plan = planReimport({ ...input, existing: undefined });
      const choice = creancesSheetName(sheets.items.map((sheet) => sheet.name));
      const sheet = sheets.add(choice.name);
      const width = plan.header.length;
      const rows = plan.additions as unknown as string[][];
      // The body first, in requests of ROWS_PER_WRITE rows; the table over it in the last one.
      sheet.getRangeByIndexes(0, 0, 1, width).values = [plan.header as string[]];
      for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
        if (start > 0) await sync();
        const chunk = rows.slice(start, start + ROWS_PER_WRITE);
        sheet.getRangeByIndexes(1 + start, 0, chunk.length, width).values = chunk;
      }
      const range = sheet.getRangeByIndexes(0, 0, rows.length + 1, width);
      const table = sheet.tables.add(range, true);
      table.name = CREANCES_TABLE_NAME;
      table.style = TABLE_STYLE;
      formatColumns(sheet, 1, 0, Math.max(rows.length, 1), creancesFormats(plan.header));
      sheet.freezePanes.freezeRows(1);
      range.format.autofitColumns();
      sheet.activate();
      // A cell of the table: « Analyser la sélection » reads it right away.
      sheet.getRange("A2").select();
      await sync();
      return {
        sheetName: choice.name,
        action: "created",
        defaultNameTaken: choice.defaultTaken,
        defaultName: CREANCES_SHEET_NAME,
        report: plan.report,
        rows: rows.length,
        syncs,
      };
    }

    const sheet = found.worksheet.load("name");
    const header = found.getHeaderRowRange().load("values");
    const body = found.getDataBodyRange().load("values,rowIndex,columnIndex");
    await sync();

    // An emptied table keeps one blank row: it takes the first new row.
    const blankOnly = body.values.length === 1 && body.values[0].every((cell) => cellText(cell) === "");
    const existing: ExistingCreances = { header: header.values[0], rows: blankOnly ? [] : body.values };
    const plan = planReimport({ ...input, existing });
    for (const name of plan.appendedHeaders) found.columns.add(undefined, undefined, name);
    const width = plan.header.length;
    const updates = plan.updates as unknown as string[][];
    let additions = plan.additions as unknown as string[][];
    // Requests of ROWS_PER_WRITE rows; the last one goes with the formats and the selection.
    let pending = 0;
    const queued = async (rowCount: number) => {
      if (pending > 0 && pending + rowCount > ROWS_PER_WRITE) {
        await sync();
        pending = 0;
      }
      pending += rowCount;
    };
    for (let start = 0; start < updates.length; start += ROWS_PER_WRITE) {
      const chunk = updates.slice(start, start + ROWS_PER_WRITE);
      await queued(chunk.length);
      sheet.getRangeByIndexes(body.rowIndex + start, body.columnIndex, chunk.length, width).values = chunk;
    }
    if (blankOnly && additions.length > 0) {
      sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, width).values = [additions[0]];
      additions = additions.slice(1);
    }
    for (let start = 0; start < additions.length; start += ROWS_PER_WRITE) {
      const chunk = additions.slice(start, start + ROWS_PER_WRITE);
      await queued(chunk.length);
      found.rows.add(undefined, chunk);
    }
    const rows = Math.max(existing.rows.length + plan.additions.length, 1);
    formatColumns(sheet, body.rowIndex, body.columnIndex, rows, creancesFormats(plan.header));
    sheet.activate();
    sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, 1).select();
    await sync();
    return {
      sheetName: sheet.name,
      action: "refreshed",
      defaultNameTaken: sheet.name !== CREANCES_SHEET_NAME && sheets.items.some((item) => item.name.toLocaleLowerCase("fr") === CREANCES_SHEET_NAME.toLocaleLowerCase("fr")),
      defaultName: CREANCES_SHEET_NAME,
      report: plan.report,
      rows: existing.rows.length + plan.additions.length,
      syncs,
    };
  });
}
