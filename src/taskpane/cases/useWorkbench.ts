/**
 * The pane's controller: reads the selection and the journal once, runs the
 * core (rows -> invoices -> state folded from the journal -> cases), and
 * appends what the user records. The journal in the workbook is the only
 * state that matters: everything here is derived from it and can be rebuilt.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EpochDay } from "../../core/calendar";
import { validateEntry, type JournalEntry } from "../../core/escalation/journal";
import type { JournalReading } from "../../core/escalation/journalRows";
import type { Scenario } from "../../core/escalation/scenario";
import { appendEntries, type JournalState } from "../../core/escalation/state";
import { analyzeList, casesOfList, MAPPING_SETTING, scenarioFromSetting, SCENARIO_SETTING } from "../../core/listAnalysis";
import type { WorkflowResult } from "../../core/escalation/workflow";
import { invoicesByClient, refoldClients } from "../../core/worklist";
import type { Invoice } from "../../core/ledger/invoiceRow";
import { applyStoredMapping, detectColumns, toStoredMapping, type ColumnMapping, type HeaderDetection } from "../../core/ledger/headers";
import type { LedgerReadResult } from "../../core/ledger/invoiceRow";
import type { RateBook } from "../../core/rates/rateBook";
import { JOURNAL_LAYOUT, journalRowsOf, type SheetBlock, type WorkbookGateway } from "../../excel/gateway";
import { CREDITOR_PROFILE_SETTING } from "../../core/letters/profile";
import { recorderName, withPaneOrigin } from "../../sending/paneIdentity";

export { MAPPING_SETTING, SCENARIO_SETTING };

export interface Analysis {
  readonly block: SheetBlock;
  readonly detection: HeaderDetection;
  /** Why the stored column mapping could not be used, if it could not. */
  readonly mappingErrors: readonly string[];
  readonly ledger: LedgerReadResult;
  readonly journal: JournalReading;
  readonly state: JournalState;
  readonly scenario: Scenario;
  readonly scenarioErrors: readonly string[];
  readonly result: WorkflowResult;
  /** Rows above the header, subtotals and column conventions the reading left out or decided. */
  readonly readingNotices: readonly string[];
  /** Milliseconds spent reading the workbook and computing, shown to the curious. */
  readonly timings: { readonly readMs: number; readonly computeMs: number };
}

export type WorkbenchStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "loading" }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "ready" };

/** The scenario stored in the workbook, or the default one (with the reasons when the stored one is damaged). */
export function loadScenario(gateway: WorkbookGateway): { scenario: Scenario; errors: string[] } {
  return scenarioFromSetting(gateway.readSetting(SCENARIO_SETTING));
}

export function useWorkbench(gateway: WorkbookGateway, book: RateBook, today: () => EpochDay) {
  const [status, setStatus] = useState<WorkbenchStatus>({ kind: "idle" });
  const [analysis, setAnalysis] = useState<Analysis | undefined>();
  const latest = useRef<Analysis | undefined>(undefined);
  // The list's invoices per client, built on the first recording after an analysis: a recording rebuilds only its clients' cases.
  const byClient = useRef<{ invoices: readonly Invoice[]; map: ReadonlyMap<string, readonly Invoice[]> } | undefined>(undefined);
  const publish = (next: Analysis) => {
    latest.current = next;
    setAnalysis(next);
  };

  // New rates (entered in the « Taux » tab): the list already read is recomputed with them, without reading the workbook again.
  const bookUsed = useRef(book);
  useEffect(() => {
    const current = latest.current;
    if (bookUsed.current === book) return;
    bookUsed.current = book;
    if (!current) return;
    publish({ ...current, ...casesOfList(current.block, current.detection, current.journal, current.scenario, book, today()) });
  }, [book, today]);

  const analyze = useCallback(async () => {
    setStatus({ kind: "loading" });
    try {
      const started = performance.now();
      // Two independent reads: in flight together, the journal's round trip overlaps the selection's.
      const [block, table] = await Promise.all([gateway.readSelectedRows(), gateway.readJournalRows()]);
      const read = performance.now();
      const analysed = analyzeList({
        ...block,
        journal: table && { header: table.headers, rows: table.rows, firstRowNumber: table.firstRowNumber },
        storedMapping: gateway.readSetting(MAPPING_SETTING),
        storedScenario: gateway.readSetting(SCENARIO_SETTING),
        book,
        today: today(),
      });
      publish({ block, ...analysed, timings: { readMs: read - started, computeMs: performance.now() - read } });
      setStatus({ kind: "ready" });
    } catch (error) {
      setStatus({ kind: "error", message: (error as Error).message });
    }
  }, [gateway, book, today]);

  /**
   * Validates, appends to the journal in the workbook (two syncs), then folds
   * the new entries into the state and rebuilds only their clients' cases:
   * the journal is not read again.
   */
  const record = useCallback(
    async (recorded: readonly JournalEntry[]): Promise<string[]> => {
      const current = latest.current;
      if (!current) return ["Analysez d'abord la sélection."];
      // Every row says who recorded it and from which pane (issue 17).
      const entries = withPaneOrigin(recorded, recorderName(gateway.readSetting(CREDITOR_PROFILE_SETTING)));
      const errors = entries.flatMap((entry) => {
        const checked = validateEntry(entry);
        return checked.ok ? [] : checked.errors;
      });
      if (errors.length) return errors;
      await gateway.appendJournalRows(JOURNAL_LAYOUT, journalRowsOf(entries, current.scenario));
      const state = appendEntries(current.state, entries, current.scenario);
      if (byClient.current?.invoices !== current.ledger.invoices) byClient.current = { invoices: current.ledger.invoices, map: invoicesByClient(current.ledger.invoices) };
      const changed = new Set(entries.map((entry) => entry.clientKey));
      const result = refoldClients(current.result, changed, byClient.current.map, current.state, state, { scenario: current.scenario, book, today: today() });
      publish({ ...current, state, journal: { ...current.journal, entries: [...current.journal.entries, ...entries] }, result });
      return [];
    },
    [gateway, book, today],
  );

  /** Stores the user's column choices in the workbook and recomputes with them. */
  const saveMapping = useCallback(
    async (mapping: ColumnMapping) => {
      const current = latest.current;
      if (!current) return;
      await gateway.writeSetting(MAPPING_SETTING, toStoredMapping(current.block.header, mapping));
      const detection = applyStoredMapping(current.block.header, toStoredMapping(current.block.header, mapping));
      const next = detection.ok ? detection.detection : detectColumns(current.block.header);
      publish({ ...current, detection: next, mappingErrors: [], ...casesOfList(current.block, next, current.journal, current.scenario, book, today()) });
    },
    [gateway, book, today],
  );

  return { status, analysis, analyze, record, saveMapping };
}

export type Workbench = ReturnType<typeof useWorkbench>;
