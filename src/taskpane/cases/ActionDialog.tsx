/**
 * One form for every action on a case: the fields follow the action chosen.
 * It builds the journal entry through entryDraft.ts and hands it to
 * `onRecord`; errors come back in French and nothing is lost from the form.
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
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatDateFr, type EpochDay } from "../../core/calendar";
import { CALL_OUTCOMES, PROCEDURE_LABELS, PROCEDURES, type JournalEntry } from "../../core/escalation/journal";
import { CHANNELS, type Channel, type Scenario } from "../../core/escalation/scenario";
import type { ClientCase } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import { useStrings } from "../i18n";
import { useReturnFocus } from "../returnFocus";
import { buildEntry, type ActionDraft, type EntryContext } from "./entryDraft";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  invoices: { display: "flex", flexDirection: "column", maxHeight: "160px", overflowY: "auto" },
});

export interface ActionDialogProps {
  readonly type: ActionDraft["type"];
  readonly clientCase: ClientCase;
  readonly scenario: Scenario;
  readonly today: EpochDay;
  readonly context: EntryContext;
  readonly onRecord: (entries: JournalEntry[]) => Promise<string[]>;
  readonly onClose: () => void;
}

export function ActionDialog({ type, clientCase, scenario, today, context, onRecord, onClose }: ActionDialogProps) {
  const t = useStrings();
  const styles = useStyles();
  useReturnFocus();
  const candidates = type === "disputeResolved" ? clientCase.disputed : clientCase.lines;
  const dueNow = clientCase.stepGroups[0];
  const [draft, setDraft] = useState<ActionDraft>({
    type,
    invoices: type === "step" && dueNow ? dueNow.invoices : candidates.map((line) => line.invoice.numero),
    date: formatDateFr(today),
    note: "",
    stepId: dueNow?.id ?? clientCase.next?.id ?? scenario[0]?.id,
    channel: dueNow?.channel ?? clientCase.next?.channel,
    outcome: "joint",
    procedure: clientCase.legal.procedure ?? "injonctionDePayer",
  });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<ActionDraft>) => setDraft({ ...draft, ...patch });
  const toggle = (numero: string, checked: boolean) =>
    update({ invoices: checked ? [...draft.invoices, numero] : draft.invoices.filter((n) => n !== numero) });

  const submit = async () => {
    const built = buildEntry(draft, clientCase, context);
    if (!built.ok) return setErrors(built.errors);
    setBusy(true);
    try {
      const problems = await onRecord([built.entry]);
      if (problems.length) setErrors(problems);
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
          <DialogTitle>
            {t.actionLabels[type]} — {clientCase.client}
          </DialogTitle>
          <DialogContent className={styles.form}>
            {candidates.length > 0 && (
              <Field label={t.fieldInvoices}>
                <div className={styles.invoices}>
                  {candidates.map((line) => (
                    <Checkbox
                      key={line.invoice.numero}
                      checked={draft.invoices.includes(line.invoice.numero)}
                      onChange={(_, data) => toggle(line.invoice.numero, data.checked === true)}
                      label={`${line.invoice.numero} — ${formatCentsFr(line.amountDue)} — ${formatDateFr(line.invoice.echeance)}`}
                    />
                  ))}
                </div>
              </Field>
            )}
            <Field label={t.fieldDate} required>
              <Input value={draft.date} onChange={(_, data) => update({ date: data.value })} placeholder="jj/mm/aaaa" />
            </Field>
            {type === "step" && (
              <>
                <Field label={t.fieldStep} required>
                  <Select value={draft.stepId} onChange={(_, data) => update({ stepId: data.value, channel: scenario.find((s) => s.id === data.value)?.channel })}>
                    {scenario.map((step) => (
                      <option key={step.id} value={step.id}>
                        {step.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t.fieldChannel}>
                  <Select value={draft.channel} onChange={(_, data) => update({ channel: data.value as Channel })}>
                    {CHANNELS.map((channel) => (
                      <option key={channel} value={channel}>
                        {t.channelLabels[channel]}
                      </option>
                    ))}
                  </Select>
                </Field>
                {draft.channel === "lrar" && (
                  <Field label={t.fieldLrarNumber}>
                    <Input value={draft.lrarNumber ?? ""} onChange={(_, data) => update({ lrarNumber: data.value })} placeholder="1A 123 456 7890 1" />
                  </Field>
                )}
              </>
            )}
            {type === "call" && (
              <Field label={t.fieldOutcome}>
                <Select value={draft.outcome} onChange={(_, data) => update({ outcome: data.value })}>
                  {CALL_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {t.callOutcomeLabels[outcome]}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {type === "promise" && (
              <>
                <Field label={t.fieldUntil} required>
                  <Input value={draft.until ?? ""} onChange={(_, data) => update({ until: data.value })} placeholder="jj/mm/aaaa" />
                </Field>
                <Field label={t.fieldAmount} required>
                  <Input value={draft.amount ?? ""} onChange={(_, data) => update({ amount: data.value })} inputMode="decimal" />
                </Field>
              </>
            )}
            {type === "payment" && (
              <Field label={t.fieldAmount} required>
                <Input value={draft.amount ?? ""} onChange={(_, data) => update({ amount: data.value })} inputMode="decimal" />
              </Field>
            )}
            {(type === "dispute" || type === "disputeResolved") && (
              <Field label={type === "dispute" ? t.fieldReason : t.fieldResolution} required={type === "dispute"}>
                <Textarea value={draft.reason ?? ""} onChange={(_, data) => update({ reason: data.value })} />
              </Field>
            )}
            {type === "plan" && (
              <Field label={t.fieldInstalments} required>
                <Textarea value={draft.instalments ?? ""} onChange={(_, data) => update({ instalments: data.value })} rows={4} placeholder={"15/12/2026 ; 500\n15/01/2027 ; 500"} />
              </Field>
            )}
            {type === "legalAction" && (
              <>
                <MessageBar intent="info">
                  <MessageBarBody>{clientCase.legal.explanation}</MessageBarBody>
                </MessageBar>
                <Field label={t.fieldProcedure}>
                  <Select value={draft.procedure} onChange={(_, data) => update({ procedure: data.value })}>
                    {PROCEDURES.map((procedure) => (
                      <option key={procedure} value={procedure}>
                        {PROCEDURE_LABELS[procedure]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </>
            )}
            <Field label={t.fieldNote}>
              <Textarea value={draft.note} onChange={(_, data) => update({ note: data.value })} />
            </Field>
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
