/**
 * Every message code has a text in every language. The catalogues are typed
 * Record-like over the codes (a missing code does not compile); this test
 * holds the same at run time and writes every code in both languages, with a
 * sample of its parameters (SAMPLES is itself exhaustive over the codes).
 */
import { toEpochDay } from "../../../src/core/calendar";
import { CATALOGUES, LANGUAGES, textOf, message, type Message, type MessageCode, type MessageParams } from "../../../src/core/messages";
import { longDate, money, percent, semesterName } from "../../../src/core/messages/language";

const SAMPLES: { readonly [C in MessageCode]: MessageParams[C] } = {
  "arg.inputError": { name: "echeance", error: "#N/A" },
  "arg.notAccepted": { name: "echeance", value: "x" },
  "arg.missing": { name: "montant" },
  "arg.rangeTooSmall": { name: "montant", rows: 2, cols: 1 },
  "arg.singleDate": { name: "date_reference" },
  "arg.notADate": { name: "echeance", value: "31/02/2025" },
  "arg.dateOutOfRange": { name: "echeance", value: 60 },
  "arg.notAnAmount": { name: "montant", value: "abc" },
  "arg.amountNegative": { name: "montant", value: -5 },
  "arg.amountNotCents": { name: "montant", value: 12.345 },
  "arg.notARate": { name: "taux", value: "abc" },
  "arg.rateNegative": { name: "taux", value: -0.1 },
  "arg.rateAbove100": { name: "taux", value: 12.15 },
  "arg.rateTooPrecise": { name: "taux", value: 0.1234567 },
  "arg.notABoolean": { name: "creancier_particulier", value: "maybe" },
  "arg.notANumber": { name: "encours", value: "abc" },
  "arg.numberNegative": { name: "encours", value: -1 },
  "arg.notDays": { name: "conditions", value: 4000 },
  "arg.notTerms": { name: "conditions", value: "soon", forms: "30" },
  "arg.notAStep": { name: "derniere_etape", value: "x", steps: ["Relance 1", "Relance 2"] },
  "arg.notWholeDays": { name: "bornes", value: 1.5 },
  "arg.bounds": { name: "bornes", problem: message("bounds.notIncreasing") },
  "arg.pastLastDate": { name: "echeance", what: "prescription" },
  "aging.sizeMismatch": { amounts: [3, 1], dues: [2, 1] },
  "aging.missingValue": { name: "montants", index: 2, byRow: true },
  "dso.revenueNotPositive": { name: "chiffre_affaires" },
  "dso.daysNotWhole": { name: "jours" },
  "dso.outOfRange": {},
  "bounds.none": {},
  "bounds.tooMany": { max: 20 },
  "bounds.notPositive": { value: -3 },
  "bounds.notIncreasing": {},
  "rate.missing": { kind: "bce", semester: 2026 * 2 + 1, enterable: true },
  "cell.amountExpected": {},
  "cell.amountUnreadable": {},
  "cell.amountNotCents": {},
  "cell.amountTooLarge": {},
  "cell.amountAmbiguous": {},
  "cell.amountAmbiguousMixed": {},
  "cell.amountNegative": {},
  "cell.dateExpected": {},
  "cell.dateOutOfRange": {},
  "cell.dateUnreadable": {},
  "cell.dateAmbiguousMixed": {},
  "cell.dateNonexistent": { year: 2025, month: 2, day: 31 },
  "cell.rateUnreadable": {},
  "cell.rateExpected": {},
  "cell.rateNegative": {},
  "cell.rateAbove100": {},
  "cell.rateTooPrecise": {},
  "cell.textExpected": {},
  "cell.textNotBoolean": {},
  "cell.flagExpected": {},
  "cell.sirenExpected": {},
  "cell.emailInvalid": {},
  "cell.termsUnknown": { forms: "30" },
  "cell.termsDays": {},
  "cell.creditWithoutDate": {},
  "column.datesUndecided": { count: 3 },
  "column.datesMonthFirst": {},
  "column.datesMixed": {},
  "column.amountsMixed": {},
  "row.clientMissing": {},
  "row.numberMissing": {},
  "row.amountMissing": {},
  "row.unusable": {},
  "row.duplicate": { earlierRow: 4 },
  "row.clientNoLetter": {},
  "row.numberSemicolon": {},
  "row.consumerAndPublic": {},
  "row.dueDateMissing": { hasTermsColumn: true },
  "row.dueBeforeInvoice": {},
  "row.negativeHT": {},
  "label.notDue": {},
  "label.bucket": { from: 1, to: 30 },
  "label.bucketOver": { from: 90 },
  "label.total": {},
  "label.agingTitle": {},
  "label.semester": { semester: 2026 * 2 },
  "label.longDate": { day: toEpochDay(2026, 11, 23) },
  "label.rateKind": { kind: "legalAutres" },
};

const codes = Object.keys(SAMPLES) as MessageCode[];
const sample = (code: MessageCode) => ({ code, params: SAMPLES[code] }) as Message;

/** Words that give French away in an English text. */
const FRENCH = /[àâçéèêëîïôûùœ«»]|\b(le|la|les|des|du|une|est|pas|avec|pour|attendu|montant|manquant|ligne|colonne|taux|jours?)\b/i;

describe("message catalogues", () => {
  it.each(LANGUAGES)("%s has a text for every code, and only for known codes", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...codes].sort());
  });

  it.each(codes)("%s is written in French and in English", (code) => {
    const fr = textOf(sample(code), "fr");
    const en = textOf(sample(code), "en");
    expect(fr.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    // English may quote the argument's own (French) name; the rest is English.
    const name = (SAMPLES[code] as { name?: string }).name ?? "";
    expect(en.replace(name, "")).not.toMatch(FRENCH);
  });

  it("keeps the French wording users know", () => {
    expect(textOf(message("arg.notADate", { name: "echeance", value: "31/02/2025" }), "fr")).toBe(
      "echeance : « 31/02/2025 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)",
    );
    expect(textOf(message("arg.notADate", { name: "echeance", value: "31/02/2025" }), "en")).toBe(
      "echeance: “31/02/2025” is not a date (dd/mm/yyyy or yyyy-mm-dd)",
    );
    expect(textOf(message("arg.bounds", { name: "bornes", problem: message("bounds.tooMany", { max: 20 }) }), "en")).toBe(
      "bornes: at most 20 bounds",
    );
  });
});

describe("values inside sentences follow the language", () => {
  const day = toEpochDay(2026, 11, 23);
  it("dates", () => {
    expect(longDate(day, "fr")).toBe("23 novembre 2026");
    expect(longDate(day, "en")).toBe("23 November 2026");
    expect(longDate(toEpochDay(2026, 3, 1), "fr")).toBe("1er mars 2026");
  });
  it("amounts", () => {
    expect(money(123456, "fr")).toBe("1\u202f234,56\u00a0€");
    expect(money(123456, "en")).toBe("€1,234.56");
    expect(money(-5, "en")).toBe("-€0.05");
  });
  it("rates and semesters", () => {
    expect(percent(0.1215, "fr")).toBe("12,15\u00a0%");
    expect(percent(0.1215, "en")).toBe("12.15%");
    expect(semesterName(2026 * 2 + 1, "fr")).toBe("2e semestre 2026");
    expect(semesterName(2026 * 2 + 1, "en")).toBe("second half of 2026");
  });
});
