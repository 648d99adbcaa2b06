/**
 * The morning list: analyse the selection, then work through the cases —
 * searched, sorted and filtered (useWorklist, core/worklist), in a windowed
 * list, or one action after another in « Aujourd'hui ».
 */
import { Button, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { EpochDay } from "../../core/calendar";
import type { ClientCase } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import { useStrings } from "../i18n";
import { ActionDialog } from "./ActionDialog";
import { BulkActions } from "./BulkActions";
import { DoneElsewhereDialog } from "./DoneElsewhereDialog";
import { startEntries } from "../../core/escalation/startStep";
import { CaseCard } from "./CaseCard";
import type { ActionDraft } from "./entryDraft";
import { MappingEditor } from "./MappingEditor";
import { ProblemsList } from "./ProblemsList";
import { RateGapBanner } from "./RateGapBanner";
import { TodayView } from "./TodayView";
import type { Workbench } from "./useWorkbench";
import { useWorklist } from "./useWorklist";
import { useWorklistActions } from "./useWorklistActions";
import { VirtualList } from "./VirtualList";
import { WorklistToolbar } from "./WorklistToolbar";
import { newId } from "../ids";

/** A closed card's height at 350 px, before it is measured. */
const CARD_ESTIMATE = 190;
const NO_CASES: readonly ClientCase[] = [];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CasesPanelProps {
  /** The analysed list, shared with the letters and report tabs (App owns it). */
  readonly workbench: Workbench;
  readonly today: () => EpochDay;
  /** Opens the « Taux » tab (from the missing-rate banner). */
  readonly onOpenRates?: () => void;
  /** Takes these clients to the letters tab, to generate their letters (docx) or prepare their e-mails (eml). */
  readonly onLetters?: (clientKeys: readonly string[], output: "docx" | "eml") => void;
}

export function CasesPanel({ workbench, today, onOpenRates, onLetters }: CasesPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const { status, analysis, analyze, record, saveMapping } = workbench;
  const [action, setAction] = useState<{ type: ActionDraft["type"]; clientCase: ClientCase } | undefined>();
  const [elsewhere, setElsewhere] = useState<ClientCase | undefined>();
  const [startErrors, setStartErrors] = useState<string[]>([]);
  const [position, setPosition] = useState(0);
  const entryContext = useMemo(
    () => ({ id: newId, timestamp: () => new Date().toISOString(), scenario: analysis?.scenario ?? [] }),
    [analysis?.scenario],
  );
  /** « Confirmer »: the proposed starting steps enter the journal, in one action. */
  const confirmStart = async (clientCase: ClientCase) => {
    const built = startEntries(clientCase, today(), entryContext);
    const problems = built.ok ? await record(built.entries) : built.errors;
    setStartErrors(problems);
  };
  const cases = analysis?.result.cases ?? NO_CASES;
  const worklist = useWorklist(cases, today());
  const actions = useWorklistActions(cases, record, today, entryContext);
  const { list } = worklist;
  // Issue 14: clients whose credits exceed their invoices have no case; they are named in the summary.
  const creditBalances = analysis?.ledger.creditBalances ?? [];
  const summaryMore = analysis
    ? [
        cases.some((c) => c.total === undefined) ? t.summaryIncomplete : "",
        t.summaryMore(analysis.result.notYetDue, analysis.result.settled),
        creditBalances.length > 0 ? t.creditBalances(creditBalances.length, formatCentsFr(creditBalances.reduce((sum, c) => sum + c.cents, 0))) : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : "";
  const summary = worklist.filtered ? t.worklistShown(list.count, cases.length, formatCentsFr(list.total), list.complete) : t.summary(cases.length, formatCentsFr(list.total));

  const renderCase = (c: ClientCase) => (
    <CaseCard
      clientCase={c}
      onAction={(type, clientCase) => setAction({ type, clientCase })}
      onConfirmStart={(clientCase) => void confirmStart(clientCase)}
      onDoneElsewhere={setElsewhere}
    />
  );

  return (
    <section className={styles.root} aria-label={t.tabCases}>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void analyze()} disabled={status.kind === "loading"}>
          {analysis ? t.reanalyze : t.analyze}
        </Button>
        <Text size={200}>{t.asOf(t.longDate(today()))}</Text>
      </div>
      {status.kind === "loading" && <ProgressBar aria-label={t.loading} />}
      {status.kind === "idle" && <Text>{t.casesIntro}</Text>}
      {status.kind === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {analysis && (
        <>
          {/* The timings are for the curious (and the speed bench): a tooltip, not a line of the morning list. */}
          <Text weight="semibold" role="status" title={t.timings(Math.round(analysis.timings.readMs), Math.round(analysis.timings.computeMs))}>
            {summary}
          </Text>
          {summaryMore && (
            <Text size={200} className={styles.muted}>
              {summaryMore}
            </Text>
          )}
          <RateGapBanner gaps={worklist.gaps} onOpenRates={() => onOpenRates?.()} />
          {[...analysis.scenarioErrors, ...analysis.result.journalWarnings, ...analysis.journal.damaged.map((d) => t.journalRowDamaged(d.sheetRow, d.errors.join(" ; ")))].map((message) => (
            <MessageBar key={message} intent="warning">
              <MessageBarBody>{message}</MessageBarBody>
            </MessageBar>
          ))}
          {analysis.readingNotices.map((notice) => (
            <MessageBar key={notice} intent="info">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
          {startErrors.length > 0 && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{startErrors.join(" ")}</MessageBarBody>
            </MessageBar>
          )}
          <ProblemsList problems={analysis.ledger.problems} />
          <MappingEditor key={analysis.block.header.join("|")} headers={analysis.block.header} detection={analysis.detection} errors={analysis.mappingErrors} onSave={saveMapping} />
          {cases.length === 0 && <Text>{t.noCases}</Text>}
          {cases.length > 0 && (
            <TabList size="small" selectedValue={worklist.view} onTabSelect={(_, data) => worklist.setView(data.value as "all" | "today")}>
              <Tab value="all">{t.worklistViewAll}</Tab>
              <Tab value="today">{`${t.worklistViewToday} (${worklist.queue.length})`}</Tab>
            </TabList>
          )}
          {cases.length > 0 && worklist.view === "today" && (
            <TodayView
              actions={worklist.queue}
              position={position}
              busy={actions.busy}
              message={actions.todayMessage}
              onRecord={(todo) => void actions.recordToday(todo)}
              onMove={setPosition}
            />
          )}
          {cases.length > 0 && worklist.view === "all" && (
            <>
              <WorklistToolbar
                query={worklist.query}
                scenario={analysis.scenario}
                creditBalances={worklist.creditBalances}
                hasCreditBalances={creditBalances.length > 0}
                filtered={worklist.filtered}
                onChange={worklist.update}
                onToggleFlag={worklist.toggleFlag}
                onCreditBalances={worklist.setCreditBalances}
                onClear={worklist.clear}
              />
              {worklist.filtered && !worklist.creditBalances && list.count > 0 && (
                <BulkActions
                  cases={list.cases}
                  scenario={analysis.scenario}
                  busy={actions.busy}
                  message={actions.bulkMessage}
                  onRecordStep={(stepId, chosen) => void actions.recordBulk(stepId, chosen)}
                  onLetters={(chosen, output) => onLetters?.(chosen.map((c) => c.clientKey), output)}
                />
              )}
              {worklist.creditBalances ? (
                <section aria-label={t.worklistCreditTitle(creditBalances.length)}>
                  <Text weight="semibold">{t.worklistCreditTitle(creditBalances.length)}</Text>
                  <ul>
                    {creditBalances.map((credit) => (
                      <li key={credit.clientKey}>
                        {credit.client} · {formatCentsFr(credit.cents)}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : list.count === 0 ? (
                <Text>{t.worklistNoMatch}</Text>
              ) : (
                <VirtualList items={list.cases} itemKey={(c) => c.clientKey} renderItem={renderCase} estimate={CARD_ESTIMATE} label={t.worklistList} />
              )}
            </>
          )}
        </>
      )}
      {elsewhere && analysis && (
        <DoneElsewhereDialog
          clientCase={cases.find((c) => c.clientKey === elsewhere.clientKey) ?? elsewhere}
          scenario={analysis.scenario}
          today={today()}
          ids={entryContext}
          onRecord={record}
          onClose={() => setElsewhere(undefined)}
        />
      )}
      {action && analysis && (
        <ActionDialog
          type={action.type}
          clientCase={cases.find((c) => c.clientKey === action.clientCase.clientKey) ?? action.clientCase}
          scenario={analysis.scenario}
          today={today()}
          context={entryContext}
          onRecord={record}
          onClose={() => setAction(undefined)}
        />
      )}
    </section>
  );
}
