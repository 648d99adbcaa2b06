/**
 * The user's own names, each with the Recouvre field it stands for: the
 * proposal by meaning is preselected, the user confirms or changes it, or
 * leaves the name blank on purpose. The template is used only once every
 * name has a choice.
 */
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FieldMapping, MappingProposal } from "../../core/letters/mapping";
import { useStrings } from "../i18n";

const BLANK = "__vide__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface FieldMappingFormProps {
  readonly proposals: readonly MappingProposal[];
  /** Choices already made (a stored mapping, or the previous attempt). */
  readonly mapping: FieldMapping;
  readonly busy: boolean;
  readonly onConfirm: (mapping: FieldMapping) => void;
}

export function FieldMappingForm({ proposals, mapping, busy, onConfirm }: FieldMappingFormProps) {
  const t = useStrings();
  const styles = useStyles();
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      proposals.map((p) => {
        const chosen = Object.hasOwn(mapping, p.name) ? mapping[p.name] : p.suggestion;
        return [p.name, chosen === null ? BLANK : (chosen ?? "")];
      }),
    ),
  );
  const complete = proposals.every((p) => choices[p.name] !== "");
  const confirm = () => onConfirm(Object.fromEntries(proposals.map((p) => [p.name, choices[p.name] === BLANK ? null : choices[p.name]])));

  return (
    <section className={styles.root} aria-label={t.templateMapTitle}>
      <Text weight="semibold">{t.templateMapTitle}</Text>
      <Text size={200}>{t.templateMapHint}</Text>
      {proposals.map((p) => (
        <Field key={p.name} size="small" label={<span className={styles.code}>{p.section ? `{#${p.name}}` : `{${p.name}}`}</span>}>
          <Select
            size="small"
            aria-label={p.name}
            value={choices[p.name]}
            onChange={(_, data) => setChoices((current) => ({ ...current, [p.name]: data.value }))}
          >
            <option value="">{t.templateMapChoose}</option>
            <option value={BLANK}>{t.templateMapBlank}</option>
            {p.choices.map((choice) => (
              <option key={choice} value={choice}>
                {p.section ? `{#${choice}}` : `{${choice}}`}
                {choice === p.suggestion ? t.templateMapProposed : ""}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button size="small" appearance="primary" disabled={busy || !complete} onClick={confirm}>
        {t.templateMapConfirm}
      </Button>
    </section>
  );
}
