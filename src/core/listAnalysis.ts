/**
 * The one walk from what the workbook holds to the cases: stored settings
 * (column mapping, scenario) -> journal -> invoices -> state folded from the
 * journal -> cases per client. The pane (useWorkbench) and the ribbon
 * (sending/analyze) both call it, so they can never disagree on a case.
 * Pure: the excel layer reads, this computes.
 */
import type { EpochDay } from "./calendar";
import { readJournal, type JournalReading } from "./escalation/journalRows";
import { DEFAULT_SCENARIO, type Scenario } from "./escalation/scenario";
import { validateScenario } from "./escalation/scenarioSchema";
import { deriveState, type JournalState } from "./escalation/state";
import { buildCases, type WorkflowResult } from "./escalation/workflow";
import { applyStoredMapping, detectColumns, type HeaderDetection } from "./ledger/headers";
import { readInvoices, type LedgerReadResult } from "./ledger/invoiceRow";
import { subtotalRows } from "./ledger/listLayout";
import { columnNoticeFr, rowsAboveHeaderFr, subtotalsFr } from "./ledger/readingMessages.fr";
import type { RateBook } from "./rates/rateBook";

/** Workbook settings keys of the stored column mapping and scenario. */
export const MAPPING_SETTING = "recouvre.colonnes";
export const SCENARIO_SETTING = "recouvre.scenario";

/**
 * The stored scenario, or the default one with the reasons. `stored` is the
 * parsed setting: undefined when absent, an Error when damaged.
 */
export function scenarioFromSetting(stored: unknown): { scenario: Scenario; errors: string[] } {
  if (stored === undefined) return { scenario: DEFAULT_SCENARIO, errors: [] };
  if (stored instanceof Error) return { scenario: DEFAULT_SCENARIO, errors: [`Scénario : ${stored.message} ; scénario par défaut utilisé.`] };
  const checked = validateScenario(stored);
  return checked.ok
    ? { scenario: checked.scenario, errors: [] }
    : { scenario: DEFAULT_SCENARIO, errors: [`Scénario enregistré inutilisable (${checked.errors.join(" ; ")}) : scénario par défaut utilisé.`] };
}

/** The stored column mapping applied to the current headers, or the detection with the reasons. */
export function mappingFromSetting(headers: readonly unknown[], stored: unknown): { detection: HeaderDetection; errors: string[] } {
  if (stored === undefined) return { detection: detectColumns(headers), errors: [] };
  if (stored instanceof Error) return { detection: detectColumns(headers), errors: [`Colonnes : ${stored.message}`] };
  const applied = applyStoredMapping(headers, stored);
  return applied.ok
    ? { detection: applied.detection, errors: [] }
    : { detection: detectColumns(headers), errors: [`Correspondance des colonnes enregistrée inutilisable : ${applied.errors.join(" ; ")}`] };
}

export interface ListRows {
  readonly header: readonly unknown[];
  readonly rows: ReadonlyArray<readonly unknown[]>;
  /** 1-based Excel row of rows[0]. */
  readonly firstRowNumber: number;
  /** 1-based Excel row of the header, when it is not the row above rows[0]. */
  readonly headerRowNumber?: number;
  /** Non-blank rows above the header row, ignored (titles, a company name): to say so. */
  readonly rowsAboveHeader?: readonly number[];
}

export interface ListAnalysisInput extends ListRows {
  /** The journal table; undefined when the workbook has none yet. */
  readonly journal?: ListRows;
  /** Parsed settings: undefined when absent, an Error when damaged. */
  readonly storedMapping: unknown;
  readonly storedScenario: unknown;
  readonly book: RateBook;
  readonly today: EpochDay;
}

export interface CasesOfList {
  readonly ledger: LedgerReadResult;
  readonly state: JournalState;
  readonly result: WorkflowResult;
  /** What reading the list left out or decided, in French: rows above the header, subtotals, column conventions. */
  readonly readingNotices: readonly string[];
}

export interface ListAnalysis extends CasesOfList {
  readonly detection: HeaderDetection;
  readonly mappingErrors: readonly string[];
  readonly scenario: Scenario;
  readonly scenarioErrors: readonly string[];
  readonly journal: JournalReading;
}

/** Invoices, journal state and cases, for a given mapping and journal (recomputed when rates or mapping change). */
export function casesOfList(
  list: ListRows,
  detection: HeaderDetection,
  journal: JournalReading,
  scenario: Scenario,
  book: RateBook,
  today: EpochDay,
): CasesOfList {
  // Subtotal rows are not invoices: left out of the reading, and listed.
  const subtotals = subtotalRows(list.rows, detection.mapping);
  let rows = list.rows;
  let sheetRows: number[] | undefined;
  if (subtotals.length > 0) {
    const skipped = new Set(subtotals.map((subtotal) => subtotal.index));
    rows = list.rows.filter((_, i) => !skipped.has(i));
    sheetRows = [];
    for (let i = 0; i < list.rows.length; i++) if (!skipped.has(i)) sheetRows.push(list.firstRowNumber + i);
  }
  const ledger = readInvoices({ headers: list.header, rows, mapping: detection.mapping, firstSheetRow: list.firstRowNumber, ...(sheetRows && { sheetRows }) });
  const state = deriveState(journal.entries, scenario);
  const result = buildCases(ledger.invoices, state, { scenario, book, today });
  const readingNotices = [
    ...(list.rowsAboveHeader?.length ? [rowsAboveHeaderFr(list.rowsAboveHeader, list.headerRowNumber ?? list.firstRowNumber - 1)] : []),
    ...(subtotals.length ? [subtotalsFr(subtotals.map((subtotal) => ({ sheetRow: list.firstRowNumber + subtotal.index, label: subtotal.label })))] : []),
    ...ledger.columnNotices.map(columnNoticeFr),
  ];
  return { ledger, state, result, readingNotices };
}

export function analyzeList(input: ListAnalysisInput): ListAnalysis {
  const { scenario, errors: scenarioErrors } = scenarioFromSetting(input.storedScenario);
  const { detection, errors: mappingErrors } = mappingFromSetting(input.header, input.storedMapping);
  const journal = readJournal(input.journal?.header, input.journal?.rows ?? [], { firstSheetRow: input.journal?.firstRowNumber, scenario });
  return {
    detection,
    mappingErrors,
    scenario,
    scenarioErrors,
    journal,
    ...casesOfList(input, detection, journal, scenario, input.book, input.today),
  };
}
