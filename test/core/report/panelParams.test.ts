/**
 * The report tab's input parsing (src/taskpane/report/params.ts): pure, so
 * tested here with the report's core rather than in a browser.
 */
import { boundsText, dateInputValue, parseBoundsText, parseDateInput, parseRevenue } from "../../../src/taskpane/report/params";
import { compactEuros } from "../../../src/taskpane/report/BucketChart";
import { day } from "../fixtures";

test("bounds as typed: separators ; , or spaces; French reasons", () => {
  expect(boundsText()).toBe("30 ; 60 ; 90");
  expect(parseBoundsText("30 ; 60 ; 90")).toEqual({ bounds: [30, 60, 90] });
  expect(parseBoundsText(" 15,45 ")).toEqual({ bounds: [15, 45] });
  expect(parseBoundsText("30 60 90 120")).toEqual({ bounds: [30, 60, 90, 120] });
  expect(parseBoundsText("60 ; 30")).toEqual({ error: expect.stringContaining("strictement croissantes") });
  // A comma separates bounds (days are whole): "4,5" is 4 then 5, refused here as not increasing.
  expect(parseBoundsText("30 ; 4,5")).toEqual({ error: expect.stringContaining("strictement croissantes") });
  expect(parseBoundsText("30 ; abc")).toEqual({ error: "« abc » n'est pas un nombre de jours entier positif" });
  expect(parseBoundsText("")).toEqual({ error: expect.stringContaining("au moins une borne") });
  expect(parseBoundsText("0 ; 30")).toEqual({ error: expect.stringContaining("« 0 »") });
});

test("dates from <input type=date> and French text", () => {
  expect(parseDateInput("2025-03-31")).toBe(day(2025, 3, 31));
  expect(parseDateInput("31/03/2025")).toBe(day(2025, 3, 31));
  expect(parseDateInput("")).toBeUndefined();
  expect(parseDateInput("2025-02-30")).toBeUndefined();
  expect(dateInputValue(day(2025, 3, 31))).toBe("2025-03-31");
});

test("monthly revenue: euros typed the French or English way, blanks at the end left out, gaps refused", () => {
  expect(parseRevenue(["1 500 000", "1 200 000,50", "1300000.25", "", ""])).toEqual({ ok: true, monthlyRevenue: [150_000_000, 120_000_050, 130_000_025] });
  expect(parseRevenue(["", "", ""])).toEqual({ ok: true, monthlyRevenue: [] });
  expect(parseRevenue(["0", "12 €"])).toEqual({ ok: true, monthlyRevenue: [0, 1200] });
  expect(parseRevenue(["100", "", "100"])).toEqual({ ok: false });
  expect(parseRevenue(["100", "-5"])).toEqual({ ok: false, month: 1 });
  expect(parseRevenue(["abc"])).toEqual({ ok: false, month: 0 });
  expect(parseRevenue(["10,005"])).toEqual({ ok: false, month: 0 });
});

test("compact amounts above the pane's bars", () => {
  expect(compactEuros(95_000)).toBe("950\u00a0€");
  expect(compactEuros(10_249_999)).toBe("102\u00a0k€");
  expect(compactEuros(123_456_789)).toBe("1,2\u00a0M€");
  expect(compactEuros(2_500_000_000)).toBe("25\u00a0M€");
});
