import { analyzeList } from "../../../src/core/listAnalysis";
import { applyStoredMapping, detectColumns, missingFields, toStoredMapping } from "../../../src/core/ledger/headers";
import { findHeaderRow, headerRowScore, subtotalRows } from "../../../src/core/ledger/listLayout";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day, serial } from "../fixtures";

/** A « balance âgée » as an accounting package exports it, from sheet row 1. */
const EXPORT: unknown[][] = [
  ["SARL Les Vergers du Sud", "", "", "", "", ""],
  ["Balance âgée clients au 31/03/2025", "", "", "", "", ""],
  ["", "", "", "", "", ""],
  ["Client", "N° pièce", "Date pièce", "Échéance", "Débit", "Crédit"],
  ["DUPONT SA", "F2025-001", "05/01/2025", "04/02/2025", "1.250,50", ""],
  ["DUPONT SA", "F2025-007", "12/01/2025", "11/02/2025", "12.500", ""],
  ["DUPONT SA", "AV2025-002", "20/01/2025", "20/01/2025", "", "250,50"],
  ["Total client DUPONT SA", "", "", "", "13.750,50", "250,50"],
  ["MARTIN SARL", "F2025-010", "15/01/2025", "14/02/2025", "800,00", ""],
  ["MARTIN SARL", "RG-0042", "01/03/2025", "01/03/2025", "", "300,00"],
  ["Total client MARTIN SARL", "", "", "", "800,00", "300,00"],
  ["", "", "", "", "", ""],
  ["Total général", "", "", "", "14.550,50", "550,50"],
];

describe("finding the header row", () => {
  test("below a company name, a title and a blank row", () => {
    expect(findHeaderRow(EXPORT)).toBe(3);
  });

  test("a list that starts on its header stays as it is; so does one with no header at all", () => {
    expect(findHeaderRow(EXPORT.slice(3))).toBe(0);
    expect(findHeaderRow([["a", "b"], [1, 2]])).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });

  test("a data row never wins: numbers and dates are not headers", () => {
    expect(headerRowScore([serial(2025, 1, 1), 100, 200])).toBe(0);
    // A client called « Client » on one data row scores less than the header row.
    const rows = [["Titre", ""], ["Client", "N° facture", "Échéance", "Montant"], ["Client", "F1", serial(2025, 1, 1), 100]];
    expect(findHeaderRow(rows)).toBe(1);
  });

  test("only the first 30 rows are searched", () => {
    const filler = Array.from({ length: 31 }, (_, i) => [`ligne ${i}`, ""]);
    expect(findHeaderRow([...filler, ["Client", "N° facture", "Échéance", "Montant"]])).toBe(0);
    expect(findHeaderRow([...filler.slice(1), ["Client", "N° facture", "Échéance", "Montant"]])).toBe(30);
  });
});

describe("subtotal rows", () => {
  const mapping = detectColumns(EXPORT[3]).mapping;
  const rows = EXPORT.slice(4);

  test("« Total client … » and « Total général » are found, with their labels", () => {
    expect(subtotalRows(rows, mapping)).toEqual([
      { index: 3, label: "Total client DUPONT SA" },
      { index: 6, label: "Total client MARTIN SARL" },
      { index: 8, label: "Total général" },
    ]);
  });

  test.each([["Sous-total"], ["SOUS TOTAL"], ["S/Total"], ["Total"], ["TOTAL :"], ["Totaux"]])("%p with only an amount is a subtotal", (label) => {
    expect(subtotalRows([["", "", "", "", label, 100]], { client: 0, numero: 1, dateFacture: 2, echeance: 3, montant: 5 })).toHaveLength(1);
  });

  test("a client called TotalEnergies, or a « Total » row with an invoice number or a date, is an invoice", () => {
    const m = { client: 0, numero: 1, echeance: 2, montant: 3 };
    expect(subtotalRows([["TotalEnergies", "", "", 100]], m)).toEqual([]);
    expect(subtotalRows([["Total SA", "F12", "", 100]], m)).toEqual([]);
    expect(subtotalRows([["Total SA", "", "15/03/2025", 100]], m)).toEqual([]);
  });
});

describe("Débit / Crédit columns", () => {
  test("are recognised; a Solde beside them is proposed, not taken; the amount is no longer missing", () => {
    const detection = detectColumns(["Client", "N° pièce", "Échéance", "Débit", "Crédit", "Solde"]);
    expect(detection.mapping).toEqual({ client: 0, numero: 1, echeance: 2, debit: 3, credit: 4 });
    expect(detection.unmapped).toEqual([{ index: 5, header: "Solde", couldBe: "montant" }]);
    expect(detection.missing).toEqual([]);
    expect(missingFields({ client: 0, numero: 1, echeance: 2 })).toContain("colonne « Montant restant dû » introuvable");
    expect(detectColumns(["Client", "Facture", "Échéance", "Solde"]).mapping.montant).toBe(3);
  });

  test("a mapping stored before Débit / Crédit existed still applies", () => {
    // Written by the previous version: version 1, no debit or credit field.
    const old = { version: 1, columns: { client: { index: 0, header: "Client" }, numero: { index: 1, header: "N° pièce" }, montant: { index: 5, header: "Solde" }, email: null } };
    const headers = ["Client", "N° pièce", "Échéance", "Débit", "Crédit", "Solde", "E-mail"];
    const applied = applyStoredMapping(headers, old);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    // The user's choice (Solde) stands beside the newly detected columns; e-mail stays removed.
    expect(applied.detection.mapping).toEqual({ client: 0, numero: 1, echeance: 2, montant: 5, debit: 3, credit: 4 });
    expect(applied.moved).toEqual([]);
    expect(applied.lost).toEqual([]);
    // And a mapping stored now, with debit and credit, reads back the same.
    const stored = toStoredMapping(headers, applied.detection.mapping);
    expect(stored.version).toBe(1);
    const again = applyStoredMapping(headers, JSON.parse(JSON.stringify(stored)));
    expect(again.ok && again.detection.mapping).toEqual(applied.detection.mapping);
  });
});

describe("a messy export, end to end", () => {
  const header = EXPORT[3];
  const analysis = analyzeList({
    header,
    rows: EXPORT.slice(4),
    firstRowNumber: 5,
    headerRowNumber: 4,
    rowsAboveHeader: [1, 2],
    storedMapping: undefined,
    storedScenario: undefined,
    book: RateBook.builtIn(),
    today: day(2025, 3, 31),
  });

  test("invoices are read with their signed amounts, « 12.500 » as 12 500 € decided by « 1.250,50 », net of the credits", () => {
    // The credit note (250,50) and the payment (300,00) name no invoice: each goes to its client's oldest invoice.
    expect(analysis.ledger.invoices.map((invoice) => [invoice.sheetRow, invoice.numero, invoice.montant])).toEqual([
      [5, "F2025-001", 125050 - 25050],
      [6, "F2025-007", 1250000],
      [9, "F2025-010", 80000 - 30000],
    ]);
  });

  test("the credit note and the payment are credits of their clients, not problems and not dropped", () => {
    expect(analysis.ledger.credits.map((credit) => [credit.sheetRow, credit.numero, credit.montant])).toEqual([
      [7, "AV2025-002", 25050],
      [10, "RG-0042", 30000],
    ]);
    expect(analysis.ledger.problems).toEqual([]);
    expect(analysis.ledger.rejectedRows).toEqual([]);
    expect(analysis.ledger.creditBalances).toEqual([]);
  });

  test("title rows and subtotals are skipped with notices listing them", () => {
    expect(analysis.readingNotices).toEqual([
      "lignes 1 à 2 ignorées : au-dessus de la ligne d'en-tête (ligne 4)",
      "3 ligne(s) de total ignorée(s), ce ne sont pas des factures : ligne 8 (« Total client DUPONT SA »), ligne 11 (« Total client MARTIN SARL »), ligne 13 (« Total général »)",
    ]);
    expect(analysis.ledger.blankRows).toBe(1);
  });
});
