import { dsoFromBooks, openItemsAt, readFec } from "../../../src/core/books";
import { toEpochDay } from "../../../src/core/calendar";
import { fixtureBytes } from "./fecFixtures";

describe("dsoFromBooks", () => {
  const read = readFec(fixtureBytes("utf8-tab-18.txt"), "utf8-tab-18.txt");
  const at = toEpochDay(2024, 3, 31);
  const receivables = openItemsAt(read.lines, at).balanceCents;

  test("revenue including VAT from the sales journal's customer lines, by default", () => {
    expect(receivables).toBe(200000);
    const dso = dsoFromBooks(read.sales, receivables, at, 3);
    expect(dso?.basis).toBe("ttc_comptes_clients");
    // March 300 + 400 + 100; February 600 - 100; January 1200.
    expect(dso?.monthlyRevenue).toEqual([80000, 50000, 120000]);
    // Count-back: March (31 d) and February (29 d) used up, then 700 of January's 1200 over 31 days.
    expect(dso?.countBack?.numerator).toBe(60 * 120000 + 70000 * 31);
    expect(dso?.countBack?.denominator).toBe(120000);
    expect(dso?.simple?.days).toBeCloseTo((200000 / 250000) * 91, 10);
  });

  test("revenue excluding VAT from class 70 on request; nothing without revenue", () => {
    const dso = dsoFromBooks(read.sales, receivables, at, 3, "ht_classe_70");
    expect(dso?.monthlyRevenue).toEqual([0, 50000, 100000]);
    expect(dsoFromBooks(read.sales, receivables, toEpochDay(2023, 6, 30), 3)).toBeUndefined();
  });
});
