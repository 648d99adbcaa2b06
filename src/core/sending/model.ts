/**
 * What the sending code passes around: a planned message (who, which
 * invoices, which step, which day), its content (composed by the letters
 * module, or by defaultContent.ts until it is plugged in), and the outcome of
 * one attempt.
 */
import type { EpochDay } from "../calendar";
import type { Channel } from "../escalation/scenario";
import type { ClientCase } from "../escalation/workflow";
import type { Cents } from "../money";

export interface PlannedLine {
  readonly numero: string;
  readonly dateFacture?: EpochDay;
  readonly echeance: EpochDay;
  readonly amountDue: Cents;
  /** Penalties or interest as of the message's date; absent when a rate is missing. */
  readonly interest?: Cents;
  readonly indemnity: Cents;
  readonly daysLate: number;
}

/** One e-mail to send: one client, one scenario step, the invoices due for it. */
export interface PlannedMessage {
  /** messageKeyOf(...).reference: the journal's « Référence document ». */
  readonly reference: string;
  /** messageKeyOf(...).canonical. */
  readonly key: string;
  /** The day the message is dated and its amounts are stated. */
  readonly date: EpochDay;
  readonly clientKey: string;
  readonly client: string;
  readonly stepId: string;
  readonly stepLabel: string;
  readonly stepIndex: number;
  /** The channel the scenario gives the step: a courrier step is e-mailed with its letter attached. */
  readonly stepChannel: Channel;
  /** Letter template of the step (scenario.letterTemplateOf). */
  readonly letterTemplateId: string;
  /** The step calls for a letter: attach its PDF. */
  readonly attachLetter: boolean;
  /** Unique, sorted (messageKey.sortedInvoices). */
  readonly invoices: readonly string[];
  readonly recipients: readonly string[];
  /** The invoices' lines, in the order of `invoices`. */
  readonly lines: readonly PlannedLine[];
  readonly principal: Cents;
  readonly interest?: Cents;
  readonly indemnity: Cents;
  readonly total?: Cents;
  /** The case the message was planned from, for the letters module. */
  readonly clientCase: ClientCase;
}

export interface MessageAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * The interface between sending and the letters module: what an e-mail says.
 * Every value merged into `html` must already be HTML-escaped.
 */
export interface MessageContent {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** The letter's PDF when message.attachLetter (or any other attachment). */
  readonly attachments?: readonly MessageAttachment[];
}

export type ComposeMessage = (message: PlannedMessage) => Promise<MessageContent>;

/** How one attempt ended, as the journal records it. */
export type SendOutcome =
  | { readonly kind: "envoye"; readonly detail?: string }
  | { readonly kind: "echec"; readonly reason: string }
  /** The request may have reached the server: never resent without the user's decision. */
  | { readonly kind: "inconnu"; readonly reason: string }
  | { readonly kind: "prepare"; readonly detail?: string };
