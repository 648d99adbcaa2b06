import { describePaymentTerms, dueDate, parsePaymentTerms, termsFromDays, type PaymentTerms } from "../../src/core/terms";
import { day } from "./fixtures";

const INVOICE = day(2025, 3, 10);

function due(text: string, invoice = INVOICE): number | undefined {
  const terms = parsePaymentTerms(text);
  return terms === undefined ? undefined : dueDate(invoice, terms);
}

describe("every wording of the ECHEANCE contract", () => {
  test.each([
    // "comptant" / "à réception" = the invoice date
    ["comptant", day(2025, 3, 10)],
    ["au comptant", day(2025, 3, 10)],
    ["à réception", day(2025, 3, 10)],
    ["à réception de facture", day(2025, 3, 10)],
    ["réception de la facture", day(2025, 3, 10)],
    // "N jours" = date + N
    ["30 jours", day(2025, 4, 9)],
    ["60 jours", day(2025, 5, 9)],
    ["1 jour", day(2025, 3, 11)],
    ["30", day(2025, 4, 9)],
    ["30 jours net", day(2025, 4, 9)],
    ["0 jours", day(2025, 3, 10)],
    // "N jours fin de mois" = end of month of (date + N): 10/03 + 45 = 24/04 -> 30/04
    ["45 jours fin de mois", day(2025, 4, 30)],
    ["30 jours fin de mois", day(2025, 4, 30)], // 09/04 -> 30/04
    // "fin de mois N jours" / "fin de mois + N jours" = end of the invoice month + N: 31/03 + 45 = 15/05
    ["fin de mois 45 jours", day(2025, 5, 15)],
    ["fin de mois + 45 jours", day(2025, 5, 15)],
    ["fin de mois, 45 jours", day(2025, 5, 15)],
    ["fin de mois", day(2025, 3, 31)],
    // "N jours fin de mois le J" = end of month of (date + N), + J: 09/04 -> 30/04 -> 10/05
    ["30 jours fin de mois le 10", day(2025, 5, 10)],
    ["45 jours fin de mois le 15", day(2025, 5, 15)],
  ])("%p from 10/03/2025", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  test("both 45-days-end-of-month methods of FACTS.md §1", () => {
    expect(due("45 jours fin de mois")).toBe(day(2025, 4, 30));
    expect(due("fin de mois 45 jours")).toBe(day(2025, 5, 15));
  });

  test("case, accents and spaces are ignored", () => {
    expect(due("A RÉCEPTION")).toBe(INVOICE);
    expect(due("a reception")).toBe(INVOICE);
    expect(due("  À   Réception  ")).toBe(INVOICE);
    expect(due("45 JOURS FIN DE MOIS")).toBe(day(2025, 4, 30));
    expect(due("Fin De Mois + 45 Jours")).toBe(day(2025, 5, 15));
    expect(due("30\u00a0jours")).toBe(day(2025, 4, 9));
    expect(due("30 jours.")).toBe(day(2025, 4, 9));
  });

  test("across the year end and into a leap February", () => {
    // 20/12/2024 + 45 = 03/02/2025 -> 28/02/2025
    expect(due("45 jours fin de mois", day(2024, 12, 20))).toBe(day(2025, 2, 28));
    // 15/01/2024 + 30 = 14/02/2024 -> 29/02/2024
    expect(due("30 jours fin de mois", day(2024, 1, 15))).toBe(day(2024, 2, 29));
    // end of January 2024 + 30 = 01/03/2024
    expect(due("fin de mois + 30 jours", day(2024, 1, 15))).toBe(day(2024, 3, 1));
  });

  test.each(["", "bientôt", "45 jours fin de semaine", "quarante-cinq jours", "fin de mois le 10", "3651 jours", "-30", "30,5 jours", "=1+1"])(
    "%p is not understood",
    (text) => {
      expect(parsePaymentTerms(text)).toBeUndefined();
    },
  );
});

describe("termsFromDays (a number in the cell)", () => {
  test("0 is immediate, N days otherwise", () => {
    expect(termsFromDays(0)).toEqual({ kind: "immediate" });
    expect(termsFromDays(30)).toEqual({ kind: "days", days: 30 });
    expect(termsFromDays(3650)).toEqual({ kind: "days", days: 3650 });
  });

  test.each([-1, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY])("%p is refused", (n) => {
    expect(termsFromDays(n)).toBeUndefined();
  });
});

describe("describePaymentTerms", () => {
  const all: PaymentTerms[] = [
    { kind: "immediate" },
    { kind: "days", days: 30 },
    { kind: "daysEndOfMonth", days: 45, thenDays: 0 },
    { kind: "daysEndOfMonth", days: 30, thenDays: 10 },
    { kind: "endOfMonthDays", days: 45 },
    { kind: "endOfMonthDays", days: 0 },
  ];

  test("French wording", () => {
    expect(all.map(describePaymentTerms)).toEqual([
      "à réception",
      "30 jours",
      "45 jours fin de mois",
      "30 jours fin de mois le 10",
      "fin de mois + 45 jours",
      "fin de mois",
    ]);
  });

  test.each(all)("reads back what it writes: %p", (terms) => {
    expect(parsePaymentTerms(describePaymentTerms(terms))).toEqual(terms);
  });
});
