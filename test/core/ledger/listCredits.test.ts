/**
 * Issue 14: a negative amount in the list is a credit of its client, imputed
 * on its invoices; a paid invoice is not chased; a client in credit is never
 * chased; penalties run on what was unpaid day by day.
 */
import fc from "fast-check";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import { detectColumns } from "../../../src/core/ledger/headers";
import { readInvoices } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day, serial } from "../fixtures";

const HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant", "Date de paiement"];
const MAPPING = detectColumns(HEADERS).mapping;
const book = RateBook.builtIn();
const TODAY = day(2026, 3, 16);

function cases(rows: unknown[][]) {
  const ledger = readInvoices({ headers: HEADERS, rows, mapping: MAPPING, firstSheetRow: 2 });
  const result = buildCases(ledger.invoices, deriveState([], DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: TODAY });
  return { ledger, result };
}

describe("credits in the list", () => {
  test("a payment under the invoice's number settles it: not chased", () => {
    const { ledger, result } = cases([
      ["Garage Dupont", "F-1", serial(2025, 12, 16), serial(2026, 1, 15), 1000, ""],
      ["Garage Dupont", "F-2", serial(2026, 1, 10), serial(2026, 2, 9), 300, ""],
      ["Garage Dupont", "F-2", "", "", -300, serial(2026, 2, 20)],
    ]);
    expect(ledger.problems).toEqual([]);
    expect(result.settled).toBe(1);
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0].lines.map((l) => l.invoice.numero)).toEqual(["F-1"]);
    expect(result.cases[0].principal).toBe(100000);
  });

  test("a partial payment: the case shows the net amount; penalties on the unpaid base day by day; the indemnity stays", () => {
    const { result } = cases([
      ["Boulangerie Martin", "F-1", serial(2025, 12, 16), serial(2026, 1, 15), 1000, ""],
      ["Boulangerie Martin", "VIR-7", "", "", "-400,00", serial(2026, 2, 15)],
    ]);
    const line = result.cases[0].lines[0];
    // 1 000 € from 15/01 to 15/02 (31 days), 600 € to 16/03 (29 days), at 12,15 %: 16,11 € (unpaidPenalty.test.ts).
    expect(line).toMatchObject({ amountDue: 60000, interest: 1611, indemnity: 4000, total: 60000 + 1611 + 4000 });
    expect(line.invoice).toMatchObject({ montant: 60000, montantInitial: 100000 });
  });

  test("a client whose credits exceed its invoices has a credit balance and no case", () => {
    const { ledger, result } = cases([
      ["Hôtel des Alpes", "F-9", serial(2025, 11, 1), serial(2025, 12, 1), 100, ""],
      ["Hôtel des Alpes", "AV-1", serial(2025, 12, 5), "", -150, ""],
    ]);
    expect(result.cases).toEqual([]);
    expect(result.settled).toBe(1);
    expect(ledger.creditBalances).toEqual([{ clientKey: "hotel des alpes", client: "Hôtel des Alpes", cents: 5000, sheetRows: [3] }]);
  });

  test("a credit without any date is a row problem, said so", () => {
    const { ledger } = cases([["Garage Dupont", "AV-2", "", "", -50, ""]]);
    expect(ledger.rejectedRows).toEqual([2]);
    expect(ledger.problems[0].reason).toMatch(/date manquante/);
  });

  test("no cent created or lost: the list's net per client is the cases' principal minus its credit balance", () => {
    const rowArb = fc.record({
      client: fc.constantFrom("A", "B"),
      numero: fc.constantFrom("F1", "F2", "F3", "P1"),
      month: fc.integer({ min: 1, max: 12 }),
      euros: fc.integer({ min: -2000, max: 2000 }).filter((e) => e !== 0),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (raw) => {
        // Invoice numbers unique per client (a list refuses duplicates); credits free.
        const seen = new Set<string>();
        const rows = raw
          .filter((r) => r.euros < 0 || (!seen.has(`${r.client}${r.numero}`) && seen.add(`${r.client}${r.numero}`)))
          .map((r) => [r.client, r.numero, serial(2025, r.month, 1), serial(2025, r.month, 28), r.euros, ""]);
        const { ledger } = cases(rows);
        for (const client of ["a", "b"]) {
          const net = rows.filter((r) => String(r[0]).toLowerCase() === client).reduce((s, r) => s + Number(r[4]) * 100, 0);
          const open = ledger.invoices.filter((i) => i.clientKey === client).reduce((s, i) => s + i.montant, 0);
          const credit = ledger.creditBalances.find((c) => c.clientKey === client)?.cents ?? 0;
          expect(open - credit).toBe(net);
        }
      }),
    );
  });
});
