/** The morning list: analyse the selection, then work client by client. */
import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { EpochDay } from "../../core/calendar";
import type { ClientCase } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import { useStrings } from "../i18n";
import { ActionDialog } from "./ActionDialog";
import { CaseCard } from "./CaseCard";
import type { ActionDraft } from "./entryDraft";
import { MappingEditor } from "./MappingEditor";
import { ProblemsList } from "./ProblemsList";
import type { Workbench } from "./useWorkbench";
import { newId } from "../ids";

const PAGE = 50;
/** Cards drawn with the summary; the rest of the first page follows once they are on screen. */
const FIRST = 12;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CasesPanelProps {
  /** The analysed list, shared with the letters and report tabs (App owns it). */
  readonly workbench: Workbench;
  readonly today: () => EpochDay;
}


export function CasesPanel({ workbench, today }: CasesPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const { status, analysis, analyze, record, saveMapping } = workbench;
  const [shown, setShown] = useState(FIRST);
  const [action, setAction] = useState<{ type: ActionDraft["type"]; clientCase: ClientCase } | undefined>();
  const entryContext = useMemo(
    () => ({ id: newId, timestamp: () => new Date().toISOString(), scenario: analysis?.scenario ?? [] }),
    [analysis?.scenario],
  );
  const cases = analysis?.result.cases ?? [];
  // After the first paint (a frame, then a task): the first cards are already on screen.
  const staged = analysis !== undefined && shown < PAGE && cases.length > shown;
  useEffect(() => {
    if (!staged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShown((n) => Math.max(n, PAGE)))));
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [staged]);
  const total = cases.reduce((sum, c) => sum + (c.total ?? c.principal), 0);
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
            {t.summary(cases.length, formatCentsFr(total))}
          </Text>
          {summaryMore && (
            <Text size={200} className={styles.muted}>
              {summaryMore}
            </Text>
          )}
          {[...analysis.scenarioErrors, ...analysis.result.journalWarnings, ...analysis.journal.damaged.map((d) => t.journalRowDamaged(d.sheetRow, d.errors.join(" ; ")))].map((message) => (
            <MessageBar key={message} intent="warning">
              <MessageBarBody>{message}</MessageBarBody>
            </MessageBar>
          ))}
          <ProblemsList problems={analysis.ledger.problems} />
          <MappingEditor key={analysis.block.header.join("|")} headers={analysis.block.header} detection={analysis.detection} errors={analysis.mappingErrors} onSave={saveMapping} />
          {cases.length === 0 && <Text>{t.noCases}</Text>}
          {cases.slice(0, shown).map((c) => (
            <CaseCard key={c.clientKey} clientCase={c} onAction={(type, clientCase) => setAction({ type, clientCase })} />
          ))}
          {cases.length > shown && !staged && (
            <Button appearance="secondary" onClick={() => setShown(shown + PAGE)}>
              {t.showMore(Math.min(PAGE, cases.length - shown))}
            </Button>
          )}
        </>
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
