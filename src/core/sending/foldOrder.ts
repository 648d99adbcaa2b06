/**
 * The order in which journal rows are folded, whatever order the workbook
 * holds them in. Two co-authors appending at once may see their rows merged
 * in either order, a merge may move or duplicate a row: the state must not
 * depend on it. Rows are ordered by (timestamp, runtime, seq), the origin
 * every row written by this version carries (see journal.ts rowOrigin);
 * older rows, without an origin, sort by timestamp and keep their row order
 * among equals. A row duplicated by a merge has the same id (« Clé »): the
 * first in fold order counts, the copy is ignored.
 */
import type { JournalEntry } from "../escalation/journal";

export interface OrderedEntry {
  readonly entry: JournalEntry;
  /** Position in the journal as read (row order). */
  readonly index: number;
}

function instant(timestamp: string): number {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Negative when `a` folds before `b`. */
export function compareFold(a: OrderedEntry, b: OrderedEntry): number {
  const byTime = instant(a.entry.timestamp) - instant(b.entry.timestamp);
  if (byTime !== 0) return byTime;
  const ra = a.entry.origin?.runtime ?? "";
  const rb = b.entry.origin?.runtime ?? "";
  if (ra !== rb) return ra < rb ? -1 : 1;
  const bySeq = (a.entry.origin?.seq ?? -1) - (b.entry.origin?.seq ?? -1);
  return bySeq !== 0 ? bySeq : a.index - b.index;
}

/** The entries in fold order, each id once (the first in fold order). */
export function inFoldOrder(entries: readonly JournalEntry[]): OrderedEntry[] {
  // Same order as compareFold, with each timestamp parsed once.
  const keyed = entries.map((entry, index) => ({ entry, index, at: instant(entry.timestamp), runtime: entry.origin?.runtime ?? "", seq: entry.origin?.seq ?? -1 }));
  keyed.sort((a, b) => a.at - b.at || (a.runtime !== b.runtime ? (a.runtime < b.runtime ? -1 : 1) : a.seq - b.seq || a.index - b.index));
  const ordered: OrderedEntry[] = keyed.map(({ entry, index }) => ({ entry, index }));
  const seen = new Set<string>();
  return ordered.filter(({ entry }) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)));
}
