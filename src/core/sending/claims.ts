/**
 * Claims: how several runtimes (two people on one shared workbook, or two
 * panes) agree on who sends a message, through the journal alone.
 *
 * A runtime appends its claim for (message, attempt), waits SETTLE_DELAY_MS
 * so that every claim made before its own has reached it, reads the journal
 * again, and sends only if its claim is the first for that key in fold order
 * (timestamp, runtime, seq). Two runtimes that claim within the same
 * moment both see both claims after the wait, and agree on the first.
 *
 * Why it holds, and what it assumes: a row appended at time t reaches every
 * co-author by t + D (D: co-authoring's propagation). A runtime stamps its
 * rows no earlier than the latest timestamp it has seen (nextTimestamp), so
 * a claim made after another was seen sorts after it whatever the clocks
 * say. A claim B not seen by A when A claimed was made less than D after
 * A's, so it reaches A by A's claim + 2D: with SETTLE_DELAY_MS >= 2D both
 * decide on the same two claims. Before claiming, a runtime also skips a
 * message that already has a claim.
 *
 * A claim without outcome is never taken over silently: once CLAIM_LEASE_MS
 * has passed (measured on the observer's clock from when it first saw the
 * claim, so clock skew does not matter) the message is « à décider »: the
 * mailbox witness or the user settles it.
 */
import type { ClaimRow, ClaimView, Ledger, MessageRecord } from "./ledger";

/**
 * Excel co-authoring (AutoSave on OneDrive / SharePoint) shows another
 * author's changes within seconds; a slow connection or a busy workbook can
 * take tens of seconds. We wait 45 s, that is D up to 22 s with the factor 2
 * the proof needs. It is paid once per group of claims (CLAIM_GROUP), not
 * per message: with 30 messages a minute at most, 10 claims are sent in 20 s.
 */
export const SETTLE_DELAY_MS = 45_000;

/** Claims appended together, settled by one wait. */
export const CLAIM_GROUP = 10;

/**
 * The claimant sends only within SEND_WINDOW_MS of its claim (checked
 * before each request); after that it gives the rest up and claims again.
 * 10 claims at 30 a minute take 20 s; the window leaves room for a full
 * rate window and slow answers.
 */
export const SEND_WINDOW_MS = 4 * 60_000;

/**
 * After this, another runtime treats a claim without outcome as « à
 * décider ». It covers the send window, the last request's timeout (30 s),
 * the time its outcome row takes to reach the others (D) and the time
 * Exchange takes to file the message in Sent Items, where the witness
 * looks (WITNESS_DELAY_MS): 4 min + 6 min.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** Sent Items shows a message Graph accepted within this delay; looking earlier proves nothing. */
export const WITNESS_DELAY_MS = 5 * 60_000;

/** Whether `claim` is the first for its key in the ledger (the one that may send). */
export function claimWins(ledger: Ledger, claim: Pick<ClaimRow, "reference" | "attempt" | "id">): boolean {
  const record = ledger.records.get(claim.reference);
  if (!record || record.attempts !== claim.attempt) return false;
  return record.claims[0]?.id === claim.id;
}

/**
 * A claim stamped this much beyond its lease is over even if we only just
 * saw it (a pane restarted after a crash need not wait a whole lease): PC
 * clocks differ by far less than a minute.
 */
export const LEASE_CLOCK_MARGIN_MS = 60_000;

/**
 * Live claims on the observer's clock: over once `lease` has passed since
 * we first saw the claim (`firstSeen`, ms, by claim id: no clock skew), or
 * since its timestamp plus LEASE_CLOCK_MARGIN_MS.
 */
export function leaseByFirstSight(now: number, firstSeen: ReadonlyMap<string, number>, lease = CLAIM_LEASE_MS): ClaimView {
  return {
    live: (claim) => {
      const stamped = Date.parse(claim.timestamp);
      if (!Number.isNaN(stamped) && now - stamped >= lease + LEASE_CLOCK_MARGIN_MS) return false;
      return now - (firstSeen.get(claim.id) ?? now) < lease;
    },
  };
}

/** Live claims by their own timestamp (the pane's plan, which keeps no sightings). */
export function leaseByTimestamp(now: number, lease = CLAIM_LEASE_MS): ClaimView {
  return {
    live: (claim) => {
      const at = Date.parse(claim.timestamp);
      return Number.isNaN(at) || now - at < lease;
    },
  };
}

export function latestTimestamp(ledger: Ledger): string | undefined {
  let latest: string | undefined;
  let latestMs = -Infinity;
  for (const entry of ledger.entries) {
    const ms = Date.parse(entry.timestamp);
    if (ms > latestMs) {
      latestMs = ms;
      latest = entry.timestamp;
    }
  }
  return latest;
}

export interface OtherSender {
  readonly by: string;
  readonly runtime: string;
  /** Messages it claimed whose lease runs and that have no outcome yet. */
  readonly claimed: readonly MessageRecord[];
}

/** Who else is sending on this workbook now, and what they claimed. */
export function otherSenders(ledger: Ledger, ownRuntime: string, view: ClaimView): OtherSender[] {
  const byRuntime = new Map<string, { by: string; claimed: MessageRecord[] }>();
  for (const record of ledger.records.values()) {
    if (record.status !== "reserve") continue;
    const claim = record.claims[0];
    if (!claim || claim.runtime === ownRuntime || !view.live(claim)) continue;
    const group = byRuntime.get(claim.runtime) ?? { by: claim.by, claimed: [] };
    group.claimed.push(record);
    byRuntime.set(claim.runtime, group);
  }
  return [...byRuntime].map(([runtime, group]) => ({ runtime, by: group.by, claimed: group.claimed }));
}
