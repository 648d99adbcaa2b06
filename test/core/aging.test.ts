import { agingTotals, boundsProblem, bucketIndex, bucketLabels, daysLate, DEFAULT_BOUNDS, DSO_DEFAULT_DAYS, dsoSimple } from "../../src/core/aging";

describe("labels", () => {
  test("default buckets", () => {
    expect(DEFAULT_BOUNDS).toEqual([30, 60, 90]);
    expect(bucketLabels(DEFAULT_BOUNDS)).toEqual(["Non échu", "1-30 j", "31-60 j", "61-90 j", "> 90 j"]);
  });

  test("custom bounds", () => {
    expect(bucketLabels([15, 45])).toEqual(["Non échu", "1-15 j", "16-45 j", "> 45 j"]);
    expect(bucketLabels([1])).toEqual(["Non échu", "1-1 j", "> 1 j"]);
  });
});

describe("bucketIndex at the boundaries", () => {
  test.each([
    [-30, 0],
    [-1, 0],
    [0, 0],
    [1, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [10_000, 4],
  ])("%i days late -> bucket %i", (days, index) => {
    expect(bucketIndex(days, DEFAULT_BOUNDS)).toBe(index);
  });

  test("custom bounds [15, 45]", () => {
    expect([0, 1, 15, 16, 45, 46].map((d) => bucketIndex(d, [15, 45]))).toEqual([0, 1, 1, 2, 2, 3]);
  });
});

describe("boundsProblem", () => {
  test("accepts strictly increasing positive integers", () => {
    expect(boundsProblem([30, 60, 90])).toBeUndefined();
    expect(boundsProblem([1])).toBeUndefined();
    expect(boundsProblem(Array.from({ length: 20 }, (_, i) => i + 1))).toBeUndefined();
  });

  test("refuses the rest, saying why", () => {
    expect(boundsProblem([])).toContain("au moins une borne");
    expect(boundsProblem([30, 30])).toContain("strictement croissantes");
    expect(boundsProblem([60, 30])).toContain("strictement croissantes");
    expect(boundsProblem([0, 30])).toBe("« 0 » n'est pas un nombre de jours entier positif");
    expect(boundsProblem([1.5])).toContain("entier positif");
    expect(boundsProblem([Number.NaN])).toContain("entier positif");
    expect(boundsProblem(Array.from({ length: 21 }, (_, i) => i + 1))).toBe("au plus 20 bornes");
  });
});

describe("agingTotals and DSO", () => {
  test("totals per bucket", () => {
    const rows = [
      { amount: 100_00, daysLate: -5 },
      { amount: 200_00, daysLate: 0 },
      { amount: 300_00, daysLate: 1 },
      { amount: 400_00, daysLate: 31 },
      { amount: 500_00, daysLate: 91 },
      { amount: 1, daysLate: 90 },
    ];
    expect(agingTotals(rows, DEFAULT_BOUNDS)).toEqual({ buckets: [300_00, 300_00, 400_00, 1, 500_00], total: 150_001 });
    expect(agingTotals([], DEFAULT_BOUNDS)).toEqual({ buckets: [0, 0, 0, 0, 0], total: 0 });
  });

  test("DSO = receivables / revenue x days", () => {
    expect(dsoSimple(50_000, 365_000, 365)).toBe(50);
    expect(dsoSimple(30_000, 90_000, 90)).toBe(30);
    expect(dsoSimple(0, 1, 365)).toBe(0);
  });

  test("DSO over a year of 365 days when no period is given", () => {
    expect(DSO_DEFAULT_DAYS).toBe(365);
    expect(dsoSimple(250_000, 1_200_000)).toBeCloseTo(76.04, 2);
  });
});

describe("days late", () => {
  test("from the due date to the reference, 0 when not yet due", () => {
    expect(daysLate(100, 130)).toBe(30);
    expect(daysLate(100, 100)).toBe(0);
    expect(daysLate(100, 90)).toBe(0);
  });
});
