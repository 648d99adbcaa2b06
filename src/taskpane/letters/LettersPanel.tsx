/**
 * Letters and e-mails for the analysed cases: the creditor's profile (entered
 * once, kept in the workbook), the choice of clients, a preview, and the
 * documents, each recorded in the journal with its reference.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { EpochDay } from "../../core/calendar";
import type { JournalEntry } from "../../core/escalation/journal";
import type { ClientCase } from "../../core/escalation/workflow";
import { buildLetterModel, problemsFor } from "../../core/letters/model";
import { letterPreviewHtml } from "../../core/letters/render";
import { CREDITOR_PROFILE_LABELS, CREDITOR_PROFILE_SETTING, parseCreditorProfile, type CreditorProfile } from "../../core/letters/profile";
import type { RateBook } from "../../core/rates/rateBook";
import type { WorkbookGateway } from "../../excel/gateway";
import type { Analysis } from "../cases/useWorkbench";
import { useStrings } from "../i18n";
import { downloadBytes } from "./download";
import { newId } from "../ids";
import { readStoredTemplate, resolveStoredTemplate, UserTemplateSection, type StoredTemplate } from "./UserTemplateSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Two columns when they fit (about 190 px each), one in a narrow pane: nothing clipped at 320 px.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 190px), 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
    "& > *": { minWidth: 0 },
    "& .fui-Input, & .fui-Textarea": { minWidth: 0, width: "100%" },
  },
  list: { display: "flex", flexDirection: "column", maxHeight: "200px", overflowY: "auto" },
  select: { minWidth: 0, maxWidth: "100%" },
  preview: { width: "100%", height: "360px", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: "#fff" },
});

type Output = "docx" | "zip" | "pdf" | "eml";
type ProfileDraft = Record<keyof typeof CREDITOR_PROFILE_LABELS, string>;
const MULTILINE = new Set(["adresse", "signature"]);

export interface LettersPanelProps {
  readonly analysis: Analysis | undefined;
  readonly gateway: WorkbookGateway;
  readonly book: RateBook;
  readonly today: () => EpochDay;
  readonly record: (entries: readonly JournalEntry[]) => Promise<string[]>;
  /** Clients chosen in the worklist (bulk action) and the output asked for; otherwise the clients due now, as .docx. */
  readonly request?: { readonly clientKeys: readonly string[]; readonly output: "docx" | "eml" };
}

function storedProfile(gateway: WorkbookGateway): ProfileDraft {
  const stored = gateway.readSetting(CREDITOR_PROFILE_SETTING);
  const draft = Object.fromEntries(Object.keys(CREDITOR_PROFILE_LABELS).map((key) => [key, ""])) as ProfileDraft;
  if (stored && typeof stored === "object" && !(stored instanceof Error)) {
    for (const [key, value] of Object.entries(stored)) if (key in draft && typeof value === "string") draft[key as keyof ProfileDraft] = value;
  }
  return draft;
}

/** Clients with a step due now come pre-selected: that is the morning's mail. */
function dueCases(cases: readonly ClientCase[]): Set<string> {
  return new Set(cases.filter((c) => c.next?.dueNow).map((c) => c.clientKey));
}

export function LettersPanel({ analysis, gateway, book, today, record, request }: LettersPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const clientsLabel = useId("clients");
  const [draft, setDraft] = useState<ProfileDraft>(() => storedProfile(gateway));
  const [profileErrors, setProfileErrors] = useState<string[]>([]);
  const [profile, setProfile] = useState<CreditorProfile | undefined>(() => {
    const parsed = parseCreditorProfile(gateway.readSetting(CREDITOR_PROFILE_SETTING));
    return parsed.ok ? parsed.profile : undefined;
  });
  const cases = useMemo(() => analysis?.result.cases ?? [], [analysis]);
  const [chosen, setChosen] = useState<Set<string>>(() => (request ? new Set(request.clientKeys) : dueCases(cases)));
  const [output, setOutput] = useState<Output>(request?.output ?? "docx");
  const [markDone, setMarkDone] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [messages, setMessages] = useState<{ intent: "success" | "warning" | "error"; text: string }[]>([]);
  const [userTemplate, setUserTemplate] = useState<StoredTemplate | undefined>(() => readStoredTemplate(gateway));

  const saveProfile = async () => {
    const parsed = parseCreditorProfile({ version: 1, ...draft });
    if (!parsed.ok) return setProfileErrors(parsed.errors.map((e) => e.message));
    await gateway.writeSetting(CREDITOR_PROFILE_SETTING, parsed.profile);
    setProfile(parsed.profile);
    setProfileErrors([]);
  };

  const selected = cases.filter((c) => chosen.has(c.clientKey));
  const previewKey = selected.map((c) => c.clientKey).join("\u0000");
  const preview = useMemo(() => {
    if (!profile) return undefined;
    // A step with no letter of its own (« Action judiciaire ») has nothing to preview: the first chosen client that has one is shown.
    for (const clientCase of selected) {
      const model = buildLetterModel({ clientCase, profile, letterDate: today(), book, step: stepOf(clientCase) });
      if (model.builtIn) return { html: letterPreviewHtml(model), problems: problemsFor(model, output === "eml" ? "email" : "courrier"), builtIn: model.builtIn };
    }
    return undefined;
  }, [profile, cases, previewKey, output, book]);

  function stepOf(c: ClientCase) {
    const id = c.stepGroups[0]?.id ?? c.next?.id;
    return analysis?.scenario.find((step) => step.id === id);
  }

  const generate = async () => {
    if (!profile || !analysis) return;
    setMessages([]);
    setProgress(0);
    try {
      const documents = await import(/* webpackChunkName: "documents" */ "../../documents");
      // The user's Word template serves the Word outputs; it is checked again before any merge.
      const template = output === "docx" || output === "zip" ? userTemplate : undefined;
      const loaded = template ? await resolveStoredTemplate(template) : undefined;
      if (template && loaded && !loaded.ok) {
        setMessages([{ intent: "error", text: t.templateRejected(template.name) }, ...loaded.report.errors.map((text) => ({ intent: "error" as const, text }))]);
        return;
      }
      const requests = selected.map((c) => ({ clientCase: c, step: stepOf(c), invoices: c.stepGroups[0]?.invoices }));
      const context = {
        profile,
        letterDate: today(),
        book,
        onProgress: (p: { done: number; total: number }) => setProgress(p.total ? p.done / p.total : 1),
        ...(loaded?.ok && { userTemplate: loaded.template }),
      };
      const result =
        output === "docx"
          ? await documents.generateCombinedDocx(requests, context)
          : output === "zip"
            ? await documents.generateZip(requests, context)
            : output === "pdf"
              ? await documents.generatePdf(requests, { ...context, fonts: await (await import("./pdfFonts")).loadPdfFonts() })
              : await documents.generateEmails(requests, { ...context, now: new Date() });
      if (result.documents.length > 0) downloadBytes(result.bytes, result.fileName, result.mimeType);
      const channel = output === "eml" ? "email" : "courrier";
      const timestamp = new Date().toISOString();
      const entries: JournalEntry[] = result.documents.flatMap((doc) => {
        const { templateId, stepId, ...fields } = doc.journal;
        const common = { ...fields, id: newId(), timestamp, channel } as const;
        const documentEntry = { ...common, type: "document", ...(templateId ? { templateId } : {}), ...(stepId ? { stepId } : {}) } as JournalEntry;
        const stepEntry = markDone && stepId && fields.invoices.length ? [{ ...common, id: newId(), type: "step", stepId } as JournalEntry] : [];
        return [documentEntry, ...stepEntry];
      });
      const problems = entries.length ? await record(entries) : [];
      setMessages([
        { intent: "success", text: t.lettersDone(result.documents.length, result.fileName) },
        ...result.skipped.map((s) => ({ intent: "warning" as const, text: `${s.client} : ${s.reasons.join(" ; ")}` })),
        ...problems.map((text) => ({ intent: "error" as const, text })),
      ]);
    } catch (error) {
      setMessages([{ intent: "error", text: (error as Error).message }]);
    } finally {
      setProgress(undefined);
    }
  };

  // « Dossier contentieux » of the first selected client: the file as a PDF and its parts as a .zip.
  const courtFile = async () => {
    if (!profile || !analysis || selected.length === 0) return;
    setMessages([]);
    try {
      const documents = await import(/* webpackChunkName: "documents" */ "../../documents");
      const fonts = await (await import("./pdfFonts")).loadPdfFonts();
      // The user's Word template, when loaded, remakes the letters as they were sent with it.
      const loaded = userTemplate ? await resolveStoredTemplate(userTemplate) : undefined;
      if (userTemplate && loaded && !loaded.ok) {
        setMessages([{ intent: "error", text: t.templateRejected(userTemplate.name) }, ...loaded.report.errors.map((text) => ({ intent: "error" as const, text }))]);
        return;
      }
      const result = await documents.generateCourtFile({
        invoices: analysis.ledger.invoices,
        journal: analysis.journal.entries,
        clientKey: selected[0].clientKey,
        date: today(),
        profile,
        book,
        scenario: analysis.scenario,
        fonts,
        ...(loaded?.ok && { userTemplate: loaded.template }),
      });
      downloadBytes(result.zip, `${result.baseName}.zip`, "application/zip");
      downloadBytes(result.pdf, `${result.baseName}.pdf`, "application/pdf");
      setMessages([{ intent: "success", text: t.courtFileDone(selected[0].client, result.letters.length) }]);
    } catch (error) {
      setMessages([{ intent: "error", text: (error as Error).message }]);
    }
  };

  return (
    <section className={styles.root} aria-label={t.tabLetters}>
      <details open={!profile}>
        <summary>
          <Text weight="semibold">{t.profileTitle}</Text>
        </summary>
        <div className={styles.grid}>
          {(Object.keys(CREDITOR_PROFILE_LABELS) as Array<keyof ProfileDraft>).map((key) => (
            <Field key={key} label={CREDITOR_PROFILE_LABELS[key]} size="small">
              {MULTILINE.has(key) ? (
                <Textarea size="small" value={draft[key]} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
              ) : (
                <Input size="small" value={draft[key]} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
              )}
            </Field>
          ))}
        </div>
        <Button appearance="primary" onClick={() => void saveProfile()} style={{ marginTop: 8 }}>
          {t.save}
        </Button>
        {profileErrors.length > 0 && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{profileErrors.join(" ; ")}</MessageBarBody>
          </MessageBar>
        )}
      </details>
      {!analysis && <Text>{t.lettersNeedAnalysis}</Text>}
      {analysis && (
        <>
          {/* Not a Field: a Field gives its one id to every checkbox inside, and all their labels would name the first. */}
          <div role="group" aria-labelledby={clientsLabel}>
            <Text id={clientsLabel} block>
              {t.lettersClients}
            </Text>
            <div className={styles.list}>
              {cases.map((c) => (
                <Checkbox
                  key={c.clientKey}
                  checked={chosen.has(c.clientKey)}
                  label={`${c.client} — ${stepOf(c)?.label ?? t.none}`}
                  onChange={(_, d) => {
                    const next = new Set(chosen);
                    if (d.checked) next.add(c.clientKey);
                    else next.delete(c.clientKey);
                    setChosen(next);
                  }}
                />
              ))}
            </div>
          </div>
          <Field label={t.lettersOutput}>
            <Select className={styles.select} value={output} onChange={(_, d) => setOutput(d.value as Output)}>
              <option value="docx">{t.outputDocx}</option>
              <option value="zip">{t.outputZip}</option>
              <option value="pdf">{t.outputPdf}</option>
              <option value="eml">{t.outputEml}</option>
            </Select>
          </Field>
          <UserTemplateSection gateway={gateway} stored={userTemplate} onStoredChange={setUserTemplate} builtIn={preview?.builtIn} />
          <Checkbox checked={markDone} onChange={(_, d) => setMarkDone(d.checked === true)} label={t.lettersMarkDone} />
          {preview && (
            <>
              <Text weight="semibold">{t.lettersPreview}</Text>
              {preview.problems.map((problem) => (
                <MessageBar key={problem} intent="warning">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              ))}
              <iframe title={t.lettersPreview} className={styles.preview} sandbox="" srcDoc={preview.html} />
            </>
          )}
          <Button appearance="primary" disabled={!profile || selected.length === 0 || progress !== undefined} onClick={() => void generate()}>
            {t.lettersGenerate(selected.length)}
          </Button>
          <Button disabled={!profile || selected.length === 0 || progress !== undefined} onClick={() => void courtFile()}>
            {t.courtFileButton(selected[0]?.client)}
          </Button>
          {progress !== undefined && <ProgressBar value={progress} aria-label={t.loading} />}
          {messages.map((m, i) => (
            <MessageBar key={i} intent={m.intent}>
              <MessageBarBody>{m.text}</MessageBarBody>
            </MessageBar>
          ))}
        </>
      )}
    </section>
  );
}
