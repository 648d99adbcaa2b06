import fc from "fast-check";
import { allocatePayment, validateEntry, type JournalEntry } from "../../../src/core/escalation/journal";
import {
  asLiteralText,
  entryToRow,
  JOURNAL_COLUMNS,
  JOURNAL_HEADERS,
  literalRow,
  readJournal,
  rowToEntry,
} from "../../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { day, serial } from "../fixtures";

/** Position of a column in the current layout. */
const col = (key: string) => JOURNAL_COLUMNS.findIndex((c) => c.key === key);
import { journalArb } from "./arbitraries";

const promise: JournalEntry = {
  id: "9b2f-01",
  timestamp: "2025-04-01T09:15:00.000Z",
  date: day(2025, 4, 1),
  client: "SARL Dupont",
  clientKey: "sarl dupont",
  invoices: ["F-101", "F-102"],
  type: "promise",
  channel: "telephone",
  principal: 123456,
  note: "=HYPERLINK(\"http://x\")",
  until: day(2025, 4, 15),
  amount: 50000,
};

describe("the table layout", () => {
  test("French headers, in order", () => {
    expect(JOURNAL_HEADERS).toEqual([
      "Horodatage",
      "Date",
      "Client",
      "Factures",
      "Type",
      "Étape",
      "Canal",
      "Principal",
      "Pénalités",
      "Indemnité",
      "Référence document",
      "Note",
      "Montant",
      "Échéance",
      "Motif ou issue",
      "Répartition",
      "N° LRAR",
      "Par",
      "Poste",
      "Horodatage UTC",
      "Détails",
      "Clé",
    ]);
    expect(JOURNAL_COLUMNS.filter((c) => c.kind === "euros").map((c) => c.header)).toEqual(["Principal", "Pénalités", "Indemnité", "Montant"]);
    expect(JOURNAL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.header)).toEqual(["Date", "Échéance"]);
    expect(JOURNAL_COLUMNS.filter((c) => c.kind === "dateTime").map((c) => c.header)).toEqual(["Horodatage"]);
  });
});

describe("entryToRow", () => {
  test("a promise: local date-time, serial dates, euros, labels; its amount and date in their columns, not in JSON", () => {
    // Paris in summer: 09:15 UTC is 11:15.
    expect(entryToRow(promise, undefined, { utcOffsetMinutes: () => 120 })).toEqual([
      serial(2025, 4, 1) + (11 * 3600 + 15 * 60) / 86400,
      serial(2025, 4, 1),
      "SARL Dupont",
      "F-101; F-102",
      "Promesse de paiement",
      "",
      "Téléphone",
      1234.56,
      "",
      "",
      "",
      "=HYPERLINK(\"http://x\")",
      500,
      serial(2025, 4, 15),
      "",
      "",
      "",
      "",
      "",
      "2025-04-01T09:15:00.000Z",
      '{"v":2,"clientKey":"sarl dupont"}',
      "9b2f-01",
    ]);
  });

  test("a step shows the scenario's label; its id stays in the details", () => {
    const step: JournalEntry = { ...promise, type: "step", stepId: "relance2", channel: "email" } as JournalEntry;
    delete (step as Partial<{ until: number; amount: number }>).until;
    delete (step as Partial<{ until: number; amount: number }>).amount;
    const row = entryToRow(step, DEFAULT_SCENARIO);
    expect(row[5]).toBe("Relance 2");
    expect(row[6]).toBe("E-mail");
    expect(JSON.parse(row[col("details")] as string)).toEqual({ v: 2, clientKey: "sarl dupont", stepId: "relance2" });
    // Without a scenario, the id is shown.
    expect(entryToRow(step)[5]).toBe("relance2");
  });

  test("a registered step keeps its LRAR number in « N° LRAR »; a row written before the field existed reads as before", () => {
    const step = { id: "s1", timestamp: promise.timestamp, date: promise.date, client: promise.client, clientKey: promise.clientKey, invoices: ["F-101"], type: "step", stepId: "miseEnDemeure", channel: "lrar" } as JournalEntry;
    const withLrar = { ...step, lrar: "1A 123 456 7890 1" } as JournalEntry;
    const row = entryToRow(withLrar, DEFAULT_SCENARIO);
    expect(row[col("lrar")]).toBe("1A 123 456 7890 1");
    expect(JSON.parse(row[col("details")] as string)).toEqual({ v: 2, clientKey: "sarl dupont", stepId: "miseEnDemeure" });
    expect(rowToEntry(row, DEFAULT_SCENARIO)).toEqual({ ok: true, entry: withLrar });
    // A row as an earlier version wrote it: no number anywhere, the same entry without it.
    const old = [...row];
    old[col("lrar")] = "";
    expect(rowToEntry(old, DEFAULT_SCENARIO)).toEqual({ ok: true, entry: step });
    expect(validateEntry({ ...withLrar, lrar: "n° ??" }).ok).toBe(false);
  });

  test("written to Excel, every text is marked literal; numbers are not", () => {
    const row = literalRow(entryToRow(promise));
    expect(row[col("instant")]).toBe("'2025-04-01T09:15:00.000Z");
    expect(row[0]).toBe(serial(2025, 4, 1) + (9 * 3600 + 15 * 60) / 86400);
    expect(row[1]).toBe(serial(2025, 4, 1));
    expect(row[7]).toBe(1234.56);
    expect(row[8]).toBe("");
    expect(row[11]).toBe("'=HYPERLINK(\"http://x\")");
  });
});

describe("asLiteralText", () => {
  test.each([
    ["=SOMME(A1)", "'=SOMME(A1)"],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["'cité", "''cité"],
    ["00123", "'00123"],
    ["Dupont", "'Dupont"],
    ["", ""],
  ])("%p -> %p", (text, written) => {
    expect(asLiteralText(text)).toBe(written);
  });
});

describe("rowToEntry", () => {
  test("reads back the promise", () => {
    expect(rowToEntry(entryToRow(promise))).toEqual({ ok: true, entry: promise });
  });

  test("round trip: rowToEntry(entryToRow(e)) = e for every valid entry, any text", () => {
    fc.assert(
      fc.property(journalArb({ wide: true, maxLength: 12 }), (entries) => {
        for (const entry of entries) {
          expect(validateEntry(entry)).toEqual({ ok: true, entry });
          expect(rowToEntry(entryToRow(entry, DEFAULT_SCENARIO), DEFAULT_SCENARIO)).toEqual({ ok: true, entry });
        }
      }),
      { numRuns: 200 },
    );
  });

  test("through Excel: marked as literal text on write, read back without the mark", () => {
    // What Excel stores for a value written with a leading apostrophe.
    const stored = (cell: string | number) => (typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell);
    fc.assert(
      fc.property(journalArb({ wide: true, maxLength: 12 }), (entries) => {
        for (const entry of entries) {
          const row = literalRow(entryToRow(entry, DEFAULT_SCENARIO)).map(stored);
          expect(rowToEntry(row, DEFAULT_SCENARIO)).toEqual({ ok: true, entry });
        }
      }),
      { numRuns: 100 },
    );
  });

  test("Excel may hand numbers back for texts that look like numbers", () => {
    const row = entryToRow({ ...promise, client: "1789", invoices: ["1024"] });
    const fromExcel = row.map((cell, i) => (i === 2 ? 1789 : i === 3 ? 1024 : cell));
    const reading = rowToEntry(fromExcel);
    expect(reading.ok && [reading.entry.client, reading.entry.invoices]).toEqual(["1789", ["1024"]]);
  });

  test("a hand-typed row naming its step by label", () => {
    const row = entryToRow({ ...promise, type: "step", stepId: "miseEnDemeure" } as unknown as JournalEntry, DEFAULT_SCENARIO);
    row[col("details")] = ""; // no details at all
    const reading = rowToEntry(row, DEFAULT_SCENARIO);
    expect(reading.ok && reading.entry).toMatchObject({ type: "step", stepId: "miseEnDemeure", clientKey: "sarl dupont" });
  });

  test.each([
    [{ details: "{pas du json" }, "Détails : JSON illisible"],
    [{ type: "Rappel" }, "Type : « Rappel » inconnu"],
    [{ type: "" }, "Type : manquant"],
    [{ date: "hier" }, "Date : date illisible : attendu jj/mm/aaaa ou aaaa-mm-jj (années sur 4 chiffres)"],
    [{ principal: -3 }, "Principal : montant négatif : un avoir n'est pas une créance à relancer ; imputez-le sur la facture concernée"],
    [{ channel: "Pigeon voyageur" }, "Canal : « Pigeon voyageur » inconnu"],
    [{ instant: "01/04/2025" }, "timestamp : horodatage ISO attendu (ex. 2026-03-02T09:15:00Z)"],
    [{ id: "" }, "id : clé manquante"],
    [{ amount: "", details: '{"v":1,"clientKey":"sarl dupont","until":"2025-04-15","amount":-1}' }, "amount : montant négatif"],
    [{ amount: -1 }, "Montant : montant négatif : un avoir n'est pas une créance à relancer ; imputez-le sur la facture concernée"],
    [{ due: "demain" }, "Échéance : date illisible : attendu jj/mm/aaaa ou aaaa-mm-jj (années sur 4 chiffres)"],
    [{ instant: "" }, "Horodatage UTC : manquant (l'heure locale seule ne suffit pas à ordonner le journal)"],
  ])("a damaged row %p is reported: %p", (changes, error) => {
    const row: unknown[] = entryToRow(promise);
    for (const [key, value] of Object.entries(changes)) row[col(key)] = value;
    const reading = rowToEntry(row);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.errors).toContain(error);
  });
});

describe("readJournal", () => {
  test("damaged rows are listed with their sheet row; the others are read", () => {
    const good = entryToRow(promise);
    const other = entryToRow({ ...promise, id: "9b2f-02" });
    const damaged = [...good];
    damaged[col("type")] = "Rappel";
    const blank = new Array(JOURNAL_HEADERS.length).fill("");
    const reading = readJournal(JOURNAL_HEADERS, [good, damaged, blank, other], { firstSheetRow: 2 });
    expect(reading.entries.map((e) => e.id)).toEqual(["9b2f-01", "9b2f-02"]);
    expect(reading.damaged).toEqual([{ sheetRow: 3, errors: ["Type : « Rappel » inconnu"], cells: expect.arrayContaining(["Rappel", "SARL Dupont"]) }]);
    expect(reading.missingColumns).toEqual([]);
  });

  test("columns are found by their header, wherever the user moved them", () => {
    const row = entryToRow(promise);
    const order = [...JOURNAL_HEADERS.keys()].reverse();
    const reading = readJournal(
      order.map((i) => JOURNAL_HEADERS[i].toUpperCase()),
      [order.map((i) => row[i])],
    );
    expect(reading.entries).toEqual([promise]);
  });

  test("a deleted column is reported and its cells read as blank", () => {
    const headers = JOURNAL_HEADERS.filter((h) => h !== "Note");
    const row = entryToRow(promise).filter((_, i) => i !== col("note"));
    const reading = readJournal(headers, [row]);
    expect(reading.missingColumns).toEqual(["Note"]);
    expect(reading.entries[0].note).toBeUndefined();
  });
});

describe("validateEntry", () => {
  test("a payment whose split does not add up is refused in French", () => {
    const payment = {
      ...promise,
      type: "payment",
      amount: 10000,
      allocations: [{ invoice: "F-101", amount: 9000, balanceBefore: 50000 }],
    } as Record<string, unknown>;
    delete payment.until;
    expect(validateEntry(payment)).toEqual({ ok: false, errors: ["allocations : la répartition ne fait pas le total du paiement"] });
    expect(validateEntry({ ...payment, allocations: [{ invoice: "F-999", amount: 10000, balanceBefore: 50000 }] })).toEqual({
      ok: false,
      errors: ["allocations : la répartition cite une facture absente de l'entrée"],
    });
  });

  test("entries acting on invoices must name one; a plan's dates must increase", () => {
    expect(validateEntry({ ...promise, invoices: [] })).toEqual({ ok: false, errors: ["invoices : au moins une facture"] });
    const plan = { ...promise, type: "plan", instalments: [{ date: day(2025, 5, 1), amount: 100 }, { date: day(2025, 5, 1), amount: 100 }] } as Record<string, unknown>;
    delete plan.until;
    delete plan.amount;
    expect(validateEntry(plan)).toEqual({ ok: false, errors: ["instalments : les dates des échéances doivent être strictement croissantes"] });
  });
});

describe("allocatePayment", () => {
  test("oldest due date first; the excess is returned", () => {
    const invoices = [
      { numero: "F3", echeance: day(2025, 3, 1), balance: 30000 },
      { numero: "F1", echeance: day(2025, 1, 1), balance: 10000 },
      { numero: "F2", echeance: day(2025, 2, 1), balance: 20000 },
    ];
    expect(allocatePayment(25000, invoices)).toEqual({
      allocations: [
        { invoice: "F1", amount: 10000, balanceBefore: 10000 },
        { invoice: "F2", amount: 15000, balanceBefore: 20000 },
      ],
      unallocated: 0,
    });
    expect(allocatePayment(70000, invoices).unallocated).toBe(10000);
  });
});
