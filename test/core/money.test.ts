import fc from "fast-check";
import {
  centsToEuros,
  eurosToCents,
  formatCentsFr,
  formatRateFr,
  interestCents,
  MAX_CENTS,
  NARROW_NBSP,
  NBSP,
  roundDivide,
  roundDivideBig,
} from "../../src/core/money";

/** Reference: round(n / d) half away from zero, in BigInt, written independently. */
function referenceRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + d) / (2n * d); // floor((|n| + d/2) / d)
  return negative ? -q : q;
}

describe("eurosToCents", () => {
  test("absorbs binary noise", () => {
    expect(eurosToCents(0.1 + 0.2)).toBe(30);
    expect(eurosToCents(0.07)).toBe(7);
    expect(eurosToCents(19.99)).toBe(1999);
    expect(eurosToCents(1234.56)).toBe(123456);
    expect(eurosToCents(-12.34)).toBe(-1234);
  });

  test("refuses a fraction of a cent", () => {
    expect(eurosToCents(12.345)).toBeUndefined();
    expect(eurosToCents(1.005)).toBeUndefined();
    expect(eurosToCents(0.001)).toBeUndefined();
    expect(eurosToCents(-0.001)).toBeUndefined();
  });

  test("no negative zero", () => {
    expect(Object.is(eurosToCents(-0), 0)).toBe(true);
    expect(Object.is(eurosToCents(-0.0000000001), 0)).toBe(true);
  });

  test("non-finite and too large", () => {
    expect(eurosToCents(Number.NaN)).toBeUndefined();
    expect(eurosToCents(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(eurosToCents(1e308)).toBeUndefined();
    expect(eurosToCents(100_000_000_000)).toBe(MAX_CENTS);
    expect(eurosToCents(100_000_000_000.01)).toBeUndefined();
  });

  test("property: every whole number of cents survives the trip through euros", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (cents) => {
        expect(eurosToCents(centsToEuros(cents))).toBe(cents === 0 ? 0 : cents);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("roundDivide (half away from zero)", () => {
  test.each([
    [5, 2, 3],
    [-5, 2, -3],
    [7, 2, 4],
    [-7, 2, -4],
    [1, 2, 1],
    [-1, 2, -1],
    [2, 4, 1],
    [1, 3, 0],
    [-1, 3, 0],
    [4, 3, 1],
    [-4, 3, -1],
    [5, 3, 2],
    [0, 7, 0],
    [182_500_000, 365_000_000, 1],
    [182_499_999, 365_000_000, 0],
  ])("roundDivide(%p, %p) = %p", (n, d, q) => {
    expect(roundDivide(n, d)).toBe(q);
  });

  test("huge numerators take the exact path", () => {
    // 2^60 / 2 = 2^59 exactly; 2^60 + 2^8 (exactly representable) / 2^9 = 2^51 + 0.5 -> 2^51 + 1.
    expect(roundDivide(2 ** 60, 2)).toBe(2 ** 59);
    expect(roundDivide(2 ** 60 + 2 ** 8, 2 ** 9)).toBe(2 ** 51 + 1);
    expect(roundDivide(-(2 ** 60 + 2 ** 8), 2 ** 9)).toBe(-(2 ** 51 + 1));
    expect(roundDivideBig(10n ** 30n + 5n, 10n)).toBe(10n ** 29n + 1n);
    expect(roundDivideBig(-(10n ** 30n + 5n), 10n)).toBe(-(10n ** 29n + 1n));
    expect(roundDivideBig(10n ** 30n + 4n, 10n)).toBe(10n ** 29n);
  });

  test("property: equals the BigInt reference over the safe integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 1_000_000_000_000 }),
        (n, d) => {
          expect(roundDivide(n, d)).toBe(Number(referenceRound(BigInt(n), BigInt(d))));
        },
      ),
      { numRuns: 5000 },
    );
  });

  test("property: exact halves and near-halves, small and close to 2^53", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 2 ** 43, max: 2 ** 44 })),
        fc.integer({ min: 1, max: 500_000_000 }),
        fc.integer({ min: -1, max: 1 }),
        fc.boolean(),
        (q, half, nudge, negative) => {
          const d = 2 * half;
          const n = (q * d + half + nudge) * (negative ? -1 : 1); // q + 1/2 (+- 1/d)
          fc.pre(Number.isSafeInteger(n));
          expect(roundDivide(n, d)).toBe(Number(referenceRound(BigInt(n), BigInt(d))));
        },
      ),
      { numRuns: 5000 },
    );
  });

  test("property: numerators close to Number.MAX_SAFE_INTEGER with the interest denominator", () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MAX_SAFE_INTEGER - 10 ** 13, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (n, negative) => {
        const signed = negative ? -n : n;
        expect(roundDivide(signed, 365_000_000)).toBe(Number(referenceRound(BigInt(signed), 365_000_000n)));
      }),
      { numRuns: 5000 },
    );
  });

  test("property: integral doubles beyond 2^53 equal the BigInt reference", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2 ** 53, max: 1e300, noNaN: true }).map(Math.floor),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.boolean(),
        (n, d, negative) => {
          const signed = negative ? -n : n;
          expect(roundDivide(signed, d)).toBe(Number(referenceRound(BigInt(signed), BigInt(d))));
        },
      ),
    );
  });
});

describe("interestCents", () => {
  test("service-public example: 2,000 EUR at 3.11 % for 30 days", () => {
    // 200,000 cents x 31,100 millionths x 30 days / (1e6 x 365) = 511.23 cents -> 511
    expect(interestCents(200_000, 31_100 * 30)).toBe(511);
  });

  test("rounds once, half away from zero", () => {
    // 1 cent x 182,500,000 / 365,000,000 = 0.5 exactly -> 1
    expect(interestCents(1, 182_500_000)).toBe(1);
    expect(interestCents(1, 182_499_999)).toBe(0);
    expect(interestCents(0, 1_000_000)).toBe(0);
  });

  test("products beyond 2^53 stay exact", () => {
    // 1e13 cents at 100 % for 365,000 days: exactly 1e13 x 1000 = 1e16 cents
    expect(interestCents(MAX_CENTS, 1_000_000 * 365_000)).toBe(1e16);
    // (1e12 + 1) x 182,500,000 / 365,000,000 = 500,000,000,000.5 -> 500,000,000,001
    expect(interestCents(1_000_000_000_001, 182_500_000)).toBe(500_000_000_001);
  });
});

describe("French formatting", () => {
  test("narrow no-break space between thousands, no-break space before €", () => {
    expect(formatCentsFr(123456)).toBe(`1${NARROW_NBSP}234,56${NBSP}€`);
    expect(formatCentsFr(123456)).toBe("1\u202f234,56\u00a0€");
    expect(formatCentsFr(5)).toBe("0,05\u00a0€");
    expect(formatCentsFr(0)).toBe("0,00\u00a0€");
    expect(formatCentsFr(-123456789)).toBe("-1\u202f234\u202f567,89\u00a0€");
    expect(formatCentsFr(100000, false)).toBe("1\u202f000,00");
    expect(formatCentsFr(99999)).toBe("999,99\u00a0€");
  });

  test("property: same text as Intl's fr-FR currency format", () => {
    const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
    fc.assert(
      fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (cents) => {
        fc.pre(cents !== 0);
        expect(formatCentsFr(cents)).toBe(intl.format(cents / 100));
      }),
      { numRuns: 2000 },
    );
  });

  test("formatRateFr", () => {
    expect(formatRateFr(0.1215)).toBe("12,15\u00a0%");
    expect(formatRateFr(0.03)).toBe("3\u00a0%");
    expect(formatRateFr(0.021575)).toBe("2,1575\u00a0%");
  });
});
