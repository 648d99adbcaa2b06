import { detectColumns } from "../../../src/core/ledger/headers";
import { readInvoices } from "../../../src/core/ledger/invoiceRow";
import { day } from "../fixtures";

const HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Reste dû"];
const MAPPING = detectColumns(HEADERS).mapping;
const read = (rows: unknown[][]) => readInvoices({ headers: HEADERS, rows, mapping: MAPPING, firstSheetRow: 2 });

describe("the list reads its amount and date columns as whole columns", () => {
  test("« 12.500 » is 12 500 € in a column that writes « 1.250,50 »", () => {
    const { invoices, problems, columnNotices } = read([
      ["A", "F1", "", "15/03/2025", "12.500"],
      ["B", "F2", "", "16/03/2025", "1.250,50"],
    ]);
    expect(problems).toEqual([]);
    expect(invoices.map((invoice) => invoice.montant)).toEqual([1250000, 125050]);
    expect(columnNotices).toEqual([]);
  });

  test("« 12.500 » that nothing decides is refused as ambiguous, never read 12,50 €", () => {
    const { invoices, problems } = read([["A", "F1", "", "15/03/2025", "12.500"]]);
    expect(invoices).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ sheetRow: 2, field: "montant", column: "Reste dû", value: "12.500", blocking: true, reason: expect.stringContaining("ambigu") })]);
  });

  test("a month-first date column is read month-first and the user is told", () => {
    const { invoices, columnNotices } = read([
      ["A", "F1", "8/25/2013", "9/24/2013", "100,00"],
      ["B", "F2", "03/04/2013", "05/04/2013", "100,00"],
    ]);
    expect(invoices.map((invoice) => [invoice.dateFacture, invoice.echeance])).toEqual([
      [day(2013, 8, 25), day(2013, 9, 24)],
      [day(2013, 3, 4), day(2013, 5, 4)],
    ]);
    expect(columnNotices).toEqual([
      { field: "dateFacture", column: "Date facture", notice: expect.stringContaining("mois/jour") },
      { field: "echeance", column: "Échéance", notice: expect.stringContaining("mois/jour") },
    ]);
  });

  test("AAAAMMJJ dates and exports' amounts are read; « (50,00) » is a credit of its client", () => {
    const { invoices, problems, credits, creditBalances } = read([
      ["A", "F1", 20250101, "20250131", "+000000069,40"],
      ["B", "F2", 20250101, "20250131", "(50,00)"],
    ]);
    expect(invoices).toEqual([expect.objectContaining({ dateFacture: day(2025, 1, 1), echeance: day(2025, 1, 31), montant: 6940 })]);
    // Issue 14: a negative amount is a credit (credit note, payment), not a row problem;
    // B has no invoice, so it is in credit and never chased.
    expect(problems).toEqual([]);
    expect(credits).toEqual([expect.objectContaining({ sheetRow: 3, client: "B", numero: "F2", montant: 5000 })]);
    expect(creditBalances).toEqual([expect.objectContaining({ client: "B", cents: 5000, sheetRows: [3] })]);
  });
});
