/** What the batch runner takes and gives back (runBatch.ts). */
import type { JournalEntry } from "../core/escalation/journal";
import type { OtherSender } from "../core/sending/claims";
import type { MessageRecord } from "../core/sending/ledger";
import type { ComposeMessage, MessageContent, PlannedMessage } from "../core/sending/model";
import type { MailSender } from "../mail/graphSender";
import type { SentItemsWitness } from "../mail/sentItemsWitness";
import type { Clock, Sleep } from "../mail/timing";
import type { SenderIdentity } from "./runtimeIdentity";

export interface EmlFile {
  readonly filename: string;
  readonly content: string | Uint8Array;
}

/** Builds an .eml draft (X-Unsent: 1) from a message and its content. */
export type EmlBuilder = (message: PlannedMessage, content: MessageContent) => Promise<EmlFile>;

export type Transport = { readonly kind: "graph"; readonly sender: MailSender } | { readonly kind: "eml"; readonly build: EmlBuilder };

export interface RunBatchDeps {
  /** The journal as it is now in the workbook: read again before every decision. */
  loadJournal(): Promise<readonly JournalEntry[]>;
  /** Appends to the journal; resolves once the rows are in the workbook (synced). */
  append(entries: readonly JournalEntry[]): Promise<void>;
  compose: ComposeMessage;
  transport: Transport;
  /** Who sends, from which runtime and mailbox; default: an anonymous runtime of this session. */
  identity?: SenderIdentity;
  /** Milliseconds now; default the system clock (or `timestamp`, for older callers). */
  clock?: Clock;
  sleep?: Sleep;
  /** ISO timestamp of now (older callers; `clock` is preferred). */
  timestamp?(): string;
  /** Sent Items as a second witness (Mail.Read); without it, uncertain messages go to the user. */
  witness?: SentItemsWitness;
  onProgress?(progress: BatchProgress): void;
  /** A Retry-After holds the mailbox until `until` (ms), or the pause is over (undefined). */
  onPause?(until: number | undefined): void;
  /** Other people or panes sending on this workbook now, and what they claimed. */
  onOthers?(others: readonly OtherSender[]): void;
  /** Asked between messages and during pauses: true stops the batch. */
  shouldStop?(): boolean;
}

export type MessageResultKind =
  | "envoye"
  | "echec"
  | "inconnu"
  | "prepare"
  /** Skipped: sent before. */
  | "dejaEnvoye"
  /** Skipped: an earlier attempt is uncertain (or a draft was prepared): the user decides. */
  | "aDecider"
  /** Skipped: another person or pane claimed it first and sends it. */
  | "autrePoste"
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
  readonly stopped?: string;
  readonly files: readonly EmlFile[];
}
