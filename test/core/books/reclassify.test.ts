/** Transfers 411 -> 416 (clients douteux): a reclassification, the debt keeps its invoices' dates (issue 14). */
import { isLineNotice, openItemsAt, readFec } from "../../../src/core/books";
import { importFec } from "../../../src/core/books/importFec";
import { toEpochDay } from "../../../src/core/calendar";
import { fixtureBytes } from "./fecFixtures";

const END_2024 = toEpochDay(2024, 12, 31);
const read = readFec(fixtureBytes("douteux-416.txt"), "douteux-416.txt");

describe("a FEC with transfers to doubtful customers", () => {
  const result = openItemsAt(read.lines, END_2024);
  const items = (account: string) => result.open.filter((item) => item.account === account).map((item) => [item.piece, item.date, item.remainingCents]);

  test("the debts keep the invoices' dates and pieces; a payment booked on 416 goes to the oldest invoice", () => {
    expect(items("C020")).toEqual([
      ["F-20", toEpochDay(2024, 1, 10), 50000],
      ["F-21", toEpochDay(2024, 2, 5), 50000],
    ]);
    // No open item dated at the transfer (01/06/2024): the 416 line is no new invoice.
    expect(result.open.some((item) => item.piece === "TR-1" || item.piece === "TR-2")).toBe(false);
  });

  test("a customer's 416 sub-account is its 411 sub-account: one client, its invoice's date", () => {
    expect(items("411HOTELB")).toEqual([["F-30", toEpochDay(2024, 1, 15), 80000]]);
    expect(result.accounts.map((account) => account.account)).toEqual(["411HOTELB", "C020", "C021"]);
  });

  test("an invoice booked on 416 directly stays an invoice of its own date", () => {
    expect(items("C021")).toEqual([["F-22", toEpochDay(2024, 3, 1), 30000]]);
  });

  test("balances are unchanged, nothing is dropped, no lettering reported for the transferred group", () => {
    expect(result.balanceCents).toBe(100000 + 80000 + 30000);
    expect(Object.fromEntries(result.accounts.map((a) => [a.account, a.balanceCents]))).toEqual({ "411HOTELB": 80000, C020: 100000, C021: 30000 });
    const { counts } = result;
    expect(counts.reclassified).toBe(4);
    expect(counts.openDebits + counts.settledDebits + counts.imputedCredits + counts.unimputedCredits + counts.afterDate + counts.reclassified).toBe(read.lines.length);
    expect(result.notices.find((n) => n.code === "reclassement_douteux")).toMatchObject({ count: 2, cents: 230000 });
    expect(result.notices.some((n) => n.code === "lettrage_non_solde" || n.code === "credit_non_impute")).toBe(false);
    expect(read.report.customerLines + read.report.notices.filter(isLineNotice).reduce((s, n) => s + (n.count ?? 1), 0)).toBe(read.report.linesRead);
  });

  test("before the transfer, the same debts; the import's summary says what was reclassified", () => {
    const before = openItemsAt(read.lines, toEpochDay(2024, 5, 31));
    expect(before.open.filter((item) => item.account === "C020").map((item) => [item.piece, item.date, item.remainingCents])).toEqual([
      ["F-20", toEpochDay(2024, 1, 10), 100000],
      ["F-21", toEpochDay(2024, 2, 5), 50000],
    ]);
    const summary = importFec({ files: [{ name: "douteux-416.txt", bytes: fixtureBytes("douteux-416.txt") }], asOf: END_2024, terms: { kind: "days", days: 30 } });
    expect(summary.balanceCents).toBe(210000);
    expect(summary.notices.find((group) => group.code === "reclassement_douteux")).toMatchObject({ count: 2, cents: 230000 });
    expect(summary.open.find((item) => item.piece === "F-20")?.dueDate).toBe(toEpochDay(2024, 1, 10) + 30);
  });
});
