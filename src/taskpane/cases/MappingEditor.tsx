/** The detected column for each field, editable; saving stores the choice in the workbook. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { LEDGER_FIELDS, type ColumnMapping, type HeaderDetection, type LedgerField } from "../../core/ledger/headers";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

export interface MappingEditorProps {
  readonly headers: readonly unknown[];
  readonly detection: HeaderDetection;
  readonly errors: readonly string[];
  readonly onSave: (mapping: ColumnMapping) => Promise<void>;
}

export function MappingEditor({ headers, detection, errors, onSave }: MappingEditorProps) {
  const t = useStrings();
  const styles = useStyles();
  const [mapping, setMapping] = useState<ColumnMapping>(detection.mapping);
  const [saving, setSaving] = useState(false);
  const open = detection.missing.length > 0 || errors.length > 0;
  const set = (field: LedgerField, value: string) => {
    const next: ColumnMapping = { ...mapping };
    if (value === "") delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };
  return (
    <Accordion collapsible defaultOpenItems={open ? ["mapping"] : []}>
      <AccordionItem value="mapping">
        <AccordionHeader>{t.mappingTitle}</AccordionHeader>
        <AccordionPanel>
          <Text as="p">{t.mappingIntro}</Text>
          {detection.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t.mappingMissing(detection.missing.join(", "))}</MessageBarBody>
            </MessageBar>
          )}
          {errors.map((error) => (
            <MessageBar key={error} intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ))}
          <div className={styles.grid}>
            {LEDGER_FIELDS.map((field) => (
              <Field key={field} label={t.fieldLabels[field]} size="small">
                <Select size="small" value={mapping[field] === undefined ? "" : String(mapping[field])} onChange={(_, data) => set(field, data.value)}>
                  <option value="">{t.mappingNone}</option>
                  {headers.map((header, index) => (
                    <option key={index} value={index}>
                      {String(header ?? "") || `#${index + 1}`}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <Button
            appearance="primary"
            disabled={saving}
            style={{ marginTop: 8 }}
            onClick={async () => {
              setSaving(true);
              try {
                await onSave(mapping);
              } finally {
                setSaving(false);
              }
            }}
          >
            {t.save}
          </Button>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
