/** The runner's journal on top of the gateway: protected rows out, entries back, damaged rows citing the batch stop it. */
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { intentEntry, outcomeEntry } from "../../src/core/sending/ledger";
import { JOURNAL_LAYOUT, type JournalLayout } from "../../src/excel/journalSheet";
import { workbookJournal, type JournalGateway } from "../../src/sending/workbookJournal";
import { invoice, ISO, planFor } from "../core/sending/fixtures";

/** Keeps rows as Excel would show them back: the leading apostrophe of literal text is not part of the value. */
function fakeGateway() {
  const rows: unknown[][] = [];
  const layouts: JournalLayout[] = [];
  const gateway: JournalGateway = {
    readJournalRows: async () => (rows.length === 0 ? undefined : { headers: [...JOURNAL_LAYOUT.headers], rows: rows.map((r) => [...r]), firstRowNumber: 2 }),
    appendJournalRows: async (layout, appended) => {
      layouts.push(layout);
      for (const row of appended) rows.push(row.map((cell) => (typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell)));
    },
  };
  return { gateway, rows, layouts };
}

const [message] = planFor([invoice({ client: "=HYPERLINK(\"http://x\")", numero: "F1" })]).items.map((i) => i.message);

test("appends protected rows and reads the same entries back", async () => {
  const { gateway, layouts } = fakeGateway();
  const journal = workbookJournal(gateway, DEFAULT_SCENARIO);
  const entries = [intentEntry(message, 1, ISO(1)), outcomeEntry(message, 1, { kind: "envoye" }, ISO(2))];
  await journal.append(entries.slice(0, 1));
  await journal.append(entries.slice(1));
  await journal.append([]);
  expect(layouts).toEqual([JOURNAL_LAYOUT, JOURNAL_LAYOUT]);
  expect(await journal.load()).toEqual(entries);
});

test("a damaged row citing a message of the batch stops the load", async () => {
  const { gateway, rows } = fakeGateway();
  const journal = workbookJournal(gateway, DEFAULT_SCENARIO, new Set([message.reference]));
  await journal.append([intentEntry(message, 1, ISO(1))]);
  rows[0][1] = "pas une date";
  await expect(journal.load()).rejects.toThrow(`la ligne 2 du journal est illisible et cite l'envoi ${message.reference}`);
  expect(await workbookJournal(gateway, DEFAULT_SCENARIO).load()).toEqual([]);
});
