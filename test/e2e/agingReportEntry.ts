/**
 * Browser entry for the aging-report tests and bench: bundled with
 * src/excel/agingReport.ts and the core (agingReportBundle.ts), loaded in a
 * page that runs the Office double, it exposes window.recouvreReport.
 *
 * sampleLedger() makes a deterministic ledger: `invoices` invoices spread
 * over `clients` clients, due dates from 200 days before to 60 days after
 * the report date, and a journal with steps, disputes and promises, so that
 * every column and indicator of the report has something in it.
 */
import { toEpochDay, type EpochDay } from "../../src/core/calendar";
import type { JournalEntry } from "../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { deriveState } from "../../src/core/escalation/state";
import { clientKeyOf } from "../../src/core/ledger/clientKey";
import type { Invoice } from "../../src/core/ledger/invoiceRow";
import { RateBook } from "../../src/core/rates/rateBook";
import { buildAgingReport, reportFromWorkflow, reportLinesFromWorkflow, reportSheetLayout, type AgingReport } from "../../src/core/report";
import { writeAgingReport, type AgingReportWriteResult } from "../../src/excel/agingReport";

export interface SampleOptions {
  readonly invoices: number;
  readonly clients: number;
  /** "2025-03-31" */
  readonly asOf: string;
  readonly bounds?: readonly number[];
  readonly monthlyRevenue?: readonly number[];
  /** Client names to use first (e.g. one starting with "="). */
  readonly names?: readonly string[];
}

export interface ReportRun {
  readonly result: AgingReportWriteResult;
  /** Times: making the sample, folding its journal, the cases and report lines (buildCases), the report, writing it (Excel). */
  readonly sampleMs: number;
  readonly journalMs: number;
  readonly linesMs: number;
  readonly reportMs: number;
  /** journal + lines + report: from the list and the journal to the report. */
  readonly computeMs: number;
  readonly writeMs: number;
  readonly clients: number;
  readonly invoices: number;
  readonly layout: {
    readonly tableRow: number;
    readonly columns: number;
    readonly bodyRows: number;
    readonly charts: ReadonlyArray<{ name: string; type: string; source: { row: number; column: number; rowCount: number; columnCount: number }; title: string }>;
    readonly conditionalColumns: readonly number[];
  };
  readonly totals: { readonly total: number; readonly buckets: readonly number[]; readonly disputed: number };
  readonly labels: readonly string[];
  readonly topClients: readonly string[];
}

function isoDay(text: string): EpochDay {
  const [y, m, d] = text.split("-").map(Number);
  return toEpochDay(y, m, d);
}

export function sampleLedger(options: SampleOptions): { invoices: Invoice[]; entries: JournalEntry[]; asOf: EpochDay } {
  const asOf = isoDay(options.asOf);
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const names = Array.from({ length: options.clients }, (_, i) => options.names?.[i] ?? `Client ${String(i + 1).padStart(5, "0")} SARL`);
  const invoices: Invoice[] = [];
  const entries: JournalEntry[] = [];
  for (let i = 0; i < options.invoices; i++) {
    const client = names[i % options.clients];
    const clientKey = clientKeyOf(client);
    const numero = `F${String(i + 1).padStart(6, "0")}`;
    const echeance = asOf - 200 + Math.floor(random() * 260);
    invoices.push({
      sheetRow: i + 2,
      client,
      clientKey,
      numero,
      echeance,
      echeanceSource: "colonne",
      montant: 1000 + Math.floor(random() * 2_000_000),
      particulier: false,
      acheteurPublic: false,
    });
    const base = { id: `e${entries.length + 1}`, timestamp: "2025-03-01T09:00:00Z", client, clientKey, invoices: [numero] };
    if (i % 23 === 5) entries.push({ ...base, type: "dispute", date: Math.min(asOf, echeance + 3), reason: "contestation" } as JournalEntry);
    else if (i % 11 === 3 && asOf - echeance > 1) entries.push({ ...base, type: "step", stepId: "relance1", channel: "email", date: Math.min(asOf, echeance + 2) } as JournalEntry);
    else if (i % 17 === 7) entries.push({ ...base, type: "promise", date: asOf - 3, until: asOf + (i % 5) - 1, amount: 50_000 } as JournalEntry);
  }
  return { invoices, entries, asOf };
}

export function sampleReport(options: SampleOptions): AgingReport {
  const { invoices, entries, asOf } = sampleLedger(options);
  return reportFromWorkflow({
    invoices,
    journal: deriveState(entries, DEFAULT_SCENARIO),
    scenario: DEFAULT_SCENARIO,
    book: RateBook.builtIn(),
    asOf,
    ...(options.bounds && { bounds: options.bounds }),
    ...(options.monthlyRevenue && { monthlyRevenue: options.monthlyRevenue }),
  });
}

/** Builds the report of a sample ledger and writes it to the workbook. */
export async function runSample(options: SampleOptions): Promise<ReportRun> {
  const t0 = performance.now();
  const { invoices, entries, asOf } = sampleLedger(options);
  const t1 = performance.now();
  const journal = deriveState(entries, DEFAULT_SCENARIO);
  const t2 = performance.now();
  const { lines } = reportLinesFromWorkflow({ invoices, journal, scenario: DEFAULT_SCENARIO, book: RateBook.builtIn(), asOf });
  const t3 = performance.now();
  const report = buildAgingReport(lines, {
    asOf,
    scenario: DEFAULT_SCENARIO,
    ...(options.bounds && { bounds: options.bounds }),
    ...(options.monthlyRevenue && { monthlyRevenue: options.monthlyRevenue }),
  });
  const t4 = performance.now();
  const result = await writeAgingReport(report);
  const t5 = performance.now();
  const layout = reportSheetLayout(report);
  return {
    result,
    sampleMs: t1 - t0,
    journalMs: t2 - t1,
    linesMs: t3 - t2,
    reportMs: t4 - t3,
    computeMs: t4 - t1,
    writeMs: t5 - t4,
    clients: report.rows.length,
    invoices: report.totals.invoices,
    layout: {
      tableRow: layout.table.range.row,
      columns: layout.table.range.columnCount,
      bodyRows: layout.table.bodyRows,
      charts: layout.charts.map((c) => ({ name: c.name, type: c.type, source: c.source, title: c.title })),
      conditionalColumns: layout.conditionalFormats.map((cf) => cf.range.column),
    },
    totals: { total: report.totals.total, buckets: report.totals.buckets, disputed: report.totals.disputed },
    labels: report.labels,
    topClients: report.top.map((row) => row.client),
  };
}

export interface ReportTestApi {
  sampleLedger: typeof sampleLedger;
  sampleReport: typeof sampleReport;
  runSample: typeof runSample;
  writeAgingReport: typeof writeAgingReport;
}

(globalThis as unknown as { recouvreReport: ReportTestApi }).recouvreReport = { sampleLedger, sampleReport, runSample, writeAgingReport };
