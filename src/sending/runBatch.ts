/**
 * Runs a confirmed batch on a workbook that several people or panes may be
 * sending from at once (co-authoring). For Microsoft Graph, by groups of
 * CLAIM_GROUP messages:
 *
 *   compose -> append the group's CLAIMS -> wait SETTLE_DELAY_MS -> for each
 *   message: read the journal again; send only if our claim is the first
 *   for that key (claims.ts) and the mailbox's budget allows (mailboxBudget.ts):
 *   append INTENT -> send -> append OUTCOME
 *
 * or, for .eml drafts: read the journal -> compose -> build -> append
 * « préparé » (no claim: nothing leaves Recouvre; README « brouillons »).
 *
 * The ledger is folded from the journal read again before every decision,
 * so what other runtimes recorded counts at once. A message whose earlier
 * attempt is uncertain (an intent without outcome, a claim past its lease)
 * is settled by the mailbox witness when Sent Items can be read (found:
 * sent; absent long enough after the attempt: not sent) and otherwise left
 * to the user. A 429 or 503 pauses the whole batch until its Retry-After,
 * and every other runtime on the mailbox reads the pause from the journal.
 * When the journal cannot be written, the batch stops at once.
 */
import type { JournalEntry } from "../core/escalation/journal";
import { validateEntry } from "../core/escalation/journal";
import { CLAIM_GROUP, claimWins, latestTimestamp, leaseByFirstSight, otherSenders, SEND_WINDOW_MS, SETTLE_DELAY_MS } from "../core/sending/claims";
import { claimEntry, claimId, decisionEntry, dispositionOf, foldLedger, intentEntry, outcomeEntry, releaseEntry, type Ledger, type MessageRecord } from "../core/sending/ledger";
import { MAILBOX_LIMIT, mailboxBudget } from "../core/sending/mailboxBudget";
import type { MessageContent, PlannedMessage } from "../core/sending/model";
import type { MailSender, SendResult } from "../mail/graphSender";
import { systemClock, systemSleep, type Clock, type Sleep } from "../mail/timing";
import { locks, newRuntimeId, nextSeq, nextTimestamp, originOf, type SenderIdentity } from "./runtimeIdentity";
import { draftSkipped, errorText, outcomeOf } from "./sendOutcome";
import { settleByWitness } from "./witnessSettle";
import type { BatchReport, EmlFile, MessageResult, RunBatchDeps } from "./runBatchTypes";

export * from "./runBatchTypes";

/** During a pause, the journal is read again (and a stop looked for) this often; the pane counts down by itself. */
const PAUSE_POLL_MS = 5_000;

/** A message throttled this many times in one run is reported, not retried again. */
const MAX_THROTTLES_PER_MESSAGE = 5;

const DEFAULT_IDENTITY: SenderIdentity = { by: "?", runtime: newRuntimeId(), mailbox: "?" };

/** Whether a batch runs in this runtime (one at a time per runtime). */
export function batchIsRunning(runtime = DEFAULT_IDENTITY.runtime): boolean {
  return locks().has(runtime);
}

export async function runBatch(messages: readonly PlannedMessage[], deps: RunBatchDeps): Promise<BatchReport> {
  const identity = deps.identity ?? DEFAULT_IDENTITY;
  const held = locks();
  const notReached = (reason: string): BatchReport => ({
    results: messages.map((message) => ({ message, kind: "nonTraite", reason, journalled: false })),
    stopped: reason,
    files: [],
  });
  if (held.has(identity.runtime)) return notReached("un envoi est déjà en cours : attendez qu'il se termine");
  held.add(identity.runtime);
  try {
    const runner = new Runner(messages, deps, identity);
    try {
      await runner.refresh();
    } catch (error) {
      return notReached(`journal des relances illisible (${errorText(error)}) : rien n'a été envoyé`);
    }
    return await runner.run();
  } finally {
    held.delete(identity.runtime);
  }
}

class Runner {
  private ledger: Ledger = foldLedger([]);
  private readonly firstSeen = new Map<string, number>();
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly results: MessageResult[] = [];
  private readonly files: EmlFile[] = [];
  private stopped: string | undefined;
  private lastStamp: string | undefined;
  private readonly throttles = new Map<string, number>();

  constructor(
    private readonly messages: readonly PlannedMessage[],
    private readonly deps: RunBatchDeps,
    private readonly identity: SenderIdentity,
  ) {
    this.clock = deps.clock ?? (deps.timestamp ? { now: () => Date.parse(deps.timestamp!()) } : systemClock);
    this.sleep = deps.sleep ?? systemSleep;
  }

  private view() {
    return leaseByFirstSight(this.clock.now(), this.firstSeen);
  }

  async refresh(): Promise<void> {
    this.ledger = foldLedger(await this.deps.loadJournal());
    const now = this.clock.now();
    for (const record of this.ledger.records.values()) for (const claim of record.claims) if (!this.firstSeen.has(claim.id)) this.firstSeen.set(claim.id, now);
    this.deps.onOthers?.(otherSenders(this.ledger, this.identity.runtime, this.view()));
  }

  /** A timestamp no earlier than any row seen, nor than our previous one. */
  private stamp(): string {
    const latest = [latestTimestamp(this.ledger), this.lastStamp].filter((t): t is string => t !== undefined).sort((a, b) => Date.parse(a) - Date.parse(b)).pop();
    this.lastStamp = nextTimestamp(this.clock.now(), latest);
    return this.lastStamp;
  }

  private seqFloor: number | undefined;

  private origin(extra: Parameters<typeof originOf>[2] = {}) {
    // Above any row this runtime id already has in the journal (read once: later rows are ours, counted by nextSeq).
    this.seqFloor ??= this.ledger.entries.reduce((max, e) => (e.origin?.runtime === this.identity.runtime ? Math.max(max, e.origin.seq + 1) : max), 0);
    return originOf(this.identity, nextSeq(this.identity.runtime, this.seqFloor), extra);
  }

  /** Appends; undefined when written, else the reason. */
  async append(entries: readonly JournalEntry[]): Promise<string | undefined> {
    for (const entry of entries) {
      const checked = validateEntry(entry);
      if (!checked.ok) return `entrée de journal invalide (${checked.errors.join(" ; ")})`;
    }
    try {
      await this.deps.append(entries);
    } catch (error) {
      return errorText(error);
    }
    this.ledger = foldLedger([...this.ledger.entries, ...entries]);
    return undefined;
  }

  private finish(result: MessageResult): void {
    this.results.push(result);
    this.deps.onProgress?.({ done: this.results.length, total: this.messages.length, result });
  }

  private stopAll(queue: PlannedMessage[], reason: string): void {
    this.stopped ??= reason;
    for (const message of queue.splice(0)) this.results.push({ message, kind: "nonTraite", reason: this.stopped, journalled: false });
  }

  async run(): Promise<BatchReport> {
    const queue = [...this.messages];
    while (queue.length > 0) {
      if (this.stopped !== undefined) break;
      if (this.deps.shouldStop?.()) {
        this.stopAll(queue, "envoi arrêté à votre demande");
        break;
      }
      if (this.deps.transport.kind === "eml") {
        await this.prepareDraft(queue);
        continue;
      }
      try {
        await this.refresh();
      } catch (error) {
        this.stopAll(queue, `journal des relances illisible (${errorText(error)}) : envoi arrêté`);
        break;
      }
      if (!(await this.waitForPause(queue))) break;
      const group: Array<{ message: PlannedMessage; attempt: number; content: MessageContent }> = [];
      while (queue.length > 0 && group.length < CLAIM_GROUP && this.stopped === undefined) {
        const message = queue.shift()!;
        const attempt = await this.sendableAttempt(message);
        if (attempt === undefined) continue;
        const content = await this.composeFor(message, attempt);
        if (content) group.push({ message, attempt, content });
      }
      if (group.length === 0) continue;
      await this.sendGroup(group, queue);
    }
    const position = new Map(this.messages.map((message, index) => [message, index]));
    const results = [...this.results].sort((a, b) => (position.get(a.message) ?? 0) - (position.get(b.message) ?? 0));
    return { results, files: this.files, ...(this.stopped !== undefined && { stopped: this.stopped }) };
  }

  /** Waits out a Retry-After recorded on the mailbox; false when the user stopped meanwhile. */
  private async waitForPause(queue: PlannedMessage[]): Promise<boolean> {
    for (;;) {
      const budget = mailboxBudget(this.ledger, { mailbox: this.identity.mailbox, ownRuntime: this.identity.runtime, ownClaimOrder: Infinity, now: this.clock.now(), view: this.view() });
      if (budget.pauseUntil === undefined) {
        this.deps.onPause?.(undefined);
        return true;
      }
      this.deps.onPause?.(budget.pauseUntil);
      if (this.deps.shouldStop?.()) {
        this.deps.onPause?.(undefined);
        this.stopAll(queue, "envoi arrêté à votre demande pendant la pause imposée par Microsoft 365");
        return false;
      }
      await this.sleep(Math.min(PAUSE_POLL_MS, budget.pauseUntil - this.clock.now()));
      await this.refresh();
    }
  }

  /** The attempt to claim, or undefined when the message is settled here (result given). */
  private async sendableAttempt(message: PlannedMessage): Promise<number | undefined> {
    for (let round = 0; round < 2; round++) {
      const disposition = dispositionOf(this.ledger, message, this.view());
      switch (disposition.kind) {
        case "send":
          return disposition.attempt;
        case "alreadySent":
          this.finish({ message, kind: "dejaEnvoye", reason: `déjà envoyé (réf. ${disposition.record.reference})`, journalled: true, previous: disposition.record });
          return undefined;
        case "stale":
          this.finish({ message, kind: "perime", reason: "analyse dépassée : actualisez-la", journalled: true, previous: disposition.record });
          return undefined;
        case "claimed":
          this.finish({ message, kind: "autrePoste", reason: `en cours d'envoi par ${disposition.claim.by} (poste ${disposition.claim.runtime})`, journalled: true, previous: disposition.record });
          return undefined;
        case "decide": {
          const settled = round === 0 && (await this.settle(disposition.record));
          if (!settled) {
            this.finish({ message, kind: "aDecider", reason: disposition.record.note ?? "issue inconnue : à vous de décider", journalled: true, previous: disposition.record });
            return undefined;
          }
        }
      }
    }
    return undefined;
  }

  /** Asks the mailbox witness about an uncertain record; true when a decision was recorded. */
  private async settle(record: MessageRecord): Promise<boolean> {
    if (!this.deps.witness || record.status === "prepare") return false;
    const decision = await settleByWitness(this.deps.witness, record, this.clock.now(), this.view());
    if (!decision) return false;
    const entry = decisionEntry(record, decision.decision, this.stamp(), decision.note, this.origin());
    if (!entry) return false;
    const problem = await this.append([entry]);
    if (problem !== undefined) this.stopped ??= `journal des relances impossible à écrire (${problem}) : envoi arrêté`;
    return problem === undefined;
  }

  private async composeFor(message: PlannedMessage, attempt: number): Promise<MessageContent | undefined> {
    try {
      const content = await this.deps.compose(message);
      if (message.attachLetter && !(content.attachments && content.attachments.length > 0)) {
        throw new Error(`l'étape « ${message.stepLabel} » demande la lettre en pièce jointe, et elle n'a pas été produite`);
      }
      return content;
    } catch (error) {
      // Nothing left the PC: a plain failure, recorded without a claim.
      const reason = `message non composé : ${errorText(error)}`;
      const problem = await this.append([outcomeEntry(message, attempt, { kind: "echec", reason }, this.stamp(), this.origin({ requests: 0 }))]);
      this.finish({ message, kind: "echec", reason, journalled: problem === undefined });
      if (problem !== undefined) this.stopped = `journal des relances impossible à écrire (${problem}) : envoi arrêté`;
      return undefined;
    }
  }

  /** The next draft of the queue, after reading the journal again (what a colleague prepared counts). */
  private async prepareDraft(queue: PlannedMessage[]): Promise<void> {
    const unreadable = await this.refresh().then(() => undefined, errorText);
    if (unreadable !== undefined) return this.stopAll(queue, `journal des relances illisible (${unreadable}) : préparation arrêtée`);
    const message = queue.shift()!;
    const disposition = dispositionOf(this.ledger, message, this.view());
    if (disposition.kind !== "send") return this.finish(draftSkipped(message, disposition));
    const content = await this.composeFor(message, disposition.attempt);
    if (!content || this.deps.transport.kind !== "eml") return;
    let file: EmlFile;
    try {
      file = await this.deps.transport.build(message, content);
    } catch (error) {
      this.finish({ message, kind: "echec", reason: `brouillon .eml non produit : ${errorText(error)}`, journalled: false });
      return;
    }
    this.files.push(file);
    const problem = await this.append([outcomeEntry(message, disposition.attempt, { kind: "prepare", detail: file.filename }, this.stamp(), this.origin({ requests: 0 }))]);
    this.finish({ message, kind: "prepare", journalled: problem === undefined, file, ...(problem !== undefined && { reason: `brouillon produit, mais non inscrit au journal (${problem})` }) });
    if (problem !== undefined) this.stopped = `journal des relances impossible à écrire (${problem}) : préparation arrêtée`;
  }

  /** Our claims: "<reference>#<attempt>" -> claim id. */
  private readonly ownClaims = new Map<string, string>();

  /**
   * Gives up claims we won (read after the settle delay): a claim another
   * runtime won must never be released by us, that would let a third one
   * send it while the winner does.
   */
  private async release(all: ReadonlyArray<{ message: PlannedMessage; attempt: number }>, reason: string): Promise<void> {
    const items = all.filter(({ message, attempt }) => {
      const id = this.ownClaims.get(`${message.reference}#${attempt}`);
      return id !== undefined && claimWins(this.ledger, { reference: message.reference, attempt, id });
    });
    if (items.length === 0) return;
    const problem = await this.append(items.map(({ message, attempt }) => releaseEntry(message, attempt, this.stamp(), this.origin({ requests: 0 }), reason)));
    if (problem !== undefined) this.stopped ??= `journal des relances impossible à écrire (${problem}) : envoi arrêté ; les réservations non libérées seront « à décider »`;
  }

  private async sendGroup(group: Array<{ message: PlannedMessage; attempt: number; content: MessageContent }>, queue: PlannedMessage[]): Promise<void> {
    const stamp = this.stamp();
    const claims = group.map((item) => claimEntry(item.message, item.attempt, stamp, this.origin()));
    for (const claim of claims) this.ownClaims.set(claim.id.slice(0, claim.id.indexOf(":")), claim.id);
    const claimProblem = await this.append(claims);
    if (claimProblem !== undefined) {
      // Maybe written, maybe not: a claim left without outcome becomes « à décider », never a send.
      this.stopAll(queue, `journal des relances impossible à écrire (${claimProblem}) : envoi arrêté avant tout envoi`);
      for (const { message } of group) this.results.push({ message, kind: "nonTraite", reason: this.stopped!, journalled: false });
      return;
    }
    const claimedAt = this.clock.now();
    await this.sleep(SETTLE_DELAY_MS);

    for (let i = 0; i < group.length; i++) {
      const { message, attempt, content } = group[i];
      const rest = group.slice(i);
      const giveUp = async (reason: string, requeue: boolean, items = rest) => {
        await this.release(items, reason);
        if (requeue) queue.unshift(...items.map((item) => item.message));
        else for (const item of items) this.results.push({ message: item.message, kind: "nonTraite", reason: this.stopped ?? reason, journalled: false });
      };
      if (this.stopped !== undefined) return giveUp(this.stopped, false);
      if (this.deps.shouldStop?.()) {
        this.stopped = "envoi arrêté à votre demande";
        return giveUp("envoi arrêté à votre demande", false);
      }
      try {
        await this.refresh();
      } catch (error) {
        this.stopped = `journal des relances illisible (${errorText(error)}) : envoi arrêté`;
        return giveUp(this.stopped, false);
      }
      const claim = { reference: message.reference, attempt, id: claimId(message.reference, attempt, claims[i].origin!) };
      if (!claimWins(this.ledger, claim)) {
        const first = this.ledger.records.get(message.reference)?.claims[0];
        this.finish({ message, kind: "autrePoste", reason: `réservé d'abord par ${first?.by ?? "un autre poste"} (poste ${first?.runtime ?? "?"})`, journalled: true });
        continue;
      }
      if (this.clock.now() - claimedAt > SEND_WINDOW_MS) return giveUp("délai de réservation dépassé, réservé de nouveau", true);
      const ownOrder = this.ledger.records.get(message.reference)!.claims[0].order;
      // The sender asks before each request; the first one was allowed just before the intent.
      let requests = 0;
      const gate = {
        acquire: async () => {
          if (++requests > 1) await this.waitBudget(ownOrder, requests);
        },
      };
      if (!(await this.waitBudget(ownOrder, 1))) return giveUp("pause imposée par Microsoft 365", true);

      const intentProblem = await this.append([intentEntry(message, attempt, this.stamp(), this.origin())]);
      if (intentProblem !== undefined) {
        this.stopped = `journal des relances impossible à écrire (${intentProblem}) : envoi arrêté, rien n'est parti pour ${message.client}`;
        return giveUp(this.stopped, false);
      }
      let result: SendResult;
      try {
        const sender: MailSender = (this.deps.transport as { sender: MailSender }).sender;
        const mail = { reference: message.reference, to: message.recipients, subject: content.subject, html: content.html, ...(content.attachments && { attachments: content.attachments }) };
        result = await sender.send(mail, gate);
      } catch (error) {
        result = { status: "unknown", reason: `erreur inattendue pendant l'envoi (${errorText(error)})`, attempts: 1 };
      }
      const pauseMs = result.status === "throttled" || result.status === "unknown" ? result.pauseMs : undefined;
      const outcome = outcomeOf(result);
      const origin = this.origin({ requests: result.attempts, ...(pauseMs !== undefined && { pauseUntil: new Date(this.clock.now() + pauseMs).toISOString() }) });
      const outcomeProblem = await this.append([outcomeEntry(message, attempt, outcome, this.stamp(), origin)]);
      const kind = outcome.kind as "envoye" | "echec" | "inconnu";
      const reason = outcome.kind === "echec" || outcome.kind === "inconnu" ? outcome.reason : undefined;
      if (outcomeProblem !== undefined) {
        this.stopped =
          `journal des relances impossible à écrire (${outcomeProblem}) : l'issue de l'envoi à ${message.client} ` +
          `(${kind === "envoye" ? "envoyé" : kind === "echec" ? "échec" : "inconnue"}) n'y est pas ; à la reprise il sera « à décider ». Envoi arrêté`;
      }
      const throttled = result.status === "throttled" && (this.throttles.get(message.reference) ?? 0) < MAX_THROTTLES_PER_MESSAGE;
      if (throttled && outcomeProblem === undefined) {
        this.throttles.set(message.reference, (this.throttles.get(message.reference) ?? 0) + 1);
        await this.release(group.slice(i + 1), "pause imposée par Microsoft 365 (429)");
        queue.unshift(message, ...group.slice(i + 1).map((item) => item.message));
        return;
      }
      this.finish({ message, kind, journalled: outcomeProblem === undefined, ...(reason !== undefined && { reason }) });
      if (outcomeProblem !== undefined) return giveUp(this.stopped!, false, group.slice(i + 1));
      if (pauseMs !== undefined) {
        await this.release(group.slice(i + 1), "pause imposée par Microsoft 365");
        queue.unshift(...group.slice(i + 1).map((item) => item.message));
        return;
      }
    }
  }

  /**
   * Waits until request number `request` of a send fits the mailbox's budget.
   * Before the first request, false when a pause is recorded (the group is given up).
   */
  private async waitBudget(ownOrder: number, request: number): Promise<boolean> {
    for (;;) {
      const budget = mailboxBudget(this.ledger, { mailbox: this.identity.mailbox, ownRuntime: this.identity.runtime, ownClaimOrder: ownOrder, now: this.clock.now(), view: this.view() });
      if (request === 1 && budget.pauseUntil !== undefined) return false;
      if (budget.used + request <= MAILBOX_LIMIT) return true;
      await this.sleep(budget.retryAt - this.clock.now());
      await this.refresh();
    }
  }
}
