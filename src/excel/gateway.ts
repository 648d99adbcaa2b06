/**
 * Everything the pane and the ribbon may ask of the workbook, in one object
 * built here and handed down: React components never call Office.js.
 */
import type { AgingReport } from "../core/report";
import type { UserRates, UserRatesResult } from "../core/rates/userRates";
import { writeAgingReport, type AgingReportWriteResult } from "./agingReport";
import type { ExistingCreances } from "../core/books/reimport";
import { importIntoCreances, readCreancesTable, selectCreancesTable, type CreancesImport, type CreancesWriteResult } from "./creancesSheet";
import { appendJournalRows, readJournalRows, type JournalLayout, type JournalTableContent } from "./journalSheet";
import { recalculateAllFormulas } from "./recalculate";
import { readSelectedRows, type SheetBlock } from "./selection";
import { loadUserRatesIntoFormulas, saveUserRates } from "./userRatesStore";
import { readJsonSetting, workbookSettings, writeJsonSetting } from "./workbookSettings";

export interface WorkbookGateway {
  readSelectedRows(): Promise<SheetBlock>;
  readJournalRows(): Promise<JournalTableContent | undefined>;
  appendJournalRows(layout: JournalLayout, rows: readonly unknown[][]): Promise<void>;
  /** Parsed JSON, undefined when absent, an Error when damaged. */
  readSetting(key: string): unknown;
  writeSetting(key: string, value: unknown): Promise<void>;
  saveUserRates(rates: UserRates): Promise<UserRatesResult>;
  /** Creates or refreshes the add-in's own « Balance âgée » sheet; never a sheet of the user's. */
  writeAgingReport(report: AgingReport): Promise<AgingReportWriteResult>;
  /** Writes open items to the add-in's « Créances » table (created, or merged with what the user added). */
  importOpenItems(input: CreancesImport): Promise<CreancesWriteResult>;
  /** The « Créances » table as it is, before an import (its clients' terms). */
  readCreances(): Promise<ExistingCreances | undefined>;
  /** Selects the first cell of the « Créances » table (false: no table). */
  selectCreances(): Promise<boolean>;
}

/**
 * What the pane needs to name besides the gateway itself: the types its
 * methods return and the journal's layout it appends with. The pane imports
 * src/excel through this module and host.ts only (eslint.config.mjs).
 */
export type { AgingReportWriteResult, CreancesImport, CreancesWriteResult, JournalLayout, JournalTableContent, SheetBlock };
export { JOURNAL_LAYOUT, journalRowsOf } from "./journalSheet";

/** Start-up of the shared runtime: the workbook's own rates into the formulas, before the pane renders. */
export function loadWorkbookRatesIntoFormulas(): ReturnType<typeof loadUserRatesIntoFormulas> {
  return loadUserRatesIntoFormulas(workbookSettings());
}

export function officeGateway(): WorkbookGateway {
  const settings = workbookSettings();
  return {
    readSelectedRows,
    readJournalRows,
    appendJournalRows,
    readSetting: (key) => readJsonSetting(settings, key),
    writeSetting: (key, value) => writeJsonSetting(settings, key, value),
    saveUserRates: (rates) => saveUserRates(settings, rates, recalculateAllFormulas),
    writeAgingReport,
    importOpenItems: importIntoCreances,
    readCreances: readCreancesTable,
    selectCreances: selectCreancesTable,
  };
}
