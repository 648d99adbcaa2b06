/**
 * The invoices a report is made of, one ReportLine each, as of the report
 * date ("arrêté au").
 *
 * Two sources:
 * - reportLinesFromCases: the ClientCase list of buildCases, built with
 *   `today` = the report date. It only holds the invoices in escalation
 *   (their first scenario step has come), so the invoices not yet due beyond
 *   that step (J-5 by default) are missing from it: fine for a dashboard of
 *   the cases, not for a balance âgée.
 * - reportLinesFromWorkflow: invoices + journal state + scenario + rate book.
 *   It runs buildCases as of the report date and adds back every unpaid
 *   invoice buildCases set aside as "not yet to be chased", with what may be
 *   claimed on it (claim.ts, the same rules as the cases), so that the "Non
 *   échu" bucket and the total receivables are complete.
 *
 * Amounts are what the list and the journal say is owed now: the journal
 * records payments without letting us rewind them, so a report dated in the
 * past ages today's balances at that date (days late and penalties are
 * computed at the report date).
 */
import { textOf } from "../messages";
import type { EpochDay } from "../calendar";
import { claimFor, type DebtorKind } from "../escalation/claim";
import type { Scenario } from "../escalation/scenario";
import { invoiceStateOf, type JournalState } from "../escalation/state";
import { buildCases, type ClientCase, type InvoiceLine, type WorkflowResult } from "../escalation/workflow";
import { invoiceKeyOf } from "../ledger/clientKey";
import type { Invoice } from "../ledger/invoiceRow";
import type { Cents } from "../money";
import { MissingRate, type RateBook } from "../rates/rateBook";

export interface ReportLine {
  readonly clientKey: string;
  readonly client: string;
  readonly numero: string;
  /** Owed at the report date, in cents (always > 0). */
  readonly amount: Cents;
  /** Report date minus due date: 0 or less while not yet due. */
  readonly daysPastDue: number;
  /** An open dispute: out of the aging buckets, in the "En litige" column. */
  readonly disputed: boolean;
  /** Penalties (or legal / moratory interest) claimable; undefined when a rate is missing. */
  readonly penalties?: Cents;
  readonly missingRate?: string;
  /** The furthest scenario step done. */
  readonly lastStep?: { readonly index: number; readonly label: string };
  /** The latest promise to pay recorded (one journal entry may cover several invoices). */
  readonly promise?: { readonly entryId: string; readonly until: EpochDay; readonly amount: Cents };
}

function lineOf(line: InvoiceLine, asOf: EpochDay): ReportLine {
  const { invoice } = line;
  return {
    clientKey: invoice.clientKey,
    client: invoice.client,
    numero: invoice.numero,
    amount: line.amountDue,
    daysPastDue: asOf - invoice.echeance,
    disputed: line.status === "litige",
    ...(line.interest !== undefined && { penalties: line.interest }),
    ...(line.missingRate !== undefined && { missingRate: textOf(line.missingRate, "fr") }),
    ...(line.lastStep && { lastStep: { index: line.lastStep.index, label: line.lastStep.label } }),
    ...(line.promise && { promise: { entryId: line.promise.entryId, until: line.promise.until, amount: line.promise.amount } }),
  };
}

/**
 * Lines of the cases, escalated and disputed invoices alike. `asOf` must be
 * the `today` the cases were built with.
 */
export function reportLinesFromCases(cases: readonly ClientCase[], asOf: EpochDay): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const clientCase of cases) {
    for (const line of clientCase.lines) if (line.amountDue > 0) lines.push(lineOf(line, asOf));
    for (const line of clientCase.disputed) if (line.amountDue > 0) lines.push(lineOf(line, asOf));
  }
  return lines;
}

export interface ReportWorkflowInput {
  readonly invoices: readonly Invoice[];
  readonly journal: JournalState;
  readonly scenario: Scenario;
  readonly book: RateBook;
  /** The report date: buildCases runs with it as `today`. */
  readonly asOf: EpochDay;
}

function debtorKindOf(invoice: Invoice): DebtorKind {
  if (invoice.particulier) return "particulier";
  if (invoice.acheteurPublic) return "acheteurPublic";
  return "professionnel";
}

/** An unpaid invoice buildCases left aside: its first step has not come, no journal entry names it. */
function setAsideLine(invoice: Invoice, amount: Cents, input: ReportWorkflowInput): ReportLine {
  const kind = debtorKindOf(invoice);
  const claim = claimFor({
    book: input.book,
    kind,
    amountDue: amount,
    echeance: invoice.echeance,
    today: input.asOf,
    payments: [],
    contractRate: kind === "professionnel" ? invoice.tauxContractuel : undefined,
  });
  return {
    clientKey: invoice.clientKey,
    client: invoice.client,
    numero: invoice.numero,
    amount,
    daysPastDue: input.asOf - invoice.echeance,
    disputed: false,
    ...(claim.interest instanceof MissingRate ? { missingRate: claim.interest.message } : { penalties: claim.interest }),
  };
}

/** Every unpaid invoice as of the report date, with the cases it was built from. */
export function reportLinesFromWorkflow(input: ReportWorkflowInput): { lines: ReportLine[]; workflow: WorkflowResult } {
  const workflow = buildCases(input.invoices, input.journal, { scenario: input.scenario, book: input.book, today: input.asOf });
  const lines = reportLinesFromCases(workflow.cases, input.asOf);
  const inCases = new Set(lines.map((line) => invoiceKeyOf(line.clientKey, line.numero)));
  for (const invoice of input.invoices) {
    if (invoice.datePaiement !== undefined) continue;
    const state = invoiceStateOf(input.journal, invoice.clientKey, invoice.numero);
    const owed = Math.min(invoice.montant, state?.balance ?? invoice.montant);
    if (owed <= 0 || inCases.has(invoiceKeyOf(invoice.clientKey, invoice.numero))) continue;
    lines.push(setAsideLine(invoice, owed, input));
  }
  return { lines, workflow };
}
