/**
 * Layout 2 of the journal table: one column per fact, the recording time as
 * a local date-time beside the UTC instant; and journals written by layout 1
 * (test/fixtures/journal/v1-rows.json, produced by that version's code)
 * still read as the same entries, alone or extended by new rows.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { localDateTimeSerial } from "../../../src/core/escalation/journalFacts";
import { entryToRow, JOURNAL_HEADERS, JOURNAL_HEADERS_V1, literalRow, readJournal } from "../../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { V1_ENTRIES } from "../../fixtures/journal/entries";
import { serial } from "../fixtures";

const V1 = JSON.parse(readFileSync(join(__dirname, "../../fixtures/journal/v1-rows.json"), "utf8")) as { headers: string[]; rows: Array<Array<string | number>> };
const stored = (cell: string | number) => (typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell);
const newRow = (index: number) => literalRow(entryToRow(V1_ENTRIES[index], DEFAULT_SCENARIO, { utcOffsetMinutes: () => 60 })).map(stored);
const cellOf = (row: ReadonlyArray<string | number>, header: string) => row[JOURNAL_HEADERS.indexOf(header)];

test("the fixture is layout 1: its headers are the old ones", () => {
  expect(V1.headers).toEqual(JOURNAL_HEADERS_V1);
  expect(V1.headers).not.toContain("Horodatage UTC");
});

test("a journal written by layout 1 reads as the entries it was written from, nothing damaged, nothing missing", () => {
  const reading = readJournal(V1.headers, V1.rows, { scenario: DEFAULT_SCENARIO });
  expect(reading.damaged).toEqual([]);
  expect(reading.missingColumns).toEqual([]);
  expect(reading.entries).toEqual(V1_ENTRIES);
});

test("a layout-1 table that gained the new columns at its end reads old and new rows alike", () => {
  const headers = [...V1.headers, ...JOURNAL_HEADERS.filter((h) => !V1.headers.includes(h))];
  const oldRows = V1.rows.map((row) => [...row, ...new Array(headers.length - row.length).fill("")]);
  const newRows = V1_ENTRIES.map((entry, i) => {
    const row = newRow(i);
    return headers.map((h) => cellOf(row, h));
  });
  const reading = readJournal(headers, [...oldRows, ...newRows], { scenario: DEFAULT_SCENARIO });
  expect(reading.damaged).toEqual([]);
  expect(reading.missingColumns).toEqual([]);
  expect(reading.entries).toEqual([...V1_ENTRIES, ...V1_ENTRIES]);
});

test.each([
  ["promise", 3, { Montant: 500, Échéance: serial(2026, 3, 15), "Motif ou issue": "" }],
  ["payment", 7, { Montant: 700, Répartition: "F-101 : 600,00\u00a0€ ; F-102 : 100,00\u00a0€" }],
  ["plan", 6, { Montant: 1234.56, Échéance: serial(2026, 4, 1), Répartition: "01/04/2026 : 400,00\u00a0€ ; 01/05/2026 : 834,56\u00a0€" }],
  ["dispute", 4, { "Motif ou issue": "Livraison incomplète ; 3 cartons manquants", Montant: "" }],
  ["resolution", 5, { "Motif ou issue": "avoir AV-12 émis" }],
  ["call", 2, { "Motif ou issue": "message laissé", Canal: "Téléphone" }],
  ["legal action", 9, { "Motif ou issue": "injonction de payer" }],
  ["document", 10, { "Référence document": "LET-2026-007", Canal: "Courrier" }],
  ["sending claim", 12, { Par: "Marie Dupont", Poste: "k3v9x0a1b2c3" }],
])("a %s shows its facts in their own columns", (_, index, cells) => {
  const row = newRow(index);
  for (const [header, value] of Object.entries(cells)) expect([header, cellOf(row, header)]).toEqual([header, value]);
  const details = JSON.parse(String(cellOf(row, "Détails"))) as Record<string, unknown>;
  for (const field of ["amount", "until", "reason", "resolution", "outcome", "procedure"]) expect(details).not.toHaveProperty(field);
  expect(readJournal(JOURNAL_HEADERS, [row], { scenario: DEFAULT_SCENARIO }).entries).toEqual([V1_ENTRIES[index]]);
});

test("a registered letter's number has its column", () => {
  const step = { ...V1_ENTRIES[1], lrar: "1A 234 567 8901 2" } as (typeof V1_ENTRIES)[number];
  const row = literalRow(entryToRow(step, DEFAULT_SCENARIO)).map(stored);
  expect(cellOf(row, "N° LRAR")).toBe("1A 234 567 8901 2");
  expect(readJournal(JOURNAL_HEADERS, [row], { scenario: DEFAULT_SCENARIO }).entries).toEqual([step]);
});

test("a fact corrected in its column is what the journal reads", () => {
  const row = newRow(3);
  row[JOURNAL_HEADERS.indexOf("Montant")] = 450;
  expect(readJournal(JOURNAL_HEADERS, [row]).entries[0]).toMatchObject({ type: "promise", amount: 45000 });
});

test("the time of recording: a local Excel date-time, the UTC instant beside it", () => {
  const row = newRow(0);
  expect(cellOf(row, "Horodatage")).toBe(serial(2026, 3, 2) + (9 * 3600 + 15 * 60) / 86400);
  expect(cellOf(row, "Horodatage UTC")).toBe("2026-03-02T08:15:00.000Z");
  // Past midnight locally, still the day before in UTC.
  expect(localDateTimeSerial("2026-07-14T22:30:00Z", 120)).toBe(serial(2026, 7, 15) + 1800 / 86400);
  expect(localDateTimeSerial("pas une date", 60)).toBeUndefined();
});

test("in a layout-2 table, a deleted fact column is reported; in a layout-1 table its absence is normal", () => {
  const headers = JOURNAL_HEADERS.filter((h) => h !== "Montant");
  const row = newRow(3).filter((_, i) => i !== JOURNAL_HEADERS.indexOf("Montant"));
  expect(readJournal(headers, [row]).missingColumns).toEqual(["Montant"]);
  expect(readJournal(V1.headers, V1.rows).missingColumns).toEqual([]);
});
