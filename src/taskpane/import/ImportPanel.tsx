/**
 * The import screen: the date and the assumed terms, « Importer… » (file
 * picker, several files for a FEC in parts) or a drop zone, a progress bar
 * while the worker reads, then the import report.
 *
 * Presentational: the state and the import itself come from useImport (the
 * gateway and the worker); no Office call here.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { ImportReport, NoticesSection } from "./ImportReport";
import type { ImportStrings } from "./strings";
import { progressValue } from "./progress";
import type { ImportController } from "./useImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fields: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1, minWidth: "140px" },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "center",
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ImportPanelProps {
  readonly controller: ImportController;
  readonly strings: ImportStrings;
  /** Shows the cases of the « Créances » table (the sheet's selection is in it after an import). */
  readonly onAnalyze: () => void;
}

export function ImportPanel({ controller, strings: t, onAnalyze }: ImportPanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { status } = controller;
  const running = status.kind === "running";
  const ready = controller.asOf !== undefined && controller.termsValid && !running;

  const take = (list: FileList | null) => {
    if (list && list.length > 0) void controller.importFiles(Array.from(list));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (ready) take(event.dataTransfer.files);
  };

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <Text as="h2" id="import-title" size={400} weight="semibold">
        {t.title}
      </Text>
      <Text>{t.intro}</Text>
      <div className={styles.fields}>
        <Field className={styles.field} label={t.asOfLabel} validationMessage={controller.asOf === undefined ? t.asOfInvalid : undefined}>
          <Input type="date" value={controller.dateText} onChange={(_, data) => controller.setDateText(data.value)} />
        </Field>
        <Field
          className={styles.field}
          label={t.termsLabel}
          hint={controller.termsValid ? t.termsHint : undefined}
          validationMessage={controller.termsValid ? undefined : t.termsInvalid}
        >
          <Input value={controller.termsText} onChange={(_, data) => controller.setTermsText(data.value)} />
        </Field>
      </div>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Button appearance="primary" disabled={!ready} onClick={() => input.current?.click()}>
          {running ? t.running : t.pick}
        </Button>
        <Text size={200} className={styles.muted}>
          {dragging ? t.dropActive : t.drop}
        </Text>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".txt,.csv,.tsv,text/plain"
          aria-label={t.pick}
          onChange={(event) => {
            take(event.target.files);
            event.target.value = "";
          }}
        />
      </div>
      {status.kind === "running" && (
        <Field validationMessage={`${t.phases[status.phase]} ${t.files(status.files)}`} validationState="none">
          <ProgressBar value={progressValue(status.phase, status.within)} max={1} thickness="large" aria-label={t.phases[status.phase]} />
        </Field>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{t.failed(status.message)}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "nothing" && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>{t.nothing(t.files(status.files))}</MessageBarBody>
          </MessageBar>
          <NoticesSection strings={t} notices={status.summary.notices} />
        </>
      )}
      {status.kind === "done" && <ImportReport strings={t} result={status} onAnalyze={() => void controller.analyzeTable(onAnalyze)} />}
    </section>
  );
}
