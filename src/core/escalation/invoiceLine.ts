/**
 * One invoice of the morning list: what it owes now (the journal's payments
 * counted), days late, what may be claimed besides the principal (claim.ts),
 * its aging bucket, last and next step, its promise, plan, dispute and
 * prescription, and the French warnings that go with them.
 */
import { textOf } from "../messages";
import { formatDateFr, type EpochDay } from "../calendar";
import { bucketIndex, DEFAULT_BOUNDS } from "../aging";
import { minimumContractRate } from "../interest";
import type { Invoice } from "../ledger/invoiceRow";
import { formatCentsFr, formatRateFr, RATE_SCALE } from "../money";
import { prescriptionDay, PRESCRIPTION_YEARS_CONSUMER, PRESCRIPTION_YEARS_PROFESSIONAL } from "../prescription";
import { MissingRate, type RateBook } from "../rates/rateBook";
import { plural } from "../text";
import { claimFor, type DebtorKind } from "./claim";
import { nextStep } from "./nextStep";
import { cappedAtFormalNotice, proposedStartIndex, stepFloor } from "./startStep";
import { isFormalNotice, type Scenario } from "./scenario";
import { invoiceStateOf, type InvoiceState, type JournalState, type PlanState } from "./state";
import { DEFAULT_PRESCRIPTION_WARNING_DAYS, type InstalmentView, type InvoiceLine, type LineStatus, type NextStepView, type PrescriptionView, type StepView, type WorkflowOptions } from "./caseViews";

function debtorKindOf(invoice: Invoice): DebtorKind {
  if (invoice.particulier) return "particulier";
  if (invoice.acheteurPublic) return "acheteurPublic";
  return "professionnel";
}

export function stepView(scenario: Scenario, index: number): StepView {
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

export function buildLine(invoice: Invoice, journal: JournalState, options: WorkflowOptions, labels: readonly string[]): InvoiceLine {
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
  const missingRate = claim.interest instanceof MissingRate ? claim.interest.said : undefined;
  const missingRateOf = claim.interest instanceof MissingRate ? { kind: claim.interest.kind, semester: claim.interest.semester, enterable: claim.interest.enterable } : undefined;
  if (missingRate) warnings.push(textOf(missingRate, "fr"));

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
    const found = nextStep(scenario, invoice.echeance, today, proposed === undefined ? stepFloor(state) : proposed - 1, latestOf(pausedUntil, noticeRunsUntil(scenario, state)));
    if (found.kind === "none") {
      status = "termine";
    } else {
      const proposal = proposed === found.index && { proposed: true as const, ...(cappedAtFormalNotice(scenario, today - invoice.echeance) && { withoutFormalNotice: true as const }) };
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

/**
 * A formal notice gives the debtor a delay (the letter's « sous 8 jours »):
 * the step after it is not due before the scenario's spacing between the two
 * has passed since the notice was sent, however late the invoice (an old debt
 * whose notice is sent today is not taken to court tomorrow). Last day of
 * that wait, or undefined.
 */
function noticeRunsUntil(scenario: Scenario, state: InvoiceState | undefined): EpochDay | undefined {
  const last = state?.lastStep;
  if (!last || last.index < 0 || last.index + 1 >= scenario.length || !isFormalNotice(scenario[last.index])) return undefined;
  return last.date + (scenario[last.index + 1].offsetDays - scenario[last.index].offsetDays) - 1;
}

function latestOf(a: EpochDay | undefined, b: EpochDay | undefined): EpochDay | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
