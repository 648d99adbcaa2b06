/**
 * Properties of the re-import: the same items twice give the same table;
 * the user's cells are never lost; no row is ever deleted; the open rows are
 * exactly the open items, whatever happened to the table in between.
 */
import fc from "fast-check";
import { STATUS_OPEN } from "../../../src/core/books/creancesTable";
import { planReimport, type ExistingCreances } from "../../../src/core/books/reimport";
import type { OpenItem } from "../../../src/core/books/types";
import { applyPlan, columnOf, item, withUserColumn } from "./creancesFixtures";

const THIRTY = { kind: "days", days: 30 } as const;

const itemArb: fc.Arbitrary<OpenItem> = fc
  .record({
    account: fc.constantFrom("411A", "411B", "00042", "416C"),
    piece: fc.constantFrom("F-1", "F-2", "F-3", "", "x"),
    date: fc.integer({ min: 0, max: 400 }),
    original: fc.integer({ min: 1, max: 10_000_000 }),
    paidShare: fc.integer({ min: 0, max: 99 }),
    line: fc.integer({ min: 1, max: 5000 }),
  })
  .map(({ account, piece, date, original, paidShare, line }) => {
    const base = item(account, piece, "2024-01-01", original, original - Math.floor((original * paidShare) / 100), line);
    return { ...base, date: base.date + date };
  });
const itemsArb = fc.array(itemArb, { maxLength: 25 });
const asOfArb = fc.integer({ min: 19_800, max: 20_500 });

function run(existing: ExistingCreances | undefined, items: readonly OpenItem[], asOf: number): ExistingCreances {
  return applyPlan(existing, planReimport({ existing, items, asOf, defaultTerms: THIRTY }));
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const openRemaining = (table: ExistingCreances): number[] => {
  const status = columnOf(table, "Statut");
  return columnOf(table, "Reste dû")
    .filter((_, i) => status[i] === STATUS_OPEN)
    .map((euros) => Math.round(Number(euros) * 100))
    .sort((a, b) => a - b);
};

test("importing the same items twice gives the same table", () => {
  fc.assert(
    fc.property(itemsArb, itemsArb, asOfArb, fc.integer(), (before, items, asOf, seed) => {
      const start = run(undefined, before, asOf);
      const once = run(start, items, asOf);
      // The reader may hand the same items in another order.
      const twice = run(once, shuffled(items, seed), asOf);
      expect(twice).toEqual(once);
    }),
  );
});

test("user columns are never lost, rows never deleted, the open rows are exactly the open items", () => {
  fc.assert(
    fc.property(itemsArb, itemsArb, asOfArb, fc.boolean(), (before, items, asOf, reverse) => {
      let table = run(undefined, before, asOf);
      table = withUserColumn(table, "E-mail", (_, i) => (i % 2 ? `client${i}@exemple.fr` : ""));
      if (reverse) table = { header: table.header, rows: [...table.rows].reverse() };
      const next = run(table, items, asOf + 30);
      // Every existing row is still there, with its e-mail cell as it was.
      expect(next.rows.length).toBeGreaterThanOrEqual(table.rows.length);
      expect(columnOf(next, "E-mail").slice(0, table.rows.length)).toEqual(columnOf(table, "E-mail"));
      // The open rows are the items: same count, same amounts left (cents exact).
      expect(openRemaining(next)).toEqual(items.map((i) => i.remainingCents).sort((a, b) => a - b));
    }),
  );
});
