/**
 * What « Relancer » reads in the workbook (through the excel layer) before
 * the core works out the batch: the selected rows, the journal table, the
 * stored column mapping and scenario. Injected so that the command is tested
 * without Office.
 */
import type { EpochDay } from "../core/calendar";
import { analyzeForSending, MAPPING_SETTING_KEY, SCENARIO_SETTING_KEY, type SendingAnalysis } from "../core/sending/analyze";
import type { RateBook } from "../core/rates/rateBook";
import type { JournalTableContent } from "../excel/journalSheet";
import type { SheetBlock } from "../excel/selection";

export interface WorkbookReader {
  readSelectedRows(): Promise<SheetBlock>;
  readJournalRows(): Promise<JournalTableContent | undefined>;
  /** Parsed JSON, undefined when absent, an Error when damaged (WorkbookGateway.readSetting). */
  readSetting(key: string): unknown;
}

export interface PrepareOptions {
  readonly book: RateBook;
  readonly today: EpochDay;
}

/** Reads once (two Excel.run, a constant number of syncs) and plans the batch. */
export async function prepareBatchFromWorkbook(reader: WorkbookReader, options: PrepareOptions): Promise<SendingAnalysis> {
  const block = await reader.readSelectedRows();
  const journal = await reader.readJournalRows();
  return analyzeForSending({
    header: block.header,
    rows: block.rows,
    firstRowNumber: block.firstRowNumber,
    ...(block.headerRowNumber !== undefined && { headerRowNumber: block.headerRowNumber }),
    ...(block.rowsAboveHeader !== undefined && { rowsAboveHeader: block.rowsAboveHeader }),
    ...(journal && { journal }),
    storedMapping: reader.readSetting(MAPPING_SETTING_KEY),
    storedScenario: reader.readSetting(SCENARIO_SETTING_KEY),
    book: options.book,
    today: options.today,
  });
}
