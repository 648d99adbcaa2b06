import fc from "fast-check";
import { claimFor } from "../../../src/core/escalation/claim";
import { legalInterestCents, moratoryInterestCents, penaltyCents } from "../../../src/core/interest";
import { penaltyOnUnpaidCents } from "../../../src/core/books/unpaidPenalty";
import { apportionCents } from "../../../src/core/letters/apportion";
import { interestStatement, type InterestStatement } from "../../../src/core/letters/decompte";
import { MissingRate, RateBook } from "../../../src/core/rates/rateBook";
import { bpToMillionths, day, FACTS_SEMESTER_TABLE, semesterKeyOf } from "../fixtures";

const book = RateBook.builtIn();
const FIRST = day(2015, 1, 1);
const LAST = day(2026, 6, 30);
const dayArb = fc.integer({ min: FIRST, max: LAST - 800 });
const amountArb = fc.integer({ min: 1, max: 1_000_000_000 });

function statementOf(result: InterestStatement | MissingRate): InterestStatement {
  if (result instanceof MissingRate) throw new Error(result.message);
  return result;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** ECB + 10 points of a day, from FACTS.md typed again in the fixtures. */
function factsPenaltyRate(d: number): number {
  return bpToMillionths(FACTS_SEMESTER_TABLE.find((row) => row.key === semesterKeyOf(d))!.ecbPlus10);
}

describe("décompte des intérêts: periods", () => {
  test("a partial payment lowers the base from the day after it, and the periods add up to the total", () => {
    // 1 000 € due 31/01/2025 at a 12 % contractual rate, 400 € paid on 28/02/2025, stated on 31/03/2025.
    const s = statementOf(
      interestStatement({
        book,
        kind: "penalites",
        principal: 100_000,
        start: day(2025, 1, 31),
        end: day(2025, 3, 31),
        contractRate: 120_000,
        settlements: [{ date: day(2025, 2, 28), cents: 40_000 }],
      }),
    );
    expect(s.periods.map((p) => [p.from, p.to, p.days, p.base, p.rate, p.cents])).toEqual([
      [day(2025, 2, 1), day(2025, 2, 28), 28, 100_000, 120_000, 921], // 920,547… cents
      [day(2025, 3, 1), day(2025, 3, 31), 31, 60_000, 120_000, 611], // 611,507… cents
    ]);
    // 1 532,05… cents rounded once; the larger dropped fraction gets the missing cent.
    expect(s.total).toBe(1532);
    const claim = claimFor({
      book,
      kind: "professionnel",
      amountDue: 60_000,
      echeance: day(2025, 1, 31),
      today: day(2025, 3, 31),
      payments: [{ date: day(2025, 2, 28), amount: 40_000 }],
      contractRate: 120_000,
    });
    expect(claim.interest).toBe(1532);
  });

  test("penalties are cut at each semester boundary, each semester at its own ECB + 10 points", () => {
    const due = day(2024, 12, 15);
    const s = statementOf(interestStatement({ book, kind: "penalites", principal: 1_000_000, start: due, end: day(2025, 7, 10) }));
    expect(s.periods.map((p) => [p.from, p.to, p.days])).toEqual([
      [day(2024, 12, 16), day(2024, 12, 31), 16],
      [day(2025, 1, 1), day(2025, 6, 30), 181],
      [day(2025, 7, 1), day(2025, 7, 10), 10],
    ]);
    expect(s.periods.map((p) => p.rate)).toEqual([factsPenaltyRate(day(2024, 12, 16)), factsPenaltyRate(day(2025, 1, 1)), factsPenaltyRate(day(2025, 7, 1))]);
    expect(s.total).toBe(penaltyCents(book, 1_000_000, due, day(2025, 7, 10)));
    expect(sum(s.periods.map((p) => p.cents))).toBe(s.total);
  });

  test("moratory interest keeps one rate over every period; legal interest bears 5 more points after the majoration", () => {
    const m = statementOf(interestStatement({ book, kind: "interetsMoratoires", principal: 500_000, start: day(2023, 5, 31), end: day(2024, 2, 1) }));
    expect(new Set(m.periods.map((p) => p.rate)).size).toBe(1);
    expect(m.periods).toHaveLength(3);
    const majoration = day(2024, 3, 10);
    const l = statementOf(
      interestStatement({ book, kind: "interetsLegaux", principal: 500_000, start: day(2024, 1, 20), end: day(2024, 4, 30), majoration }),
    );
    expect(l.periods.map((p) => p.to)).toEqual([majoration, day(2024, 4, 30)]);
    expect(l.periods[1].rate - l.periods[0].rate).toBe(50_000);
    expect(l.total).toBe(legalInterestCents(book, 500_000, day(2024, 1, 20), day(2024, 4, 30), false, majoration));
  });

  test("nothing to state before the start, after full payment, or on a zero principal", () => {
    expect(statementOf(interestStatement({ book, kind: "penalites", principal: 10_000, start: day(2025, 3, 1), end: day(2025, 3, 1) })).periods).toEqual([]);
    const paid = statementOf(
      interestStatement({ book, kind: "penalites", principal: 10_000, start: day(2025, 3, 1), end: day(2025, 5, 1), settlements: [{ date: day(2025, 3, 10), cents: 10_000 }] }),
    );
    expect(paid.periods.map((p) => p.to)).toEqual([day(2025, 3, 10)]);
  });

  test("a semester without a known rate is reported, never guessed", () => {
    const result = interestStatement({ book, kind: "penalites", principal: 10_000, start: day(2026, 6, 1), end: day(2026, 8, 1) });
    expect(result).toBeInstanceOf(MissingRate);
  });
});

describe("décompte des intérêts: properties", () => {
  const kindArb = fc.constantFrom("penalites" as const, "interetsMoratoires" as const, "interetsLegaux" as const);

  test("without settlements the total is exactly penaltyCents / moratoryInterestCents / legalInterestCents, and the periods add up to it", () => {
    fc.assert(
      fc.property(kindArb, amountArb, dayArb, fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: 1, max: 300_000 })), (kind, amount, start, length, contract) => {
        const end = start + length;
        const s = statementOf(interestStatement({ book, kind, principal: amount, start, end, ...(kind === "penalites" && contract !== null && { contractRate: contract }) }));
        const reference =
          kind === "penalites"
            ? penaltyCents(book, amount, start, end, contract ?? undefined)
            : kind === "interetsMoratoires"
              ? moratoryInterestCents(book, amount, start, end)
              : legalInterestCents(book, amount, start, end, false);
        expect(s.total).toBe(reference);
        expect(sum(s.periods.map((p) => p.cents))).toBe(s.total);
        expect(sum(s.periods.map((p) => p.days))).toBe(length);
      }),
    );
  });

  test("with random partial payments: exact day by day, each period within a cent of its exact value, the sum to the cent", () => {
    const settlementArb = fc.record({ offset: fc.integer({ min: -30, max: 820 }), share: fc.integer({ min: 1, max: 400 }) });
    fc.assert(
      fc.property(amountArb, dayArb, fc.integer({ min: 1, max: 800 }), fc.array(settlementArb, { maxLength: 6 }), (amount, start, length, raw) => {
        const end = start + length;
        const settlements = raw.map((r) => ({ date: start + r.offset, cents: Math.max(1, Math.floor((amount * r.share) / 1000)) }));
        const s = statementOf(interestStatement({ book, kind: "penalites", principal: amount, start, end, settlements }));
        // Reference: day by day, the base being what was unpaid at the end of the previous day.
        let exact = 0n;
        for (let d = start + 1; d <= end; d++) {
          const paid = sum(settlements.filter((x) => x.date < d).map((x) => x.cents));
          const base = Math.max(0, amount - paid);
          exact += BigInt(base) * BigInt(factsPenaltyRate(d));
        }
        const denominator = 365_000_000n;
        expect(s.exactTotal).toBe(Number((2n * exact + denominator) / (2n * denominator)));
        expect(sum(s.periods.map((p) => p.cents))).toBe(s.total);
        for (const p of s.periods) {
          expect(Math.abs(p.cents * 365_000_000 - Number(p.exact))).toBeLessThan(365_000_000);
          expect(p.base).toBeGreaterThan(0);
        }
      }),
    );
  });

  test("the claim's own total (rounded per payment) is apportioned too, within a cent of each period", () => {
    fc.assert(
      fc.property(amountArb, dayArb, fc.integer({ min: 1, max: 800 }), fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 4 }), (amount, start, length, offsets) => {
        const end = start + length;
        const per = Math.floor(amount / (offsets.length + 2));
        const payments = offsets.map((o) => ({ date: start + Math.min(o, length), amount: per }));
        const amountDue = amount - per * offsets.length;
        const claim = claimFor({ book, kind: "professionnel", amountDue, echeance: start, today: end, payments });
        const total = claim.interest as number;
        const s = statementOf(
          interestStatement({ book, kind: "penalites", principal: amount, start, end, settlements: payments.map((p) => ({ date: p.date, cents: p.amount })), total }),
        );
        expect(sum(s.periods.map((p) => p.cents))).toBe(total);
        expect(Math.abs(total - s.exactTotal)).toBeLessThanOrEqual(offsets.length + 1);
      }),
    );
  });
});

describe("the décompte and the claim agree", () => {
  test("with partial payments, the L441-10 décompte's total is the penalty the cases claim (books/unpaidPenalty), to the cent", () => {
    const settlementArb = fc.record({ offset: fc.integer({ min: -30, max: 820 }), share: fc.integer({ min: 1, max: 400 }) });
    fc.assert(
      fc.property(amountArb, dayArb, fc.integer({ min: 1, max: 800 }), fc.array(settlementArb, { maxLength: 6 }), fc.option(fc.integer({ min: 1, max: 300_000 })), (amount, start, length, raw, contract) => {
        const end = start + length;
        const settlements = raw.map((r) => ({ date: start + r.offset, cents: Math.max(1, Math.floor((amount * r.share) / 1000)) }));
        const contractRate = contract ?? undefined;
        const s = statementOf(interestStatement({ book, kind: "penalites", principal: amount, start, end, settlements, contractRate }));
        expect(s.exactTotal).toBe(penaltyOnUnpaidCents(book, amount, start, settlements, end, contractRate));
      }),
    );
  });
});

describe("apportionCents", () => {
  test("random exact parts: shares add up to the once-rounded total, each its part rounded down or up", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 18n }), { maxLength: 30 }), fc.bigInt({ min: 1000n, max: 10n ** 9n }), (weights, denominator) => {
        const exact = weights.reduce((a, b) => a + b, 0n);
        const total = Number((2n * exact + denominator) / (2n * denominator));
        const shares = apportionCents(weights, denominator, total);
        expect(sum(shares)).toBe(total);
        shares.forEach((share, i) => {
          const floor = Number(weights[i] / denominator);
          expect(share === floor || share === floor + 1).toBe(true);
        });
      }),
    );
  });

  test("ties go to the earlier part; a total too far from the exact sum is refused", () => {
    expect(apportionCents([5n, 5n, 5n], 10n, 2)).toEqual([1, 1, 0]);
    expect(apportionCents([5n, 0n], 10n, 3)).toEqual([2, 1]);
    expect(apportionCents([25n, 0n], 10n, 0)).toEqual([0, 0]);
    expect(() => interestStatement({ book, kind: "penalites", principal: 100_000, start: day(2025, 1, 31), end: day(2025, 3, 31), total: 5000 })).toThrow(RangeError);
    expect(apportionCents([19n, 11n], 10n, 2)).toEqual([1, 1]);
    expect(apportionCents([19n, 11n], 10n, 1)).toEqual([1, 0]);
  });
});
