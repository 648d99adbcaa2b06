/**
 * The languages Recouvre speaks, and how each writes the things that go
 * inside a sentence: a date, an amount, a rate, a quoted value, a semester.
 * Catalogues (fr.ts, en.ts) build their sentences with these, so a date in an
 * English message reads "23 November 2026" and in French « 23 novembre 2026 ».
 */
import { fromEpochDay, type EpochDay, type SemesterIndex } from "../calendar";
import type { Cents } from "../money";

export type Language = "fr" | "en";
export const LANGUAGES: readonly Language[] = ["fr", "en"];

const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";

const MONTHS: Record<Language, readonly string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export function monthName(month: number, language: Language): string {
  return MONTHS[language][month - 1];
}

/** « 1er mars 2026 », « 23 novembre 2026 » / "1 March 2026", "23 November 2026". */
export function longDate(day: EpochDay, language: Language): string {
  const { year, month, day: d } = fromEpochDay(day);
  if (language === "fr") return `${d === 1 ? "1er" : d} ${MONTHS.fr[month - 1]} ${year}`;
  return `${d} ${MONTHS.en[month - 1]} ${year}`;
}

/** « 15/03/2025 » in both languages (day first: the dates of a French workbook). */
export function shortDate(day: EpochDay): string {
  const { year, month, day: d } = fromEpochDay(day);
  return `${String(d).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

function grouped(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** « 1 234,56 € » / "€1,234.56". */
export function money(cents: Cents, language: Language): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, "0");
  const whole = Math.floor(abs / 100);
  if (language === "fr") return `${sign}${grouped(whole, NARROW_NBSP)},${fraction}${NBSP}€`;
  return `${sign}€${grouped(whole, ",")}.${fraction}`;
}

/** « 12,15 % » / "12.15%" for the fraction 0.1215. */
export function percent(fraction: number, language: Language): string {
  const value = String(Math.round(fraction * 1e6) / 1e4);
  return language === "fr" ? `${value.replace(".", ",")}${NBSP}%` : `${value}%`;
}

/** A decimal number as the reader writes it: « 12,5 » / "12.5". */
export function decimal(value: number, language: Language): string {
  return language === "fr" ? String(value).replace(".", ",") : String(value);
}

/** « 1er semestre 2026 » / "first half of 2026". */
export function semesterName(semester: SemesterIndex, language: Language): string {
  const year = Math.floor(semester / 2);
  const first = semester % 2 === 0;
  if (language === "fr") return `${first ? "1er" : "2e"} semestre ${year}`;
  return `${first ? "first" : "second"} half of ${year}`;
}

/** String(raw), except for objects that cannot be turned into text (no prototype, a broken toString). */
function display(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

/** A cell value as the user sees it in that language: « 12,5 », « VRAI » / "12.5", "TRUE". */
export function cellText(raw: unknown, language: Language): string {
  if (typeof raw === "number") return decimal(raw, language);
  if (typeof raw === "boolean") {
    if (language === "fr") return raw ? "VRAI" : "FAUX";
    return raw ? "TRUE" : "FALSE";
  }
  if (raw === null || raw === undefined) return "";
  return display(raw);
}

/** Quotation marks of the language: « texte » / “text”. */
export function quoted(text: string, language: Language): string {
  return language === "fr" ? `« ${text} »` : `“${text}”`;
}

/** A value quoted for a message, cut at 60 characters. */
export function quotedValue(raw: unknown, language: Language): string {
  let text = cellText(raw, language);
  if (text.length > 60) text = `${text.slice(0, 57)}…`;
  return quoted(text, language);
}

/** « 0 ligne », « 3 lignes » / "0 rows", "3 rows": French keeps 0 and 1 singular, English only 1. */
export function counted(count: number, one: string, many: string, language: Language): string {
  const plural = language === "fr" ? count > 1 : count !== 1;
  return `${count} ${plural ? many : one}`;
}
