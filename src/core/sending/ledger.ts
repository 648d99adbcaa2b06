/**
 * The exactly-once ledger: what became of every message, folded from the
 * journal and from nothing else (the rows are written by ledgerEntries.ts).
 *
 * Protocol (runBatch follows it, the fold reads it), for attempt n of a message:
 *   0. CLAIM: the runtime appends its claim, waits until the claim has
 *      reached the other co-authors (claims.ts), and goes on only if its
 *      claim is the first for (message, n) in fold order;
 *   1. the INTENT is appended;  2. the message is sent;
 *   3. the OUTCOME is appended: envoyé, échec (with the reason), inconnu
 *      (the request may have reached the server but no answer came), or
 *      libéré (claimed, then given up before sending).
 * .eml drafts are recorded « préparé » at once (nothing leaves the PC).
 * An intent without outcome, or a claim left without outcome beyond its
 * lease, may or may not have left: « à décider », never resent until the
 * user or the mailbox witness decides « envoyé » or « non envoyé ».
 *
 * The fold does not depend on row order (foldOrder.ts): the state of an
 * attempt is its strongest event (a decision over an outcome over an
 * intent), and « envoyé » in any attempt is final.
 *
 * Every record is an existing entry type, so older versions read these
 * rows: "document" entries, except envoyé and confirmé which are "step"
 * entries so that the escalation state counts the step as done.
 */
import type { EpochDay } from "../calendar";
import type { JournalEntry } from "../escalation/journal";
import { invoiceKeyOf } from "../ledger/clientKey";
import { inFoldOrder } from "./foldOrder";
import { MESSAGE_REFERENCE } from "./messageKey";
import type { PlannedMessage } from "./model";

export * from "./ledgerEntries";

export const SEND_EVENTS = ["reserve", "intention", "envoye", "echec", "inconnu", "prepare", "libere", "confirme", "nonEnvoye"] as const;
export type SendEvent = (typeof SEND_EVENTS)[number];

const ID_WORDS: Readonly<Record<string, SendEvent>> = {
  intention: "intention",
  envoye: "envoye",
  echec: "echec",
  inconnu: "inconnu",
  prepare: "prepare",
  libere: "libere",
  confirme: "confirme",
  "non-envoye": "nonEnvoye",
};
const ENTRY_ID = /^(MAIL-\d{4}-\d{2}-\d{2}-[0-9a-f]{20})#(\d{1,6}):([a-z-]+)$/;
const CLAIM_ID = /^(MAIL-\d{4}-\d{2}-\d{2}-[0-9a-f]{20})#(\d{1,6}):reserve@([a-z0-9]{1,16})\.(\d{1,9})$/;

/** Events recorded as "step" entries: the step is done. */
const STEP_EVENTS: ReadonlySet<SendEvent> = new Set(["envoye", "confirme"]);
/** Within one attempt the later stage wins, whatever the row order. */
const EVENT_RANK: Readonly<Record<SendEvent, number>> = { reserve: 0, intention: 1, envoye: 2, echec: 2, inconnu: 2, prepare: 2, libere: 2, confirme: 3, nonEnvoye: 3 };

export type MessageStatus =
  /** Sent (by Graph, or confirmed): final. */
  | "envoye"
  /** Refused or not sent: may be retried. */
  | "echec"
  /** Intent without outcome, or an answer that never came: the user (or the mailbox) decides. */
  | "inconnu"
  /** An .eml draft was produced: the user sends it and confirms. */
  | "prepare"
  /** Claimed by a runtime, nothing else yet: being sent, or à décider once the lease is over. */
  | "reserve"
  /** Claimed, then given up before sending: may be sent. */
  | "libere"
  /** Decided « non envoyé »: may be sent. */
  | "nonEnvoye";

export const MESSAGE_STATUS_LABELS: Readonly<Record<MessageStatus, string>> = {
  envoye: "envoyé",
  echec: "échec",
  inconnu: "issue inconnue",
  prepare: "préparé",
  reserve: "réservé",
  libere: "non envoyé (réservation libérée)",
  nonEnvoye: "non envoyé",
};

/** A claim row, as the fold reads it. */
export interface ClaimRow {
  readonly id: string;
  readonly reference: string;
  readonly attempt: number;
  readonly runtime: string;
  readonly seq: number;
  readonly by: string;
  readonly mailbox?: string;
  readonly timestamp: string;
  /** Position in fold order (claims compare by it). */
  readonly order: number;
}

export interface MessageRecord {
  readonly reference: string;
  readonly clientKey: string;
  readonly client: string;
  readonly stepId?: string;
  readonly invoices: readonly string[];
  readonly date: EpochDay;
  readonly status: MessageStatus;
  /** Highest attempt number its entries carry: the next attempt is attempts + 1. */
  readonly attempts: number;
  readonly lastEvent: SendEvent;
  readonly note?: string;
  /** Timestamp of the event the status comes from. */
  readonly since: string;
  /** Who recorded it, when the row says. */
  readonly by?: string;
  /** The claims of the highest attempt, in fold order: the first one is the one that may send. */
  readonly claims: readonly ClaimRow[];
  /** Journal positions of the message's entries (row order). */
  readonly entryIndexes: readonly number[];
}

export interface Ledger {
  readonly records: ReadonlyMap<string, MessageRecord>;
  /** invoiceStepKey(clientKey, stepId, numero) -> references naming it. */
  readonly byInvoiceStep: ReadonlyMap<string, readonly string[]>;
  readonly ids: ReadonlySet<string>;
  /** Entries folded (the journal's length). */
  readonly length: number;
  readonly warnings: readonly string[];
  /** The entries folded, row order (appendToLedger folds them again with the new ones). */
  readonly entries: readonly JournalEntry[];
}

export const EMPTY_LEDGER: Ledger = { records: new Map(), byInvoiceStep: new Map(), ids: new Set(), length: 0, warnings: [], entries: [] };

export function invoiceStepKey(clientKey: string, stepId: string, numero: string): string {
  return `${invoiceKeyOf(clientKey, numero)}\u0000${stepId}`;
}

export function isSendingEntry(entry: JournalEntry): boolean {
  return entry.documentRef !== undefined && MESSAGE_REFERENCE.test(entry.documentRef);
}

/** The event an entry records; undefined for entries that are not sending records. */
export function sendEventOf(entry: JournalEntry): { event: SendEvent; attempt?: number; warning?: string; claim?: { runtime: string; seq: number } } | undefined {
  if (!isSendingEntry(entry)) return undefined;
  const claim = CLAIM_ID.exec(entry.id);
  if (claim && claim[1] === entry.documentRef && entry.type === "document") {
    return { event: "reserve", attempt: Number(claim[2]), claim: { runtime: claim[3], seq: Number(claim[4]) } };
  }
  const match = ENTRY_ID.exec(entry.id);
  const event = match && match[1] === entry.documentRef ? ID_WORDS[match[3]] : undefined;
  if (event === undefined) {
    // A row typed or pasted by hand with a message reference: the safe reading.
    const fallback: SendEvent = entry.type === "step" ? "confirme" : "inconnu";
    return { event: fallback, warning: `Journal : l'entrée « ${entry.id} » cite l'envoi ${entry.documentRef} sans en être un enregistrement ; lue comme « ${MESSAGE_STATUS_LABELS[statusAfter(fallback)]} ».` };
  }
  const attempt = Number(match![2]);
  if (STEP_EVENTS.has(event) !== (entry.type === "step")) {
    return { event, attempt, warning: `Journal : l'entrée « ${entry.id} » est de type « ${entry.type} », inattendu pour cet enregistrement d'envoi.` };
  }
  return { event, attempt };
}

function statusAfter(event: SendEvent): MessageStatus {
  switch (event) {
    case "intention":
    case "inconnu":
      return "inconnu";
    case "envoye":
    case "confirme":
      return "envoye";
    case "reserve":
      return "reserve";
    case "echec":
    case "prepare":
    case "libere":
    case "nonEnvoye":
      return event;
  }
}

interface Folding {
  reference: string;
  clientKey: string;
  client: string;
  stepId?: string;
  invoices: string[];
  date: EpochDay;
  attempts: number;
  /** The strongest non-claim event per attempt. */
  events: Map<number, { event: SendEvent; entry: JournalEntry; order: number }>;
  claims: Map<number, ClaimRow[]>;
  sent?: { event: SendEvent; entry: JournalEntry };
  entryIndexes: number[];
}

export function foldLedger(entries: readonly JournalEntry[]): Ledger {
  const folding = new Map<string, Folding>();
  const byInvoiceStep = new Map<string, string[]>();
  const ids = new Set<string>();
  const warnings: string[] = [];

  inFoldOrder(entries).forEach(({ entry, index }, order) => {
    ids.add(entry.id);
    const read = sendEventOf(entry);
    if (!read) return;
    if (read.warning) warnings.push(read.warning);
    const reference = entry.documentRef!;
    let f = folding.get(reference);
    if (!f) {
      f = { reference, clientKey: entry.clientKey, client: entry.client, invoices: [], date: entry.date, attempts: 0, events: new Map(), claims: new Map(), entryIndexes: [] };
      folding.set(reference, f);
    }
    f.client = entry.client;
    if (f.stepId === undefined && entry.stepId !== undefined) f.stepId = entry.stepId;
    for (const numero of entry.invoices) if (!f.invoices.includes(numero)) f.invoices.push(numero);
    f.entryIndexes.push(index);
    const attempt = read.attempt ?? f.attempts;
    f.attempts = Math.max(f.attempts, attempt);
    if (read.event === "reserve") {
      const list = f.claims.get(attempt) ?? [];
      list.push({
        id: entry.id,
        reference,
        attempt,
        runtime: read.claim!.runtime,
        seq: read.claim!.seq,
        by: entry.origin?.by ?? "?",
        ...(entry.origin?.mailbox !== undefined && { mailbox: entry.origin.mailbox }),
        timestamp: entry.timestamp,
        order,
      });
      f.claims.set(attempt, list);
    } else {
      if (STEP_EVENTS.has(read.event)) {
        if (f.sent === undefined) f.sent = { event: read.event, entry };
      } else if (f.sent !== undefined) {
        warnings.push(`Journal : l'envoi ${reference} est déjà enregistré comme envoyé ; l'entrée « ${entry.id} » ne change rien.`);
      }
      const current = f.events.get(attempt);
      if (!current || EVENT_RANK[read.event] >= EVENT_RANK[current.event]) f.events.set(attempt, { event: read.event, entry, order });
    }
    if (f.stepId !== undefined) {
      for (const numero of entry.invoices) {
        const key = invoiceStepKey(f.clientKey, f.stepId, numero);
        const refs = byInvoiceStep.get(key) ?? [];
        if (!refs.includes(reference)) byInvoiceStep.set(key, [...refs, reference]);
      }
    }
  });

  const records = new Map<string, MessageRecord>();
  for (const f of folding.values()) records.set(f.reference, recordOf(f));
  return { records, byInvoiceStep, ids, length: entries.length, warnings, entries };
}

function recordOf(f: Folding): MessageRecord {
  const last = f.events.get(f.attempts);
  const chosen = f.sent ?? last;
  const claims = f.claims.get(f.attempts) ?? [];
  const event: SendEvent = chosen ? chosen.event : "reserve";
  const entry = chosen?.entry;
  return {
    reference: f.reference,
    clientKey: f.clientKey,
    client: f.client,
    ...(f.stepId !== undefined && { stepId: f.stepId }),
    invoices: f.invoices,
    date: f.date,
    status: statusAfter(event),
    attempts: f.attempts,
    lastEvent: event,
    ...(entry?.note !== undefined && { note: entry.note }),
    since: entry?.timestamp ?? claims[0]?.timestamp ?? "",
    ...((entry?.origin?.by ?? claims[0]?.by) !== undefined && { by: entry?.origin?.by ?? claims[0]?.by }),
    claims,
    entryIndexes: f.entryIndexes,
  };
}

/** The ledger after appending `entries` to the journal `ledger` was folded from. */
export function appendToLedger(ledger: Ledger, entries: readonly JournalEntry[]): Ledger {
  return entries.length === 0 ? ledger : foldLedger([...ledger.entries, ...entries]);
}

// ---------------------------------------------------------------------------
// What may be done with a planned message.

/** How a caller with a clock sees claims: whether a claim's lease still runs (claims.ts). */
export interface ClaimView {
  live(claim: ClaimRow): boolean;
}

export type Disposition =
  | { readonly kind: "send"; readonly attempt: number; readonly retryOf?: MessageRecord }
  | { readonly kind: "alreadySent"; readonly record: MessageRecord }
  /** An unresolved message covers it: the user (or the mailbox witness) decides about `record` first. */
  | { readonly kind: "decide"; readonly record: MessageRecord }
  /** Another runtime claimed it and its lease runs: it is being sent there. */
  | { readonly kind: "claimed"; readonly record: MessageRecord; readonly claim: ClaimRow }
  | { readonly kind: "stale"; readonly record: MessageRecord };

type MessageIdentity = Pick<PlannedMessage, "reference" | "clientKey" | "stepId" | "invoices">;

const UNRESOLVED: ReadonlySet<MessageStatus> = new Set(["inconnu", "prepare", "reserve"]);

function unresolved(record: MessageRecord, view: ClaimView | undefined): Disposition {
  if (record.status === "reserve" && record.claims.length > 0 && (view === undefined || view.live(record.claims[0]))) {
    return { kind: "claimed", record, claim: record.claims[0] };
  }
  return { kind: "decide", record };
}

/**
 * The one rule of exactly-once: a message is sent only when neither it nor
 * any other message for the same step and one of the same invoices was sent
 * or may have been sent. Without a view, every claim counts as live.
 */
export function dispositionOf(ledger: Ledger, message: MessageIdentity, view?: ClaimView): Disposition {
  const own = ledger.records.get(message.reference);
  if (own?.status === "envoye") return { kind: "alreadySent", record: own };
  if (own && UNRESOLVED.has(own.status)) return unresolved(own, view);

  let sentCover: MessageRecord | undefined;
  let coveredBySent = 0;
  for (const numero of message.invoices) {
    let sentHere = false;
    for (const reference of ledger.byInvoiceStep.get(invoiceStepKey(message.clientKey, message.stepId, numero)) ?? []) {
      if (reference === message.reference) continue;
      const other = ledger.records.get(reference)!;
      if (UNRESOLVED.has(other.status)) return unresolved(other, view);
      if (other.status === "envoye") {
        sentCover = other;
        sentHere = true;
      }
    }
    if (sentHere) coveredBySent++;
  }
  if (sentCover && coveredBySent === message.invoices.length) return { kind: "alreadySent", record: sentCover };
  if (sentCover) return { kind: "stale", record: sentCover };
  return own ? { kind: "send", attempt: own.attempts + 1, retryOf: own } : { kind: "send", attempt: 1 };
}
