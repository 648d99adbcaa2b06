/**
 * The user's own Word template: loaded from a file, checked BEFORE any merge
 * (unknown fields with the closest known name, syntax errors), kept in the
 * workbook settings for next time; a way back to the built-in wording; and
 * the built-in template of the first selected client's step as a .docx to
 * start from. The documents module (docxtemplater, pizzip) is imported only
 * when a template is loaded or downloaded, so it stays out of the first bundle.
 */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { FieldMapping, MappingProposal } from "../../core/letters/mapping";
import { MAX_TEMPLATE_BYTES, type TemplateCheckReport } from "../../core/letters/templateCheck";
import type { LetterTemplate } from "../../core/letters/wording";
import type { WorkbookGateway } from "../../excel/gateway";
import { useStrings } from "../i18n";
import { downloadBytes } from "./download";
import { FieldMappingForm } from "./FieldMappingForm";
import { toBase64 } from "../../core/base64";
import { rememberLoaded, storedValue, USER_TEMPLATE_SETTING, type StoredTemplate } from "./storedTemplate";

export { readStoredTemplate, resolveStoredTemplate, USER_TEMPLATE_SETTING, type StoredTemplate } from "./storedTemplate";

const DOCX_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

type Outcome =
  | {
      readonly kind: "rejected";
      readonly name: string;
      readonly report: TemplateCheckReport;
      /** What it takes to try again with the user's mapping. */
      readonly bytes?: Uint8Array;
      readonly proposals?: readonly MappingProposal[];
      readonly mapping?: FieldMapping;
    }
  | { readonly kind: "accepted"; readonly name: string; readonly report: TemplateCheckReport }
  | { readonly kind: "error"; readonly text: string };

export interface UserTemplateSectionProps {
  readonly gateway: WorkbookGateway;
  readonly stored: StoredTemplate | undefined;
  readonly onStoredChange: (stored: StoredTemplate | undefined) => void;
  /** The built-in template of the first selected client's step (undefined without a profile or a selection). */
  readonly builtIn: LetterTemplate | undefined;
}

const UNKNOWN_SUMMARY = /^(Champ inconnu|\d+ champs inconnus) :/;

export function UserTemplateSection({ gateway, stored, onStoredChange, builtIn }: UserTemplateSectionProps) {
  const t = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const tryLoad = async (bytes: Uint8Array, name: string, mapping: FieldMapping) => {
    setBusy(true);
    try {
      const documents = await import(/* webpackChunkName: "documents" */ "../../documents");
      const result = documents.loadUserTemplate(bytes, name, mapping);
      if (!result.ok) {
        setOutcome({ kind: "rejected", name, report: result.report, bytes, proposals: result.proposals, mapping });
        return;
      }
      const next = storedValue(name, toBase64(bytes), mapping);
      await gateway.writeSetting(USER_TEMPLATE_SETTING, next);
      rememberLoaded(next, result.template);
      onStoredChange(next);
      setOutcome({ kind: "accepted", name, report: result.report });
    } catch (error) {
      setOutcome({ kind: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const load = async (file: File) => {
    setOutcome(undefined);
    if (file.size > MAX_TEMPLATE_BYTES) {
      setOutcome({ kind: "error", text: t.templateTooBig(file.name, (file.size / 1024 / 1024).toFixed(1).replace(".", ",")) });
      return;
    }
    try {
      await tryLoad(new Uint8Array(await file.arrayBuffer()), file.name, {});
    } catch (error) {
      setOutcome({ kind: "error", text: (error as Error).message });
    }
  };

  const reset = async () => {
    try {
      await gateway.writeSetting(USER_TEMPLATE_SETTING, null);
      onStoredChange(undefined);
      setOutcome(undefined);
    } catch (error) {
      setOutcome({ kind: "error", text: (error as Error).message });
    }
  };

  const downloadBuiltIn = async () => {
    if (!builtIn) return;
    try {
      const documents = await import(/* webpackChunkName: "documents" */ "../../documents");
      downloadBytes(documents.builtInTemplateDocx(builtIn), `modele-${builtIn.key.replace(/\./g, "-")}.docx`, documents.DOCX_MIME);
    } catch (error) {
      setOutcome({ kind: "error", text: (error as Error).message });
    }
  };

  const report = outcome && outcome.kind !== "error" ? outcome.report : undefined;
  const errors = report ? report.errors.filter((e) => !(report.unknown.length > 0 && UNKNOWN_SUMMARY.test(e))) : [];
  // "{client} is missing" says nothing more when {clientt} is already reported with {client} as its fix.
  const suggested = new Set(report?.unknown.flatMap((field) => (field.suggestion ? [`{${field.suggestion}}`] : [])));
  const warnings = report ? report.warnings.filter((w) => ![...suggested].some((name) => w.includes(name))) : [];

  return (
    <section className={styles.root} aria-label={t.templateTitle}>
      <Text weight="semibold">{t.templateTitle}</Text>
      <Text size={200}>{stored ? t.templateInUse(stored.name) : t.templateBuiltIn}</Text>
      <div className={styles.buttons}>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {t.templateLoad}
        </Button>
        {stored && (
          <Button size="small" disabled={busy} onClick={() => void reset()}>
            {t.templateReset}
          </Button>
        )}
        <Button size="small" appearance="subtle" disabled={!builtIn} title={builtIn ? builtIn.label : t.templateDownloadHint} onClick={() => void downloadBuiltIn()}>
          {t.templateDownloadBuiltIn}
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept={DOCX_ACCEPT}
        hidden
        aria-label={t.templateLoad}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void load(file);
        }}
      />
      {busy && <Text size={200}>{t.templateChecking}</Text>}
      {outcome?.kind === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "rejected" && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold" block>
              {outcome.proposals && outcome.proposals.length > 0 ? t.templateRejectedMappable(outcome.name) : t.templateRejected(outcome.name)}
            </Text>
            {report && report.unknown.length > 0 && (
              <>
                <Text block>{t.templateUnknownFields(report.unknown.length)}</Text>
                <ul className={styles.list} aria-label={t.templateUnknownFields(report.unknown.length)}>
                  {report.unknown.map((field) => (
                    <li key={field.name}>
                      <span className={styles.code}>{`{${field.name}}`}</span>
                      {field.suggestion ? t.templateDidYouMean(`{${field.suggestion}}`) : t.templateNoSuggestion}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {errors.length > 0 && (
              <ul className={styles.list}>
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "rejected" && outcome.bytes && outcome.proposals && outcome.proposals.length > 0 && (
        <FieldMappingForm
          key={`${outcome.name}:${JSON.stringify(outcome.mapping)}`}
          proposals={outcome.proposals}
          mapping={outcome.mapping ?? {}}
          busy={busy}
          onConfirm={(mapping) => void tryLoad(outcome.bytes!, outcome.name, mapping)}
        />
      )}
      {outcome?.kind === "accepted" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.templateAccepted(outcome.name, outcome.report.fieldsUsed.length)}</MessageBarBody>
        </MessageBar>
      )}
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" layout="multiline">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
