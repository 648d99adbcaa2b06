import fc from "fast-check";
import { dsoCountBack, dsoSimpleFromMonths, revenueMonths, revenueProblem } from "../../../src/core/report/dso";
import { day } from "../fixtures";

const EUR = 100; // cents per euro

describe("revenueMonths: month 0 is the report date's month up to that date", () => {
  test("a month-end report: whole months", () => {
    expect(revenueMonths(day(2025, 3, 31), 3).map((m) => [m.year, m.month, m.days, m.partial])).toEqual([
      [2025, 3, 31, false],
      [2025, 2, 28, false],
      [2025, 1, 31, false],
    ]);
  });

  test("mid-month: month 0 counts from the 1st to the report date", () => {
    const [march, feb] = revenueMonths(day(2025, 3, 15), 2);
    expect(march).toEqual({ year: 2025, month: 3, from: day(2025, 3, 1), to: day(2025, 3, 15), days: 15, partial: true });
    expect(feb).toEqual({ year: 2025, month: 2, from: day(2025, 2, 1), to: day(2025, 2, 28), days: 28, partial: false });
  });

  test("leap February, and across the new year", () => {
    expect(revenueMonths(day(2024, 3, 31), 2)[1].days).toBe(29);
    expect(revenueMonths(day(2025, 1, 31), 2).map((m) => [m.year, m.month])).toEqual([
      [2025, 1],
      [2024, 12],
    ]);
  });

  test("twelve month-end months make a year", () => {
    expect(revenueMonths(day(2025, 12, 31), 12).reduce((s, m) => s + m.days, 0)).toBe(365);
    expect(revenueMonths(day(2024, 12, 31), 12).reduce((s, m) => s + m.days, 0)).toBe(366);
  });
});

describe("count-back (épuisement du chiffre d'affaires): the worked example of dso.ts", () => {
  // 31/03/2025, receivables 250 000 € ; March 100 000 € (31 d), February 90 000 € (28 d), January 120 000 € (31 d).
  const revenue = [100_000 * EUR, 90_000 * EUR, 120_000 * EUR];
  const asOf = day(2025, 3, 31);

  test("31 + 28 + 60 000 / 120 000 × 31 = 74,5 days", () => {
    const result = dsoCountBack(250_000 * EUR, revenue, asOf)!;
    expect(result.days).toBe(74.5);
    expect(result).toMatchObject({ fullMonths: 2, fullDays: 59, exhausted: false, partial: { month: 2, needed: 60_000 * EUR, revenue: 120_000 * EUR, days: 31 } });
    expect(result.numerator / result.denominator).toBe(74.5);
  });

  test("simple method over the same months: 250 000 / 310 000 × 90 = 72,58 days", () => {
    const simple = dsoSimpleFromMonths(250_000 * EUR, revenue, asOf)!;
    expect(simple).toMatchObject({ revenue: 310_000 * EUR, periodDays: 90, months: 3 });
    expect(simple.days).toBeCloseTo(72.5806, 4);
    expect(simple.days).toBe((250_000 * 90) / 310_000);
  });

  test("receivables equal to the first month: exactly that month", () => {
    expect(dsoCountBack(100_000 * EUR, revenue, asOf)!.days).toBe(31);
  });

  test("receivables within month 0: a fraction of it", () => {
    expect(dsoCountBack(50_000 * EUR, revenue, asOf)!.days).toBe(15.5);
  });

  test("more receivables than the months cover: a lower bound, flagged", () => {
    const result = dsoCountBack(400_000 * EUR, revenue, asOf)!;
    expect(result).toMatchObject({ exhausted: true, days: 90, fullMonths: 3, fullDays: 90 });
    expect(result.partial).toBeUndefined();
  });

  test("no receivables: 0 days", () => {
    expect(dsoCountBack(0, revenue, asOf)!.days).toBe(0);
  });
});

describe("count-back, other cases", () => {
  test("a month without revenue is used up whole", () => {
    // 31 days of March (0 €) + half of February (5 000 of 10 000 €, 28 days) = 45
    expect(dsoCountBack(5_000 * EUR, [0, 10_000 * EUR], day(2025, 3, 31))!.days).toBe(45);
  });

  test("mid-month report: month 0 counts its days so far", () => {
    // 15/03/2025: March to date 5 000 € (15 d), February 9 000 € (28 d); receivables 8 000 €:
    // 15 + 3 000 / 9 000 × 28 = 24,33 days
    const result = dsoCountBack(8_000 * EUR, [5_000 * EUR, 9_000 * EUR], day(2025, 3, 15))!;
    expect(result.days).toBeCloseTo(15 + 28 / 3, 12);
    expect(result.numerator).toBe(15 * 9_000 * EUR + 3_000 * EUR * 28);
    expect(result.denominator).toBe(9_000 * EUR);
  });

  test("no months, or only zero revenue", () => {
    expect(dsoCountBack(100, [], day(2025, 3, 31))).toBeUndefined();
    expect(dsoSimpleFromMonths(100, [], day(2025, 3, 31))).toBeUndefined();
    expect(dsoSimpleFromMonths(100, [0, 0], day(2025, 3, 31))).toBeUndefined();
    expect(dsoCountBack(100, [0, 0], day(2025, 3, 31))).toMatchObject({ exhausted: true, days: 59 });
  });

  test("twelve months of 100 000 € and receivables of 250 000 €: two and a half months back", () => {
    // 31/12/2025: December 31 d, November 30 d, half of October (31 d) = 76,5
    const result = dsoCountBack(250_000 * EUR, new Array(12).fill(100_000 * EUR), day(2025, 12, 31))!;
    expect(result.days).toBe(76.5);
    expect(dsoSimpleFromMonths(250_000 * EUR, new Array(12).fill(100_000 * EUR), day(2025, 12, 31))!.days).toBeCloseTo((250_000 / 1_200_000) * 365, 12);
  });

  test("revenueProblem", () => {
    expect(revenueProblem([0, 100, 5])).toBeUndefined();
    expect(revenueProblem([100, -5])).toMatch(/mois 2/);
    expect(revenueProblem([1.5])).toMatch(/mois 1/);
    expect(revenueProblem(new Array(25).fill(1))).toMatch(/24 mois/);
  });
});

// ---------------------------------------------------------------------------

const asOfArb = fc.integer({ min: day(2000, 1, 1), max: day(2040, 12, 31) });
const revenueArb = fc.array(fc.integer({ min: 0, max: 50_000_000_00 }), { minLength: 1, maxLength: 24 });

test("property: the count-back lies between 0 and the days of the months, and grows with the receivables", () => {
  fc.assert(
    fc.property(asOfArb, revenueArb, fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (asOf, revenue, a, b) => {
      const days = revenueMonths(asOf, revenue.length).reduce((s, m) => s + m.days, 0);
      const low = dsoCountBack(Math.min(a, b), revenue, asOf)!;
      const high = dsoCountBack(Math.max(a, b), revenue, asOf)!;
      expect(low.days).toBeGreaterThanOrEqual(0);
      expect(high.days).toBeLessThanOrEqual(days);
      expect(high.days).toBeGreaterThanOrEqual(low.days - 1e-9);
      expect(high.exhausted).toBe(Math.max(a, b) > revenue.reduce((s, r) => s + r, 0));
    }),
  );
});

test("property: with revenue proportional to the days of each month, both methods agree", () => {
  fc.assert(
    fc.property(asOfArb, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (asOf, count, perDay, fraction) => {
      const months = revenueMonths(asOf, count);
      const revenue = months.map((m) => m.days * perDay);
      const total = revenue.reduce((s, r) => s + r, 0);
      const receivables = Math.floor(total * fraction);
      const countBack = dsoCountBack(receivables, revenue, asOf)!;
      const simple = dsoSimpleFromMonths(receivables, revenue, asOf)!;
      expect(countBack.days).toBeCloseTo(receivables / perDay, 6);
      expect(simple.days).toBeCloseTo(receivables / perDay, 6);
    }),
  );
});
