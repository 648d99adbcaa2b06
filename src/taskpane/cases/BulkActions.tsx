/**
 * What can be done at once on the cases the filter keeps: record the same
 * step for all of them (each case's invoices for which that step is due),
 * or take them to the letters tab to generate their letters or prepare their
 * e-mails (the existing flows, with the filtered clients chosen).
 * Presentational: the cases and the scenario in, the user's choice out.
 */
import { Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Scenario } from "../../core/escalation/scenario";
import type { ClientCase } from "../../core/escalation/workflow";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalXS, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

export interface BulkActionsProps {
  readonly cases: readonly ClientCase[];
  readonly scenario: Scenario;
  readonly busy: boolean;
  readonly message?: { readonly intent: "success" | "warning" | "error"; readonly text: string };
  readonly onRecordStep: (stepId: string, cases: readonly ClientCase[]) => void;
  readonly onLetters: (cases: readonly ClientCase[], output: "docx" | "eml") => void;
}

/** The step most of the cases have due now: the likely choice. */
function likelyStep(cases: readonly ClientCase[], scenario: Scenario): string | undefined {
  const counts = new Map<string, number>();
  for (const c of cases) for (const group of c.stepGroups) counts.set(group.id, (counts.get(group.id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, count] of counts) if (best === undefined || count > counts.get(best)!) best = id;
  return best ?? scenario[0]?.id;
}

export function BulkActions({ cases, scenario, busy, message, onRecordStep, onLetters }: BulkActionsProps) {
  const t = useStrings();
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | undefined>();
  const stepId = chosen ?? likelyStep(cases, scenario);
  const due = cases.filter((c) => c.stepGroups.some((group) => group.id === stepId));
  return (
    <section className={styles.root} aria-label={t.bulkTitle(cases.length)}>
      <Text size={200} weight="semibold">
        {t.bulkTitle(cases.length)}
      </Text>
      <div className={styles.row}>
        <Field label={t.bulkStep} size="small">
          <Select size="small" value={stepId} onChange={(_, data) => setChosen(data.value)}>
            {scenario.map((step) => (
              <option key={step.id} value={step.id}>
                {step.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" appearance="primary" disabled={busy || due.length === 0 || stepId === undefined} onClick={() => stepId && onRecordStep(stepId, due)}>
          {t.bulkRecord(due.length)}
        </Button>
      </div>
      {due.length === 0 && <Text size={200}>{t.bulkRecordNone}</Text>}
      <div className={styles.row}>
        <Button size="small" disabled={busy || cases.length === 0} onClick={() => onLetters(cases, "docx")}>
          {t.bulkLetters}
        </Button>
        <Button size="small" disabled={busy || cases.length === 0} onClick={() => onLetters(cases, "eml")}>
          {t.bulkEmails}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
