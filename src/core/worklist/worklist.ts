/**
 * The list the pane shows: the cases that pass the query, in its order, and
 * the counts and totals of exactly those cases (the summary follows the
 * filter). Search texts are built once per list of cases (WorklistIndex),
 * so a keystroke costs one pass of string tests over 5,000 clients.
 */
import type { EpochDay } from "../calendar";
import type { ClientCase } from "../escalation/workflow";
import type { Cents } from "../money";
import { matchesQuery, searchTerms, searchText, type SortKey, type WorklistQuery } from "./criteria";

export interface WorklistIndex {
  readonly cases: readonly ClientCase[];
  readonly texts: readonly string[];
}

export function indexCases(cases: readonly ClientCase[]): WorklistIndex {
  return { cases, texts: cases.map(searchText) };
}

export interface WorklistTotals {
  readonly count: number;
  readonly principal: Cents;
  /**
   * Principal + interest + indemnities of the cases shown. When a case's
   * interest is unknown, its principal, indemnity and the interest known for
   * sure (interestAtLeast) count, and `complete` is false: the figure is
   * then a lower bound, never a guess.
   */
  readonly total: Cents;
  readonly complete: boolean;
  /** Cases with a step due now among those shown. */
  readonly dueNow: number;
}

export interface Worklist extends WorklistTotals {
  readonly cases: readonly ClientCase[];
}

/** What the case is owed at least: its total, or the parts known for sure. */
export function amountOf(c: ClientCase): Cents {
  return c.total ?? c.principal + c.indemnity + (c.interestAtLeast?.cents ?? 0);
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** Each key in its natural order: the next action soonest (due now first, none last), the largest amount, the latest, A to Z. */
function compareBy(key: SortKey): (a: ClientCase, b: ClientCase) => number {
  switch (key) {
    case "nextAction":
      return (a, b) => {
        if (!a.next || !b.next) return Number(!a.next) - Number(!b.next);
        return Number(b.next.dueNow) - Number(a.next.dueNow) || a.next.dueOn - b.next.dueOn || b.next.index - a.next.index;
      };
    case "amount":
      return (a, b) => amountOf(b) - amountOf(a);
    case "daysLate":
      return (a, b) => b.daysLate - a.daysLate;
    case "client":
      return (a, b) => collator.compare(a.client, b.client);
  }
}

export function sortCases(cases: readonly ClientCase[], key: SortKey, reversed: boolean): ClientCase[] {
  const primary = compareBy(key);
  const byName = compareBy("client");
  // Ties fall back on the client's name then its key, so the order never depends on the input's.
  const compare = (a: ClientCase, b: ClientCase) => primary(a, b) || byName(a, b) || (a.clientKey < b.clientKey ? -1 : a.clientKey > b.clientKey ? 1 : 0);
  return [...cases].sort(reversed ? (a, b) => compare(b, a) : compare);
}

export function totalsOf(cases: readonly ClientCase[]): WorklistTotals {
  let principal = 0;
  let total = 0;
  let complete = true;
  let dueNow = 0;
  for (const c of cases) {
    principal += c.principal;
    total += amountOf(c);
    if (c.total === undefined) complete = false;
    if (c.next?.dueNow) dueNow++;
  }
  return { count: cases.length, principal, total, complete, dueNow };
}

export function applyQuery(index: WorklistIndex, query: WorklistQuery, today: EpochDay): Worklist {
  const terms = searchTerms(query.search);
  const kept = index.cases.filter((c, i) => matchesQuery(c, query, today, index.texts[i], terms));
  const cases = sortCases(kept, query.sort, query.reversed);
  return { cases, ...totalsOf(cases) };
}
