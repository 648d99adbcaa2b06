/**
 * The « Détails » column of the journal table: the JSON that keeps what only
 * the machine needs (a plan's instalments, a payment's split, flags, ids),
 * with dates as ISO "aaaa-mm-jj" and amounts in euros. Layout 1 also kept
 * here the facts that now have their own column (journalFacts.ts).
 */
import { formatDateIso, parseDateText, type EpochDay } from "../calendar";
import { centsToEuros, eurosToCents, type Cents } from "../money";
import { ACTIONS, ENTRY_TYPES, type DetailKind, type EntryType } from "./actions";

export type { DetailKind };

/** The fields each type keeps in "Détails", and how they are written: each action's declaration (actions/) says. */
export const DETAIL_FIELDS = Object.fromEntries(ENTRY_TYPES.map((type) => [type, ACTIONS[type].details])) as Readonly<Record<EntryType, Readonly<Record<string, DetailKind>>>>;

const isoDate = (day: EpochDay): string => formatDateIso(day);
const euros = (cents: Cents): number => centsToEuros(cents);

export function encodeDetail(kind: DetailKind, value: unknown): unknown {
  switch (kind) {
    case "date":
      return isoDate(value as EpochDay);
    case "euros":
      return euros(value as Cents);
    case "text":
    case "flag":
      return value;
    case "instalments":
      return (value as Array<{ date: EpochDay; amount: Cents }>).map((item) => ({ date: isoDate(item.date), amount: euros(item.amount) }));
    case "allocations":
      return (value as Array<{ invoice: string; amount: Cents; balanceBefore: Cents }>).map((item) => ({
        invoice: item.invoice,
        amount: euros(item.amount),
        balanceBefore: euros(item.balanceBefore),
      }));
  }
}

/** Inverse of encodeDetail; an unreadable value is returned as is for the schema to reject. */
export function decodeDetail(kind: DetailKind, value: unknown): unknown {
  const day = (v: unknown) => (typeof v === "string" ? (parseDateText(v) ?? v) : v);
  const cents = (v: unknown) => (typeof v === "number" ? (eurosToCents(v) ?? v) : v);
  switch (kind) {
    case "date":
      return day(value);
    case "euros":
      return cents(value);
    case "text":
    case "flag":
      return value;
    case "instalments":
      return Array.isArray(value)
        ? value.map((item: Record<string, unknown>) => (isObject(item) ? { ...item, date: day(item.date), amount: cents(item.amount) } : item))
        : value;
    case "allocations":
      return Array.isArray(value)
        ? value.map((item: Record<string, unknown>) =>
            isObject(item) ? { ...item, amount: cents(item.amount), balanceBefore: cents(item.balanceBefore) } : item,
          )
        : value;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

