/** The morning list: analyse the selection, then work client by client. */
import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateLongFr, type EpochDay } from "../../core/calendar";
import type { ClientCase } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import type { RateBook } from "../../core/rates/rateBook";
import type { WorkbookGateway } from "../../excel/gateway";
import { useStrings } from "../i18n";
import { ActionDialog } from "./ActionDialog";
import { CaseCard } from "./CaseCard";
import type { ActionDraft } from "./entryDraft";
import { MappingEditor } from "./MappingEditor";
import { ProblemsList } from "./ProblemsList";
import { useWorkbench } from "./useWorkbench";

const PAGE = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface CasesPanelProps {
  readonly gateway: WorkbookGateway;
  readonly book: RateBook;
  readonly today: () => EpochDay;
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function CasesPanel({ gateway, book, today }: CasesPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const { status, analysis, analyze, record, saveMapping } = useWorkbench(gateway, book, today);
  const [shown, setShown] = useState(PAGE);
  const [action, setAction] = useState<{ type: ActionDraft["type"]; clientCase: ClientCase } | undefined>();
  const entryContext = useMemo(
    () => ({ id: newId, timestamp: () => new Date().toISOString(), scenario: analysis?.scenario ?? [] }),
    [analysis?.scenario],
  );
  const cases = analysis?.result.cases ?? [];
  const total = cases.reduce((sum, c) => sum + (c.total ?? c.principal), 0);

  return (
    <section className={styles.root} aria-label={t.tabCases}>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void analyze()} disabled={status.kind === "loading"}>
          {analysis ? t.reanalyze : t.analyze}
        </Button>
        <Text size={200}>{t.asOf(formatDateLongFr(today()))}</Text>
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
          <Text weight="semibold" role="status">
            {t.summary(cases.length, formatCentsFr(total))}
          </Text>
          <Text size={200}>
            {t.summaryMore(analysis.result.notYetDue, analysis.result.settled)} · {t.timings(Math.round(analysis.timings.readMs), Math.round(analysis.timings.computeMs))}
          </Text>
          {[...analysis.scenarioErrors, ...analysis.result.journalWarnings, ...analysis.journal.damaged.map((d) => `Journal, ligne ${d.sheetRow} : ${d.errors.join(" ; ")}`)].map((message) => (
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
          {cases.length > shown && (
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
