/**
 * The aging report ("balance âgée") and the collection dashboard: pure
 * functions from invoices and journal state (or the cases) to the report,
 * its indicators and the layout of its sheet.
 *
 *   const report = reportFromWorkflow({ invoices, journal, scenario, book, asOf, bounds, monthlyRevenue });
 *   const layout = reportSheetLayout(report); // what src/excel/agingReport.ts writes
 */
import { buildAgingReport, type AgingReport, type AgingReportOptions } from "./agingReport";
import { reportLinesFromWorkflow, type ReportWorkflowInput } from "./lines";

export * from "./agingReport";
export * from "./dso";
export * from "./lines";
export * from "./sheetLayout";

export type ReportFromWorkflowInput = ReportWorkflowInput & Omit<AgingReportOptions, "scenario">;

/** Every unpaid invoice of the list, aged at `asOf`, with the journal's disputes, steps and promises. */
export function reportFromWorkflow(input: ReportFromWorkflowInput): AgingReport {
  const { lines } = reportLinesFromWorkflow(input);
  return buildAgingReport(lines, {
    asOf: input.asOf,
    scenario: input.scenario,
    ...(input.bounds && { bounds: input.bounds }),
    ...(input.monthlyRevenue && { monthlyRevenue: input.monthlyRevenue }),
    ...(input.topCount !== undefined && { topCount: input.topCount }),
  });
}
