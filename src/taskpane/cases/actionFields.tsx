/**
 * The action form's own fields, one renderer per FormField. Which fields an
 * action has, and in what order, is its declaration's (core/escalation/
 * actions/): a new kind of field does not compile until it has its renderer.
 */
import { Field, Input, MessageBar, MessageBarBody, Select, Textarea } from "@fluentui/react-components";
import type { JSX } from "react";
import type { FormField } from "../../core/escalation/actions";
import { CALL_OUTCOMES, PROCEDURE_LABELS, PROCEDURES } from "../../core/escalation/journal";
import { CHANNELS, type Channel, type Scenario } from "../../core/escalation/scenario";
import type { ClientCase } from "../../core/escalation/workflow";
import type { Strings } from "../i18n";
import type { ActionDraft } from "./entryDraft";

export interface FieldProps {
  readonly draft: ActionDraft;
  readonly update: (patch: Partial<ActionDraft>) => void;
  readonly t: Strings;
  readonly scenario: Scenario;
  readonly clientCase: ClientCase;
}

export const ACTION_FIELDS: { readonly [F in FormField]: (props: FieldProps) => JSX.Element } = {
  step: ({ draft, update, t, scenario }) => (
    <Field label={t.fieldStep} required>
      <Select value={draft.stepId} onChange={(_, data) => update({ stepId: data.value, channel: scenario.find((s) => s.id === data.value)?.channel })}>
        {scenario.map((step) => (
          <option key={step.id} value={step.id}>
            {step.label}
          </option>
        ))}
      </Select>
    </Field>
  ),
  channel: ({ draft, update, t }) => (
    <Field label={t.fieldChannel}>
      <Select value={draft.channel} onChange={(_, data) => update({ channel: data.value as Channel })}>
        {CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {t.channelLabels[channel]}
          </option>
        ))}
      </Select>
    </Field>
  ),
  // Only for a registered letter: its number is the proof of sending (journal « N° LRAR », the court file's chronology).
  lrar: ({ draft, update, t }) =>
    draft.channel === "lrar" ? (
      <Field label={t.fieldLrarNumber}>
        <Input value={draft.lrarNumber ?? ""} onChange={(_, data) => update({ lrarNumber: data.value })} placeholder="1A 123 456 7890 1" />
      </Field>
    ) : (
      <></>
    ),
  outcome: ({ draft, update, t }) => (
    <Field label={t.fieldOutcome}>
      <Select value={draft.outcome} onChange={(_, data) => update({ outcome: data.value })}>
        {CALL_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t.callOutcomeLabels[outcome]}
          </option>
        ))}
      </Select>
    </Field>
  ),
  until: ({ draft, update, t }) => (
    <Field label={t.fieldUntil} required>
      <Input value={draft.until ?? ""} onChange={(_, data) => update({ until: data.value })} placeholder="jj/mm/aaaa" />
    </Field>
  ),
  amount: ({ draft, update, t }) => (
    <Field label={t.fieldAmount} required>
      <Input value={draft.amount ?? ""} onChange={(_, data) => update({ amount: data.value })} inputMode="decimal" />
    </Field>
  ),
  reason: ({ draft, update, t }) => (
    <Field label={t.fieldReason} required>
      <Textarea value={draft.reason ?? ""} onChange={(_, data) => update({ reason: data.value })} />
    </Field>
  ),
  // A resolution is kept in the draft's `reason` too: one text per form.
  resolution: ({ draft, update, t }) => (
    <Field label={t.fieldResolution}>
      <Textarea value={draft.reason ?? ""} onChange={(_, data) => update({ reason: data.value })} />
    </Field>
  ),
  instalments: ({ draft, update, t }) => (
    <Field label={t.fieldInstalments} required>
      <Textarea value={draft.instalments ?? ""} onChange={(_, data) => update({ instalments: data.value })} rows={4} placeholder={"15/12/2026 ; 500\n15/01/2027 ; 500"} />
    </Field>
  ),
  procedure: ({ draft, update, t, clientCase }) => (
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
  ),
};
