/**
 * Issue 14: a credit note in a list is imputed to the invoice it names — a
 * « Facture d'origine » column, or « Avoir sur facture F-… » — not to the
 * client's oldest invoice; and the « Échéance supposée » flag of the Créances
 * table reaches the case.
 */
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import { detectColumns } from "../../../src/core/ledger/headers";
import { readInvoices } from "../../../src/core/ledger/invoiceRow";
import { creditRefersTo } from "../../../src/core/ledger/listCredits";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day, serial } from "../fixtures";

const book = RateBook.builtIn();
const TODAY = day(2026, 3, 16);

function cases(headers: string[], rows: unknown[][]) {
  const ledger = readInvoices({ headers, rows, mapping: detectColumns(headers).mapping, firstSheetRow: 2 });
  const result = buildCases(ledger.invoices, deriveState([], DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: TODAY });
  return { ledger, result };
}

const WITH_ORIGIN = ["Client", "N° facture", "Date facture", "Échéance", "Montant", "Facture d'origine"];

describe("« Facture d'origine »: the credit goes to the invoice it names", () => {
  test("the header is recognised", () => {
    expect(detectColumns(WITH_ORIGIN).mapping).toMatchObject({ numero: 1, factureOrigine: 5 });
    expect(detectColumns(["Client", "Facture", "Échéance", "Montant", "Avoir sur facture"]).mapping).toMatchObject({ numero: 1, factureOrigine: 4 });
  });

  test("a credit note naming the newer invoice settles it; the older one is still chased in full", () => {
    const { ledger, result } = cases(WITH_ORIGIN, [
      ["Garage Dupont", "F-1", serial(2025, 12, 1), serial(2025, 12, 31), 500, ""],
      ["Garage Dupont", "F-2", serial(2026, 1, 5), serial(2026, 2, 4), 300, ""],
      ["Garage Dupont", "AV-9", serial(2026, 2, 10), "", -300, "F-2"],
    ]);
    expect(ledger.problems).toEqual([]);
    expect(ledger.credits[0]).toMatchObject({ numero: "AV-9", refersTo: "F-2" });
    const lines = result.cases[0].lines;
    expect(lines.map((line) => [line.invoice.numero, line.amountDue])).toEqual([["F-1", 50000]]);
    // Without the column, the same credit would have gone to the oldest invoice (F-1) and F-2 would be chased.
    const { result: unnamed } = cases(WITH_ORIGIN.slice(0, 5), [
      ["Garage Dupont", "F-1", serial(2025, 12, 1), serial(2025, 12, 31), 500],
      ["Garage Dupont", "F-2", serial(2026, 1, 5), serial(2026, 2, 4), 300],
      ["Garage Dupont", "AV-9", serial(2026, 2, 10), "", -300],
    ]);
    expect(unnamed.cases[0].lines.map((line) => [line.invoice.numero, line.amountDue])).toEqual([
      ["F-1", 20000],
      ["F-2", 30000],
    ]);
  });

  test("« Avoir sur facture F-2 » in the column or as the credit's number names F-2", () => {
    expect(creditRefersTo("Avoir sur facture F-2", "AV-9")).toBe("F-2");
    expect(creditRefersTo(" F-2 ", "AV-9")).toBe("F-2");
    expect(creditRefersTo(undefined, "Avoir sur facture F-2")).toBe("F-2");
    expect(creditRefersTo("", "AV-9")).toBeUndefined();
    const { result } = cases(WITH_ORIGIN.slice(0, 5), [
      ["Garage Dupont", "F-1", serial(2025, 12, 1), serial(2025, 12, 31), 500],
      ["Garage Dupont", "F-2", serial(2026, 1, 5), serial(2026, 2, 4), 300],
      ["Garage Dupont", "Avoir sur facture F-2", serial(2026, 2, 10), "", -100],
    ]);
    expect(result.cases[0].lines.map((line) => [line.invoice.numero, line.amountDue])).toEqual([
      ["F-1", 50000],
      ["F-2", 20000],
    ]);
  });

  test("a credit naming an invoice the list does not hold goes to the oldest open one, as before", () => {
    const { result } = cases(WITH_ORIGIN, [
      ["Garage Dupont", "F-1", serial(2025, 12, 1), serial(2025, 12, 31), 500, ""],
      ["Garage Dupont", "AV-9", serial(2026, 2, 10), "", -200, "F-77"],
    ]);
    expect(result.cases[0].lines.map((line) => [line.invoice.numero, line.amountDue])).toEqual([["F-1", 30000]]);
  });
});

describe("« Échéance supposée » (the Créances table): the case knows the due date was assumed", () => {
  const HEADERS = ["Compte", "Client", "N° pièce", "Date pièce", "Échéance", "Échéance supposée", "Reste dû"];
  test("read as a flag, kept on the invoice, only for a due date read from the column", () => {
    expect(detectColumns(HEADERS).mapping).toMatchObject({ echeance: 4, echeanceSupposee: 5, montant: 6 });
    const { ledger } = cases(HEADERS, [
      ["C1", "Garage Dupont", "F-1", serial(2025, 12, 1), serial(2025, 12, 31), "oui", 500],
      ["C1", "Garage Dupont", "F-2", serial(2025, 12, 5), serial(2026, 1, 4), "", 300],
    ]);
    expect(ledger.invoices.map((invoice) => [invoice.numero, invoice.echeanceAssumed])).toEqual([
      ["F-1", true],
      ["F-2", undefined],
    ]);
  });
});
