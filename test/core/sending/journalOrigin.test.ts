/**
 * The journal's new optional origin (who, which runtime, its counter, the
 * mailbox) goes through the table and back; a damaged one is dropped, never
 * the row; and a journal written by the previous version (no origin, no
 * claims) still reads the same.
 */
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { entryToRow, JOURNAL_HEADERS, readJournal, rowToEntry } from "../../../src/core/escalation/journalRows";

const DETAILS = JOURNAL_HEADERS.indexOf("Détails");
const col = (header: string) => JOURNAL_HEADERS.indexOf(header);
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { claimEntry, dispositionOf, foldLedger } from "../../../src/core/sending/ledger";
import { leaseByTimestamp } from "../../../src/core/sending/claims";
import { messagesFor } from "./fixtures";

const [m1, m2] = messagesFor(2);

/** Rows exactly as the version before claims wrote them (intent, sent; and an intent left without outcome). */
const OLD_ROWS: Array<Array<string | number>> = [
  ["2025-04-01T09:00:00.000Z", 45748, "Client 0000", "F0", "Document", "Relance 1", "E-mail", 1000, 2.52, 40, "MAIL-2025-04-01-676927ef602b0d720f0e", "Envoi par e-mail à compta0@client0.fr : intention enregistrée avant l'envoi (tentative 1).", '{"v":1,"clientKey":"client 0000","stepId":"relance1"}', "MAIL-2025-04-01-676927ef602b0d720f0e#1:intention"],
  ["2025-04-01T09:00:01.000Z", 45748, "Client 0000", "F0", "Étape", "Relance 1", "E-mail", 1000, 2.52, 40, "MAIL-2025-04-01-676927ef602b0d720f0e", "Envoyé par e-mail à compta0@client0.fr (Microsoft 365).", '{"v":1,"clientKey":"client 0000","stepId":"relance1"}', "MAIL-2025-04-01-676927ef602b0d720f0e#1:envoye"],
  ["2025-04-01T09:00:02.000Z", 45748, "Client 0001", "F1", "Document", "Relance 1", "E-mail", 1000, 2.52, 40, "MAIL-2025-04-01-f5027f180cf716d3081d", "Envoi par e-mail à compta1@client1.fr : intention enregistrée avant l'envoi (tentative 1).", '{"v":1,"clientKey":"client 0001","stepId":"relance1"}', "MAIL-2025-04-01-f5027f180cf716d3081d#1:intention"],
];

test("a journal written by the previous version: sent stays sent, an intent alone stays « à décider »", () => {
  const reading = readJournal(undefined, OLD_ROWS, { scenario: DEFAULT_SCENARIO });
  expect(reading.damaged).toEqual([]);
  expect(reading.entries.every((entry) => entry.origin === undefined)).toBe(true);
  const ledger = foldLedger(reading.entries);
  expect(OLD_ROWS[0][10]).toBe(m1.reference);
  expect(dispositionOf(ledger, m1, leaseByTimestamp(Date.UTC(2025, 3, 2)))).toMatchObject({ kind: "alreadySent" });
  expect(dispositionOf(ledger, m2, leaseByTimestamp(Date.UTC(2025, 3, 2)))).toMatchObject({ kind: "decide", record: { status: "inconnu" } });
});

test("the origin goes through the table and back", () => {
  const claim = claimEntry(m1, 1, "2025-04-01T09:00:00.000Z", { by: "Marie Dupont", runtime: "k3v9x0a1b2c3", seq: 41, mailbox: "marie@acme.fr" });
  const row = entryToRow(claim, DEFAULT_SCENARIO);
  // Who and which runtime in their own columns; the counter and the mailbox in « Détails ».
  expect([row[col("Par")], row[col("Poste")]]).toEqual(["Marie Dupont", "k3v9x0a1b2c3"]);
  expect(JSON.parse(String(row[DETAILS]))).toMatchObject({ origin: { seq: 41, mailbox: "marie@acme.fr" } });
  expect(rowToEntry(row, DEFAULT_SCENARIO)).toEqual({ ok: true, entry: claim });
});

test("an origin damaged by hand is dropped, the row is kept", () => {
  const claim = claimEntry(m1, 1, "2025-04-01T09:00:00.000Z", { by: "Marie", runtime: "abc", seq: 1, mailbox: "marie@acme.fr" });
  const row = entryToRow(claim, DEFAULT_SCENARIO);
  row[DETAILS] = JSON.stringify({ ...JSON.parse(String(row[DETAILS])), origin: { by: 5, runtime: "ABC DEF" } });
  row[col("Par")] = "";
  row[col("Poste")] = "";
  const read = rowToEntry(row, DEFAULT_SCENARIO);
  expect(read.ok).toBe(true);
  const entry = (read as { entry: JournalEntry }).entry;
  expect(entry.origin).toBeUndefined();
  expect(entry.id).toBe(claim.id);
});
