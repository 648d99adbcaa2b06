/**
 * What narrows the morning list: a filter per question a credit manager asks
 * (« what is due today? », « who promised to pay by now? »), a sort, and a
 * search over the client's name, its account (key, SIREN, e-mail) and its
 * invoice numbers. Pure predicates over the cases the workflow built: the
 * pane only chooses them.
 */
import type { EpochDay } from "../calendar";
import type { ClientCase } from "../escalation/workflow";
import { normalizeWords } from "../text";

/** Filters that hold or not for a case; several chosen together must all hold. */
export const CASE_FLAGS = ["dueNow", "dispute", "promiseDue", "instalmentDue", "noEmail"] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export const SORT_KEYS = ["nextAction", "amount", "daysLate", "client"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface WorklistQuery {
  readonly flags: readonly CaseFlag[];
  /** The next step's id (scenario step), or undefined for any. */
  readonly stepId?: string;
  /** The case's aging bucket index (aging.ts), or undefined for any. */
  readonly bucket?: number;
  readonly search: string;
  readonly sort: SortKey;
  /** false: the natural order of the key (next action soonest, largest amount, latest, A to Z); true: reversed. */
  readonly reversed: boolean;
}

export const DEFAULT_QUERY: WorklistQuery = { flags: [], search: "", sort: "nextAction", reversed: false };

/** A promise whose day has come (today or before) on one of the case's invoices. */
function promiseDue(c: ClientCase, today: EpochDay): boolean {
  return [...c.lines, ...c.disputed].some((line) => line.promise !== undefined && line.promise.until <= today);
}

/** A plan instalment not paid up whose date has come. */
function instalmentDue(c: ClientCase, today: EpochDay): boolean {
  return c.lines.some((line) => line.plan?.instalments.some((item) => item.status !== "payee" && item.date <= today) ?? false);
}

export function hasFlag(c: ClientCase, flag: CaseFlag, today: EpochDay): boolean {
  switch (flag) {
    case "dueNow":
      return c.next?.dueNow === true;
    case "dispute":
      return c.disputed.length > 0;
    case "promiseDue":
      return promiseDue(c, today);
    case "instalmentDue":
      return instalmentDue(c, today);
    case "noEmail":
      return !c.contact.email;
  }
}

/** The words a search can match in a case, normalised once per case (lower case, no accents). */
export function searchText(c: ClientCase): string {
  const numbers = [...c.lines, ...c.disputed].map((line) => line.invoice.numero);
  return normalizeWords([c.client, c.clientKey, c.contact.siren ?? "", c.contact.email ?? "", ...numbers].join(" | "));
}

/**
 * Every word of the search must appear in the case's text (in any order): « dupont 0142 »
 * finds Garage Dupont's invoice FA-0142. A SIREN typed with spaces is matched without them.
 */
export function searchTerms(search: string): string[] {
  return normalizeWords(search).split(" ").filter(Boolean);
}

export function matchesSearch(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const compact = text.includes(" ") ? text.replace(/ /g, "") : text;
  return terms.every((term) => text.includes(term) || compact.includes(term));
}

export function matchesQuery(c: ClientCase, query: WorklistQuery, today: EpochDay, text: string, terms: readonly string[]): boolean {
  if (query.stepId !== undefined && c.next?.id !== query.stepId) return false;
  if (query.bucket !== undefined && c.bucket !== query.bucket) return false;
  for (const flag of query.flags) if (!hasFlag(c, flag, today)) return false;
  return matchesSearch(text, terms);
}
