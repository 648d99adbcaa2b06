/**
 * The report tab: the indicators of the balance âgée as cards, a small chart
 * of the amounts by bucket, the report date ("arrêté au"), the bucket bounds,
 * optional monthly revenue for the DSO, and the button that creates or
 * refreshes the "Balance âgée" sheet.
 *
 * Presentational: the invoices and the journal state come in as props (the
 * report is computed from them by the pure core), the sheet is written by
 * the `onWriteReport` callback (the gateway: excel/agingReport.ts). No
 * Office call here.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DEFAULT_BOUNDS } from "../../core/aging";
import type { EpochDay } from "../../core/calendar";
import type { JournalState } from "../../core/escalation/state";
import type { Scenario } from "../../core/escalation/scenario";
import type { Invoice } from "../../core/ledger/invoiceRow";
import type { Cents } from "../../core/money";
import type { RateBook } from "../../core/rates/rateBook";
import { buildAgingReport, reportLinesFromWorkflow, revenueMonths, type AgingReport } from "../../core/report";
import type { AgingReportWriteResult } from "../../excel/gateway";
import { BucketChart } from "./BucketChart";
import { boundsText, dateInputValue, parseBoundsText, parseDateInput, parseRevenue, REVENUE_MONTHS } from "./params";
import type { ReportStrings } from "./strings";

/** What the report is made of: the analysed list and the journal (see taskpane/cases/useWorkbench). */
export interface ReportSource {
  readonly invoices: readonly Invoice[];
  readonly journal: JournalState;
  readonly scenario: Scenario;
  readonly book: RateBook;
}

export interface ReportWriteOptions {
  readonly monthlyRevenue: readonly Cents[];
  /** The report the pane shows for these parameters: write it as it is. */
  readonly report: AgingReport;
}

export interface ReportPanelProps {
  readonly strings: ReportStrings;
  /** The pane's today: the default report date. */
  readonly today: EpochDay;
  /** Undefined until the user's list was analysed. */
  readonly source?: ReportSource;
  readonly onWriteReport: (date: EpochDay, bounds: readonly number[], options: ReportWriteOptions) => Promise<AgingReportWriteResult>;
  /** Reads the selection, when nothing was analysed yet. */
  readonly onAnalyze?: () => void;
  readonly analyzing?: boolean;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  inputs: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS, alignItems: "start" },
  // Fluent inputs have a minimum width that two columns of a 350 px pane cannot hold.
  input: { minWidth: 0, width: "100%" },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalS },
  card: { padding: tokens.spacingHorizontalS, gap: "2px" },
  cardLabel: { color: tokens.colorNeutralForeground2 },
  cardValue: { fontVariantNumeric: "tabular-nums" },
  cardDetail: { color: tokens.colorNeutralForeground3 },
  months: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS, alignItems: "end" },
  numbers: { fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type WriteState =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "done"; readonly result: AgingReportWriteResult }
  | { readonly kind: "error"; readonly message: string };

function IndicatorCard({ label, value, detail }: { label: string; value: string; detail: string }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} size="small" role="group" aria-label={label}>
      <Text size={200} className={styles.cardLabel}>
        {label}
      </Text>
      <Text size={500} weight="semibold" className={styles.cardValue}>
        {value}
      </Text>
      <Text size={100} className={styles.cardDetail}>
        {detail}
      </Text>
    </Card>
  );
}

function Indicators({ report, strings: t }: { report: AgingReport; strings: ReportStrings }) {
  const styles = useStyles();
  const ind = report.indicators;
  const simple = ind.dsoSimple;
  const countBack = ind.dsoCountBack;
  const week = ind.promisesThisWeek;
  return (
    <div className={styles.cards}>
      <IndicatorCard label={t.cardReceivables} value={t.money(ind.totalReceivables)} detail={t.cardReceivablesDetail(ind.invoices, ind.clients)} />
      <IndicatorCard label={t.cardOverdue} value={t.money(ind.overdue)} detail={t.cardOverdueDetail(t.percent(ind.overdueShare ?? 0))} />
      <IndicatorCard label={t.cardDisputed} value={t.money(ind.disputed.amount)} detail={t.cardDisputedDetail(ind.disputed.invoices, ind.disputed.clients)} />
      <IndicatorCard
        label={t.cardLate}
        value={ind.weightedDaysLate ? t.days(ind.weightedDaysLate.days) : t.notAvailable}
        detail={ind.weightedDaysLate ? t.cardLateDetail(ind.weightedDaysLate.invoices) : t.cardNoLate}
      />
      <IndicatorCard
        label={t.cardDsoSimple}
        value={simple ? t.days(simple.days) : t.notAvailable}
        detail={simple ? t.cardDsoSimpleDetail(simple.months, simple.periodDays) : t.cardDsoMissing}
      />
      <IndicatorCard
        label={t.cardDsoCountBack}
        value={countBack ? (countBack.exhausted ? t.cardDsoExhausted(countBack.fullDays) : t.days(countBack.days)) : t.notAvailable}
        detail={countBack ? (countBack.exhausted ? t.cardDsoExhaustedDetail : t.cardDsoCountBackDetail(countBack.fullMonths)) : t.cardDsoMissing}
      />
      <IndicatorCard
        label={t.cardPenalties}
        value={ind.penalties !== undefined ? t.money(ind.penalties) : t.cardPenaltiesMissing}
        detail={ind.penalties !== undefined ? t.cardPenaltiesDetail : ind.missingRates.join(" ; ")}
      />
      <IndicatorCard label={t.cardPromises} value={t.money(week.amount)} detail={t.cardPromisesDetail(week.count, week.from, week.to)} />
    </div>
  );
}

function Steps({ report, strings: t }: { report: AgingReport; strings: ReportStrings }) {
  const styles = useStyles();
  return (
    <Table size="extra-small" aria-label={t.stepsTitle}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.stepsStep}</TableHeaderCell>
          <TableHeaderCell className={styles.numbers}>{t.stepsInvoices}</TableHeaderCell>
          <TableHeaderCell className={styles.numbers}>{t.stepsAmount}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.indicators.steps.map((step) => (
          <TableRow key={step.index}>
            <TableCell>{step.index < 0 ? t.stepsNone : step.label}</TableCell>
            <TableCell className={styles.numbers}>{step.invoices}</TableCell>
            <TableCell className={styles.numbers}>{t.money(step.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ReportPanel({ strings: t, today, source, onWriteReport, onAnalyze, analyzing }: ReportPanelProps) {
  const styles = useStyles();
  const [dateText, setDateText] = useState(dateInputValue(today));
  const [boundsInput, setBoundsInput] = useState(boundsText(DEFAULT_BOUNDS));
  // Keyed by month (year × 12 + month): a value stays with its month when the report date moves.
  const [revenueByMonth, setRevenueByMonth] = useState<ReadonlyMap<number, string>>(() => new Map());
  const [write, setWrite] = useState<WriteState>({ kind: "idle" });

  const asOf = parseDateInput(dateText);
  const bounds = parseBoundsText(boundsInput);
  const months = useMemo(() => (asOf === undefined ? [] : revenueMonths(asOf, REVENUE_MONTHS)), [asOf]);
  const monthKey = (i: number) => months[i].year * 12 + months[i].month;
  const revenueTexts = months.map((_, i) => revenueByMonth.get(monthKey(i)) ?? "");
  const revenue = parseRevenue(revenueTexts);
  const monthName = (i: number) => (months[i] ? t.revenueMonth(months[i].year, months[i].month, months[i].partial ? months[i].to : undefined) : String(i + 1));
  const validBounds = "bounds" in bounds ? bounds.bounds : undefined;
  const monthlyRevenue = revenue.ok ? revenue.monthlyRevenue : undefined;

  // Two steps: the invoices aged at the date (buildCases: the slow part on a
  // large list, redone only when the list or the date change), then the
  // report for the bounds and revenue (fast: redone as the user types).
  const invoices = source?.invoices;
  const journal = source?.journal;
  const scenario = source?.scenario;
  const book = source?.book;
  const lines = useMemo(() => {
    if (!invoices || !journal || !scenario || !book || asOf === undefined) return undefined;
    return reportLinesFromWorkflow({ invoices, journal, scenario, book, asOf }).lines;
  }, [invoices, journal, scenario, book, asOf]);
  const boundsKey = validBounds?.join(",");
  const revenueKey = monthlyRevenue?.join(",");
  const report = useMemo(() => {
    if (!lines || asOf === undefined || !validBounds || !monthlyRevenue) return undefined;
    return buildAgingReport(lines, { asOf, bounds: validBounds, monthlyRevenue, ...(scenario && { scenario }) });
    // The keys stand for the arrays, which are rebuilt on every render.
  }, [lines, boundsKey, revenueKey]);

  const doWrite = async () => {
    if (!report || asOf === undefined || !validBounds || !monthlyRevenue) return;
    setWrite({ kind: "writing" });
    try {
      const result = await onWriteReport(asOf, validBounds, { monthlyRevenue, report });
      setWrite({ kind: "done", result });
    } catch (error) {
      setWrite({ kind: "error", message: (error as Error).message });
    }
  };

  return (
    <section className={styles.root} aria-label={t.title}>
      <Text>{t.intro}</Text>
      <div className={styles.inputs}>
        <Field label={t.asOfLabel} validationMessage={asOf === undefined ? t.asOfInvalid : undefined}>
          <Input className={styles.input} type="date" value={dateText} onChange={(_, data) => setDateText(data.value)} />
        </Field>
        <Field
          label={t.boundsLabel}
          hint={"error" in bounds ? undefined : t.boundsHint}
          validationMessage={"error" in bounds ? t.boundsInvalid(bounds.error) : undefined}
        >
          <Input className={styles.input} value={boundsInput} onChange={(_, data) => setBoundsInput(data.value)} />
        </Field>
      </div>
      <Accordion collapsible>
        <AccordionItem value="revenue">
          <AccordionHeader size="small">{t.revenueTitle}</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>{t.revenueHint}</Text>
            <div className={styles.months}>
              {revenueTexts.map((text, i) => (
                <Field
                  key={monthKey(i)}
                  label={monthName(i)}
                  size="small"
                  validationMessage={!revenue.ok && revenue.month === i ? t.revenueInvalid(monthName(i)) : undefined}
                >
                  <Input
                    size="small"
                    inputMode="decimal"
                    value={text}
                    contentAfter="€"
                    className={styles.input}
                    onChange={(_, data) => setRevenueByMonth((current) => new Map(current).set(monthKey(i), data.value))}
                  />
                </Field>
              ))}
            </div>
            {!revenue.ok && revenue.month === undefined && (
              <MessageBar intent="warning">
                <MessageBarBody>{t.revenueGap}</MessageBarBody>
              </MessageBar>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {!source && (
        <div className={styles.actions}>
          <Text>{t.empty}</Text>
          {onAnalyze && (
            <Button appearance="primary" onClick={onAnalyze} disabled={analyzing}>
              {t.analyze}
            </Button>
          )}
          {analyzing && <Spinner size="tiny" />}
        </div>
      )}

      {report && (
        <>
          <Indicators report={report} strings={t} />
          <Text weight="semibold">{t.chartTitle}</Text>
          <BucketChart labels={report.labels} amounts={report.totals.buckets} disputed={report.disputedByBucket} strings={t} />
          <Text weight="semibold">{t.stepsTitle}</Text>
          <Steps report={report} strings={t} />
        </>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!report || write.kind === "writing"} onClick={() => void doWrite()}>
          {t.write}
        </Button>
        {write.kind === "writing" && <Spinner size="tiny" label={t.writing} />}
      </div>
      {write.kind === "done" && (
        <MessageBar intent={write.result.defaultNameTaken ? "warning" : "success"} role="status">
          <MessageBarBody>
            {write.result.action === "created" ? t.created(write.result.sheetName) : t.refreshed(write.result.sheetName)}
            {write.result.defaultNameTaken ? ` ${t.nameTaken(write.result.defaultName)}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {write.kind === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t.writeFailed(write.message)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
