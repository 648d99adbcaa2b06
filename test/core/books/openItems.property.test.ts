/**
 * Properties of the open-item ledger (issue 14): imputing never creates or
 * loses a cent, the order of the lines changes nothing, reading again gives
 * the same result, every line is accounted for.
 */
import fc from "fast-check";
import { openItemsAt, type BookLine } from "../../../src/core/books";
import { toEpochDay } from "../../../src/core/calendar";

const FIRST = toEpochDay(2024, 1, 1);
const AT = toEpochDay(2024, 12, 31);

const lineArb = fc.record({
  account: fc.constantFrom("C1", "C2", "C3"),
  piece: fc.constantFrom("", "F1", "F2", "F3", "AV1"),
  refersTo: fc.option(fc.constantFrom("F1", "F2", "F9"), { nil: undefined }),
  lettering: fc.option(fc.constantFrom("AA", "AB"), { nil: undefined }),
  date: fc.integer({ min: FIRST, max: AT + 60 }),
  cents: fc.integer({ min: -500_000, max: 500_000 }).filter((c) => c !== 0),
  name: fc.constantFrom("DUPONT", "Dupont SARL", "LEROY\u0090", ""),
});

const linesArb = fc.array(lineArb, { maxLength: 40 }).map((raw) =>
  raw.map(
    (r, i): BookLine => ({
      source: { file: "p.txt", line: i + 2 },
      account: r.account,
      name: r.name,
      piece: r.piece,
      date: r.date,
      signedCents: r.cents,
      kind: r.cents > 0 ? "facture" : "reglement",
      ...(r.refersTo !== undefined && r.cents < 0 && { refersTo: r.refersTo }),
      ...(r.lettering !== undefined && { lettering: r.lettering }),
    }),
  ),
);

describe("openItemsAt properties", () => {
  test("per account: open remainders minus unimputed credits equal the balance; no remainder negative", () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const result = openItemsAt(lines, AT);
        for (const account of result.accounts) {
          const expected = lines.filter((l) => l.account === account.account && l.date <= AT).reduce((s, l) => s + l.signedCents, 0);
          const open = result.open.filter((i) => i.account === account.account).reduce((s, i) => s + i.remainingCents, 0);
          const unimputed = result.unimputedCredits.filter((c) => c.account === account.account).reduce((s, c) => s + c.remainingCents, 0);
          expect(account.balanceCents).toBe(expected);
          expect(open - unimputed).toBe(expected);
          // Never both: an open debit and an unimputed credit on one account.
          expect(open === 0 || unimputed === 0).toBe(true);
          if (account.status === "crediteur") expect(open).toBe(0);
        }
        for (const item of [...result.open, ...result.settled]) {
          const settledCents = item.settlements.reduce((s, x) => s + x.cents, 0);
          expect(item.originalCents - settledCents).toBe(item.remainingCents);
          expect(item.remainingCents).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  test("every line is accounted for: open, settled, credit, or after the date", () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const { counts } = openItemsAt(lines, AT);
        expect(counts.openDebits + counts.settledDebits + counts.imputedCredits + counts.unimputedCredits + counts.afterDate).toBe(lines.length);
      }),
    );
  });

  test("the order of the lines does not change the result; reading twice gives the same", () => {
    fc.assert(
      fc.property(linesArb.chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))), ([lines, shuffled]) => {
        const first = openItemsAt(lines, AT);
        expect(openItemsAt(shuffled, AT)).toEqual(first);
        expect(openItemsAt(lines, AT)).toEqual(first);
      }),
    );
  });
});
