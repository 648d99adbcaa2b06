/**
 * Rows left out (and cells ignored), each with its row, column, value and
 * reason: nothing is dropped silently. One block per problem rather than a
 * four-column table: in a 350 px pane the French reasons need the full width.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellDisplay } from "../../core/ledger/cells";
import { textOf } from "../../core/messages";
import type { RowProblem } from "../../core/ledger/invoiceRow";
import { useStrings } from "../i18n";

const SHOWN = 200;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ProblemsList({ problems }: { readonly problems: readonly RowProblem[] }) {
  const t = useStrings();
  const styles = useStyles();
  if (problems.length === 0) return null;
  const blockingRows = new Set(problems.filter((p) => p.blocking).map((p) => p.sheetRow)).size;
  const ignored = problems.filter((p) => !p.blocking).length;
  const title = [blockingRows ? t.problemsTitle(blockingRows) : "", ignored ? t.problemsWarnings(ignored) : ""].filter(Boolean).join(" · ");
  return (
    <Accordion collapsible defaultOpenItems={blockingRows ? ["problems"] : []}>
      <AccordionItem value="problems">
        <AccordionHeader>{title}</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list} aria-label={title}>
            {problems.slice(0, SHOWN).map((problem, i) => {
              const value = cellDisplay(problem.value);
              return (
                <li key={`${problem.sheetRow}-${problem.field}-${i}`} className={styles.item}>
                  <Text size={200}>
                    <Text size={200} weight="semibold">
                      {t.problemAt(problem.sheetRow, problem.column)}
                    </Text>
                    {t.colon}
                    {value === "" ? <span className={styles.muted}>{t.problemBlank}</span> : <span className={styles.value}>{value}</span>}
                  </Text>
                  <Text size={200}>
                    {textOf(problem.said, t.language)}
                    {!problem.blocking && <span className={styles.muted}> ({t.problemKept})</span>}
                  </Text>
                </li>
              );
            })}
          </ul>
          {problems.length > SHOWN && <Text size={200}>{t.problemsMore(problems.length - SHOWN)}</Text>}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
