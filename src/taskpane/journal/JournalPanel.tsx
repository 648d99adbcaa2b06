/** The journal as the workbook holds it, newest first, with unreadable rows named. */
import { Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { Fragment, useCallback, useEffect, useState } from "react";
import { formatDateFr } from "../../core/calendar";
import { ENTRY_TYPE_LABELS } from "../../core/escalation/journal";
import { readJournal, type JournalReading } from "../../core/escalation/journalRows";
import { stepIndexById, type Scenario } from "../../core/escalation/scenario";
import type { WorkbookGateway } from "../../excel/gateway";
import { useStrings } from "../i18n";
import { loadScenario } from "../cases/useWorkbench";

const SHOWN = 300;

export function JournalPanel({ gateway }: { readonly gateway: WorkbookGateway }) {
  const t = useStrings();
  const [reading, setReading] = useState<(JournalReading & { scenario: Scenario }) | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    try {
      const table = await gateway.readJournalRows();
      const { scenario } = loadScenario(gateway);
      setReading({ ...readJournal(table?.headers, table?.rows ?? [], { firstSheetRow: table?.firstRowNumber, scenario }), scenario });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [gateway]);
  useEffect(() => void load(), [load]);

  const entries = reading ? [...reading.entries].reverse().slice(0, SHOWN) : [];
  /** A step by its label in the scenario (the id when the scenario no longer has it). */
  const actionOf = (entry: JournalReading["entries"][number]) => {
    if (entry.type !== "step") return (t.actionLabels as Partial<Record<string, string>>)[entry.type] ?? ENTRY_TYPE_LABELS[entry.type];
    const index = reading ? stepIndexById(reading.scenario, entry.stepId) : undefined;
    return index === undefined ? entry.stepId : reading!.scenario[index].label;
  };
  return (
    <section aria-label={t.tabJournal} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text>{t.journalIntro}</Text>
      <Button onClick={() => void load()} disabled={loading} style={{ alignSelf: "start" }}>
        {t.reanalyze}
      </Button>
      {loading && <Spinner size="tiny" label={t.loading} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {reading && reading.damaged.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.journalDamaged(reading.damaged.length)} {reading.damaged.map((d) => `${t.problemRow} ${d.sheetRow}${t.colon}${d.errors.join(" ; ")}`).join(" · ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {reading && reading.entries.length === 0 && <Text>{t.journalEmpty}</Text>}
      {entries.length > 0 && (
        <Table size="extra-small" aria-label={t.tabJournal}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 78 }}>{t.fieldDate}</TableHeaderCell>
              <TableHeaderCell>{t.journalClient}</TableHeaderCell>
              <TableHeaderCell>{t.journalAction}</TableHeaderCell>
              <TableHeaderCell>{t.invoice}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{formatDateFr(entry.date)}</TableCell>
                <TableCell>{entry.client}</TableCell>
                <TableCell title={entry.note}>{actionOf(entry)}</TableCell>
                <TableCell>
                  {entry.invoices.map((numero, i) => (
                    <Fragment key={numero}>
                      {i > 0 && ", "}
                      <span style={{ whiteSpace: "nowrap" }}>{numero}</span>
                    </Fragment>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
