/**
 * The journal as the batch runner sees it, on top of the excel layer: read
 * the table and fold its entries; append entries as protected rows.
 */
import type { JournalEntry } from "../core/escalation/journal";
import { readJournal } from "../core/escalation/journalRows";
import type { Scenario } from "../core/escalation/scenario";
import { JOURNAL_LAYOUT, journalRowsOf, type JournalLayout, type JournalTableContent } from "../excel/journalSheet";

/** The two WorkbookGateway methods the runner needs. */
export interface JournalGateway {
  readJournalRows(): Promise<JournalTableContent | undefined>;
  appendJournalRows(layout: JournalLayout, rows: readonly unknown[][]): Promise<void>;
}

export interface WorkbookJournal {
  load(): Promise<readonly JournalEntry[]>;
  append(entries: readonly JournalEntry[]): Promise<void>;
}

/**
 * `guarded`: references of the batch about to run. A damaged journal row
 * citing one of them stops the batch before anything is sent: what it
 * recorded cannot be known.
 */
export function workbookJournal(gateway: JournalGateway, scenario: Scenario, guarded: ReadonlySet<string> = new Set()): WorkbookJournal {
  return {
    async load() {
      const table = await gateway.readJournalRows();
      const reading = readJournal(table?.headers, table?.rows ?? [], { firstSheetRow: table?.firstRowNumber, scenario });
      for (const damaged of reading.damaged) {
        const cited = damaged.cells.flatMap((cell) => cell.match(/MAIL-\d{4}-\d{2}-\d{2}-[0-9a-f]{20}/g) ?? []).find((reference) => guarded.has(reference));
        if (cited) throw new Error(`la ligne ${damaged.sheetRow} du journal est illisible et cite l'envoi ${cited} : corrigez-la avant d'envoyer`);
      }
      return reading.entries;
    },
    async append(entries) {
      if (entries.length === 0) return;
      await gateway.appendJournalRows(JOURNAL_LAYOUT, journalRowsOf(entries, scenario));
    },
  };
}
