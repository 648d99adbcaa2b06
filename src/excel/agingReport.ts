/**
 * The "Balance âgée" sheet: created, or refreshed in place, from a report
 * laid out by the core (core/report/sheetLayout.ts).
 *
 * Which sheet is the add-in's: the one holding the Excel table
 * RecouvreBalanceAgee. A table name is saved in the file, is unique in the
 * workbook and follows the sheet when the user renames or moves it, whereas
 * Worksheet.id changes from one session to the next. A sheet of the user's
 * called "Balance âgée" has no such table: it is never touched, and a new
 * sheet "Balance âgée (Recouvre)" (then "… 2", "… 3") receives the report.
 * The result says so.
 *
 * Refresh replaces the content of the add-in's sheet (cells, formats,
 * conditional formats, tables, charts) and keeps the sheet itself: its name,
 * its place among the tabs, and references to it from other sheets.
 *
 * Round trips, whatever the number of clients or invoices: one to find the
 * sheet, one more on a refresh to list what is on it, and the final one that
 * writes everything. 2 syncs to create, 3 to refresh.
 */
import type { AgingReport } from "../core/report/agingReport";
import { REPORT_SHEET_NAME, REPORT_TABLE_NAME, reportSheetLayout, reportSheetName, type CellRange, type ReportSheetLayout } from "../core/report/sheetLayout";

export interface AgingReportWriteResult {
  /** The sheet that holds the report now. */
  readonly sheetName: string;
  readonly action: "created" | "refreshed";
  /**
   * True when a sheet of the user's is already called "Balance âgée": it was
   * left as it was and the report went to `sheetName` instead.
   */
  readonly defaultNameTaken: boolean;
  /** The name the report would have had. */
  readonly defaultName: string;
  /** context.sync() calls made (2 to create, 3 to refresh, whatever the size). */
  readonly syncs: number;
}

/** Lays the report out and writes it: what the gateway calls. */
export function writeAgingReport(report: AgingReport): Promise<AgingReportWriteResult> {
  return writeReportLayout(reportSheetLayout(report));
}

function rangeOf(sheet: Excel.Worksheet, range: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(range.row, range.column, range.rowCount, range.columnCount);
}

/** Queues every write of the layout on `sheet` (an empty sheet); no sync. */
function queueLayout(sheet: Excel.Worksheet, layout: ReportSheetLayout): void {
  // The table first: turning its totals row on uses the row below it, which
  // must still be empty (the notes under the table come later).
  const spec = layout.table;
  const tableRange = rangeOf(sheet, spec.range);
  tableRange.numberFormat = spec.numberFormats;
  tableRange.values = spec.values;
  const table = sheet.tables.add(tableRange, true);
  table.name = spec.name;
  table.style = spec.style;
  table.showTotals = true;
  const totals = table.getTotalRowRange();
  totals.numberFormat = [spec.totalsFormats];
  totals.values = [spec.totals];

  for (const block of layout.blocks) {
    const range = rangeOf(sheet, block);
    range.numberFormat = block.numberFormats;
    range.values = block.values;
    const font = range.format.font;
    if (block.style?.bold !== undefined) font.bold = block.style.bold;
    if (block.style?.italic !== undefined) font.italic = block.style.italic;
    if (block.style?.size !== undefined) font.size = block.style.size;
    if (block.style?.color !== undefined) font.color = block.style.color;
    if (block.headerBold) sheet.getRangeByIndexes(block.row, block.column, 1, block.columnCount).format.font.bold = true;
  }

  for (const cf of layout.conditionalFormats) {
    const format = rangeOf(sheet, cf.range).conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    format.cellValue.format.fill.color = cf.fill;
    format.cellValue.format.font.color = cf.fontColor;
    format.cellValue.rule = { formula1: String(cf.greaterThan), operator: Excel.ConditionalCellValueOperator.greaterThan };
  }

  for (const spec of layout.charts) {
    const chart = sheet.charts.add(spec.type, rangeOf(sheet, spec.source), spec.seriesBy);
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.setPosition(sheet.getCell(spec.from.row, spec.from.column), sheet.getCell(spec.to.row, spec.to.column));
    chart.axes.valueAxis.numberFormat = spec.valueAxisFormat;
    if (spec.reverseCategories) chart.axes.categoryAxis.reversePlotOrder = true;
    if (spec.legend === "None") chart.legend.visible = false;
    else chart.legend.position = spec.legend;
  }

  for (const range of layout.autofit) rangeOf(sheet, range).format.autofitColumns();
}

/** Creates or refreshes the report sheet with `layout`, and shows it. */
export async function writeReportLayout(layout: ReportSheetLayout): Promise<AgingReportWriteResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const workbook = context.workbook;
    const sheets = workbook.worksheets;
    sheets.load("items/name");
    const marker = workbook.tables.getItemOrNullObject(REPORT_TABLE_NAME);
    await sync();

    let sheet: Excel.Worksheet;
    let sheetName: string;
    let action: AgingReportWriteResult["action"];
    let defaultNameTaken = false;
    if (!marker.isNullObject) {
      sheet = marker.worksheet;
      sheet.load("name,visibility");
      const charts = sheet.charts.load("items/name");
      const tables = sheet.tables.load("items/name");
      await sync();
      for (const chart of charts.items) chart.delete();
      for (const table of tables.items) table.delete();
      const everything = sheet.getRange();
      everything.conditionalFormats.clearAll();
      everything.clear(Excel.ClearApplyTo.all);
      if (sheet.visibility !== Excel.SheetVisibility.visible) sheet.visibility = Excel.SheetVisibility.visible;
      sheetName = sheet.name;
      action = "refreshed";
      const lower = REPORT_SHEET_NAME.toLocaleLowerCase("fr");
      defaultNameTaken = sheetName.toLocaleLowerCase("fr") !== lower && sheets.items.some((item) => item.name.toLocaleLowerCase("fr") === lower);
    } else {
      const choice = reportSheetName(sheets.items.map((item) => item.name));
      sheet = sheets.add(choice.name);
      sheetName = choice.name;
      defaultNameTaken = choice.defaultTaken;
      action = "created";
    }
    queueLayout(sheet, layout);
    sheet.activate();
    sheet.getRange("A1").select();
    await sync();
    return { sheetName, action, defaultNameTaken, defaultName: REPORT_SHEET_NAME, syncs };
  });
}
