/**
 * One client's case: its invoice lines added up (amounts, the most urgent
 * next step, the steps due now grouped by step), its contact details and the
 * procedure suggested when the amicable phase is over.
 */
import type { Message } from "../messages";
import type { Cents } from "../money";
import { suggestProcedure } from "./legalAction";
import { isFormalNotice, type Scenario } from "./scenario";
import type { InterestLowerBound } from "./claim";
import type { ClientCase, InvoiceLine, MissingRateRef, NextStepView } from "./caseViews";
import { stepView } from "./invoiceLine";

function moreUrgent(a: NextStepView, b: NextStepView): boolean {
  if (a.dueNow !== b.dueNow) return a.dueNow;
  if (a.dueNow) return a.index > b.index || (a.index === b.index && a.dueOn < b.dueOn);
  return a.dueOn < b.dueOn || (a.dueOn === b.dueOn && a.index > b.index);
}

export function buildCase(clientKey: string, lines: InvoiceLine[], disputed: InvoiceLine[], scenario: Scenario, labels: readonly string[]): ClientCase {
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
  // One Message per MissingRate, itself one per kind and semester: the set keeps each once.
  const missingRates = new Set<Message>();
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
