/**
 * From what the ribbon read in the workbook (the selected rows, the journal
 * table, the stored column mapping and scenario) to the batch plan: the same
 * walk as the pane's (ledger -> state from the journal -> cases), plus the
 * sending ledger. Pure: the excel layer reads, this computes.
 */
import type { EpochDay } from "../calendar";
import type { JournalEntry } from "../escalation/journal";
import type { DamagedJournalRow } from "../escalation/journalRows";
import type { Channel, Scenario } from "../escalation/scenario";
import type { WorkflowResult } from "../escalation/workflow";
import { cellDisplay } from "../ledger/cells";
import type { HeaderDetection } from "../ledger/headers";
import type { RowProblem } from "../ledger/invoiceRow";
import { analyzeList } from "../listAnalysis";
import type { RateBook } from "../rates/rateBook";
import { foldLedger, type Ledger } from "./ledger";
import { planBatch, type BatchPlan, type PlanOptions } from "./plan";

const REFERENCE_IN_TEXT = /MAIL-\d{4}-\d{2}-\d{2}-[0-9a-f]{20}/g;

/** Workbook settings keys of the mapping and scenario: the pane's own (listAnalysis.ts). */
export { MAPPING_SETTING as MAPPING_SETTING_KEY, SCENARIO_SETTING as SCENARIO_SETTING_KEY } from "../listAnalysis";

export interface SendingAnalysisInput {
  readonly header: readonly unknown[];
  readonly rows: ReadonlyArray<readonly unknown[]>;
  readonly firstRowNumber: number;
  /** Where the header row was found, and the rows above it that were ignored (selection.ts). */
  readonly headerRowNumber?: number;
  readonly rowsAboveHeader?: readonly number[];
  /** The journal table; undefined when the workbook has none yet. */
  readonly journal?: { readonly headers: readonly unknown[]; readonly rows: ReadonlyArray<readonly unknown[]>; readonly firstRowNumber: number };
  /** Parsed settings: undefined when absent, an Error when damaged (readJsonSetting). */
  readonly storedMapping: unknown;
  readonly storedScenario: unknown;
  readonly book: RateBook;
  readonly today: EpochDay;
  readonly emailChannels?: readonly Channel[];
}

export interface SendingAnalysis {
  readonly plan: BatchPlan;
  /** The options the plan was made with: plan again with them after a decision. */
  readonly planOptions: PlanOptions;
  readonly scenario: Scenario;
  readonly entries: readonly JournalEntry[];
  readonly ledger: Ledger;
  readonly workflow: WorkflowResult;
  readonly detection: HeaderDetection;
  /** Rows left out of the list (blocking problems), to say how many. */
  readonly rowProblems: readonly RowProblem[];
  readonly damagedJournalRows: readonly DamagedJournalRow[];
  /** French warnings: damaged settings, journal rows, missing columns. */
  readonly warnings: readonly string[];
}

export function analyzeForSending(input: SendingAnalysisInput): SendingAnalysis {
  // The same walk as the pane's, so the ribbon and the pane never disagree on a case.
  const listed = analyzeList({
    header: input.header,
    rows: input.rows,
    firstRowNumber: input.firstRowNumber,
    ...(input.headerRowNumber !== undefined && { headerRowNumber: input.headerRowNumber }),
    ...(input.rowsAboveHeader !== undefined && { rowsAboveHeader: input.rowsAboveHeader }),
    journal: input.journal && { header: input.journal.headers, rows: input.journal.rows, firstRowNumber: input.journal.firstRowNumber },
    storedMapping: input.storedMapping,
    storedScenario: input.storedScenario,
    book: input.book,
    today: input.today,
  });
  const { scenario, detection, journal } = listed;
  const workflow = listed.result;
  const ledgerRead = listed.ledger;
  const warnings: string[] = [...listed.scenarioErrors, ...listed.mappingErrors, ...listed.readingNotices];
  if (detection.missing.length > 0) warnings.push(`Colonnes indispensables introuvables : ${detection.missing.join(", ")}.`);
  for (const damaged of journal.damaged) warnings.push(`Journal, ligne ${damaged.sheetRow} : ${damaged.errors.join(" ; ")}`);
  if (journal.missingColumns.length > 0) warnings.push(`Journal : colonnes manquantes (${journal.missingColumns.join(", ")}).`);
  warnings.push(...workflow.journalWarnings);
  const ledger = foldLedger(journal.entries);
  warnings.push(...ledger.warnings);
  const unreadableReferences = new Set<string>();
  for (const damaged of journal.damaged) {
    for (const cell of damaged.cells) for (const match of cell.matchAll(REFERENCE_IN_TEXT)) unreadableReferences.add(match[0]);
  }
  if (unreadableReferences.size > 0) {
    warnings.push(`Journal : ${unreadableReferences.size} envoi(s) cité(s) par des lignes illisibles ; ces messages ne seront pas envoyés tant que les lignes ne sont pas corrigées.`);
  }
  const clientOfRow = new Map(ledgerRead.invoices.map((invoice) => [invoice.sheetRow, invoice.clientKey]));
  const emailProblems = new Map<string, string>();
  for (const problem of ledgerRead.problems) {
    const clientKey = problem.field === "email" && !problem.blocking ? clientOfRow.get(problem.sheetRow) : undefined;
    if (clientKey !== undefined && !emailProblems.has(clientKey)) {
      emailProblems.set(clientKey, `adresse e-mail invalide dans la liste (ligne ${problem.sheetRow} : « ${cellDisplay(problem.value)} ») : corrigez-la`);
    }
  }
  const planOptions: PlanOptions = {
    date: input.today,
    scenario,
    unreadableReferences,
    emailProblems,
    ...(input.emailChannels && { emailChannels: input.emailChannels }),
  };
  const plan = planBatch(workflow.cases, ledger, planOptions);
  return {
    plan,
    planOptions,
    scenario,
    entries: journal.entries,
    ledger,
    workflow,
    detection,
    rowProblems: ledgerRead.problems.filter((problem) => problem.blocking),
    damagedJournalRows: journal.damaged,
    warnings,
  };
}
