/**
 * One form for every action on a case: the fields follow the action chosen,
 * as its declaration lists them (core/escalation/actions/, actionFields.tsx).
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
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useState } from "react";
import { formatDateFr, type EpochDay } from "../../core/calendar";
import { formFieldsOf } from "../../core/escalation/actions";
import type { JournalEntry } from "../../core/escalation/journal";
import type { Scenario } from "../../core/escalation/scenario";
import type { ClientCase } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import { useStrings } from "../i18n";
import { ACTION_FIELDS } from "./actionFields";
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
            {formFieldsOf(type).map((field) => (
              <Fragment key={field}>{ACTION_FIELDS[field]({ draft, update, t, scenario, clientCase })}</Fragment>
            ))}
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
