/**
 * Browser entry for the report tab's tests: renders src/taskpane/report/
 * ReportPanel on its own (no App, no dist/), fed with a sample ledger, its
 * onWriteReport wired to src/excel/agingReport.ts as the gateway will be.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { toEpochDay } from "../../src/core/calendar";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { deriveState } from "../../src/core/escalation/state";
import { RateBook } from "../../src/core/rates/rateBook";
import { writeAgingReport } from "../../src/excel/agingReport";
import { ReportPanel, type ReportSource } from "../../src/taskpane/report/ReportPanel";
import { reportStrings, type ReportLanguage } from "../../src/taskpane/report/strings";
import { sampleLedger, type SampleOptions } from "./agingReportEntry";

export interface PanelOptions {
  readonly language: ReportLanguage;
  readonly dark: boolean;
  /** "2025-03-31": the pane's today. */
  readonly today: string;
  /** No sample: the panel before any analysis. */
  readonly sample?: SampleOptions;
}

let root: Root | undefined;

export function renderPanel(options: PanelOptions): void {
  const [y, m, d] = options.today.split("-").map(Number);
  let source: ReportSource | undefined;
  if (options.sample) {
    const { invoices, entries } = sampleLedger(options.sample);
    source = { invoices, journal: deriveState(entries, DEFAULT_SCENARIO), scenario: DEFAULT_SCENARIO, book: RateBook.builtIn() };
  }
  const container = document.getElementById("container")!;
  root?.unmount();
  root = createRoot(container);
  root.render(
    createElement(
      FluentProvider,
      { theme: options.dark ? webDarkTheme : webLightTheme, style: { padding: 12, minHeight: "100vh" } },
      createElement(ReportPanel, {
        strings: reportStrings(options.language),
        today: toEpochDay(y, m, d),
        source,
        onWriteReport: (_date, _bounds, { report }) => writeAgingReport(report),
        onAnalyze: () => undefined,
      }),
    ),
  );
}

(globalThis as unknown as { recouvrePanel: { renderPanel: typeof renderPanel } }).recouvrePanel = { renderPanel };
