import { epochDayToSerial } from "../../../src/core/calendar";
import { CREANCES_COLUMNS, STATUS_OPEN, STATUS_SETTLED } from "../../../src/core/books/creancesTable";
import { clientTermsOf, planReimport, type ExistingCreances } from "../../../src/core/books/reimport";
import { detectColumns } from "../../../src/core/ledger/headers";
import { readInvoices } from "../../../src/core/ledger/invoiceRow";
import { applyPlan, columnOf, day, item, withUserColumn } from "./creancesFixtures";

const THIRTY = { kind: "days", days: 30 } as const;
const AS_OF = day("2025-03-31");

const FIRST = [
  item("411DUPONT", "F-001", "2025-01-10", 120000, 120000, 2, "Dupont SA"),
  item("411DUPONT", "F-004", "2025-02-15", 50000, 20000, 5, "Dupont SA"),
  item("411MARTIN", "F-002", "2025-01-20", 80000, 80000, 3, "Martin SARL"),
  item("00042", "F-003", "2025-02-01", 30000, 30000, 4, "=Injection"),
];

function importOnce(existing: ExistingCreances | undefined, items = FIRST, asOf = AS_OF) {
  const plan = planReimport({ existing, items, asOf, defaultTerms: THIRTY });
  return { plan, table: applyPlan(existing, plan) };
}

describe("first import", () => {
  const { plan, table } = importOnce(undefined);

  test("one row per open item, the add-in's columns in order", () => {
    expect(table.header).toEqual(CREANCES_COLUMNS.map((c) => c.header));
    expect(columnOf(table, "Compte")).toEqual(["00042", "411DUPONT", "411DUPONT", "411MARTIN"]);
    expect(columnOf(table, "Reste dû")).toEqual([300, 1200, 200, 800]);
    expect(columnOf(table, "Montant d'origine")).toEqual([300, 1200, 500, 800]);
    expect(columnOf(table, "Statut")).toEqual([STATUS_OPEN, STATUS_OPEN, STATUS_OPEN, STATUS_OPEN]);
    expect(plan.report).toMatchObject({ added: 4, updated: 0, settled: 0, openItems: 4, openCents: 250000 });
  });

  test("a FEC has no due date: date + the chosen terms, marked as assumed", () => {
    expect(columnOf(table, "Échéance")[1]).toBe(epochDayToSerial(day("2025-02-09")));
    expect(columnOf(table, "Échéance supposée")).toEqual(["oui", "oui", "oui", "oui"]);
  });

  test("an item the reader gave no due date gets the default terms, marked as assumed", () => {
    const { dueDate: _unused, ...bare } = FIRST[0];
    const t = importOnce(undefined, [{ ...bare, dueDateSource: "none" }]).table;
    expect(columnOf(t, "Échéance")).toEqual([epochDayToSerial(day("2025-02-09"))]);
    expect(columnOf(t, "Échéance supposée")).toEqual(["oui"]);
  });

  test("a due date the source gives is used and not marked", () => {
    const withDue = { ...FIRST[0], dueDate: day("2025-01-31"), dueDateSource: "source" as const };
    const t = importOnce(undefined, [withDue]).table;
    expect(columnOf(t, "Échéance")).toEqual([epochDayToSerial(day("2025-01-31"))]);
    expect(columnOf(t, "Échéance supposée")).toEqual([""]);
  });

  test("every text is written as literal text (an account 00042 or a name =… stay as typed)", () => {
    const row = plan.additions[0];
    expect(row[0]).toBe("'00042");
    expect(row[1]).toBe("'=Injection");
  });

  test("« Analyser la sélection » reads the table: client, piece, due date, amount left", () => {
    const detection = detectColumns(table.header);
    expect(detection.missing).toEqual([]);
    const headers = table.header;
    expect(headers[detection.mapping.client!]).toBe("Client");
    expect(headers[detection.mapping.numero!]).toBe("N° pièce");
    expect(headers[detection.mapping.echeance!]).toBe("Échéance");
    expect(headers[detection.mapping.montant!]).toBe("Reste dû");
    expect(headers[detection.mapping.dateFacture!]).toBe("Date pièce");
    const read = readInvoices({ headers, rows: table.rows, mapping: detection.mapping, firstSheetRow: 2 });
    expect(read.rejectedRows).toEqual([]);
    expect(read.invoices.map((i) => i.montant)).toEqual([30000, 120000, 20000, 80000]);
  });
});

describe("re-import", () => {
  const first = importOnce(undefined).table;

  test("the same file twice gives the same table", () => {
    const again = importOnce(first);
    expect(again.table).toEqual(first);
    expect(again.plan.report).toMatchObject({ added: 0, updated: 4, settled: 0 });
  });

  test("a column the user added keeps its cells, matched by account and piece, even after sorting", () => {
    const sorted = { header: first.header, rows: [...first.rows].reverse() };
    const mine = withUserColumn(sorted, "E-mail", (row) => `${String(row[0]).toLowerCase()}@exemple.fr`);
    const { table, plan } = importOnce(mine);
    expect(columnOf(table, "E-mail")).toEqual(columnOf(mine, "E-mail"));
    expect(plan.report.userColumns).toEqual(["E-mail"]);
    // the user's column is never written, not even with its own value
    const emailIndex = table.header.indexOf("E-mail");
    expect(plan.updates.every((row) => row[emailIndex] === null)).toBe(true);
  });

  test("an item no longer open is marked settled, never deleted; the others are refreshed", () => {
    const later = [FIRST[0], { ...FIRST[1], remainingCents: 10000 }, FIRST[3]];
    const { table, plan } = importOnce(first, later, day("2025-04-30"));
    expect(table.rows).toHaveLength(4);
    expect(columnOf(table, "Statut")).toEqual([STATUS_OPEN, STATUS_OPEN, STATUS_OPEN, STATUS_SETTLED]);
    expect(columnOf(table, "Reste dû")).toEqual([300, 1200, 100, 0]);
    expect(columnOf(table, "Arrêté au")[3]).toBe(epochDayToSerial(day("2025-04-30")));
    expect(columnOf(table, "Montant d'origine")[3]).toBe(800);
    expect(plan.report).toMatchObject({ updated: 3, settled: 1, added: 0 });

    // Imported again: still settled, not settled twice, its date kept.
    const again = importOnce(table, later, day("2025-05-31"));
    expect(again.plan.report).toMatchObject({ settled: 0, alreadySettled: 1 });
    expect(columnOf(again.table, "Arrêté au")[3]).toBe(epochDayToSerial(day("2025-04-30")));
    // Open again at a later date (a payment reversed): reopened.
    const reopened = importOnce(again.table, FIRST, day("2025-06-30"));
    expect(reopened.plan.report.reopened).toBe(1);
    expect(columnOf(reopened.table, "Statut")[3]).toBe(STATUS_OPEN);
  });

  test("a row the user typed in (no source lines) is left exactly as it is", () => {
    const typed = ["", "Client à la main", "M-1", 45000, 45030, "", 99, 99, "", "", "", ""];
    const mine = { header: first.header, rows: [...first.rows, typed] };
    const { table, plan } = importOnce(mine);
    expect(table.rows[4]).toEqual(typed);
    expect(plan.updates[4].every((c) => c === null)).toBe(true);
    expect(plan.report.userRows).toBe(1);
  });

  test("a new invoice of a known client gets the client's e-mail and terms; the terms go to the reader", () => {
    const mine = withUserColumn(
      withUserColumn(first, "E-mail", (row) => (row[0] === "411DUPONT" ? "compta@dupont.fr" : "")),
      "Conditions de paiement",
      (row) => (row[0] === "411DUPONT" ? "45 jours fin de mois" : ""),
    );
    const terms = clientTermsOf(mine);
    expect([...terms.termsByAccount]).toEqual([["411DUPONT", { kind: "daysEndOfMonth", days: 45, thenDays: 0 }]]);
    expect(clientTermsOf(undefined).termsByAccount.size).toBe(0);
    // The reader computed the new item's due date with those terms.
    const next = [...FIRST, { ...item("411DUPONT", "F-009", "2025-03-10", 10000, 10000, 9, "Dupont SA"), dueDate: day("2025-04-30") }];
    const { table, plan } = importOnce(mine, next);
    const added = table.rows[4];
    expect(added[table.header.indexOf("E-mail")]).toBe("compta@dupont.fr");
    expect(added[table.header.indexOf("Conditions de paiement")]).toBe("45 jours fin de mois");
    expect(added[table.header.indexOf("Échéance")]).toBe(epochDayToSerial(day("2025-04-30")));
    expect(added[table.header.indexOf("Échéance supposée")]).toBe("oui");
    expect(plan.report.clientTerms).toBe(3);
    expect(plan.report.copiedCells).toBe(2);
  });

  test("unreadable client terms fall back to the default and are reported", () => {
    const mine = withUserColumn(first, "Conditions de paiement", (row) => (row[0] === "411MARTIN" ? "quand il veut" : ""));
    const { plan } = importOnce(mine);
    expect(clientTermsOf(mine).unreadableTerms).toEqual([{ account: "411MARTIN", value: "quand il veut" }]);
    expect(plan.report.unreadableTerms).toEqual([{ account: "411MARTIN", value: "quand il veut" }]);
  });

  test("a due date the user confirmed (marker cleared) is kept", () => {
    const marker = first.header.indexOf("Échéance supposée");
    const due = first.header.indexOf("Échéance");
    const confirmed = { header: first.header, rows: first.rows.map((row, i) => (i === 0 ? row.map((c, j) => (j === marker ? "" : j === due ? 45700 : c)) : row)) };
    const { table, plan } = importOnce(confirmed);
    expect(table.rows[0][due]).toBe(45700);
    expect(table.rows[0][marker]).toBe("");
    expect(plan.report.confirmedDueDates).toBe(1);
  });

  test("a column of the add-in the user deleted comes back at the right", () => {
    const index = first.header.indexOf("Lettrage");
    const cut = { header: first.header.filter((_, i) => i !== index), rows: first.rows.map((row) => row.filter((_, i) => i !== index)) };
    const { table, plan } = importOnce(cut);
    expect(table.header[table.header.length - 1]).toBe("Lettrage");
    expect(plan.report.restoredColumns).toEqual(["Lettrage"]);
    expect(plan.appendedHeaders).toEqual(["Lettrage"]);
  });

  test("two open items under one piece are paired in a stable order", () => {
    const split = [item("411A", "F-1", "2025-01-01", 100, 100, 1), item("411A", "F-1", "2025-02-01", 200, 200, 2)];
    const t1 = importOnce(undefined, split).table;
    const t2 = importOnce(t1, [...split].reverse()).table;
    expect(t2).toEqual(t1);
  });
});
