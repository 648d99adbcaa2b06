/**
 * The report tab's inputs, read from what the user typed: the report date,
 * the bucket bounds ("30 ; 60 ; 90") and up to twelve months of revenue.
 * Pure functions, tested without a browser.
 */
import { boundsProblem, DEFAULT_BOUNDS } from "../../core/aging";
import { formatDateIso, parseDateText, type EpochDay } from "../../core/calendar";
import { eurosToCents, type Cents } from "../../core/money";
import { parseNumberText } from "../../core/numberText";

export const REVENUE_MONTHS = 12;

export function boundsText(bounds: readonly number[] = DEFAULT_BOUNDS): string {
  return bounds.join(" ; ");
}

/** "30 ; 60 ; 90", "15, 45", "30 60 90" -> bounds, or the French reason they are unusable. */
export function parseBoundsText(text: string): { bounds: number[] } | { error: string } {
  const parts = text.split(/[;,\s]+/).filter((part) => part !== "");
  const bounds = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  const bad = parts.find((_, i) => Number.isNaN(bounds[i]));
  if (bad !== undefined) return { error: `« ${bad} » n'est pas un nombre de jours entier positif` };
  const problem = boundsProblem(bounds);
  return problem ? { error: problem } : { bounds };
}

/** The value of an <input type="date">, "2025-03-31", or a French "31/03/2025". */
export function parseDateInput(text: string): EpochDay | undefined {
  return parseDateText(text);
}

export function dateInputValue(day: EpochDay): string {
  return formatDateIso(day);
}

export type RevenueReading =
  | { readonly ok: true; readonly monthlyRevenue: Cents[] }
  /** `month`: index of the first unreadable month; undefined for a gap. */
  | { readonly ok: false; readonly month?: number };

/**
 * Monthly revenue typed in euros, most recent month first. Blank months at
 * the end are left out; a blank between two filled months is a gap (refused:
 * the count-back would silently skip a month).
 */
export function parseRevenue(texts: readonly string[]): RevenueReading {
  let last = texts.length - 1;
  while (last >= 0 && texts[last].trim() === "") last--;
  const monthlyRevenue: Cents[] = [];
  for (let i = 0; i <= last; i++) {
    const text = texts[i].trim();
    if (text === "") return { ok: false };
    const euros = parseNumberText(text, false);
    const cents = euros === undefined ? undefined : eurosToCents(euros);
    if (cents === undefined || cents < 0) return { ok: false, month: i };
    monthlyRevenue.push(cents);
  }
  return { ok: true, monthlyRevenue };
}
