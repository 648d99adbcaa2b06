/**
 * The import report: what was read, imputed, left aside and why (counts and
 * reasons, each kind expandable to its lines), and what the import did to the
 * « Créances » table. Presentational.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Card, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DSO_METHOD_LABELS } from "../../core/books/messages/fr";
import type { NoticeGroup } from "../../core/books/importFec";
import type { ImportStrings } from "./strings";
import type { ImportStatus } from "./useImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Lines of a long notice group shown at once; the rest are counted. */
const DETAILS_SHOWN = 50;

export function ImportReport({ strings: t, result, onAnalyze }: { strings: ImportStrings; result: Extract<ImportStatus, { kind: "done" }>; onAnalyze: () => void }) {
  const styles = useStyles();
  const { summary, write } = result;
  const table = write.report;
  const counts = summary.counts;
  const dsoDays = summary.dso?.countBack?.days ?? summary.dso?.simple?.days;
  const tableLines = [
    table.added > 0 && t.tableAdded(table.added),
    table.updated > 0 && t.tableUpdated(table.updated),
    table.settled > 0 && t.tableSettled(table.settled),
    table.alreadySettled > 0 && t.tableAlreadySettled(table.alreadySettled),
    table.reopened > 0 && t.tableReopened(table.reopened),
    table.userRows > 0 && t.tableUserRows(table.userRows),
    table.userColumns.length > 0 && t.tableUserColumns(table.userColumns),
    table.restoredColumns.length > 0 && t.tableRestored(table.restoredColumns),
    table.copiedCells > 0 && t.tableCopied(table.copiedCells),
    table.clientTerms > 0 && t.tableClientTerms(table.clientTerms),
    ...table.unreadableTerms.map((entry) => t.tableUnreadableTerms(entry.account, entry.value)),
  ].filter((line): line is string => typeof line === "string");

  return (
    <div className={styles.root}>
      <MessageBar intent="success">
        <MessageBarBody>
          <div role="status">
            <Text weight="semibold">{t.summary(summary.open.length, t.money(summary.openCents), summary.debtorAccounts)}</Text> {t.asOf(summary.asOf)}
          </div>
          {write.action === "created" ? t.created(write.sheetName) : t.refreshed(write.sheetName)}
          {write.defaultNameTaken && ` ${t.nameTaken(write.defaultName)}`}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={onAnalyze}>
        {t.analyze}
      </Button>
      <Text size={200}>{t.assumed(result.terms)}</Text>

      <Card className={styles.card} aria-label={t.tableTitle}>
        <Text weight="semibold">{t.tableTitle}</Text>
        <ul className={styles.list}>
          {tableLines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Card>

      <Card className={styles.card} aria-label={t.readTitle}>
        <Text weight="semibold">{t.readTitle}</Text>
        <ul className={styles.list}>
          <li>{t.readLines(summary.linesRead, summary.files.length, summary.customerLines)}</li>
          {summary.files.map((file) => (
            <li key={file.file}>{t.readFile(file.file, file.lines, file.encoding, file.separator, file.fields)}</li>
          ))}
        </ul>
      </Card>

      <Card className={styles.card} aria-label={t.imputedTitle}>
        <Text weight="semibold">{t.imputedTitle}</Text>
        <ul className={styles.list}>
          <li>{t.imputedDebits(counts.openDebits, counts.settledDebits)}</li>
          <li>{t.imputedCredits(counts.imputedCredits, counts.unimputedCredits, summary.unimputedCents)}</li>
          <li>{t.balance(summary.balanceCents)}</li>
          {summary.creditorAccounts > 0 && <li>{t.creditors(summary.creditorAccounts)}</li>}
          {dsoDays !== undefined && summary.dso && <li>{t.dso(t.days(dsoDays), summary.dso.countBack?.exhausted ?? false, DSO_METHOD_LABELS[summary.dso.basis])}</li>}
        </ul>
      </Card>

      <NoticesSection strings={t} notices={summary.notices} />
    </div>
  );
}

/** The lines left aside or flagged, by reason: a count and amount per reason, its lines on demand. */
export function NoticesSection({ strings: t, notices }: { strings: ImportStrings; notices: readonly NoticeGroup[] }) {
  const styles = useStyles();
  return (
    <section aria-label={t.noticesTitle}>
      <Text weight="semibold">{t.noticesTitle}</Text>
      {notices.length === 0 ? (
        <Text block>{t.noticesNone}</Text>
      ) : (
        <Accordion multiple collapsible>
          {notices.map((group) => (
            <AccordionItem key={group.code} value={group.code}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  <span>{group.title}</span>
                  <Text size={200} className={styles.muted}>
                    {t.noticeCount(group.code, group.count, group.cents)}
                  </Text>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.details}>
                  {group.details.slice(0, DETAILS_SHOWN).map((detail, i) => (
                    <li key={i}>{detail}</li>
                  ))}
                  {group.details.length > DETAILS_SHOWN && <li>… {group.details.length - DETAILS_SHOWN}</li>}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
