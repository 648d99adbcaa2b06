/**
 * Which reminder e-mails are due now: from the per-client cases (workflow.ts,
 * built from the selection and the journal) and the sending ledger, the
 * messages to send, the ones awaiting the user's decision, and the clients
 * left out with a French reason (dispute, promise running, no e-mail, nothing
 * due...). Nothing here sends: the pane shows this plan for confirmation.
 *
 * One message per client and scenario step due now (ClientCase.stepGroups):
 * a client with invoices at two different steps gets two messages, since the
 * wording of a first reminder and of a third one differ, and each records its
 * own step in the journal.
 *
 * Channels: steps whose channel is e-mail are e-mailed; a courrier step is
 * e-mailed with its letter attached (PlannedMessage.attachLetter). A formal
 * notice by registered letter (lrar), a phone call or legal action are never
 * replaced by an e-mail, unless the caller lists their channel in
 * `emailChannels` (then the letter is attached).
 */
import { formatDateFr, type EpochDay } from "../calendar";
import { validateEntry } from "../escalation/journal";
import { CHANNEL_LABELS, letterTemplateOf, type Channel, type Scenario } from "../escalation/scenario";
import type { ClientCase, InvoiceLine, StepGroup } from "../escalation/workflow";
import { dispositionOf, intentEntry, type ClaimView, type Ledger, type MessageRecord } from "./ledger";
import { messageKeyOf } from "./messageKey";
import type { PlannedLine, PlannedMessage } from "./model";
import { parseRecipients } from "./recipients";

export const DEFAULT_EMAIL_CHANNELS: readonly Channel[] = ["email", "courrier"];
/** Channels whose step calls for a letter: its PDF goes with the e-mail. */
const LETTER_CHANNELS: ReadonlySet<Channel> = new Set(["courrier", "lrar"]);

export interface PlanOptions {
  /** The day of the batch: messages are dated and their amounts stated on it. */
  readonly date: EpochDay;
  readonly scenario: Scenario;
  /** Step channels that may be sent as an e-mail (default: email, courrier). */
  readonly emailChannels?: readonly Channel[];
  /**
   * References cited by journal rows that could not be read (damaged by
   * hand): what they recorded is unknown, so their messages are held back.
   */
  readonly unreadableReferences?: ReadonlySet<string>;
  /**
   * By client key: why the list's e-mail cell was refused when the rows were
   * read (the invoice was kept without it), so the client is not told
   * « pas d'adresse » when there is a wrong one.
   */
  readonly emailProblems?: ReadonlyMap<string, string>;
  /** Which claims still run their lease (claims.ts leaseByTimestamp); without it every claim does. */
  readonly claimView?: ClaimView;
}

export type SkipReason = "litige" | "promesse" | "echeancier" | "procedure" | "termine" | "rienAFaire" | "sansEmail" | "emailInvalide" | "canal" | "donnees";

export interface SkippedClient {
  readonly clientKey: string;
  readonly client: string;
  readonly reason: SkipReason;
  /** French, shown as is. */
  readonly message: string;
  /** The step concerned, when the reason is about one step (canal, données). */
  readonly stepLabel?: string;
}

export type PlanItemStatus =
  /** To send once the user confirms. */
  | "aEnvoyer"
  /** Sent already (same key, or every invoice got this step by an earlier message). */
  | "dejaEnvoye"
  /** An earlier attempt's outcome is unknown, or a draft was prepared: the user decides first. */
  | "aDecider"
  /** The analysis is older than the journal: analyse again. */
  | "perime"
  /** Another person or pane claimed it and is sending it now (its lease runs). */
  | "enCours";

export interface PlanItem {
  readonly message: PlannedMessage;
  readonly status: PlanItemStatus;
  /** Attempt number when sent (1, or more after a failure). */
  readonly attempt: number;
  /** The earlier message this item depends on (failed attempt, unknown, sent). */
  readonly previous?: MessageRecord;
  /** French, for the pane: why it is not simply « à envoyer ». */
  readonly note?: string;
}

export interface BatchPlan {
  readonly date: EpochDay;
  readonly items: readonly PlanItem[];
  readonly skipped: readonly SkippedClient[];
}

export function messagesToSend(plan: BatchPlan): PlannedMessage[] {
  return plan.items.filter((item) => item.status === "aEnvoyer").map((item) => item.message);
}

/** The reason a case has nothing to e-mail today, from its lines' statuses. */
function idleReason(clientCase: ClientCase): { reason: SkipReason; message: string } {
  const lines = clientCase.lines;
  if (lines.length === 0 && clientCase.disputed.length > 0) {
    return { reason: "litige", message: `facture${clientCase.disputed.length > 1 ? "s" : ""} en litige : hors relance jusqu'à la résolution` };
  }
  const paused = lines.filter((line) => line.status === "enPause");
  if (paused.length > 0) {
    const until = Math.max(...paused.map((line) => line.pausedUntil ?? line.promise?.until ?? 0));
    return { reason: "promesse", message: `promesse de paiement en cours jusqu'au ${formatDateFr(until)}` };
  }
  const plan = lines.filter((line) => line.status === "echeancier");
  if (plan.length > 0) {
    const until = Math.min(...plan.map((line) => line.pausedUntil ?? Number.MAX_SAFE_INTEGER));
    return { reason: "echeancier", message: `échéancier respecté : prochaine échéance le ${formatDateFr(until)}` };
  }
  if (lines.some((line) => line.status === "procedure")) return { reason: "procedure", message: "action judiciaire engagée : plus de relance amiable" };
  const next = clientCase.next;
  if (next && !next.dueNow) return { reason: "rienAFaire", message: `rien à relancer aujourd'hui : « ${next.label} » le ${formatDateFr(next.dueOn)}` };
  if (lines.length > 0 && lines.every((line) => line.status === "termine")) return { reason: "termine", message: "toutes les étapes du scénario sont faites" };
  return { reason: "rienAFaire", message: "rien à relancer aujourd'hui" };
}

function plannedLine(line: InvoiceLine): PlannedLine {
  return {
    numero: line.invoice.numero,
    ...(line.invoice.dateFacture !== undefined && { dateFacture: line.invoice.dateFacture }),
    echeance: line.invoice.echeance,
    amountDue: line.amountDue,
    ...(line.interest !== undefined && { interest: line.interest }),
    indemnity: line.indemnity,
    daysLate: line.daysLate,
  };
}

function plannedMessage(clientCase: ClientCase, group: StepGroup, recipients: readonly string[], options: PlanOptions): PlannedMessage {
  const key = messageKeyOf({ clientKey: clientCase.clientKey, invoices: group.invoices, stepId: group.id, date: options.date });
  const byNumber = new Map(clientCase.lines.map((line) => [line.invoice.numero, line]));
  const lines = key.invoices.map((numero) => byNumber.get(numero)).filter((line): line is InvoiceLine => line !== undefined).map(plannedLine);
  const principal = lines.reduce((sum, line) => sum + line.amountDue, 0);
  const indemnity = lines.reduce((sum, line) => sum + line.indemnity, 0);
  const interest = lines.every((line) => line.interest !== undefined) ? lines.reduce((sum, line) => sum + line.interest!, 0) : undefined;
  const step = options.scenario[group.index];
  return {
    reference: key.reference,
    key: key.canonical,
    date: options.date,
    clientKey: clientCase.clientKey,
    client: clientCase.client,
    stepId: group.id,
    stepLabel: group.label,
    stepIndex: group.index,
    stepChannel: group.channel,
    letterTemplateId: step ? letterTemplateOf(step) : group.id,
    attachLetter: LETTER_CHANNELS.has(group.channel),
    invoices: key.invoices,
    recipients,
    lines,
    principal,
    ...(interest !== undefined && { interest, total: principal + interest + indemnity }),
    indemnity,
    clientCase,
  };
}

function itemFor(message: PlannedMessage, ledger: Ledger, view?: ClaimView): PlanItem {
  const disposition = dispositionOf(ledger, message, view);
  switch (disposition.kind) {
    case "send":
      return {
        message,
        status: "aEnvoyer",
        attempt: disposition.attempt,
        ...(disposition.retryOf && {
          previous: disposition.retryOf,
          note: `nouvel essai : ${disposition.retryOf.status === "nonEnvoye" ? "non envoyé selon vous" : (disposition.retryOf.note ?? "échec précédent")}`,
        }),
      };
    case "alreadySent":
      return { message, status: "dejaEnvoye", attempt: 0, previous: disposition.record, note: `déjà envoyé (réf. ${disposition.record.reference}, ${formatDateFr(disposition.record.date)})` };
    case "claimed":
      // The pane words it from previous.claims[0] (who, which pane, when).
      return { message, status: "enCours", attempt: 0, previous: disposition.record };
    case "decide": {
      const record = disposition.record;
      const what =
        record.status === "prepare"
          ? `un brouillon .eml a été préparé le ${formatDateFr(record.date)} (réf. ${record.reference})`
          : `l'envoi du ${formatDateFr(record.date)} (réf. ${record.reference}) a une issue inconnue : il est peut-être parti`;
      return { message, status: "aDecider", attempt: 0, previous: record, note: `${what}. Vérifiez vos « Éléments envoyés », puis indiquez s'il a été envoyé.` };
    }
    case "stale":
      return {
        message,
        status: "perime",
        attempt: 0,
        previous: disposition.record,
        note: `une partie de ces factures a déjà reçu « ${message.stepLabel} » (réf. ${disposition.record.reference}) : actualisez l'analyse`,
      };
  }
}

/**
 * The batch for `cases` as of `options.date`. Items come in the cases' order
 * (most urgent first); skipped clients too.
 */
export function planBatch(cases: readonly ClientCase[], ledger: Ledger, options: PlanOptions): BatchPlan {
  const channels = new Set(options.emailChannels ?? DEFAULT_EMAIL_CHANNELS);
  const items: PlanItem[] = [];
  const skipped: SkippedClient[] = [];
  const seen = new Set<string>();
  for (const clientCase of cases) {
    const base = { clientKey: clientCase.clientKey, client: clientCase.client };
    if (clientCase.stepGroups.length === 0) {
      skipped.push({ ...base, ...idleReason(clientCase) });
      continue;
    }
    const emailable = clientCase.stepGroups.filter((group) => channels.has(group.channel));
    for (const group of clientCase.stepGroups) {
      if (channels.has(group.channel)) continue;
      skipped.push({
        ...base,
        reason: "canal",
        stepLabel: group.label,
        message: `« ${group.label} » se fait par ${CHANNEL_LABELS[group.channel].toLowerCase()}${group.channel === "lrar" ? " (lettre recommandée avec accusé de réception : un e-mail ne la remplace pas)" : ""} : pas d'e-mail`,
      });
    }
    if (emailable.length === 0) continue;
    const recipients = parseRecipients(clientCase.contact.email);
    if (!recipients.ok) {
      const listProblem = recipients.reason === "missing" ? options.emailProblems?.get(clientCase.clientKey) : undefined;
      if (listProblem !== undefined) skipped.push({ ...base, reason: "emailInvalide", message: listProblem });
      else skipped.push({ ...base, reason: recipients.reason === "missing" ? "sansEmail" : "emailInvalide", message: recipients.message });
      continue;
    }
    for (const group of emailable) {
      const message = plannedMessage(clientCase, group, recipients.addresses, options);
      if (seen.has(message.reference)) continue;
      seen.add(message.reference);
      // Every entry the protocol will write must be valid, or nothing is sent.
      const checked = validateEntry(intentEntry(message, 1, "2000-01-01T00:00:00Z"));
      if (!checked.ok) {
        skipped.push({ ...base, reason: "donnees", stepLabel: group.label, message: `données inutilisables dans le journal : ${checked.errors.join(" ; ")}` });
        continue;
      }
      if (options.unreadableReferences?.has(message.reference)) {
        items.push({ message, status: "perime", attempt: 0, note: `une ligne illisible du journal cite cet envoi (réf. ${message.reference}) : corrigez-la avant d'envoyer` });
        continue;
      }
      items.push(itemFor(message, ledger, options.claimView));
    }
  }
  return { date: options.date, items, skipped };
}

/** « 3 e-mails » / « 1 e-mail », and the plan's counts, for summaries. */
export function planCounts(plan: BatchPlan): Record<PlanItemStatus, number> & { skipped: number } {
  const counts = { aEnvoyer: 0, dejaEnvoye: 0, aDecider: 0, perime: 0, enCours: 0, skipped: plan.skipped.length };
  for (const item of plan.items) counts[item.status]++;
  return counts;
}
