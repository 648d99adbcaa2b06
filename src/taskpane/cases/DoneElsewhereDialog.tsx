/**
 * « Déjà fait ailleurs… »: the steps of an old debt already taken outside
 * Recouvre, each ticked with the day it was taken, entered in the journal in
 * one action (core/escalation/startStep.ts builds and checks the entries).
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { parseDateText, type EpochDay } from "../../core/calendar";
import type { JournalEntry } from "../../core/escalation/journal";
import type { Scenario } from "../../core/escalation/scenario";
import { recordedElsewhereEntries, type EntryIds, type StepDoneElsewhere } from "../../core/escalation/startStep";
import type { ClientCase } from "../../core/escalation/workflow";
import { useStrings } from "../i18n";
import { useReturnFocus } from "../returnFocus";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  step: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  date: { width: "9em" },
});

export interface DoneElsewhereDialogProps {
  readonly clientCase: ClientCase;
  readonly scenario: Scenario;
  readonly today: EpochDay;
  readonly ids: EntryIds;
  readonly onRecord: (entries: JournalEntry[]) => Promise<string[]>;
  readonly onClose: () => void;
}

export function DoneElsewhereDialog({ clientCase, scenario, today, ids, onRecord, onClose }: DoneElsewhereDialogProps) {
  const t = useStrings();
  useReturnFocus();
  const styles = useStyles();
  // Steps before the due date (the preventive reminder) are moot for an old debt.
  const steps = scenario.filter((step) => step.offsetDays > 0);
  const [ticked, setTicked] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problems: string[] = [];
    const done: StepDoneElsewhere[] = [];
    for (const step of steps) {
      const text = ticked[step.id];
      if (text === undefined) continue;
      const date = parseDateText(text);
      if (date === undefined) problems.push(t.doneElsewhereBadDate(step.label, text));
      else done.push({ stepId: step.id, date });
    }
    const invoices = clientCase.lines.map((line) => line.invoice.numero);
    const built = recordedElsewhereEntries(clientCase, invoices, done, scenario, today, ids, t.doneElsewhereNote);
    if (problems.length || !built.ok) return setErrors([...problems, ...(built.ok ? [] : built.errors)]);
    setBusy(true);
    try {
      const failed = await onRecord(built.entries);
      if (failed.length) setErrors(failed);
      else onClose();
    } catch (error) {
      setErrors([(error as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.doneElsewhereTitle(clientCase.client)}</DialogTitle>
          <DialogContent className={styles.form}>
            <Text size={200}>{t.doneElsewhereIntro}</Text>
            {steps.map((step) => {
              const checked = ticked[step.id] !== undefined;
              return (
                <div key={step.id} className={styles.step}>
                  <Checkbox
                    checked={checked}
                    label={step.label}
                    onChange={(_, data) => {
                      const next = { ...ticked };
                      if (data.checked === true) next[step.id] = "";
                      else delete next[step.id];
                      setTicked(next);
                    }}
                  />
                  {checked && (
                    <Field label={t.doneElsewhereOn} orientation="horizontal" size="small">
                      <Input
                        className={styles.date}
                        size="small"
                        aria-label={`${step.label} ${t.doneElsewhereOn}`}
                        value={ticked[step.id]}
                        placeholder="jj/mm/aaaa"
                        onChange={(_, data) => setTicked({ ...ticked, [step.id]: data.value })}
                      />
                    </Field>
                  )}
                </div>
              );
            })}
            {errors.length > 0 && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{errors.join(" ")}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button appearance="primary" onClick={submit} disabled={busy}>
              {t.record}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
