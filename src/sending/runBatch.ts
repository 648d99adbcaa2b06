/**
 * Runs a confirmed batch, one message after the other:
 *
 *   compose -> append INTENT to the journal -> send -> append OUTCOME
 *
 * or, for .eml drafts: compose -> build the draft -> append « préparé ».
 *
 * Before each message the ledger (folded from the journal read at the start,
 * plus what this run appended) decides whether it may be sent at all
 * (dispositionOf): a message already sent, or one whose earlier attempt has an
 * unknown outcome, is never sent again here. So a batch is resumed by running
 * it again, with a new runner, on the same journal: what was sent is skipped,
 * what was interrupted between intent and outcome is shown to the user, what
 * failed is retried, what was not reached is sent.
 *
 * When the journal cannot be written, the batch stops at once: nothing may be
 * sent that the journal does not know about. Only one batch runs at a time in
 * the add-in's runtime.
 */
import type { JournalEntry } from "../core/escalation/journal";
import { validateEntry } from "../core/escalation/journal";
import { appendToLedger, dispositionOf, foldLedger, intentEntry, outcomeEntry, type MessageRecord } from "../core/sending/ledger";
import type { ComposeMessage, MessageContent, PlannedMessage, SendOutcome } from "../core/sending/model";
import type { MailSender, SendResult } from "../mail/graphSender";

export interface EmlFile {
  readonly filename: string;
  readonly content: string | Uint8Array;
}

/** Builds an .eml draft (X-Unsent: 1) from a message and its content: the letters module's buildEml, adapted. */
export type EmlBuilder = (message: PlannedMessage, content: MessageContent) => Promise<EmlFile>;

export type Transport = { readonly kind: "graph"; readonly sender: MailSender } | { readonly kind: "eml"; readonly build: EmlBuilder };

export interface RunBatchDeps {
  /** The journal as it is now in the workbook (read again at the start of every run). */
  loadJournal(): Promise<readonly JournalEntry[]>;
  /** Appends to the journal; resolves once the rows are in the workbook. */
  append(entries: readonly JournalEntry[]): Promise<void>;
  compose: ComposeMessage;
  transport: Transport;
  /** ISO timestamp of now (the pane's clock). */
  timestamp(): string;
  onProgress?(progress: BatchProgress): void;
  /** Asked between messages: true stops the batch (a message being sent is never interrupted). */
  shouldStop?(): boolean;
}

export type MessageResultKind =
  | "envoye"
  | "echec"
  | "inconnu"
  | "prepare"
  /** Skipped: sent before. */
  | "dejaEnvoye"
  /** Skipped: an earlier attempt has an unknown outcome, or a draft was prepared. */
  | "aDecider"
  /** Skipped: the analysis is older than the journal. */
  | "perime"
  /** Not reached: the batch stopped before it. */
  | "nonTraite";

export interface MessageResult {
  readonly message: PlannedMessage;
  readonly kind: MessageResultKind;
  /** French. */
  readonly reason?: string;
  /** The outcome is in the journal (false: the journal could not be written). */
  readonly journalled: boolean;
  readonly previous?: MessageRecord;
  readonly file?: EmlFile;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly result: MessageResult;
}

export interface BatchReport {
  readonly results: readonly MessageResult[];
  /** Why the batch stopped before the end, in French. */
  readonly stopped?: string;
  readonly files: readonly EmlFile[];
}

const LOCK = Symbol.for("recouvre.sendingLock");

function lockHolder(): { busy: boolean } {
  const scope = globalThis as unknown as Record<symbol, { busy: boolean } | undefined>;
  return (scope[LOCK] ??= { busy: false });
}

export function batchIsRunning(): boolean {
  return lockHolder().busy;
}

function outcomeOf(result: SendResult): SendOutcome {
  switch (result.status) {
    case "sent":
      return { kind: "envoye", detail: "Microsoft 365" };
    case "failed":
      return { kind: "echec", reason: result.reason };
    case "unknown":
      return { kind: "inconnu", reason: result.reason };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runBatch(messages: readonly PlannedMessage[], deps: RunBatchDeps): Promise<BatchReport> {
  const lock = lockHolder();
  const notReached = (reason: string): BatchReport => ({
    results: messages.map((message) => ({ message, kind: "nonTraite", reason, journalled: false })),
    stopped: reason,
    files: [],
  });
  if (lock.busy) return notReached("un envoi est déjà en cours : attendez qu'il se termine");
  lock.busy = true;
  try {
    let journal: readonly JournalEntry[];
    try {
      journal = await deps.loadJournal();
    } catch (error) {
      return notReached(`journal des relances illisible (${errorText(error)}) : rien n'a été envoyé`);
    }
    return await run(messages, deps, foldLedger(journal));
  } finally {
    lock.busy = false;
  }
}

async function run(messages: readonly PlannedMessage[], deps: RunBatchDeps, initialLedger: ReturnType<typeof foldLedger>): Promise<BatchReport> {
  let ledger = initialLedger;
  const results: MessageResult[] = [];
  const files: EmlFile[] = [];
  let stopped: string | undefined;

  const finish = (result: MessageResult) => {
    results.push(result);
    deps.onProgress?.({ done: results.length, total: messages.length, result });
  };
  const append = async (entry: JournalEntry): Promise<string | undefined> => {
    const checked = validateEntry(entry);
    if (!checked.ok) return `entrée de journal invalide (${checked.errors.join(" ; ")})`;
    try {
      await deps.append([entry]);
    } catch (error) {
      return errorText(error);
    }
    ledger = appendToLedger(ledger, [entry]);
    return undefined;
  };

  for (const message of messages) {
    if (stopped !== undefined) {
      results.push({ message, kind: "nonTraite", reason: stopped, journalled: false });
      continue;
    }
    if (deps.shouldStop?.()) {
      stopped = "envoi arrêté à votre demande";
      results.push({ message, kind: "nonTraite", reason: stopped, journalled: false });
      continue;
    }

    const disposition = dispositionOf(ledger, message);
    if (disposition.kind === "alreadySent") {
      finish({ message, kind: "dejaEnvoye", reason: `déjà envoyé (réf. ${disposition.record.reference})`, journalled: true, previous: disposition.record });
      continue;
    }
    if (disposition.kind === "decide") {
      finish({ message, kind: "aDecider", reason: disposition.record.note ?? "issue inconnue : à vous de décider", journalled: true, previous: disposition.record });
      continue;
    }
    if (disposition.kind === "stale") {
      finish({ message, kind: "perime", reason: "analyse dépassée : actualisez-la", journalled: true, previous: disposition.record });
      continue;
    }
    const attempt = disposition.attempt;

    let content: MessageContent;
    try {
      content = await deps.compose(message);
      if (message.attachLetter && deps.transport.kind === "graph" && !(content.attachments && content.attachments.length > 0)) {
        throw new Error(`l'étape « ${message.stepLabel} » demande la lettre en pièce jointe, et elle n'a pas été produite`);
      }
    } catch (error) {
      // Nothing left the PC: a plain failure, recorded without an intent.
      const reason = `message non composé : ${errorText(error)}`;
      const problem = await append(outcomeEntry(message, attempt, { kind: "echec", reason }, deps.timestamp()));
      finish({ message, kind: "echec", reason, journalled: problem === undefined });
      if (problem !== undefined) stopped = `journal des relances impossible à écrire (${problem}) : envoi arrêté`;
      continue;
    }

    if (deps.transport.kind === "eml") {
      let file: EmlFile;
      try {
        file = await deps.transport.build(message, content);
      } catch (error) {
        finish({ message, kind: "echec", reason: `brouillon .eml non produit : ${errorText(error)}`, journalled: false });
        continue;
      }
      files.push(file);
      const problem = await append(outcomeEntry(message, attempt, { kind: "prepare", detail: file.filename }, deps.timestamp()));
      finish({ message, kind: "prepare", journalled: problem === undefined, file, ...(problem !== undefined && { reason: `brouillon produit, mais non inscrit au journal (${problem})` }) });
      if (problem !== undefined) stopped = `journal des relances impossible à écrire (${problem}) : préparation arrêtée`;
      continue;
    }

    // 1. The intent, before anything leaves.
    const intentProblem = await append(intentEntry(message, attempt, deps.timestamp()));
    if (intentProblem !== undefined) {
      stopped = `journal des relances impossible à écrire (${intentProblem}) : envoi arrêté, rien n'est parti pour ${message.client}`;
      results.push({ message, kind: "nonTraite", reason: stopped, journalled: false });
      continue;
    }

    // 2. The send. A sender that throws is a bug: its outcome is unknown.
    let result: SendResult;
    try {
      result = await deps.transport.sender.send({
        reference: message.reference,
        to: message.recipients,
        subject: content.subject,
        html: content.html,
        ...(content.attachments && { attachments: content.attachments }),
      });
    } catch (error) {
      result = { status: "unknown", reason: `erreur inattendue pendant l'envoi (${errorText(error)})`, attempts: 1 };
    }

    // 3. The outcome.
    const outcome = outcomeOf(result);
    const outcomeProblem = await append(outcomeEntry(message, attempt, outcome, deps.timestamp()));
    const kind = outcome.kind as "envoye" | "echec" | "inconnu";
    const reason = outcome.kind === "echec" || outcome.kind === "inconnu" ? outcome.reason : undefined;
    if (outcomeProblem !== undefined) {
      stopped =
        `journal des relances impossible à écrire (${outcomeProblem}) : l'issue de l'envoi à ${message.client} ` +
        `(${kind === "envoye" ? "envoyé" : kind === "echec" ? "échec" : "inconnue"}) n'y est pas ; à la reprise il sera « à décider ». Envoi arrêté`;
    }
    finish({ message, kind, journalled: outcomeProblem === undefined, ...(reason !== undefined && { reason }) });
  }
  return { results, files, ...(stopped !== undefined && { stopped }) };
}
