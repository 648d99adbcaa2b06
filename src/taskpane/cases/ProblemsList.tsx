/** Rows left out (and cells ignored), each with its row, column, value and reason: nothing is dropped silently. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { cellDisplay } from "../../core/ledger/cells";
import type { RowProblem } from "../../core/ledger/invoiceRow";
import { useStrings } from "../i18n";

const SHOWN = 200;

export function ProblemsList({ problems }: { readonly problems: readonly RowProblem[] }) {
  const t = useStrings();
  if (problems.length === 0) return null;
  const blockingRows = new Set(problems.filter((p) => p.blocking).map((p) => p.sheetRow)).size;
  const ignored = problems.filter((p) => !p.blocking).length;
  const title = [blockingRows ? t.problemsTitle(blockingRows) : "", ignored ? t.problemsWarnings(ignored) : ""].filter(Boolean).join(" · ");
  return (
    <Accordion collapsible defaultOpenItems={blockingRows ? ["problems"] : []}>
      <AccordionItem value="problems">
        <AccordionHeader>{title}</AccordionHeader>
        <AccordionPanel>
          <Table size="extra-small" aria-label={title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 52 }}>{t.problemRow}</TableHeaderCell>
                <TableHeaderCell>{t.problemColumn}</TableHeaderCell>
                <TableHeaderCell>{t.problemValue}</TableHeaderCell>
                <TableHeaderCell>{t.problemReason}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {problems.slice(0, SHOWN).map((problem, i) => (
                <TableRow key={`${problem.sheetRow}-${problem.field}-${i}`}>
                  <TableCell>{problem.sheetRow}</TableCell>
                  <TableCell>{problem.column}</TableCell>
                  <TableCell>{cellDisplay(problem.value)}</TableCell>
                  <TableCell>{problem.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {problems.length > SHOWN && <p>… {problems.length - SHOWN} de plus</p>}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
