/**
 * What the morning list shows (workflow.ts builds it): the options it is
 * built with, one line per invoice with its status, amounts, steps and
 * warnings, one case per client with its totals and the steps due now.
 */
import type { EpochDay } from "../calendar";
import type { Invoice } from "../ledger/invoiceRow";
import type { Message } from "../messages";
import type { Cents } from "../money";
import type { RateBook } from "../rates/rateBook";
import type { DebtorKind, InterestKind, InterestLowerBound } from "./claim";
import type { RateKind } from "../rates/kinds";
import type { ProcedureSuggestion } from "./legalAction";
import type { Channel, Scenario } from "./scenario";
import type { DisputeState, InvoiceState, LegalActionState, PromiseState } from "./state";

export const DEFAULT_PRESCRIPTION_WARNING_DAYS = 90;

export interface WorkflowOptions {
  readonly scenario: Scenario;
  readonly book: RateBook;
  /** The user's today (the pane's clock), as an epoch day. */
  readonly today: EpochDay;
  /** Warn when prescription is this close (90 days by default). */
  readonly prescriptionWarningDays?: number;
  readonly agingBounds?: readonly number[];
}

export type LineStatus =
  /** A step is due now. */
  | "aRelancer"
  /** The next step comes later, by the calendar. */
  | "planifiee"
  /** A promise to pay runs: nothing until the day after it. */
  | "enPause"
  /** A payment plan is being honoured: nothing until its next instalment. */
  | "echeancier"
  | "litige"
  /** Handed over to legal action. */
  | "procedure"
  /** Every scenario step done, no legal action recorded. */
  | "termine";

export interface StepView {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly channel: Channel;
}

export interface NextStepView extends StepView {
  readonly dueOn: EpochDay;
  readonly dueNow: boolean;
  /** Proposed for a client without history from the debt's delay, for the user to confirm (startStep.ts). */
  readonly proposed?: true;
  /**
   * The delay reaches past the formal notice, none is recorded: the proposal
   * stops at it (startStep.ts); the user sends it, or records it if it was sent.
   */
  readonly withoutFormalNotice?: true;
}

export interface InstalmentView {
  readonly date: EpochDay;
  readonly amount: Cents;
  readonly paid: Cents;
  /** Days past the instalment's date while unpaid (0 otherwise). */
  readonly daysLate: number;
  readonly status: "payee" | "aVenir" | "enRetard";
}

export interface PrescriptionView {
  /** Start of the running period: the due date or the last interrupting act. */
  readonly from: EpochDay;
  /** Last day to act. */
  readonly date: EpochDay;
  readonly daysLeft: number;
  readonly warning?: string;
}

export interface InvoiceLine {
  readonly invoice: Invoice;
  readonly state?: InvoiceState;
  readonly debtorKind: DebtorKind;
  /** Owed today: the list's amount net of the list's credits, lowered by the payments the journal records. */
  readonly amountDue: Cents;
  /** Days past the due date (0 when not yet due). */
  readonly daysLate: number;
  readonly bucket: number;
  readonly bucketLabel: string;
  readonly interestKind: InterestKind;
  /** Penalties or interest; undefined when a rate is missing (see missingRate). */
  readonly interest?: Cents;
  readonly indemnity: Cents;
  readonly total?: Cents;
  /** The missing rate, as a message (written in the reader's language). */
  readonly missingRate?: Message;
  /** The rate that is missing, as data (the pane names the semester in its own words). */
  readonly missingRateOf?: MissingRateRef;
  /** With a missing rate: what accrued up to the last day whose rate is known (claim.ts). */
  readonly interestAtLeast?: InterestLowerBound;
  readonly lastStep?: StepView & { readonly date: EpochDay };
  readonly next?: NextStepView;
  readonly status: LineStatus;
  /** Last day of the running pause (promise, honoured plan). */
  readonly pausedUntil?: EpochDay;
  readonly promise?: PromiseState & { readonly active: boolean };
  readonly dispute?: DisputeState;
  readonly plan?: { readonly id: string; readonly instalments: readonly InstalmentView[] };
  readonly legalAction?: LegalActionState;
  readonly prescription: PrescriptionView;
  readonly warnings: readonly string[];
}

export interface StepGroup extends StepView {
  /** Invoice numbers for which this step is due now: one journal entry each group. */
  readonly invoices: readonly string[];
}

export interface ClientCase {
  readonly clientKey: string;
  readonly client: string;
  /** The debtor's particulars, as the list gives them on its invoices. */
  readonly contact: Pick<Invoice, "email" | "contact" | "adresse" | "codePostal" | "ville" | "siren">;
  /** Invoices in escalation, oldest due date first. */
  readonly lines: readonly InvoiceLine[];
  /** Disputed invoices, aside: not in the totals, no step. */
  readonly disputed: readonly InvoiceLine[];
  readonly principal: Cents;
  readonly interest?: Cents;
  readonly indemnity: Cents;
  readonly total?: Cents;
  readonly disputedPrincipal: Cents;
  /** Distinct missing-rate messages of the case's invoices. */
  readonly missingRates: readonly Message[];
  /** Distinct missing rates as data, first missing semester first. */
  readonly missingRateRefs: readonly MissingRateRef[];
  /**
   * With a missing rate: the case's interest known for sure — every invoice's
   * full interest, or what accrued up to its last known day — and the
   * earliest such day. Absent when one invoice has no lower bound.
   */
  readonly interestAtLeast?: InterestLowerBound;
  readonly daysLate: number;
  readonly bucket: number;
  readonly bucketLabel: string;
  /** The furthest step done on any of the case's invoices. */
  readonly lastStep?: StepView & { readonly date: EpochDay };
  /** The most advanced step due now, or else the earliest coming one. */
  readonly next?: NextStepView;
  /** Steps due now and their invoices. */
  readonly stepGroups: readonly StepGroup[];
  /** The procedure for this client's debt; `relevant` once legal action is near. */
  readonly legal: ProcedureSuggestion & { readonly relevant: boolean };
  /** Case warnings, each naming its invoice. */
  readonly warnings: readonly string[];
}

export interface WorkflowResult {
  readonly cases: ClientCase[];
  /** Invoices whose first scenario step has not come yet. */
  readonly notYetDue: number;
  /** Invoices paid according to the list (payment date, nothing owed) or the journal. */
  readonly settled: number;
  /** About the journal itself (duplicate rows, steps missing from the scenario). */
  readonly journalWarnings: readonly string[];
}

export interface MissingRateRef {
  readonly kind: RateKind;
  readonly semester: number;
  /** False for a semester older than the tables: nobody can enter it. */
  readonly enterable: boolean;
}
