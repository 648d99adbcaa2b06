import fc from "fast-check";
import {
  indemnityCents,
  LEGAL_MAJORATION,
  legalInterestCents,
  minimumContractRate,
  moratoryInterestCents,
  moratoryRate,
  MORATORY_MARGIN,
  PENALTY_MARGIN,
  penaltiesCents,
  penaltyCents,
  penaltyRateOn,
  RECOVERY_INDEMNITY_CENTS,
  totalDueCents,
} from "../../src/core/interest";
import { MAX_CENTS } from "../../src/core/money";
import { MissingRate, RateBook } from "../../src/core/rates/rateBook";
import { bpToMillionths, day, FACTS_SEMESTER_TABLE, semesterKeyOf } from "./fixtures";

const book = RateBook.builtIn();

/** Days with a known rate, for the property tests: (31/12/2014, 30/06/2026]. */
const FIRST = day(2014, 12, 31);
const LAST = day(2026, 6, 30);

const amountArb = fc.integer({ min: 0, max: MAX_CENTS });
const dayArb = fc.integer({ min: FIRST, max: LAST });

/** Reference penalty: day-by-day FACTS.md ECB + 10 points, exact BigInt, rounded once half away from zero. */
function referencePenalty(amount: number, due: number, paid: number): number {
  let rateDays = 0n;
  for (let d = due + 1; d <= paid; d++) {
    const row = FACTS_SEMESTER_TABLE.find((r) => r.key === semesterKeyOf(d))!;
    rateDays += BigInt(bpToMillionths(row.ecbPlus10));
  }
  const numerator = BigInt(amount) * rateDays;
  const denominator = 365_000_000n;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

describe("constants", () => {
  test("margins and indemnity", () => {
    expect(PENALTY_MARGIN).toBe(100_000); // 10 points in millionths
    expect(MORATORY_MARGIN).toBe(80_000);
    expect(LEGAL_MAJORATION).toBe(50_000);
    expect(RECOVERY_INDEMNITY_CENTS).toBe(4000);
  });
});

describe("L441-10 penalties", () => {
  test("10,000 EUR due 15/12/2024 paid 15/01/2025: two rates, rounded once", () => {
    // (15/12/2024, 15/01/2025]: 16 days in 2024-S2 at 14.25 %, 15 days in 2025-S1 at 13.15 %
    // 1,000,000 cents x (0.1425 x 16 + 0.1315 x 15) / 365 = 1,000,000 x 4.2525 / 365 = 11,650.68 -> 11,651
    expect(penaltyCents(book, 1_000_000, day(2024, 12, 15), day(2025, 1, 15))).toBe(11_651);
  });

  test("100 EUR over the same period: rounding once differs from rounding per semester", () => {
    // 10,000 x 4.2525 / 365 = 116.507 -> 117 cents. Per semester: 62.47 -> 62 and 54.04 -> 54, i.e. 116.
    expect(penaltyCents(book, 10_000, day(2024, 12, 15), day(2025, 1, 15))).toBe(117);
  });

  test("across 1 July: 10,000 EUR due 15/06/2025 paid 15/07/2025", () => {
    // 15 days (16..30 June) at 13.15 % + 15 days (1..15 July) at 12.15 %
    // 1,000,000 x (1.9725 + 1.8225) / 365 = 3,795,000 / 365 = 10,397.26 -> 10,397
    expect(penaltyCents(book, 1_000_000, day(2025, 6, 15), day(2025, 7, 15))).toBe(10_397);
  });

  test("one day on each side of 1 July", () => {
    // 30 June 2025 at 13.15 %: 1,000,000 x 0.1315 / 365 = 360.27 -> 360
    expect(penaltyCents(book, 1_000_000, day(2025, 6, 29), day(2025, 6, 30))).toBe(360);
    // 1 July 2025 at 12.15 %: 1,000,000 x 0.1215 / 365 = 332.88 -> 333
    expect(penaltyCents(book, 1_000_000, day(2025, 6, 30), day(2025, 7, 1))).toBe(333);
  });

  test("a contractual rate applies flat for the whole period", () => {
    // 12 % over 31 days: 1,000,000 x 0.12 x 31 / 365 = 3,720,000 / 365 = 10,191.78 -> 10,192
    expect(penaltyCents(book, 1_000_000, day(2024, 12, 15), day(2025, 1, 15), 120_000)).toBe(10_192);
    // It needs no table: 30 days of 2026-S2 at 12 % = 3,600,000 / 365 = 9,863.01 -> 9,863
    expect(penaltyCents(book, 1_000_000, day(2026, 6, 30), day(2026, 7, 30), 120_000)).toBe(9_863);
    expect(penaltyCents(book, 1_000_000, day(2024, 12, 15), day(2025, 1, 15), 0)).toBe(0);
  });

  test("0 when not late or nothing is owed", () => {
    expect(penaltyCents(book, 1_000_000, day(2025, 3, 15), day(2025, 3, 15))).toBe(0);
    expect(penaltyCents(book, 1_000_000, day(2025, 3, 15), day(2025, 3, 1))).toBe(0);
    expect(penaltyCents(book, 0, day(2025, 3, 15), day(2025, 6, 1))).toBe(0);
    // Not late: no rate is needed, even in an unknown semester.
    expect(penaltyCents(book, 1_000_000, day(2026, 9, 1), day(2026, 8, 1))).toBe(0);
  });

  test("2026-S2 without a user rate: MissingRate, never a guess", () => {
    const missing = penaltyCents(book, 1_000_000, day(2026, 6, 15), day(2026, 7, 15));
    expect(missing).toBeInstanceOf(MissingRate);
    expect((missing as MissingRate).message).toContain("2e semestre 2026");
  });

  test("penaltyRateOn across semester boundaries", () => {
    expect(penaltyRateOn(book, day(2024, 12, 31))).toBe(142_500);
    expect(penaltyRateOn(book, day(2025, 1, 1))).toBe(131_500);
    expect(penaltyRateOn(book, day(2025, 6, 30))).toBe(131_500);
    expect(penaltyRateOn(book, day(2025, 7, 1))).toBe(121_500);
    expect(penaltyRateOn(book, day(2026, 7, 1))).toBeInstanceOf(MissingRate);
    expect(minimumContractRate(book, day(2026, 1, 1))).toBe(78_600);
  });
});

describe("D441-5 indemnity", () => {
  test("40 EUR only when paid after the due date", () => {
    const due = day(2025, 3, 15);
    expect(indemnityCents(due, due + 1)).toBe(4000);
    expect(indemnityCents(due, due + 1000)).toBe(4000);
    expect(indemnityCents(due, due)).toBe(0);
    expect(indemnityCents(due, due - 1)).toBe(0);
  });
});

describe("total due (TOTAL_DU)", () => {
  test("amount + penalty + 40 EUR when paid late; the amount alone otherwise", () => {
    // 10,000 EUR due 15/12/2024, paid 15/01/2025: penalty 116.51 EUR (README's example).
    expect(totalDueCents(book, 1_000_000, day(2024, 12, 15), day(2025, 1, 15))).toBe(1_000_000 + 11_651 + 4000);
    expect(totalDueCents(book, 1_000_000, day(2025, 3, 15), day(2025, 3, 15))).toBe(1_000_000);
    expect(totalDueCents(book, 0, day(2025, 3, 15), day(2025, 4, 15))).toBe(4000);
  });

  test("is the sum of its parts for any row, and a missing rate stays the missing rate", () => {
    fc.assert(
      fc.property(amountArb, dayArb, fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }), (amount, due, late, rate) => {
        const paid = due + late;
        const penalty = penaltyCents(book, amount, due, paid, rate);
        const total = totalDueCents(book, amount, due, paid, rate);
        if (penalty instanceof MissingRate) expect(total).toBe(penalty);
        else expect(total).toBe(amount + penalty + indemnityCents(due, paid));
      }),
    );
    const missing = totalDueCents(book, 1_000_00, day(2026, 7, 1), day(2026, 8, 1));
    expect(missing).toBeInstanceOf(MissingRate);
  });
});

describe("public buyers' moratory interest (R2192-31)", () => {
  test("ONE rate: the ECB rate of the semester containing due + 1, plus 8 points", () => {
    // due 20/06/2025: interest runs from 21/06/2025 (2025-S1, ECB 3.15 %) -> 11.15 % for the whole period,
    // although 20 of the 30 days fall in 2025-S2. 1,000,000 x 0.1115 x 30 / 365 = 9,164.38 -> 9,164
    expect(moratoryRate(book, day(2025, 6, 20))).toBe(111_500);
    expect(moratoryInterestCents(book, 1_000_000, day(2025, 6, 20), day(2025, 7, 20))).toBe(9_164);
  });

  test("due on 30 June: interest starts on 1 July, second-semester rate", () => {
    // 2.15 % + 8 = 10.15 %; 1,000,000 x 0.1015 x 30 / 365 = 8,342.47 -> 8,342
    expect(moratoryRate(book, day(2025, 6, 30))).toBe(101_500);
    expect(moratoryInterestCents(book, 1_000_000, day(2025, 6, 30), day(2025, 7, 30))).toBe(8_342);
  });

  test("across 1 January the rate stays that of the start", () => {
    // from 16/12/2024 (2024-S2, 4.25 %): 12.25 % x 31 days = 1,000,000 x 0.1225 x 31 / 365 = 10,404.11 -> 10,404
    expect(moratoryInterestCents(book, 1_000_000, day(2024, 12, 15), day(2025, 1, 15))).toBe(10_404);
  });

  test("a start in 2026-S1 carries its rate into 2026-S2; a start in 2026-S2 is missing", () => {
    // from 30/06/2026 (2026-S1, 2.15 %): 10.15 % for 30 days -> 8,342
    expect(moratoryInterestCents(book, 1_000_000, day(2026, 6, 29), day(2026, 7, 29))).toBe(8_342);
    expect(moratoryInterestCents(book, 1_000_000, day(2026, 6, 30), day(2026, 7, 30))).toBeInstanceOf(MissingRate);
  });

  test("0 when not late", () => {
    expect(moratoryInterestCents(book, 1_000_000, day(2025, 6, 20), day(2025, 6, 20))).toBe(0);
    expect(moratoryInterestCents(book, 1_000_000, day(2025, 6, 20), day(2025, 6, 1))).toBe(0);
    expect(moratoryInterestCents(book, 0, day(2025, 6, 20), day(2025, 9, 1))).toBe(0);
  });
});

describe("legal interest", () => {
  test("service-public example: 2,000 EUR at 3.11 % (column a, 2020-S2) over (31/08/2020, 30/09/2020] = 5.11 EUR", () => {
    // 200,000 cents x 0.0311 x 30 / 365 = 511.23 -> 511
    expect(legalInterestCents(book, 200_000, day(2020, 8, 31), day(2020, 9, 30), true)).toBe(511);
    // column (b), 0.84 %: 200,000 x 0.0084 x 30 / 365 = 138.08 -> 138
    expect(legalInterestCents(book, 200_000, day(2020, 8, 31), day(2020, 9, 30), false)).toBe(138);
  });

  test("split by semester across 1 January", () => {
    // 5,000 EUR, column (a): 16 days at 6.65 % (2025-S2) + 15 days at 6.67 % (2026-S1)
    // 500,000 x (0.0665 x 16 + 0.0667 x 15) / 365 = 500,000 x 2.0645 / 365 = 2,828.08 -> 2,828
    expect(legalInterestCents(book, 500_000, day(2025, 12, 15), day(2026, 1, 15), true)).toBe(2_828);
  });

  test("+5 points for the days after date_majoration", () => {
    const start = day(2025, 9, 30);
    const end = day(2025, 11, 30); // 61 days, all in 2025-S2 at 2.76 % (column b)
    // without: 1,000,000 x 0.0276 x 61 / 365 = 1,683,600 / 365 = 4,612.60 -> 4,613
    expect(legalInterestCents(book, 1_000_000, start, end, false)).toBe(4_613);
    // majoration on 31/10: the 30 days of November bear 7.76 %
    // 1,000,000 x (0.0276 x 61 + 0.05 x 30) / 365 = 3,183,600 / 365 = 8,722.19 -> 8,722
    expect(legalInterestCents(book, 1_000_000, start, end, false, day(2025, 10, 31))).toBe(8_722);
    // majoration before the start: every day majorated: (1,683,600 + 3,050,000) / 365 = 12,968.77 -> 12,969
    expect(legalInterestCents(book, 1_000_000, start, end, false, day(2025, 1, 1))).toBe(12_969);
    // majoration on or after the end: nothing majorated
    expect(legalInterestCents(book, 1_000_000, start, end, false, end)).toBe(4_613);
    expect(legalInterestCents(book, 1_000_000, start, end, false, end + 10)).toBe(4_613);
  });

  test("0 when the period is empty; MissingRate in 2026-S2", () => {
    expect(legalInterestCents(book, 1_000_000, day(2025, 9, 30), day(2025, 9, 30), false)).toBe(0);
    expect(legalInterestCents(book, 1_000_000, day(2025, 9, 30), day(2025, 9, 1), true)).toBe(0);
    expect(legalInterestCents(book, 1_000_000, day(2026, 6, 1), day(2026, 8, 1), true)).toBeInstanceOf(MissingRate);
  });
});

describe("properties", () => {
  test("zero when not late (penalty, moratory, legal), whatever the rate", () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: day(1900, 1, 1), max: day(9999, 12, 31) }), fc.nat(100_000), fc.option(fc.nat(1_000_000)), (amount, due, early, rate) => {
        const paid = due - early;
        expect(penaltyCents(book, amount, due, paid, rate ?? undefined)).toBe(0);
        expect(moratoryInterestCents(book, amount, due, paid)).toBe(0);
        expect(legalInterestCents(book, amount, due, paid, early % 2 === 0)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  test("penalty equals the day-by-day reference (FACTS.md ECB + 10, exact, rounded once)", () => {
    fc.assert(
      fc.property(amountArb, dayArb, fc.integer({ min: 0, max: 700 }), (amount, due, length) => {
        const paid = Math.min(LAST, due + length);
        expect(penaltyCents(book, amount, due, paid)).toBe(referencePenalty(amount, due, paid));
      }),
      { numRuns: 500 },
    );
  });

  test("splitting a period at any date changes the total by at most a cent", () => {
    fc.assert(
      fc.property(amountArb, fc.uniqueArray(dayArb, { minLength: 3, maxLength: 3 }), fc.option(fc.integer({ min: 1, max: 1_000_000 })), (amount, days, rate) => {
        const [a, b, c] = [...days].sort((x, y) => x - y);
        const contract = rate ?? undefined;
        const whole = penaltyCents(book, amount, a, c, contract) as number;
        const parts = (penaltyCents(book, amount, a, b, contract) as number) + (penaltyCents(book, amount, b, c, contract) as number);
        expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1);
        const legalWhole = legalInterestCents(book, amount, a, c, true) as number;
        const legalParts = (legalInterestCents(book, amount, a, b, true) as number) + (legalInterestCents(book, amount, b, c, true) as number);
        expect(Math.abs(legalParts - legalWhole)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  test("monotone in days", () => {
    fc.assert(
      fc.property(amountArb, dayArb, fc.nat(2000), fc.nat(2000), (amount, due, x, y) => {
        const [shorter, longer] = x <= y ? [x, y] : [y, x];
        const p1 = Math.min(LAST, due + shorter);
        const p2 = Math.min(LAST, due + longer);
        expect(penaltyCents(book, amount, due, p1) as number).toBeLessThanOrEqual(penaltyCents(book, amount, due, p2) as number);
        expect(moratoryInterestCents(book, amount, due, p1) as number).toBeLessThanOrEqual(moratoryInterestCents(book, amount, due, p2) as number);
        expect(legalInterestCents(book, amount, due, p1, false) as number).toBeLessThanOrEqual(legalInterestCents(book, amount, due, p2, false) as number);
      }),
      { numRuns: 1000 },
    );
  });

  test("monotone in amount", () => {
    fc.assert(
      fc.property(amountArb, amountArb, dayArb, fc.nat(2000), fc.option(fc.integer({ min: 0, max: 1_000_000 })), (x, y, due, length, rate) => {
        const [small, large] = x <= y ? [x, y] : [y, x];
        const paid = Math.min(LAST, due + length);
        const contract = rate ?? undefined;
        expect(penaltyCents(book, small, due, paid, contract) as number).toBeLessThanOrEqual(penaltyCents(book, large, due, paid, contract) as number);
        expect(moratoryInterestCents(book, small, due, paid) as number).toBeLessThanOrEqual(moratoryInterestCents(book, large, due, paid) as number);
      }),
      { numRuns: 1000 },
    );
  });

  test("a contractual rate is flat: exactly amount x rate x days / 365, rounded once", () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: day(1900, 1, 1), max: day(9999, 1, 1) }), fc.integer({ min: 1, max: 20_000 }), (amount, rate, due, days) => {
        const numerator = BigInt(amount) * BigInt(rate) * BigInt(days);
        const expected = Number((2n * numerator + 365_000_000n) / 730_000_000n);
        expect(penaltyCents(book, amount, due, due + days, rate)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("penaltiesCents (the vector form used by formulas over columns)", () => {
  /** Runs the vector form over rows and returns its outputs. */
  function vector(rows: ReadonlyArray<[number, number, number, number | undefined]>, withBook = book): number[] {
    const column = (pick: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, pick);
    const out = new Float64Array(rows.length).fill(-1);
    penaltiesCents(
      withBook,
      column((r) => r[0]),
      column((r) => r[1]),
      column((r) => r[2]),
      column((r) => r[3] ?? Number.NaN),
      rows.length,
      out,
    );
    return Array.from(out);
  }

  // Days well beyond the tables on both sides, so that some periods leave them.
  const wideDayArb = fc.integer({ min: day(2008, 1, 1), max: day(2030, 12, 31) });
  const rowArb = fc.tuple(
    fc.oneof(amountArb, fc.integer({ min: 0, max: 10_000_000 })),
    wideDayArb,
    wideDayArb,
    fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  );

  test("equals penaltyCents row by row, or says NaN where penaltyCents must answer itself", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (rows) => {
        const out = vector(rows);
        rows.forEach(([amount, due, paid, rate], i) => {
          const scalar = penaltyCents(book, amount, due, paid, rate);
          if (Number.isNaN(out[i])) {
            // Only a period outside the contiguous tables or an unsafe product is handed back.
            const outside = rate === undefined && (due < FIRST || paid > LAST);
            const unsafe = amount * (rate ?? 200_000) * (paid - due) > Number.MAX_SAFE_INTEGER / 2;
            expect(outside || unsafe || scalar instanceof MissingRate).toBe(true);
          } else {
            expect(out[i]).toBe(scalar);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  test("plain rows inside the tables are all computed", () => {
    const rows: Array<[number, number, number, number | undefined]> = [
      [1_000_000, day(2024, 12, 15), day(2025, 1, 15), undefined],
      [1_000_000, day(2025, 6, 15), day(2025, 7, 15), undefined],
      [150_000, day(2025, 5, 31), day(2026, 5, 18), undefined],
      [1_000_000, day(2025, 1, 1), day(2025, 1, 31), 120_000],
      [1_000_000, day(2025, 1, 31), day(2025, 1, 1), undefined],
      [0, day(2025, 1, 1), day(2025, 3, 1), undefined],
    ];
    expect(vector(rows)).toEqual(rows.map(([a, d, p, r]) => penaltyCents(book, a, d, p, r)));
    expect(vector(rows)).toEqual([11_651, 10_397, 17_699, 9_863, 0, 0]);
  });

  test("a period past the last known semester is handed back, never guessed", () => {
    const out = vector([[1_000_000, day(2026, 6, 1), day(2026, 8, 1), undefined]]);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(penaltyCents(book, 1_000_000, day(2026, 6, 1), day(2026, 8, 1))).toBeInstanceOf(MissingRate);
  });
});
