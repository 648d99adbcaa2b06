/**
 * Calendar days without time zones.
 *
 * A day is an integer: the number of days since 1970-01-01 ("epoch day").
 * Civil dates are converted with Howard Hinnant's proleptic Gregorian
 * algorithms (integer arithmetic only), so no `Date` object and no local time
 * zone is ever involved: the same workbook computes the same days in Paris,
 * Nouméa and on a CI machine in UTC.
 */

export type EpochDay = number;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

/** Days from 1970-01-01 to the given civil date (may be negative). */
export function toEpochDay(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of an epoch day. */
export function fromEpochDay(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day names a day that exists. */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Last day of the month containing `epochDay`. Numbers only, no CivilDate:
 * ECHEANCE calls it once per row over columns of 100,000 invoices. The day
 * of the month is fromEpochDay's; the month's length its daysInMonth.
 */
export function endOfMonth(epochDay: EpochDay): EpochDay {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return epochDay - day + daysInMonth(year, month);
}

/**
 * Adds whole years; a 29 February with no twin in the target year becomes
 * 28 February (the last day of the month, as art. 641 CPC counts terms).
 */
export function addYears(epochDay: EpochDay, years: number): EpochDay {
  const { year, month, day } = fromEpochDay(epochDay);
  const target = year + years;
  return toEpochDay(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(epochDay: EpochDay, months: number): EpochDay {
  const { year, month, day } = fromEpochDay(epochDay);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toEpochDay(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

// ---------------------------------------------------------------------------
// Semesters: the unit in which French rates are published (1 Jan, 1 Jul).

/** A semester index: year * 2 + (0 for January-June, 1 for July-December). */
export type SemesterIndex = number;

export function semesterOf(epochDay: EpochDay): SemesterIndex {
  const { year, month } = fromEpochDay(epochDay);
  return year * 2 + (month >= 7 ? 1 : 0);
}

export function semesterStart(semester: SemesterIndex): EpochDay {
  const year = Math.floor(semester / 2);
  return toEpochDay(year, semester % 2 === 0 ? 1 : 7, 1);
}

/** "2026-S2": the key used in tables, storage and messages. */
export function semesterKey(semester: SemesterIndex): string {
  return `${Math.floor(semester / 2)}-S${(semester % 2) + 1}`;
}

export function parseSemesterKey(key: string): SemesterIndex | undefined {
  const match = /^(\d{4})-S([12])$/.exec(key.trim().toUpperCase());
  if (!match) return undefined;
  return Number(match[1]) * 2 + Number(match[2]) - 1;
}

/** "2e semestre 2026": how a French user reads a semester. */
export function semesterLabel(semester: SemesterIndex): string {
  const half = semester % 2 === 0 ? "1er" : "2e";
  return `${half} semestre ${Math.floor(semester / 2)}`;
}

// ---------------------------------------------------------------------------
// Excel serial numbers (1900 date system).

/**
 * Excel serial 1 is 1900-01-01. Serial 60 is the fictitious 29 February 1900
 * Excel keeps for Lotus compatibility; serials from 61 on are exact.
 */
const SERIAL_OF_EPOCH = 25569; // serial of 1970-01-01
export const MIN_SERIAL = 1; // 01/01/1900
export const MAX_SERIAL = 2958465; // 31/12/9999
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;

/** Epoch day of an integral serial; undefined for 0, 60 and out-of-range values. */
export function serialToEpochDay(serial: number): EpochDay | undefined {
  if (!(serial >= MIN_SERIAL && serial <= MAX_SERIAL) || serial === FICTITIOUS_LEAP_DAY_SERIAL) return undefined;
  return serial > FICTITIOUS_LEAP_DAY_SERIAL ? serial - SERIAL_OF_EPOCH : serial - SERIAL_OF_EPOCH + 1;
}

export function epochDayToSerial(epochDay: EpochDay): number {
  const serial = epochDay + SERIAL_OF_EPOCH;
  return serial > FICTITIOUS_LEAP_DAY_SERIAL ? serial : serial - 1;
}

export const MIN_EPOCH_DAY = toEpochDay(1900, 1, 1);
export const MAX_EPOCH_DAY = toEpochDay(9999, 12, 31);

// ---------------------------------------------------------------------------
// Text.

/** Month names, January first: the one list of each language (dates in sentences, revenue months). */
export const MONTHS_FR = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
] as const;
export const MONTHS_EN = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** "15/03/2025" */
export function formatDateFr(epochDay: EpochDay): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** "15 mars 2025", "1er mars 2025" */
export function formatDateLongFr(epochDay: EpochDay): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${day === 1 ? "1er" : day} ${MONTHS_FR[month - 1]} ${year}`;
}

/** "2025-03-15" */
export function formatDateIso(epochDay: EpochDay): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads "15/03/2025", "15.03.2025", "15-03-2025", "2025-03-15" (ISO, with an
 * optional time part that is ignored). Two-digit years are refused: "03/04/25"
 * is too ambiguous to bill interest on.
 */
export function parseDateText(text: string): EpochDay | undefined {
  const trimmed = text.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (match) return civilToEpochDayChecked(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (match) return civilToEpochDayChecked(Number(match[1]), Number(match[2]), Number(match[3]));
  return undefined;
}

function civilToEpochDayChecked(year: number, month: number, day: number): EpochDay | undefined {
  return isValidCivilDate(year, month, day) ? toEpochDay(year, month, day) : undefined;
}

/** Today's calendar day as the user's own clock shows it. */
export function epochDayOfLocalDate(date: Date): EpochDay {
  return toEpochDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
