import {
  BLANK,
  coerceAmount,
  coerceBoolean,
  coerceDate,
  coerceNumber,
  coerceRate,
  coerceTerms,
  coerceText,
  parseNumberText,
  quote,
} from "../../src/functions/coerce";
import { Problem } from "../../src/functions/problem";
import { day, serial } from "../core/fixtures";

function problem(value: unknown): Problem {
  expect(value).toBeInstanceOf(Problem);
  return value as Problem;
}

describe("quote", () => {
  test("as the user typed it, French decimals and booleans", () => {
    expect(quote(12.5)).toBe("« 12,5 »");
    expect(quote(true)).toBe("« VRAI »");
    expect(quote(false)).toBe("« FAUX »");
    expect(quote("31/02/2025")).toBe("« 31/02/2025 »");
    expect(quote("x".repeat(100))).toBe(`« ${"x".repeat(57)}… »`);
    // objects that cannot become text do not crash the message
    expect(quote(Object.create(null))).toBe("« [object Object] »");
    expect(quote({ toString: 5 })).toBe("« [object Object] »");
  });
});

describe("parseNumberText", () => {
  test.each([
    ["1234.56", false, 1234.56],
    ["1 234,56", false, 1234.56],
    ["1\u202f234,56\u00a0€", false, 1234.56],
    ["€12", false, 12],
    ["12 EUR", false, 12],
    ["+5", false, 5],
    [",5", false, 0.5],
    ["12,5 %", true, 0.125],
  ])("%p -> %p", (text, percent, value) => {
    expect(parseNumberText(text, percent)).toBe(value);
  });

  test.each([["12,5 %", false], ["1.234,56", false], ["1,234.56", false], ["abc", false], ["", false], ["1e5", false], ["--1", false]])(
    "%p is refused",
    (text, percent) => {
      expect(parseNumberText(text, percent)).toBeUndefined();
    },
  );
});

describe("coerceDate", () => {
  test("serials, time of day ignored", () => {
    expect(coerceDate(45000, "echeance")).toBe(day(2023, 3, 15));
    expect(coerceDate(45000.99, "echeance")).toBe(day(2023, 3, 15));
    expect(coerceDate(1, "echeance")).toBe(day(1900, 1, 1));
    expect(coerceDate(serial(2025, 3, 15), "echeance")).toBe(day(2025, 3, 15));
  });

  test("text dates", () => {
    expect(coerceDate("15/03/2025", "echeance")).toBe(day(2025, 3, 15));
    expect(coerceDate("2025-03-15", "echeance")).toBe(day(2025, 3, 15));
  });

  test("blank: null, undefined, empty text and the 0 Excel desktop passes", () => {
    for (const blank of [null, undefined, "", "   ", 0, -0]) expect(coerceDate(blank, "date_paiement")).toBe(BLANK);
  });

  test("refusals name the parameter and quote the value", () => {
    expect(problem(coerceDate("31/02/2025", "echeance")).message).toBe(
      "echeance : « 31/02/2025 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)",
    );
    expect(problem(coerceDate(60, "echeance")).message).toBe(
      "echeance : « 60 » n'est pas une date entre le 01/01/1900 et le 31/12/9999",
    );
    expect(problem(coerceDate("31/12/1899", "echeance")).message).toContain("entre le 01/01/1900 et le 31/12/9999");
    for (const bad of [-1, 0.5, 2958466, Number.NaN, Number.POSITIVE_INFINITY, 1e308, "15/03/25", "abc", true]) {
      const p = problem(coerceDate(bad, "echeance"));
      expect(p.code).toBe("value");
      expect(p.message.startsWith("echeance : « ")).toBe(true);
    }
  });

  test("an error in the input cell passes through with its code", () => {
    const na = problem(coerceDate({ code: "#N/A" }, "echeance"));
    expect(na.code).toBe("na");
    expect(na.message).toBe("echeance : la cellule contient une erreur (#N/A)");
    expect(problem(coerceDate({ code: "#DIV/0!" }, "echeance")).code).toBe("value");
  });
});

describe("coerceAmount", () => {
  test("euros to cents, text too", () => {
    expect(coerceAmount(1234.56, "montant")).toBe(123456);
    expect(coerceAmount("1 234,56 €", "montant")).toBe(123456);
    expect(coerceAmount(0.1 + 0.2, "montant")).toBe(30);
    expect(coerceAmount(0, "montant")).toBe(0);
    expect(coerceAmount("", "montant")).toBe(BLANK);
    expect(coerceAmount(null, "montant")).toBe(BLANK);
  });

  test("refusals", () => {
    expect(problem(coerceAmount(-5, "montant")).message).toBe("montant : « -5 » est négatif ; un avoir n'est pas une facture en retard");
    expect(problem(coerceAmount(12.345, "montant")).message).toContain("au centime près");
    expect(problem(coerceAmount("12,5 %", "montant")).message).toBe("montant : « 12,5 % » n'est pas un montant");
    expect(problem(coerceAmount(Number.POSITIVE_INFINITY, "montant")).message).toContain("n'est pas un montant");
    expect(problem(coerceAmount(true, "montant")).message).toBe("montant : « VRAI » n'est pas une valeur acceptée");
  });
});

describe("coerceRate", () => {
  test("fractions and percent text, in millionths", () => {
    expect(coerceRate(0.12, "taux")).toBe(120_000);
    expect(coerceRate(0.1215, "taux")).toBe(121_500);
    expect(coerceRate("12,15 %", "taux")).toBe(121_500);
    expect(coerceRate("0,1215", "taux")).toBe(121_500);
    expect(coerceRate(0.123456, "taux")).toBe(123_456);
    expect(coerceRate(1, "taux")).toBe(1_000_000);
    expect(coerceRate(0, "taux")).toBe(0);
    expect(coerceRate(" ", "taux")).toBe(BLANK);
  });

  test("refusals", () => {
    expect(problem(coerceRate(12.15, "taux")).message).toContain("supérieur à 100 %");
    expect(problem(coerceRate(-0.01, "taux")).message).toContain("négatif");
    expect(problem(coerceRate(0.1234567, "taux")).message).toContain("quatre décimales");
    expect(problem(coerceRate("douze", "taux")).message).toBe("taux : « douze » n'est pas un taux (ex. 12,15 % ou 0,1215)");
  });
});

describe("coerceBoolean, coerceNumber, coerceText, coerceTerms", () => {
  test("booleans", () => {
    expect([true, 1, "VRAI", "oui", "x", "TRUE"].map((v) => coerceBoolean(v, "b"))).toEqual([true, true, true, true, true, true]);
    expect([false, 0, "faux", "Non", "false"].map((v) => coerceBoolean(v, "b"))).toEqual([false, false, false, false, false]);
    expect(coerceBoolean("", "b")).toBe(BLANK);
    expect(problem(coerceBoolean(2, "creancier_particulier")).message).toBe("creancier_particulier : « 2 » : attendu VRAI ou FAUX");
    expect(problem(coerceBoolean("peut-être", "b")).message).toContain("attendu VRAI ou FAUX");
  });

  test("numbers", () => {
    expect(coerceNumber("1 000", "encours")).toBe(1000);
    expect(coerceNumber(0, "encours")).toBe(0);
    expect(problem(coerceNumber(-5, "encours")).message).toBe("encours : « -5 » ne peut pas être négatif");
    expect(problem(coerceNumber("abc", "encours")).message).toBe("encours : « abc » n'est pas un nombre");
  });

  test("text", () => {
    expect(coerceText("Relance 1", "t")).toBe("Relance 1");
    expect(coerceText(12, "t")).toBe("12");
    expect(coerceText("  ", "t")).toBe(BLANK);
  });

  test("terms", () => {
    expect(coerceTerms(30, "conditions")).toEqual({ kind: "days", days: 30 });
    expect(coerceTerms("45 jours fin de mois", "conditions")).toEqual({ kind: "daysEndOfMonth", days: 45, thenDays: 0 });
    const p = problem(coerceTerms("bientôt", "conditions"));
    expect(p.message).toContain("conditions : « bientôt » n'est pas une condition de paiement reconnue");
    expect(p.message).toContain("Formes acceptées : comptant, à réception");
    expect(problem(coerceTerms(-1, "conditions")).message).toContain("entre 0 et 3650");
  });
});
