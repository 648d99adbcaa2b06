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
 * one rows.add. Round trips: 2 on a first import, 3 on a re-import, whatever
 * the number of rows. Nothing else in the workbook is touched (the journal
 * above all).
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
      const values = [plan.header as string[], ...(plan.additions as unknown as string[][])];
      const formats = creancesFormats(plan.header) as string[];
      const range = sheet.getRangeByIndexes(0, 0, values.length, plan.header.length);
      // Formats before values: a date serial shows as a date from the start.
      range.numberFormat = values.map((_, i) => (i === 0 ? plan.header.map(() => "General") : formats));
      range.values = values;
      const table = sheet.tables.add(range, true);
      table.name = CREANCES_TABLE_NAME;
      table.style = TABLE_STYLE;
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
        rows: plan.additions.length,
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
    const formats = creancesFormats(plan.header);
    const existingCount = existing.rows.length;
    if (existingCount > 0) {
      const range = sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, existingCount, width);
      range.numberFormat = plan.updates.map(() => formats) as string[][];
      range.values = plan.updates as unknown as string[][];
    }
    let additions = plan.additions as unknown as string[][];
    const firstNewRow = body.rowIndex + existingCount;
    if (blankOnly && additions.length > 0) {
      const first = sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, width);
      first.numberFormat = [formats as string[]];
      first.values = [additions[0]];
      additions = additions.slice(1);
    }
    if (additions.length > 0) {
      found.rows.add(undefined, additions);
      const start = blankOnly ? firstNewRow + 1 : firstNewRow;
      sheet.getRangeByIndexes(start, body.columnIndex, additions.length, width).numberFormat = additions.map(() => formats) as string[][];
    }
    sheet.activate();
    sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, 1).select();
    await sync();
    const rows = Math.max(existingCount + plan.additions.length, blankOnly ? 1 : 0);
    return {
      sheetName: sheet.name,
      action: "refreshed",
      defaultNameTaken: sheet.name !== CREANCES_SHEET_NAME && sheets.items.some((item) => item.name.toLocaleLowerCase("fr") === CREANCES_SHEET_NAME.toLocaleLowerCase("fr")),
      defaultName: CREANCES_SHEET_NAME,
      report: plan.report,
      rows,
      syncs,
    };
  });
}
