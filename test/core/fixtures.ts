/**
 * Test fixtures shared by the core and functions suites.
 *
 * Dates are built with the platform's own UTC calendar (Date.UTC), never with
 * src/core/calendar.ts, so that the calendar code is checked against an
 * independent reference. The rate tables are typed again from
 * /work/shared/domain/FACTS.md (§2 and §3), independently of src/core/rates.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian, any year). */
export function day(year: number, month: number, dayOfMonth: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, dayOfMonth);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The civil date of an epoch day, via Date. */
export function civil(epochDay: number): { year: number; month: number; day: number } {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Excel serial (1900 system) of a date on or after 1 March 1900: days since
 * 30 December 1899, the usual reference that absorbs Excel's fictitious
 * 29 February 1900.
 */
export function serial(year: number, month: number, dayOfMonth: number): number {
  if (year < 1900 || (year === 1900 && month < 3)) throw new Error("serial(): only from 01/03/1900 on");
  return day(year, month, dayOfMonth) - day(1899, 12, 30);
}

// ---------------------------------------------------------------------------
// FACTS.md §2: ECB MRO rate changes (effective date, basis points).

export const FACTS_MRO_CHANGES: ReadonlyArray<readonly [string, number]> = [
  ["2011-12-14", 100],
  ["2012-07-11", 75],
  ["2013-05-08", 50],
  ["2013-11-13", 25],
  ["2014-06-11", 15],
  ["2014-09-10", 5],
  ["2016-03-16", 0],
  ["2022-07-27", 50],
  ["2022-09-14", 125],
  ["2022-11-02", 200],
  ["2022-12-21", 250],
  ["2023-02-08", 300],
  ["2023-03-22", 350],
  ["2023-05-10", 375],
  ["2023-06-21", 400],
  ["2023-08-02", 425],
  ["2023-09-20", 450],
  ["2024-06-12", 425],
  ["2024-09-18", 365],
  ["2024-10-23", 340],
  ["2024-12-18", 315],
  ["2025-02-05", 290],
  ["2025-03-12", 265],
  ["2025-04-23", 240],
  ["2025-06-11", 215],
];

// ---------------------------------------------------------------------------
// FACTS.md §3: rates per semester, in basis points (1315 = 13.15 %).

export interface FactsSemesterRow {
  readonly key: string;
  readonly ecb: number;
  readonly ecbPlus10: number;
  readonly legalA: number;
  readonly legalB: number;
  readonly tripleB: number;
}

const row = (key: string, ecb: number, ecbPlus10: number, legalA: number, legalB: number, tripleB: number): FactsSemesterRow => ({
  key,
  ecb,
  ecbPlus10,
  legalA,
  legalB,
  tripleB,
});

export const FACTS_SEMESTER_TABLE: readonly FactsSemesterRow[] = [
  row("2015-S1", 5, 1005, 406, 93, 279),
  row("2015-S2", 5, 1005, 429, 99, 297),
  row("2016-S1", 5, 1005, 454, 101, 303),
  row("2016-S2", 0, 1000, 435, 93, 279),
  row("2017-S1", 0, 1000, 416, 90, 270),
  row("2017-S2", 0, 1000, 394, 90, 270),
  row("2018-S1", 0, 1000, 373, 89, 267),
  row("2018-S2", 0, 1000, 360, 88, 264),
  row("2019-S1", 0, 1000, 340, 86, 258),
  row("2019-S2", 0, 1000, 326, 87, 261),
  row("2020-S1", 0, 1000, 315, 87, 261),
  row("2020-S2", 0, 1000, 311, 84, 252),
  row("2021-S1", 0, 1000, 314, 79, 237),
  row("2021-S2", 0, 1000, 312, 76, 228),
  row("2022-S1", 0, 1000, 313, 76, 228),
  row("2022-S2", 0, 1000, 315, 77, 231),
  row("2023-S1", 250, 1250, 447, 206, 618),
  row("2023-S2", 400, 1400, 682, 422, 1266),
  row("2024-S1", 450, 1450, 801, 507, 1521),
  row("2024-S2", 425, 1425, 816, 492, 1476),
  row("2025-S1", 315, 1315, 721, 371, 1113),
  row("2025-S2", 215, 1215, 665, 276, 828),
  row("2026-S1", 215, 1215, 667, 262, 786),
];

/** FACTS.md §3, "Earlier ECB semesters". */
export const FACTS_EARLIER_ECB: ReadonlyArray<readonly [string, number]> = [
  ["2012-S1", 100],
  ["2012-S2", 100],
  ["2013-S1", 75],
  ["2013-S2", 50],
  ["2014-S1", 25],
  ["2014-S2", 15],
];

/** ECB rate (bp) of every semester FACTS.md gives, 2012-S1 to 2026-S1. */
export const FACTS_ECB_BY_SEMESTER: ReadonlyMap<string, number> = new Map([
  ...FACTS_EARLIER_ECB,
  ...FACTS_SEMESTER_TABLE.map((r) => [r.key, r.ecb] as const),
]);

/** "2025-S1" of a civil date. */
export function semesterKeyOf(epochDay: number): string {
  const { year, month } = civil(epochDay);
  return `${year}-S${month >= 7 ? 2 : 1}`;
}

/** First day of the semester "2025-S2" as an epoch day. */
export function semesterFirstDay(key: string): number {
  const [year, half] = key.split("-S").map(Number);
  return day(year, half === 1 ? 1 : 7, 1);
}

/** Millionths (the engine's rate unit) of a rate in basis points. */
export const bpToMillionths = (bp: number): number => bp * 100;
