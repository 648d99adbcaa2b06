/**
 * Who writes the journal, from where: the person (profile user name or the
 * Microsoft 365 account), the runtime (this pane or add-in session, a random
 * id made once per session) and the mailbox that sends. Every sending row
 * carries them (journal.ts rowOrigin), with a counter that orders the
 * runtime's own rows.
 */
import type { RowOrigin } from "../core/escalation/journal";

export interface SenderIdentity {
  /** Shown to co-authors: « Marie Dupont » or « marie@acme.fr ». */
  readonly by: string;
  /** [a-z0-9]{1,16}, unique per session (newRuntimeId). */
  readonly runtime: string;
  /** The account whose mailbox sends (Graph /me); throttling is counted per mailbox. */
  readonly mailbox: string;
}

/** A fresh runtime id: 12 base-36 characters from the platform's random source. */
export function newRuntimeId(random: () => number = Math.random): string {
  const bytes = new Uint8Array(12);
  if (globalThis.crypto?.getRandomValues && random === Math.random) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}

const COUNTERS = Symbol.for("recouvre.runtimeCounters");

/** The next row number of a runtime (kept for the session, above any the journal already holds). */
export function nextSeq(runtime: string, atLeast = 0): number {
  const scope = globalThis as unknown as Record<symbol, Map<string, number> | undefined>;
  const counters = (scope[COUNTERS] ??= new Map());
  const next = Math.max(counters.get(runtime) ?? 0, atLeast);
  counters.set(runtime, next + 1);
  return next;
}

export function originOf(identity: SenderIdentity, seq: number, extra: Pick<RowOrigin, "requests" | "pauseUntil"> = {}): RowOrigin {
  return { by: identity.by.slice(0, 255) || "?", runtime: identity.runtime, seq, mailbox: identity.mailbox.slice(0, 255) || "?", ...extra };
}

/**
 * The ISO timestamp of a new row: the clock, but never before the latest
 * timestamp seen in the journal (a co-author's clock ahead of ours) nor
 * before our previous row, so that fold order follows causality.
 */
export function nextTimestamp(nowMs: number, latestSeen: string | undefined): string {
  const seen = latestSeen === undefined ? Number.NaN : Date.parse(latestSeen);
  const ms = Number.isNaN(seen) ? nowMs : Math.max(nowMs, seen + 1);
  return new Date(ms).toISOString();
}

/** Runtimes running a batch in this JavaScript realm: one batch at a time per runtime. */
const LOCK = Symbol.for("recouvre.sendingLock");

export function locks(): Set<string> {
  const scope = globalThis as unknown as Record<symbol, Set<string> | { busy: boolean } | undefined>;
  const current = scope[LOCK];
  if (!(current instanceof Set)) scope[LOCK] = new Set<string>();
  return scope[LOCK] as Set<string>;
}
