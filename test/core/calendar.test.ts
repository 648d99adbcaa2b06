import fc from "fast-check";
import {
  addMonths,
  addYears,
  daysInMonth,
  endOfMonth,
  epochDayOfLocalDate,
  epochDayToSerial,
  formatDateFr,
  formatDateIso,
  formatDateLongFr,
  fromEpochDay,
  isLeapYear,
  isValidCivilDate,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  parseDateText,
  parseSemesterKey,
  semesterKey,
  semesterLabel,
  semesterOf,
  semesterStart,
  serialToEpochDay,
  toEpochDay,
} from "../../src/core/calendar";
import { civil, day } from "./fixtures";

describe("epoch days", () => {
  test("fixed points", () => {
    expect(toEpochDay(1970, 1, 1)).toBe(0);
    // 30 years of 365 days + 7 leap days (1972..1996) + 31 (Jan) + 29 (Feb 2000)
    expect(toEpochDay(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
    expect(toEpochDay(1969, 12, 31)).toBe(-1);
    expect(fromEpochDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(fromEpochDay(11017)).toEqual({ year: 2000, month: 3, day: 1 });
  });

  test("property: epoch day -> civil -> epoch day is the identity and agrees with Date", () => {
    // Date covers +-100,000,000 days around 1970; stay well inside.
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (d) => {
        const c = fromEpochDay(d);
        expect(c).toEqual(civil(d));
        expect(toEpochDay(c.year, c.month, c.day)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  test("property: civil -> epoch day agrees with Date for every valid date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(d <= daysInMonth(y, m));
        expect(toEpochDay(y, m, d)).toBe(day(y, m, d));
      }),
    );
  });

  test("bounds of the Excel range", () => {
    expect(MIN_EPOCH_DAY).toBe(day(1900, 1, 1));
    expect(MAX_EPOCH_DAY).toBe(day(9999, 12, 31));
  });
});

describe("leap years and month lengths", () => {
  test.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])("isLeapYear(%i) = %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  test("February and the 30-day months", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  test("isValidCivilDate", () => {
    expect(isValidCivilDate(2024, 2, 29)).toBe(true);
    expect(isValidCivilDate(2023, 2, 29)).toBe(false);
    expect(isValidCivilDate(1900, 2, 29)).toBe(false);
    expect(isValidCivilDate(2025, 2, 31)).toBe(false);
    expect(isValidCivilDate(2025, 4, 31)).toBe(false);
    expect(isValidCivilDate(2025, 13, 1)).toBe(false);
    expect(isValidCivilDate(2025, 0, 1)).toBe(false);
    expect(isValidCivilDate(2025, 1, 0)).toBe(false);
    expect(isValidCivilDate(2025, 1.5, 1)).toBe(false);
  });
});

describe("Excel serials (1900 system)", () => {
  test.each([
    [1, 1900, 1, 1],
    [2, 1900, 1, 2],
    [59, 1900, 2, 28],
    [61, 1900, 3, 1],
    [25569, 1970, 1, 1],
    [45000, 2023, 3, 15],
    [45658, 2025, 1, 1],
    [2958465, 9999, 12, 31],
  ])("serial %i is %i-%i-%i, and back", (s, y, m, d) => {
    const epochDay = serialToEpochDay(s);
    expect(epochDay).toBe(day(y, m, d));
    expect(fromEpochDay(epochDay!)).toEqual({ year: y, month: m, day: d });
    expect(epochDayToSerial(epochDay!)).toBe(s);
  });

  test("formatDateFr of serial 45000", () => {
    expect(formatDateFr(serialToEpochDay(45000)!)).toBe("15/03/2023");
  });

  test("serial 60 (the fictitious 29/02/1900) and out-of-range serials are not days", () => {
    expect(serialToEpochDay(60)).toBeUndefined();
    expect(serialToEpochDay(0)).toBeUndefined();
    expect(serialToEpochDay(-1)).toBeUndefined();
    expect(serialToEpochDay(2958466)).toBeUndefined();
    expect(serialToEpochDay(Number.NaN)).toBeUndefined();
    expect(serialToEpochDay(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  test("28/02/1900 and 01/03/1900 are consecutive days with serials 59 and 61", () => {
    expect(serialToEpochDay(61)! - serialToEpochDay(59)!).toBe(1);
    expect(epochDayToSerial(day(1900, 2, 28))).toBe(59);
    expect(epochDayToSerial(day(1900, 3, 1))).toBe(61);
  });

  test("property: serial -> day -> serial for every valid serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (s) => {
        fc.pre(s !== 60);
        expect(epochDayToSerial(serialToEpochDay(s)!)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseDateText", () => {
  test.each([
    ["15/03/2025", 2025, 3, 15],
    ["2025-03-15", 2025, 3, 15],
    ["15.03.2025", 2025, 3, 15],
    ["15-03-2025", 2025, 3, 15],
    ["5/3/2025", 2025, 3, 5],
    ["  15/03/2025  ", 2025, 3, 15],
    ["2025-03-15T10:20:30Z", 2025, 3, 15],
    ["2025-03-15 23:59", 2025, 3, 15],
    ["2025-03-15T00:00:00+02:00", 2025, 3, 15],
    ["29/02/2024", 2024, 2, 29],
    ["31/12/9999", 9999, 12, 31],
  ])("%p", (text, y, m, d) => {
    expect(parseDateText(text)).toBe(day(y, m, d));
  });

  test.each([
    "31/02/2025",
    "29/02/2025",
    "29/02/1900",
    "31/04/2025",
    "00/01/2025",
    "15/13/2025",
    "15/03/25", // two-digit year: refused
    "03/04/25",
    "25-03-15",
    "2025/03/15",
    "15 mars 2025",
    "",
    "   ",
    "abc",
    "=1+1",
    "2025-3-15",
  ])("%p is not a date", (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe("month and year arithmetic", () => {
  test("addYears: 29/02/2024 + 5 years = 28/02/2029", () => {
    expect(addYears(day(2024, 2, 29), 5)).toBe(day(2029, 2, 28));
    expect(addYears(day(2024, 2, 29), 4)).toBe(day(2028, 2, 29));
    expect(addYears(day(2024, 2, 29), 2)).toBe(day(2026, 2, 28));
    expect(addYears(day(2024, 2, 29), -1)).toBe(day(2023, 2, 28));
    expect(addYears(day(2025, 3, 15), 5)).toBe(day(2030, 3, 15));
  });

  test("addMonths clamps to the target month", () => {
    expect(addMonths(day(2025, 1, 31), 1)).toBe(day(2025, 2, 28));
    expect(addMonths(day(2024, 1, 31), 1)).toBe(day(2024, 2, 29));
    expect(addMonths(day(2024, 12, 31), 2)).toBe(day(2025, 2, 28));
    expect(addMonths(day(2025, 3, 15), -3)).toBe(day(2024, 12, 15));
    expect(addMonths(day(2025, 3, 31), 12)).toBe(day(2026, 3, 31));
  });

  test("endOfMonth", () => {
    expect(endOfMonth(day(2024, 2, 10))).toBe(day(2024, 2, 29));
    expect(endOfMonth(day(2025, 2, 10))).toBe(day(2025, 2, 28));
    expect(endOfMonth(day(2025, 4, 1))).toBe(day(2025, 4, 30));
    expect(endOfMonth(day(2025, 12, 31))).toBe(day(2025, 12, 31));
    expect(endOfMonth(day(1900, 2, 1))).toBe(day(1900, 2, 28));
  });

  test("endOfMonth is the civil month's last day, for every day Excel can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY }), (epochDay) => {
        const { year, month } = fromEpochDay(epochDay);
        expect(endOfMonth(epochDay)).toBe(toEpochDay(year, month, daysInMonth(year, month)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("semesters", () => {
  test("30 June / 1 July and 31 December / 1 January change semester", () => {
    expect(semesterOf(day(2025, 6, 30))).toBe(2025 * 2);
    expect(semesterOf(day(2025, 7, 1))).toBe(2025 * 2 + 1);
    expect(semesterOf(day(2025, 12, 31))).toBe(2025 * 2 + 1);
    expect(semesterOf(day(2026, 1, 1))).toBe(2026 * 2);
    expect(semesterOf(day(2026, 1, 1)) - semesterOf(day(2025, 12, 31))).toBe(1);
  });

  test("semesterStart", () => {
    expect(semesterStart(2025 * 2)).toBe(day(2025, 1, 1));
    expect(semesterStart(2025 * 2 + 1)).toBe(day(2025, 7, 1));
  });

  test("keys and labels", () => {
    expect(semesterKey(2026 * 2 + 1)).toBe("2026-S2");
    expect(semesterKey(2026 * 2)).toBe("2026-S1");
    expect(parseSemesterKey("2026-S2")).toBe(2026 * 2 + 1);
    expect(parseSemesterKey(" 2026-s1 ")).toBe(2026 * 2);
    expect(parseSemesterKey("2026-S3")).toBeUndefined();
    expect(parseSemesterKey("26-S1")).toBeUndefined();
    expect(parseSemesterKey("2026S1")).toBeUndefined();
    expect(semesterLabel(2026 * 2 + 1)).toBe("2e semestre 2026");
    expect(semesterLabel(2026 * 2)).toBe("1er semestre 2026");
  });
});

describe("formatting and the local clock", () => {
  test("French and ISO formats", () => {
    expect(formatDateFr(day(2025, 3, 5))).toBe("05/03/2025");
    expect(formatDateIso(day(2025, 3, 5))).toBe("2025-03-05");
    expect(formatDateLongFr(day(2025, 3, 1))).toBe("1er mars 2025");
    expect(formatDateLongFr(day(2025, 8, 15))).toBe("15 août 2025");
  });

  test("epochDayOfLocalDate reads the local calendar day, late evening included", () => {
    expect(epochDayOfLocalDate(new Date(2025, 2, 15, 23, 59, 59))).toBe(day(2025, 3, 15));
    expect(epochDayOfLocalDate(new Date(2025, 2, 15, 0, 0, 0))).toBe(day(2025, 3, 15));
  });
});
