import fc from "fast-check";
import { penaltyOnUnpaidCents } from "../../../src/core/books/unpaidPenalty";
import { toEpochDay } from "../../../src/core/calendar";
import { penaltyCents, PENALTY_MARGIN } from "../../../src/core/interest";
import { INTEREST_DENOMINATOR, roundDivideBig } from "../../../src/core/money";
import { MissingRate, RateBook } from "../../../src/core/rates/rateBook";

const book = RateBook.builtIn();
const D = toEpochDay;

describe("penaltyOnUnpaidCents: L441-10 on the unpaid base, day by day, rounded once", () => {
  test("worked example: 1 000 € due 15/01/2026, 400 € paid 15/02/2026, assessed 16/03/2026 at 12,15 %", () => {
    // 100 000 × 121 500 × 31 + 60 000 × 121 500 × 29 = 588 060 000 000; / 365 000 000 = 1 611,12… → 16,11 €
    expect(penaltyOnUnpaidCents(book, 100000, D(2026, 1, 15), [{ date: D(2026, 2, 15), cents: 40000 }], D(2026, 3, 16))).toBe(1611);
  });

  test("without settlements it is penaltyCents; settled before the due date, nothing runs on that part", () => {
    expect(penaltyOnUnpaidCents(book, 123456, D(2024, 5, 10), [], D(2025, 9, 1))).toBe(penaltyCents(book, 123456, D(2024, 5, 10), D(2025, 9, 1)));
    expect(penaltyOnUnpaidCents(book, 100000, D(2026, 1, 15), [{ date: D(2026, 1, 10), cents: 100000 }], D(2026, 3, 16))).toBe(0);
    expect(penaltyOnUnpaidCents(book, 100000, D(2026, 1, 15), [{ date: D(2026, 1, 10), cents: 40000 }], D(2026, 3, 16))).toBe(
      penaltyCents(book, 60000, D(2026, 1, 15), D(2026, 3, 16)),
    );
  });

  test("a missing rate is said, never guessed", () => {
    expect(penaltyOnUnpaidCents(book, 100000, D(2099, 1, 1), [], D(2099, 6, 1))).toBeInstanceOf(MissingRate);
  });

  test("equals the exact sum of each part over its own period, rounded once", () => {
    const due = D(2023, 1, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(fc.record({ offset: fc.integer({ min: -30, max: 1000 }), share: fc.integer({ min: 1, max: 100 }) }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 1100 }),
        fc.option(fc.integer({ min: 1, max: 300_000 }), { nil: undefined }),
        (original, raw, endOffset, contractRate) => {
          const end = due + endOffset;
          // Settlements never exceed the original.
          let left = original;
          const settlements = raw.map((r) => {
            const cents = Math.min(left, Math.floor((original * r.share) / 400));
            left -= cents;
            return { date: due + r.offset, cents };
          });
          const rateDays = (until: number) =>
            contractRate !== undefined ? contractRate * (until - due) : (book.rateDays("bce", due, until) as number) + PENALTY_MARGIN * (until - due);
          let exact = 0n;
          let unpaid = original;
          for (const s of settlements) {
            if (s.date > end) continue;
            unpaid -= s.cents;
            if (s.date > due) exact += BigInt(s.cents) * BigInt(rateDays(s.date));
          }
          exact += BigInt(unpaid) * BigInt(rateDays(end));
          expect(penaltyOnUnpaidCents(book, original, due, settlements, end, contractRate)).toBe(Number(roundDivideBig(exact, BigInt(INTEREST_DENOMINATOR))));
        },
      ),
    );
  });
});
