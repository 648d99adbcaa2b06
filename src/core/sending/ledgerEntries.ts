/**
 * The journal rows of the sending protocol (ledger.ts reads them):
 *
 *   réservation (claim) -> intention -> envoyé | échec | inconnu   (Graph)
 *   réservation -> libéré      (the batch stopped or paused before sending it)
 *   préparé                    (an .eml draft: nothing leaves the PC)
 *   confirmé | non envoyé      (the user's, or the mailbox witness's, decision)
 *
 * What a row records lies in its id, "<reference>#<attempt>:<event>", and
 * for a claim "<reference>#<attempt>:reserve@<runtime>.<seq>", so that every
 * id is unique and a row copied by a merge is recognised. Every row carries
 * its origin (who, which runtime, the runtime's counter) when the caller
 * gives one.
 */
import { formatDateFr } from "../calendar";
import type { DocumentEntry, RowOrigin, StepEntry } from "../escalation/journal";
import type { PlannedMessage, SendOutcome } from "./model";
import type { MessageRecord, SendEvent } from "./ledger";

/** The event's word in entry ids (ASCII, stable: existing journals use it). */
export const EVENT_ID_WORDS: Readonly<Record<SendEvent, string>> = {
  reserve: "reserve",
  intention: "intention",
  envoye: "envoye",
  echec: "echec",
  inconnu: "inconnu",
  prepare: "prepare",
  libere: "libere",
  confirme: "confirme",
  nonEnvoye: "non-envoye",
};

const NOTE_MAX = 2000;

function clip(text: string, max = NOTE_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function entryId(reference: string, attempt: number, event: Exclude<SendEvent, "reserve">): string {
  return `${reference}#${attempt}:${EVENT_ID_WORDS[event]}`;
}

export function claimId(reference: string, attempt: number, origin: Pick<RowOrigin, "runtime" | "seq">): string {
  return `${reference}#${attempt}:reserve@${origin.runtime}.${origin.seq}`;
}

function recipientsText(message: PlannedMessage): string {
  return clip(message.recipients.join("; "), 600);
}

function byWhom(origin: RowOrigin | undefined): string {
  return origin ? ` (par ${origin.by})` : "";
}

function messageFields(message: PlannedMessage, timestamp: string, origin: RowOrigin | undefined) {
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
    ...(origin !== undefined && { origin }),
  };
}

/** Step 0: this runtime claims attempt `attempt` of the message; it sends only if its claim comes first. */
export function claimEntry(message: PlannedMessage, attempt: number, timestamp: string, origin: RowOrigin): DocumentEntry {
  return {
    ...messageFields(message, timestamp, origin),
    id: claimId(message.reference, attempt, origin),
    type: "document",
    note: clip(`Envoi par e-mail réservé par ${origin.by} (poste ${origin.runtime}, tentative ${attempt}) : rien n'est encore parti.`),
  };
}

/** The claim is given up: nothing was sent for this attempt (batch stopped or paused first). */
export function releaseEntry(message: PlannedMessage, attempt: number, timestamp: string, origin: RowOrigin | undefined, reason: string): DocumentEntry {
  return {
    ...messageFields(message, timestamp, origin),
    id: entryId(message.reference, attempt, "libere"),
    type: "document",
    note: clip(`Réservation libérée sans envoi${byWhom(origin)} : ${reason}.`),
  };
}

/** Step 1: recorded BEFORE the message is handed to the mail server. */
export function intentEntry(message: PlannedMessage, attempt: number, timestamp: string, origin?: RowOrigin): DocumentEntry {
  return {
    ...messageFields(message, timestamp, origin),
    id: entryId(message.reference, attempt, "intention"),
    type: "document",
    note: clip(`Envoi par e-mail à ${recipientsText(message)}${byWhom(origin)} : intention enregistrée avant l'envoi (tentative ${attempt}).`),
  };
}

/** Step 3: what became of attempt `attempt`. */
export function outcomeEntry(message: PlannedMessage, attempt: number, outcome: SendOutcome, timestamp: string, origin?: RowOrigin): StepEntry | DocumentEntry {
  const fields = messageFields(message, timestamp, origin);
  const who = byWhom(origin);
  switch (outcome.kind) {
    case "envoye":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "envoye"),
        type: "step",
        note: clip(`Envoyé par e-mail à ${recipientsText(message)}${outcome.detail ? ` (${outcome.detail})` : ""}${who}.`),
      };
    case "echec":
      return { ...fields, id: entryId(message.reference, attempt, "echec"), type: "document", note: clip(`Échec de l'envoi par e-mail${who} : ${outcome.reason}`) };
    case "inconnu":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "inconnu"),
        type: "document",
        note: clip(`Issue de l'envoi inconnue${who} : ${outcome.reason}. Vérifiez les « Éléments envoyés » de votre messagerie avant de décider.`),
      };
    case "prepare":
      return {
        ...fields,
        id: entryId(message.reference, attempt, "prepare"),
        type: "document",
        note: clip(`Brouillon .eml préparé pour ${recipientsText(message)}${outcome.detail ? ` (${outcome.detail})` : ""}${who} : envoyez-le depuis votre messagerie, puis confirmez l'envoi.`),
      };
  }
}

export type UserDecision = "confirme" | "nonEnvoye";

/**
 * The decision about an unknown or prepared message, or a claim left
 * without outcome: « envoyé » records the step as done (a step entry),
 * « non envoyé » lets it be sent again. Taken by the user, or by the
 * mailbox witness (the note says which). Undefined when the record is not
 * awaiting a decision.
 */
export function decisionEntry(record: MessageRecord, decision: UserDecision, timestamp: string, note?: string, origin?: RowOrigin): StepEntry | DocumentEntry | undefined {
  if (record.status !== "inconnu" && record.status !== "prepare" && record.status !== "reserve") return undefined;
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
    ...(origin !== undefined && { origin }),
  };
  const extra = note ? ` ${note}` : "";
  return decision === "confirme"
    ? { ...fields, type: "step", note: clip(`Envoi confirmé${origin ? ` par ${origin.by}` : " par l'utilisateur"} (message du ${formatDateFr(record.date)}).${extra}`) }
    : { ...fields, type: "document", note: clip(`Non envoyé selon ${origin ? origin.by : "l'utilisateur"} : le message peut être envoyé de nouveau.${extra}`) };
}
