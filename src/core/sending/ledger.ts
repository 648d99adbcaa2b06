/**
 * The exactly-once ledger: what became of every message, folded from the
 * journal and from nothing else.
 *
 * Protocol (runBatch follows it, the fold reads it):
 *   1. before sending, the INTENT is appended to the journal;
 *   2. the message is sent;
 *   3. the OUTCOME is appended: envoyé, échec (with the reason), inconnu
 *      (the request may have reached the server but no answer came), or
 *      préparé (an .eml draft was produced instead; no intent is needed for
 *      it since nothing leaves the PC).
 * A crash between 1 and 3 leaves an intent without outcome: the message may
 * or may not have left, and the ledger says "inconnu". An inconnu or préparé
 * message is never sent again until the user decides (decisionEntry):
 * « envoyé » (they found it in their sent items, or sent the draft) or
 * « non envoyé » (it may be sent again). An échec may be retried.
 *
 * No new journal entry type is needed: every record is an existing entry
 * type, so older versions of the add-in read these rows:
 *   - intent, échec, inconnu, préparé, non envoyé: "document" entries;
 *   - envoyé, and « envoyé » decided by the user: "step" entries, so the
 *     escalation state (state.ts) counts the step as done and the workflow
 *     moves on, exactly as if the user had recorded it by hand.
 * All carry channel "email", the step, the invoices, the amounts claimed and
 * the message reference (messageKey.ts) in « Référence document ». What the
 * record is lies in the entry id: "<reference>#<attempt>:<event>", which also
 * makes every id unique and every append idempotent for the fold (a row
 * written twice is a duplicate id, ignored as state.ts ignores it).
 *
 * Statuses are read in journal order; "envoyé" is final.
 */
import { formatDateFr, type EpochDay } from "../calendar";
import type { DocumentEntry, JournalEntry, StepEntry } from "../escalation/journal";
import { invoiceKeyOf } from "../ledger/clientKey";
import { MESSAGE_REFERENCE } from "./messageKey";
import type { PlannedMessage, SendOutcome } from "./model";

export const SEND_EVENTS = ["intention", "envoye", "echec", "inconnu", "prepare", "confirme", "nonEnvoye"] as const;
export type SendEvent = (typeof SEND_EVENTS)[number];

/** The event's word in entry ids (ASCII, stable: existing journals use it). */
const EVENT_ID_WORDS: Readonly<Record<SendEvent, string>> = {
  intention: "intention",
  envoye: "envoye",
  echec: "echec",
  inconnu: "inconnu",
  prepare: "prepare",
  confirme: "confirme",
  nonEnvoye: "non-envoye",
};
const EVENT_BY_ID_WORD = new Map<string, SendEvent>(SEND_EVENTS.map((event) => [EVENT_ID_WORDS[event], event]));
const ENTRY_ID = /^(MAIL-\d{4}-\d{2}-\d{2}-[0-9a-f]{20})#(\d{1,6}):([a-z-]+)$/;

/** Events recorded as "step" entries: the step is done. */
const STEP_EVENTS: ReadonlySet<SendEvent> = new Set(["envoye", "confirme"]);

export type MessageStatus =
  /** Sent (by Graph, or confirmed by the user): final. */
  | "envoye"
  /** Refused or not sent: may be retried. */
  | "echec"
  /** Intent without outcome, or an answer that never came: the user decides. */
  | "inconnu"
  /** An .eml draft was produced: the user sends it and confirms. */
  | "prepare"
  /** The user said an unknown or prepared message did not leave: may be sent. */
  | "nonEnvoye";

export const MESSAGE_STATUS_LABELS: Readonly<Record<MessageStatus, string>> = {
  envoye: "envoyé",
  echec: "échec",
  inconnu: "issue inconnue",
  prepare: "préparé",
  nonEnvoye: "non envoyé",
};

export interface MessageRecord {
  readonly reference: string;
  readonly clientKey: string;
  readonly client: string;
  readonly stepId?: string;
  /** Every invoice any event of this message named. */
  readonly invoices: readonly string[];
  /** The message's date (its key's). */
  readonly date: EpochDay;
  readonly status: MessageStatus;
  /** Highest attempt number its entries carry: the next attempt is attempts + 1. */
  readonly attempts: number;
  /** The last event, its note (the reason of a failure) and when it was recorded. */
  readonly lastEvent: SendEvent;
  readonly note?: string;
  readonly since: string;
  /** Journal positions of the message's entries. */
  readonly entryIndexes: readonly number[];
}

export interface Ledger {
  readonly records: ReadonlyMap<string, MessageRecord>;
  /** invoiceStepKey(clientKey, stepId, numero) -> references naming it, journal order. */
  readonly byInvoiceStep: ReadonlyMap<string, readonly string[]>;
  readonly ids: ReadonlySet<string>;
  /** Entries folded (the journal's length). */
  readonly length: number;
  /** Rows that look like sending records but are not consistent. */
  readonly warnings: readonly string[];
}

export const EMPTY_LEDGER: Ledger = { records: new Map(), byInvoiceStep: new Map(), ids: new Set(), length: 0, warnings: [] };

export function invoiceStepKey(clientKey: string, stepId: string, numero: string): string {
  return `${invoiceKeyOf(clientKey, numero)}\u0000${stepId}`;
}

/** Whether a journal entry belongs to the sending ledger. */
export function isSendingEntry(entry: JournalEntry): boolean {
  return entry.documentRef !== undefined && MESSAGE_REFERENCE.test(entry.documentRef);
}

/** The event an entry records; undefined for entries that are not sending records. */
export function sendEventOf(entry: JournalEntry): { event: SendEvent; attempt?: number; warning?: string } | undefined {
  if (!isSendingEntry(entry)) return undefined;
  const match = ENTRY_ID.exec(entry.id);
  const event = match && match[1] === entry.documentRef ? EVENT_BY_ID_WORD.get(match[3]) : undefined;
  if (event === undefined) {
    // A row typed or pasted by hand with a message reference: the safe reading.
    // A step done means the message went out; anything else may have.
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
    case "echec":
      return "echec";
    case "prepare":
      return "prepare";
    case "nonEnvoye":
      return "nonEnvoye";
  }
}

/** The ledger of a whole journal. */
export function foldLedger(entries: readonly JournalEntry[]): Ledger {
  return appendToLedger(EMPTY_LEDGER, entries);
}

/** The ledger after appending `entries` to the journal `ledger` was folded from; `ledger` is not modified. */
export function appendToLedger(ledger: Ledger, entries: readonly JournalEntry[]): Ledger {
  if (entries.length === 0) return ledger;
  const records = new Map(ledger.records);
  const byInvoiceStep = new Map(ledger.byInvoiceStep);
  const ids = new Set(ledger.ids);
  const warnings = [...ledger.warnings];

  entries.forEach((entry, offset) => {
    const index = ledger.length + offset;
    if (ids.has(entry.id)) return; // a row written twice: the first one counts
    ids.add(entry.id);
    const read = sendEventOf(entry);
    if (!read) return;
    if (read.warning) warnings.push(read.warning);
    const reference = entry.documentRef!;
    const previous = records.get(reference);
    const attempts = Math.max(previous?.attempts ?? 0, read.attempt ?? 0);
    const invoices = previous ? union(previous.invoices, entry.invoices) : [...entry.invoices];
    let status = statusAfter(read.event);
    let lastEvent = read.event;
    const absorbed = previous?.status === "envoye";
    if (absorbed) {
      if (status !== "envoye") warnings.push(`Journal : l'envoi ${reference} est déjà enregistré comme envoyé ; l'entrée « ${entry.id} » ne change rien.`);
      status = "envoye";
      lastEvent = previous.lastEvent;
    }
    const record: MessageRecord = {
      reference,
      clientKey: previous?.clientKey ?? entry.clientKey,
      client: entry.client,
      ...((previous?.stepId ?? entry.stepId) !== undefined && { stepId: previous?.stepId ?? entry.stepId }),
      invoices,
      date: previous?.date ?? entry.date,
      status,
      attempts,
      lastEvent,
      ...(absorbed ? previous?.note !== undefined && { note: previous.note } : entry.note !== undefined && { note: entry.note }),
      since: entry.timestamp,
      entryIndexes: [...(previous?.entryIndexes ?? []), index],
    };
    records.set(reference, record);
    const stepId = record.stepId;
    if (stepId !== undefined) {
      for (const numero of entry.invoices) {
        const key = invoiceStepKey(record.clientKey, stepId, numero);
        const refs = byInvoiceStep.get(key) ?? [];
        if (!refs.includes(reference)) byInvoiceStep.set(key, [...refs, reference]);
      }
    }
  });
  return { records, byInvoiceStep, ids, length: ledger.length + entries.length, warnings };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const item of b) if (!out.includes(item)) out.push(item);
  return out;
}

// ---------------------------------------------------------------------------
// What may be done with a planned message.

export type Disposition =
  /** Send it (attempt number for the ids; retryOf: the failed attempt before). */
  | { readonly kind: "send"; readonly attempt: number; readonly retryOf?: MessageRecord }
  | { readonly kind: "alreadySent"; readonly record: MessageRecord }
  /** An unresolved message (inconnu, préparé) covers it: the user decides about `record` first. */
  | { readonly kind: "decide"; readonly record: MessageRecord }
  /** Part of its invoices already got this step by another message: the analysis is out of date. */
  | { readonly kind: "stale"; readonly record: MessageRecord };

type MessageIdentity = Pick<PlannedMessage, "reference" | "clientKey" | "stepId" | "invoices">;

/**
 * The one rule of exactly-once: a message is sent only when neither it nor
 * any other message for the same step and one of the same invoices was sent
 * or may have been sent.
 */
export function dispositionOf(ledger: Ledger, message: MessageIdentity): Disposition {
  const own = ledger.records.get(message.reference);
  if (own?.status === "envoye") return { kind: "alreadySent", record: own };
  if (own && (own.status === "inconnu" || own.status === "prepare")) return { kind: "decide", record: own };

  let sentCover: MessageRecord | undefined;
  let coveredBySent = 0;
  for (const numero of message.invoices) {
    let sentHere = false;
    for (const reference of ledger.byInvoiceStep.get(invoiceStepKey(message.clientKey, message.stepId, numero)) ?? []) {
      if (reference === message.reference) continue;
      const other = ledger.records.get(reference)!;
      if (other.status === "inconnu" || other.status === "prepare") return { kind: "decide", record: other };
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

// ---------------------------------------------------------------------------
// The journal entries of the protocol.

const NOTE_MAX = 2000;

function clip(text: string, max = NOTE_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function entryId(reference: string, attempt: number, event: SendEvent): string {
  return `${reference}#${attempt}:${EVENT_ID_WORDS[event]}`;
}

function recipientsText(message: PlannedMessage): string {
  return clip(message.recipients.join("; "), 600);
}

function messageFields(message: PlannedMessage, timestamp: string) {
  return {
    timestamp,
    date: message.date,
    client: message.client,
    clientKey: message.clientKey,
    invoices: [...message.invoices],
    stepId: message.stepId,
    channel: "email" as const,
    principal: message.principal,
    ...(message.interest !== undefined && { penalties: message.interest }),
    indemnity: message.indemnity,
    documentRef: message.reference,
  };
}

/** Step 1: recorded BEFORE the message is handed to the mail server. */
export function intentEntry(message: PlannedMessage, attempt: number, timestamp: string): DocumentEntry {
  return {
    ...messageFields(message, timestamp),
    id: entryId(message.reference, attempt, "intention"),
    type: "document",
    note: clip(`Envoi par e-mail à ${recipientsText(message)} : intention enregistrée avant l'envoi (tentative ${attempt}).`),
  };
}

/** Step 3: what became of attempt `attempt`. */
export function outcomeEntry(message: PlannedMessage, attempt: number, outcome: SendOutcome, timestamp: string): StepEntry | DocumentEntry {
  const fields = messageFields(message, timestamp);
  switch (outcome.kind) {
    case "envoye":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "envoye"),
        type: "step",
        note: clip(`Envoyé par e-mail à ${recipientsText(message)}${outcome.detail ? ` (${outcome.detail})` : ""}.`),
      };
    case "echec":
      return { ...fields, id: entryId(message.reference, attempt, "echec"), type: "document", note: clip(`Échec de l'envoi par e-mail : ${outcome.reason}`) };
    case "inconnu":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "inconnu"),
        type: "document",
        note: clip(`Issue de l'envoi inconnue : ${outcome.reason}. Vérifiez les « Éléments envoyés » de votre messagerie avant de décider.`),
      };
    case "prepare":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "prepare"),
        type: "document",
        note: clip(`Brouillon .eml préparé pour ${recipientsText(message)}${outcome.detail ? ` (${outcome.detail})` : ""} : envoyez-le depuis votre messagerie, puis confirmez l'envoi.`),
      };
  }
}

export type UserDecision = "confirme" | "nonEnvoye";

/**
 * The user's decision about an unknown or prepared message: « envoyé »
 * records the step as done (a step entry), « non envoyé » lets it be sent
 * again. Undefined when the record is not awaiting a decision.
 */
export function decisionEntry(record: MessageRecord, decision: UserDecision, timestamp: string, note?: string): StepEntry | DocumentEntry | undefined {
  if (record.status !== "inconnu" && record.status !== "prepare") return undefined;
  if (record.stepId === undefined || record.invoices.length === 0) return undefined;
  const fields = {
    id: entryId(record.reference, Math.max(1, record.attempts), decision),
    timestamp,
    date: record.date,
    client: record.client,
    clientKey: record.clientKey,
    invoices: [...record.invoices],
    stepId: record.stepId,
    channel: "email" as const,
    documentRef: record.reference,
  };
  const extra = note ? ` ${note}` : "";
  return decision === "confirme"
    ? { ...fields, type: "step", note: clip(`Envoi confirmé par l'utilisateur (message du ${formatDateFr(record.date)}).${extra}`) }
    : { ...fields, type: "document", note: clip(`Non envoyé selon l'utilisateur : le message peut être envoyé de nouveau.${extra}`) };
}
