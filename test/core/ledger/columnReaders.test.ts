import fc from "fast-check";
import { CellError } from "../../../src/core/ledger/cellError";
import { readAmount, readDate } from "../../../src/core/ledger/cells";
import {
  amountConventionOf,
  dateColumn,
  dateConventionOf,
  nonNegative,
  readSignedAmount,
  signedAmountColumn,
} from "../../../src/core/ledger/columnReaders";
import { day, serial } from "../fixtures";

/** A CellError whose reason, in French, is `reason` (a CellError holds a message code; its reason is the French text). */
const frenchError = (reason: string) => expect.objectContaining({ constructor: CellError, reason });

/** One column of values, as rows of one cell. */
const column = (...values: unknown[]) => values.map((value) => [value]);
const readAmounts = (...values: unknown[]) => {
  const reader = signedAmountColumn(column(...values), 0);
  return values.map((value) => {
    const read = reader.read(value);
    return read instanceof CellError ? read.reason : read;
  });
};
const readDates = (...values: unknown[]) => {
  const reader = dateColumn(column(...values), 0);
  return values.map((value) => {
    const read = reader.read(value);
    return read instanceof CellError ? read.reason : read;
  });
};

describe("amounts as exports write them", () => {
  test.each([
    ["1.250,50", 125050],
    ["1 250,50 EUR", 125050],
    ["1\u202f250,50\u00a0€", 125050],
    ["€ 1 250,50", 125050],
    ["1,250.50", 125050],
    ["(50,00)", -5000],
    ["(50,00 €)", -5000],
    ["50,00-", -5000],
    ["-50,00", -5000],
    ["\u221250,00", -5000],
    ["- 50,00", -5000],
    ["+000000069,40", 6940],
    ["000000069,40-", -6940],
    ["1.250.000", 125000000],
    ["1,250,000.5", 125000050],
    ["12 500", 1250000],
    ["1'250.50", 125050],
    ["0,1", 10],
    ["0.500", 50],
    ["1250,500", 125050],
    ["12,5", 1250],
    ["12", 1200],
    ["-0,00", 0],
  ])("%p reads as %p cents, alone", (text, cents) => {
    expect(readSignedAmount(text)).toBe(cents);
  });

  test.each([["beaucoup"], ["1,2,3.4.5"], ["1.25.000,00"], ["12 50"], ["(-50)"], ["--5"], ["1,250 000"], ["12€50"]])("%p is unreadable", (text) => {
    expect(readSignedAmount(text)).toEqual(frenchError("montant illisible"));
  });

  test("a fraction of a cent and a number past 100 billion euros are refused with their reason", () => {
    expect(readSignedAmount("12,345")).toEqual(expect.any(CellError)); // ambiguous alone
    expect(readSignedAmount("1 212,345")).toEqual(frenchError("montant qui n'est pas au centime près (arrondissez-le)"));
    expect(readSignedAmount("99999999999999999")).toEqual(frenchError("montant trop élevé (100 milliards d'euros au plus)"));
  });

  test("readAmount keeps refusing credits; readSignedAmount reads them; nonNegative is the refusal", () => {
    expect(readAmount(-120.5)).toEqual(frenchError("montant négatif : un avoir n'est pas une créance à relancer ; imputez-le sur la facture concernée"));
    expect(readAmount("(50,00)")).toEqual(expect.any(CellError));
    expect(readSignedAmount(-120.5)).toBe(-12050);
    expect(nonNegative(-1)).toEqual(expect.any(CellError));
    expect(nonNegative(0)).toBe(0);
    expect(readAmount("1.250,50")).toBe(125050);
  });
});

describe("an ambiguous amount is decided by its column, never silently", () => {
  test("« 12.500 » alone is an error saying « ambigu », never 12,50 €", () => {
    const read = readSignedAmount("12.500");
    expect(read).toBeInstanceOf(CellError);
    expect((read as CellError).reason).toContain("ambigu");
    expect(readAmounts("12.500", "7.000")).toEqual([expect.stringContaining("ambigu"), expect.stringContaining("ambigu")]);
  });

  test("dots for thousands elsewhere in the column: 12 500 €", () => {
    expect(readAmounts("12.500", "1.250,50")).toEqual([1250000, 125050]);
    expect(readAmounts("12,500", "1.250,50")).toEqual([1250, 125050]);
    expect(readAmounts("12.500", "3.000.000")).toEqual([1250000, 300000000]);
    expect(readAmounts("12.500", "99,90")).toEqual([1250000, 9990]);
  });

  test("commas for thousands elsewhere: « 12,500 » is 12 500 and « 12.500 » is 12,50", () => {
    expect(readAmounts("12,500", "1,250.50")).toEqual([1250000, 125050]);
    expect(readAmounts("12.500", "99.90")).toEqual([1250, 9990]);
  });

  test("a column showing both conventions refuses its ambiguous cells and says why", () => {
    const reader = signedAmountColumn(column("1.250,50", "1,250.50", "12.500"), 0);
    expect(reader.notice).toContain("mélange");
    expect(reader.read("1.250,50")).toBe(125050);
    expect(reader.read("12.500")).toEqual(expect.any(CellError));
    expect((reader.read("12.500") as CellError).reason).toContain("ambigu");
  });

  test("number cells decide nothing and are read as they are", () => {
    expect(amountConventionOf(column(12.5, 1250, ""), 0)).toEqual({ mixed: false });
    expect(readAmounts(12.5, -3)).toEqual([1250, -300]);
  });
});

describe("dates per column", () => {
  test("« 8/25/2013 » makes its column month-first, and says so", () => {
    const reader = dateColumn(column("8/25/2013", "03/04/2013"), 0);
    expect(reader.read("03/04/2013")).toBe(day(2013, 3, 4));
    expect(reader.read("8/25/2013")).toBe(day(2013, 8, 25));
    expect(reader.notice).toContain("mois/jour");
  });

  test("« 25/08/2013 » makes its column day-first, without a notice", () => {
    const reader = dateColumn(column("25/08/2013", "03/04/2013"), 0);
    expect(reader.read("03/04/2013")).toBe(day(2013, 4, 3));
    expect(reader.notice).toBeUndefined();
  });

  test("nothing decides: ambiguous dates are read day-first and the column is flagged", () => {
    const reader = dateColumn(column("03/04/2025", "05/06/2025", "2025-07-01", serial(2025, 1, 20)), 0);
    expect(reader.read("03/04/2025")).toBe(day(2025, 4, 3));
    expect(reader.notice).toMatch(/^2 date\(s\) .*aucune date de la colonne ne tranche/);
    // Same day and month, or a day over 12: nothing to flag.
    expect(dateColumn(column("04/04/2025", "2025-07-01"), 0).notice).toBeUndefined();
  });

  test("a column both ways refuses its ambiguous dates", () => {
    expect(readDates("25/08/2013", "8/25/2013", "03/04/2013")).toEqual([day(2013, 8, 25), day(2013, 8, 25), expect.stringContaining("date ambiguë")]);
    expect(dateColumn(column("25/08/2013", "8/25/2013"), 0).notice).toContain("mélange");
  });

  test("AAAAMMJJ as text or as a number in a plausible range", () => {
    expect(readDates("20250315", 20250315, " 20250315 ")).toEqual([day(2025, 3, 15), day(2025, 3, 15), day(2025, 3, 15)]);
    // A serial stays a serial; an 8-digit number outside 1900-2199 is not a date.
    expect(readDate(serial(2025, 3, 15))).toBe(day(2025, 3, 15));
    expect(readDate(30250315)).toEqual(frenchError("date hors de la plage 01/01/1900 - 31/12/9999"));
    expect(readDate("30250315")).toEqual(expect.objectContaining({ reason: expect.stringContaining("date illisible") }));
  });

  test("a day that does not exist says so, distinct from unreadable text", () => {
    expect(readDates("31/02/2025", "02/31/2025", "20250231", 20250229, "2024-02-30", "29/02/2024")).toEqual([
      "le 31 février 2025 n'existe pas",
      "le 31 février 2025 n'existe pas",
      "le 31 février 2025 n'existe pas",
      "le 29 février 2025 n'existe pas",
      "le 30 février 2024 n'existe pas",
      day(2024, 2, 29),
    ]);
    expect(readDate("15/13/2025")).toEqual(frenchError("date inexistante : il n'y a pas de mois 13"));
    expect(readDate("demain")).toEqual(frenchError("date illisible : attendu jj/mm/aaaa ou aaaa-mm-jj (années sur 4 chiffres)"));
    expect(readDate("03/04/25")).toEqual(expect.objectContaining({ reason: expect.stringContaining("date illisible") }));
  });

  test("a typo does not flip a day-first column", () => {
    expect(dateConventionOf(column("25/08/2013", "04/31/2013"), 0)).toMatchObject({ order: "dayFirst", mixed: false });
  });
});

// ---------------------------------------------------------------------------
// Properties.

type Convention = "frSpace" | "frDot" | "en" | "plainComma" | "plainDot";
type SignStyle = "minus" | "trailing" | "parens" | "plusPadded";

/** How an export of a given convention writes `cents`. */
function format(cents: number, convention: Convention, sign: SignStyle, wholeWithoutDecimals: boolean, currency: boolean): string {
  const negative = cents < 0;
  const unsigned = Math.abs(cents);
  const euros = String(Math.floor(unsigned / 100));
  const decimals = String(unsigned % 100).padStart(2, "0");
  const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const [thousands, decimal] = ({ frSpace: ["\u202f", ","], frDot: [".", ","], en: [",", "."], plainComma: ["", ","], plainDot: ["", "."] } as const)[convention];
  let body = group(euros, thousands) + (wholeWithoutDecimals && decimals === "00" ? "" : decimal + decimals);
  // Zero padding (FEC-style fixed width) comes without thousands separators.
  if (sign === "plusPadded" && thousands === "") body = body.padStart(14, "0");
  if (currency) body += " EUR";
  if (!negative) return sign === "plusPadded" ? "+" + body : body;
  return { minus: "-" + body, trailing: body + "-", parens: `(${body})`, plusPadded: "-" + body }[sign];
}

const conventionArb = fc.constantFrom<Convention>("frSpace", "frDot", "en", "plainComma", "plainDot");
const signArb = fc.constantFrom<SignStyle>("minus", "trailing", "parens", "plusPadded");
const centsArb = fc.oneof(fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }), fc.integer({ min: -10_000_00, max: 10_000_00 }).map((c) => c - (c % 100)));

describe("properties", () => {
  test("formatting cents in a convention and reading the column back gives the same cents", () => {
    fc.assert(
      fc.property(fc.array(centsArb, { minLength: 1, maxLength: 30 }), conventionArb, signArb, fc.boolean(), fc.boolean(), (values, convention, sign, whole, currency) => {
        // One cell with decimals shows the column's convention, as real exports do.
        const all = [...values, 1_234_567];
        const texts = all.map((cents) => format(cents, convention, sign, whole, currency));
        const reader = signedAmountColumn(column(...texts), 0);
        expect(texts.map((text) => reader.read(text))).toEqual(all);
      }),
    );
  });

  test("a column's convention does not depend on row order", () => {
    const cellArb = fc.oneof(
      fc.constantFrom("12.500", "12,500", "1.250,50", "1,250.50", "99,90", "99.90", "1 000", "", 12.5, "8/25/2013", "25/08/2013", "03/04/2013"),
      centsArb.map((cents) => format(cents, "frDot", "minus", true, false)),
    );
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.infiniteStream(fc.nat()), (cells, randoms) => {
        const shuffled = [...cells];
        const it = randoms[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(amountConventionOf(column(...shuffled), 0)).toEqual(amountConventionOf(column(...cells), 0));
        expect(dateConventionOf(column(...shuffled), 0)).toEqual(dateConventionOf(column(...cells), 0));
      }),
    );
  });

  test("every valid day written dd/mm/yyyy in a day-first column, or mm/dd/yyyy in a month-first one, reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: day(1990, 1, 1), max: day(2100, 12, 31) }), fc.boolean(), (epochDay, monthFirst) => {
        const d = new Date(epochDay * 86_400_000);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const text = monthFirst ? `${m}/${dd}/${y}` : `${dd}/${m}/${y}`;
        const decider = monthFirst ? "12/31/2020" : "31/12/2020";
        expect(dateColumn(column(text, decider), 0).read(text)).toBe(epochDay);
        expect(readDate(`${y}${String(m).padStart(2, "0")}${String(dd).padStart(2, "0")}`)).toBe(epochDay);
      }),
    );
  });
});
