/**
 * The morning list: one case per client, built from the validated invoices
 * of the selection and the state derived from the journal.
 *
 * An invoice takes part in escalation when it is unpaid (no payment date in
 * the list, something still owed) and its first scenario step has come.
 * Disputed invoices are listed aside in their client's case and left out of
 * its totals and steps until the dispute is resolved. Each invoice gets its
 * amount due, days late, what may be claimed besides the principal (claim.ts:
 * professional, consumer and public-buyer rules), its aging bucket, last step
 * done, next step and the day it becomes due, and French warnings
 * (prescription near, contractual rate under the legal floor, promise not
 * kept, plan instalment unpaid, missing rate). Nothing here guesses: an
 * unknown rate leaves the interest undefined with the reason.
 */
import { formatDateFr, type EpochDay } from "../calendar";
import { bucketIndex, bucketLabels, DEFAULT_BOUNDS } from "../aging";
import { minimumContractRate } from "../interest";
import type { Invoice } from "../ledger/invoiceRow";
import { formatCentsFr, formatRateFr, RATE_SCALE, type Cents } from "../money";
import { prescriptionDay, PRESCRIPTION_YEARS_CONSUMER, PRESCRIPTION_YEARS_PROFESSIONAL } from "../prescription";
import { MissingRate, type RateBook } from "../rates/rateBook";
import { plural } from "../text";
import { claimFor, type DebtorKind, type InterestKind, type InterestLowerBound } from "./claim";
import type { RateKind } from "../rates/kinds";
import { suggestProcedure, type ProcedureSuggestion } from "./legalAction";
import { nextStep } from "./nextStep";
import { passesFormalNotice, proposedStartIndex, stepFloor } from "./startStep";
import { isFormalNotice, type Channel, type Scenario } from "./scenario";
import { invoiceStateOf, type DisputeState, type InvoiceState, type JournalState, type LegalActionState, type PlanState, type PromiseState } from "./state";

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
  /** The proposal passes the formal notice, and none is recorded: the user should record it or send it first. */
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
  readonly missingRate?: string;
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

export interface MissingRateRef {
  readonly kind: RateKind;
  readonly semester: number;
  /** False for a semester older than the tables: nobody can enter it. */
  readonly enterable: boolean;
}

export interface StepGroup extends StepView {
  /** Invoice numbers for which this step is due now: one journal entry each group. */
  readonly invoices: readonly string[];
}

export interface ClientCase {
  readonly clientKey: string;
  readonly client: string;
  readonly contact: {
    readonly email?: string;
    readonly contact?: string;
    readonly adresse?: string;
    readonly codePostal?: string;
    readonly ville?: string;
    readonly siren?: string;
  };
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
  readonly missingRates: readonly string[];
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

// ---------------------------------------------------------------------------

function debtorKindOf(invoice: Invoice): DebtorKind {
  if (invoice.particulier) return "particulier";
  if (invoice.acheteurPublic) return "acheteurPublic";
  return "professionnel";
}

function stepView(scenario: Scenario, index: number): StepView {
  const step = scenario[index];
  return { index, id: step.id, label: step.label, channel: step.channel };
}

function instalmentViews(plan: PlanState, today: EpochDay): InstalmentView[] {
  return plan.instalments.map((item) => {
    const paidUp = item.paid >= item.amount;
    const late = !paidUp && item.date < today;
    return {
      date: item.date,
      amount: item.amount,
      paid: item.paid,
      daysLate: late ? today - item.date : 0,
      status: paidUp ? "payee" : late ? "enRetard" : "aVenir",
    };
  });
}

function prescriptionView(invoice: Invoice, state: InvoiceState | undefined, today: EpochDay, warningDays: number): PrescriptionView {
  const interruption = state?.interruption;
  const from = interruption !== undefined && interruption > invoice.echeance ? interruption : invoice.echeance;
  const date = prescriptionDay(from, invoice.particulier);
  const daysLeft = date - today;
  const years = invoice.particulier ? PRESCRIPTION_YEARS_CONSUMER : PRESCRIPTION_YEARS_PROFESSIONAL;
  const basis = `${years} ans depuis le ${formatDateFr(from)}${from === invoice.echeance ? " (échéance)" : " (dernier paiement ou reconnaissance de dette)"}`;
  if (daysLeft < 0) {
    return { from, date, daysLeft, warning: `créance prescrite depuis le ${formatDateFr(date)} (${basis}) : le débiteur peut refuser de payer` };
  }
  if (daysLeft <= warningDays) {
    return {
      from,
      date,
      daysLeft,
      warning:
        `prescription le ${formatDateFr(date)}, dans ${plural(daysLeft, "jour")} (${basis}) : ` +
        "obtenez une reconnaissance de dette ou un paiement partiel, ou engagez l'action (une mise en demeure n'interrompt pas la prescription)",
    };
  }
  return { from, date, daysLeft };
}

function contractRateWarning(invoice: Invoice, book: RateBook): string | undefined {
  if (invoice.tauxContractuel === undefined || invoice.particulier || invoice.acheteurPublic) return undefined;
  const day = invoice.dateFacture ?? invoice.echeance;
  const minimum = minimumContractRate(book, day);
  if (minimum instanceof MissingRate) return `taux contractuel non vérifiable : ${minimum.message}`;
  if (invoice.tauxContractuel >= minimum) return undefined;
  return (
    `taux contractuel de ${formatRateFr(invoice.tauxContractuel / RATE_SCALE)} inférieur au minimum légal de ` +
    `${formatRateFr(minimum / RATE_SCALE)} au ${formatDateFr(day)} (3 fois le taux d'intérêt légal, art. L441-10 C. com.) : ` +
    "corrigez vos conditions générales ; les pénalités sont calculées au taux contractuel saisi"
  );
}

function buildLine(invoice: Invoice, journal: JournalState, options: WorkflowOptions, labels: readonly string[]): InvoiceLine {
  const { scenario, book, today } = options;
  const bounds = options.agingBounds ?? DEFAULT_BOUNDS;
  const state = invoiceStateOf(journal, invoice.clientKey, invoice.numero);
  const amountDue = Math.max(0, Math.min(invoice.montant, state?.balance ?? invoice.montant));
  const daysLate = Math.max(0, today - invoice.echeance);
  const bucket = bucketIndex(today - invoice.echeance, bounds);
  const debtorKind = debtorKindOf(invoice);
  const warnings: string[] = [];

  const claim = claimFor({
    book,
    kind: debtorKind,
    amountDue,
    echeance: invoice.echeance,
    today,
    // Payments the journal records; else the list's credits imputed on the invoice (never both: the same payment twice would double its interest).
    payments: state?.payments?.length ? state.payments : (invoice.settlements ?? []).map((s) => ({ date: s.date, amount: s.cents })),
    contractRate: debtorKind === "professionnel" ? invoice.tauxContractuel : undefined,
    formalNoticeDate: state?.formalNoticeDate,
  });
  const interest = claim.interest instanceof MissingRate ? undefined : claim.interest;
  const missingRate = claim.interest instanceof MissingRate ? claim.interest.message : undefined;
  const missingRateOf = claim.interest instanceof MissingRate ? { kind: claim.interest.kind, semester: claim.interest.semester, enterable: claim.interest.enterable } : undefined;
  if (missingRate) warnings.push(missingRate);

  const rateWarning = contractRateWarning(invoice, book);
  if (rateWarning) warnings.push(rateWarning);

  const lastStep = state?.lastStep && state.lastStep.index >= 0 ? { ...stepView(scenario, state.lastStep.index), date: state.lastStep.date } : undefined;

  // Pauses: a running promise, a plan whose next instalment has not come yet.
  let pausedUntil: EpochDay | undefined;
  let pauseKind: "enPause" | "echeancier" | undefined;
  const promise = state?.promise && { ...state.promise, active: state.promise.until >= today };
  if (promise?.active) {
    pausedUntil = promise.until;
    pauseKind = "enPause";
  } else if (promise) {
    const paidSince = (state?.payments ?? []).filter((p) => p.date >= promise.date).reduce((sum, p) => sum + p.amount, 0);
    if (paidSince < promise.amount) {
      warnings.push(
        `promesse non tenue : ${formatCentsFr(promise.amount)} promis pour le ${formatDateFr(promise.until)}, ${formatCentsFr(paidSince)} reçus depuis`,
      );
    }
  }
  const planState = state?.planId === undefined ? undefined : journal.plans.get(state.planId);
  const plan = planState && !planState.superseded ? { id: planState.id, instalments: instalmentViews(planState, today) } : undefined;
  if (plan) {
    const late = plan.instalments.filter((item) => item.status === "enRetard");
    const coming = plan.instalments.find((item) => item.status === "aVenir");
    if (late.length > 0) {
      for (const item of late) {
        warnings.push(`échéancier non respecté : échéance du ${formatDateFr(item.date)} (${formatCentsFr(item.amount - item.paid)}) impayée depuis ${plural(item.daysLate, "jour")}`);
      }
    } else if (coming && (pausedUntil === undefined || coming.date > pausedUntil)) {
      pausedUntil = coming.date;
      pauseKind = pauseKind ?? "echeancier";
    }
  }

  const prescription = prescriptionView(invoice, state, today, options.prescriptionWarningDays ?? DEFAULT_PRESCRIPTION_WARNING_DAYS);
  if (prescription.warning) warnings.push(prescription.warning);

  let status: LineStatus;
  let next: NextStepView | undefined;
  if (state?.dispute?.open) {
    status = "litige";
  } else if (state?.legalAction) {
    status = "procedure";
  } else {
    // An old debt without any history starts at the step its delay reaches, proposed.
    const proposed = journal.clients.has(invoice.clientKey) ? undefined : proposedStartIndex(scenario, today - invoice.echeance);
    const found = nextStep(scenario, invoice.echeance, today, proposed === undefined ? stepFloor(state) : proposed - 1, pausedUntil);
    if (found.kind === "none") {
      status = "termine";
    } else {
      const proposal = proposed === found.index && { proposed: true as const, ...(passesFormalNotice(scenario, proposed) && { withoutFormalNotice: true as const }) };
      next = { ...stepView(scenario, found.index), dueOn: found.dueOn, dueNow: found.kind === "due", ...proposal };
      status = found.kind === "due" ? "aRelancer" : pausedUntil !== undefined ? pauseKind! : "planifiee";
    }
  }

  return {
    invoice,
    ...(state && { state }),
    debtorKind,
    amountDue,
    daysLate,
    bucket,
    bucketLabel: labels[bucket],
    interestKind: claim.interestKind,
    ...(interest !== undefined && { interest, total: amountDue + interest + claim.indemnity }),
    indemnity: claim.indemnity,
    ...(missingRate !== undefined && { missingRate }),
    ...(missingRateOf && { missingRateOf }),
    ...(claim.atLeast && { interestAtLeast: claim.atLeast }),
    ...(lastStep && { lastStep }),
    ...(next && { next }),
    status,
    ...(pausedUntil !== undefined && status !== "litige" && status !== "procedure" && { pausedUntil }),
    ...(promise && { promise }),
    ...(state?.dispute && { dispute: state.dispute }),
    ...(plan && { plan }),
    ...(state?.legalAction && { legalAction: state.legalAction }),
    prescription,
    warnings,
  };
}

function moreUrgent(a: NextStepView, b: NextStepView): boolean {
  if (a.dueNow !== b.dueNow) return a.dueNow;
  if (a.dueNow) return a.index > b.index || (a.index === b.index && a.dueOn < b.dueOn);
  return a.dueOn < b.dueOn || (a.dueOn === b.dueOn && a.index > b.index);
}

function buildCase(clientKey: string, lines: InvoiceLine[], disputed: InvoiceLine[], scenario: Scenario, labels: readonly string[]): ClientCase {
  const all = [...lines, ...disputed];
  const first = all[0].invoice;
  const contact: Record<string, string> = {};
  for (const field of ["email", "contact", "adresse", "codePostal", "ville", "siren"] as const) {
    const value = all.find((line) => line.invoice[field] !== undefined)?.invoice[field];
    if (value !== undefined) contact[field] = value;
  }

  let principal = 0;
  let interest: Cents | undefined = 0;
  let indemnity = 0;
  let daysLate = 0;
  let bucket = 0;
  let lastStep: ClientCase["lastStep"];
  let next: NextStepView | undefined;
  const missingRates = new Set<string>();
  const missingRefs = new Map<string, MissingRateRef>();
  let atLeast: InterestLowerBound | undefined = { cents: 0, through: Number.POSITIVE_INFINITY };
  const groups = new Map<number, string[]>();
  for (const line of lines) {
    principal += line.amountDue;
    interest = interest === undefined || line.interest === undefined ? undefined : interest + line.interest;
    indemnity += line.indemnity;
    if (line.missingRate) missingRates.add(line.missingRate);
    if (line.missingRateOf) missingRefs.set(`${line.missingRateOf.kind}:${line.missingRateOf.semester}`, line.missingRateOf);
    if (atLeast && line.interest !== undefined) atLeast = { ...atLeast, cents: atLeast.cents + line.interest };
    else if (atLeast && line.interestAtLeast) atLeast = { cents: atLeast.cents + line.interestAtLeast.cents, through: Math.min(atLeast.through, line.interestAtLeast.through) };
    else atLeast = undefined;
    daysLate = Math.max(daysLate, line.daysLate);
    bucket = Math.max(bucket, line.bucket);
    if (line.lastStep && (!lastStep || line.lastStep.index > lastStep.index || (line.lastStep.index === lastStep.index && line.lastStep.date > lastStep.date))) {
      lastStep = line.lastStep;
    }
    if (line.next && (!next || moreUrgent(line.next, next))) next = line.next;
    if (line.next?.dueNow) groups.set(line.next.index, [...(groups.get(line.next.index) ?? []), line.invoice.numero]);
  }
  const stepGroups = [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([index, invoices]) => ({ ...stepView(scenario, index), invoices }));

  const legalSuggestion = suggestProcedure(principal, interest);
  const relevant = lines.some(
    (line) =>
      line.status === "procedure" ||
      line.status === "termine" ||
      line.next?.channel === "action" ||
      (line.lastStep !== undefined && isFormalNotice(scenario[line.lastStep.index])),
  );
  const warnings = all.flatMap((line) => line.warnings.map((warning) => `Facture ${line.invoice.numero} : ${warning}`));

  return {
    clientKey,
    client: first.client,
    contact,
    lines,
    disputed,
    principal,
    ...(interest !== undefined && { interest, total: principal + interest + indemnity }),
    indemnity,
    disputedPrincipal: disputed.reduce((sum, line) => sum + line.amountDue, 0),
    missingRates: [...missingRates],
    missingRateRefs: [...missingRefs.values()].sort((a, b) => a.semester - b.semester),
    ...(interest === undefined && atLeast && Number.isFinite(atLeast.through) && { interestAtLeast: atLeast }),
    daysLate,
    bucket,
    bucketLabel: labels[bucket],
    ...(lastStep && { lastStep }),
    ...(next && { next }),
    stepGroups,
    legal: { ...legalSuggestion, relevant },
    warnings,
  };
}

/**
 * Cases per client, most urgent first: steps due now, then the latest
 * invoices, then by client name.
 */
export function buildCases(invoices: readonly Invoice[], journal: JournalState, options: WorkflowOptions): WorkflowResult {
  const { scenario, today } = options;
  const labels = bucketLabels(options.agingBounds ?? DEFAULT_BOUNDS);
  const firstOffset = scenario.length > 0 ? scenario[0].offsetDays : 0;
  const byClient = new Map<string, { lines: InvoiceLine[]; disputed: InvoiceLine[] }>();
  let notYetDue = 0;
  let settled = 0;

  const ordered = [...invoices].sort((a, b) => a.echeance - b.echeance || a.sheetRow - b.sheetRow);
  for (const invoice of ordered) {
    const state = invoiceStateOf(journal, invoice.clientKey, invoice.numero);
    const owed = Math.min(invoice.montant, state?.balance ?? invoice.montant);
    if (invoice.datePaiement !== undefined || owed <= 0) {
      settled++;
      continue;
    }
    if (today - invoice.echeance < firstOffset && state === undefined) {
      notYetDue++;
      continue;
    }
    const line = buildLine(invoice, journal, options, labels);
    let group = byClient.get(invoice.clientKey);
    if (!group) byClient.set(invoice.clientKey, (group = { lines: [], disputed: [] }));
    (line.status === "litige" ? group.disputed : group.lines).push(line);
  }

  const cases = [...byClient.entries()].map(([clientKey, group]) => buildCase(clientKey, group.lines, group.disputed, scenario, labels));
  cases.sort(
    (a, b) =>
      Number(b.next?.dueNow ?? false) - Number(a.next?.dueNow ?? false) ||
      b.daysLate - a.daysLate ||
      (a.client < b.client ? -1 : a.client > b.client ? 1 : 0),
  );

  const journalWarnings = [
    ...journal.duplicates.map((d) => `Journal : l'entrée « ${d.id} » figure deux fois ; la seconde est ignorée.`),
    ...journal.unknownSteps.map((u) => `Journal : l'étape « ${u.stepId} » n'existe plus dans le scénario ; elle ne compte pas comme faite.`),
  ];
  return { cases, notYetDue, settled, journalWarnings };
}
