/**
 * Old debts start where they are (issue 14 §4).
 *
 * A debt imported from the books may already be 429 days late. Without any
 * journal history for its client, the usual rule (never more than one step
 * beyond the last one done) would start it at « Relance 1 ». Instead the
 * step its own delay reaches in the scenario is proposed, marked for the user
 * to confirm; for a case, the most advanced one is its oldest invoice's.
 *
 * The user then either confirms it (a « start » journal entry: from now on
 * the steps before it are not proposed for those invoices), or records the
 * steps already taken elsewhere (« déjà relancé le … », « mise en demeure
 * envoyée le … »): step entries dated on the day they were taken, flagged
 * `recordedLater`, after which the usual rule applies.
 */
import type { EpochDay } from "../calendar";
import type { StartEntry, StepEntry } from "./journal";
import { lastPreDueStepIndex } from "./nextStep";
import { isFormalNotice, stepIndexByDate, stepIndexById, type Scenario } from "./scenario";
import { START_FR } from "./startMessages.fr";
import type { InvoiceState } from "./state";

/**
 * The step to propose for an invoice of a client without journal history,
 * when its delay reaches beyond the usual first step; undefined when the
 * usual rule already proposes the step the delay reaches.
 *
 * Never beyond the formal notice: without history none is recorded, and a
 * French creditor does not go to court without one (it starts the
 * contractual penalties' claim in practice, is expected by the judge before
 * an injonction de payer or a référé, and is the proof the debtor was asked;
 * FACTS.md §7). The user who sent one elsewhere records it (« Déjà fait
 * ailleurs… »), after which the usual rule leads to the next steps.
 */
export function proposedStartIndex(scenario: Scenario, daysLate: number): number | undefined {
  if (daysLate <= 0) return undefined;
  const notice = scenario.findIndex(isFormalNotice);
  const byDelay = stepIndexByDate(scenario, daysLate);
  const reached = notice >= 0 ? Math.min(byDelay, notice) : byDelay;
  const usual = lastPreDueStepIndex(scenario) + 1;
  return reached > usual ? reached : undefined;
}

/** The delay reaches past the formal notice, where the proposal stops (proposedStartIndex). */
export function cappedAtFormalNotice(scenario: Scenario, daysLate: number): boolean {
  const notice = scenario.findIndex(isFormalNotice);
  return notice >= 0 && stepIndexByDate(scenario, daysLate) > notice;
}

/** The floor nextStep counts from: the furthest step done, or the one before a confirmed start. */
export function stepFloor(state: InvoiceState | undefined): number | undefined {
  const done = state?.lastStep?.index;
  if (state?.startIndex === undefined) return done;
  return Math.max(done ?? -1, state.startIndex - 1);
}

/**
 * Whether a proposed step comes after the formal notice: without history,
 * none is recorded, and a debtor is not taken to court without one.
 */
export function passesFormalNotice(scenario: Scenario, proposedIndex: number): boolean {
  const notice = scenario.findIndex(isFormalNotice);
  return notice >= 0 && proposedIndex > notice;
}

export interface EntryIds {
  readonly id: () => string;
  readonly timestamp: () => string;
}

interface CaseForStart {
  readonly client: string;
  readonly clientKey: string;
  readonly lines: ReadonlyArray<{ readonly invoice: { readonly numero: string }; readonly next?: { readonly id: string; readonly proposed?: boolean } }>;
}

type Built<T> = { readonly ok: true; readonly entries: T[] } | { readonly ok: false; readonly errors: string[] };

/** « Confirmer »: one start entry per proposed step, naming its invoices. */
export function startEntries(clientCase: CaseForStart, today: EpochDay, ids: EntryIds): Built<StartEntry> {
  const byStep = new Map<string, string[]>();
  for (const line of clientCase.lines) {
    if (!line.next?.proposed) continue;
    byStep.set(line.next.id, [...(byStep.get(line.next.id) ?? []), line.invoice.numero]);
  }
  if (byStep.size === 0) return { ok: false, errors: [START_FR.nothingToConfirm] };
  const entries = [...byStep].map(
    ([stepId, invoices]): StartEntry => ({
      id: ids.id(),
      timestamp: ids.timestamp(),
      date: today,
      client: clientCase.client,
      clientKey: clientCase.clientKey,
      invoices,
      type: "start",
      stepId,
    }),
  );
  return { ok: true, entries };
}

export interface StepDoneElsewhere {
  readonly stepId: string;
  readonly date: EpochDay;
}

/**
 * « Déjà fait ailleurs… »: one step entry per step taken outside Recouvre,
 * dated the day it was taken, flagged recordedLater. Dates may not be in the
 * future nor go backwards along the scenario.
 */
export function recordedElsewhereEntries(
  clientCase: Pick<CaseForStart, "client" | "clientKey">,
  invoices: readonly string[],
  steps: readonly StepDoneElsewhere[],
  scenario: Scenario,
  today: EpochDay,
  ids: EntryIds,
  note?: string,
): Built<StepEntry> {
  const errors: string[] = [];
  if (invoices.length === 0) errors.push(START_FR.noInvoiceChosen);
  if (steps.length === 0) errors.push(START_FR.noStepChosen);
  const indexed = steps.map((step) => ({ ...step, index: stepIndexById(scenario, step.stepId) }));
  for (const step of indexed) if (step.index === undefined) errors.push(START_FR.unknownStep(step.stepId));
  const known = indexed.filter((step): step is StepDoneElsewhere & { index: number } => step.index !== undefined).sort((a, b) => a.index - b.index);
  known.forEach((step, i) => {
    const label = scenario[step.index].label;
    if (step.date > today) errors.push(START_FR.futureDate(label));
    const before = known[i - 1];
    if (before && step.date < before.date) errors.push(START_FR.outOfOrder(label, scenario[before.index].label));
  });
  if (errors.length > 0) return { ok: false, errors };
  const entries = known.map(
    (step): StepEntry => ({
      id: ids.id(),
      timestamp: ids.timestamp(),
      date: step.date,
      client: clientCase.client,
      clientKey: clientCase.clientKey,
      invoices: [...invoices],
      type: "step",
      stepId: step.stepId,
      channel: scenario[step.index].channel,
      recordedLater: true,
      ...(note?.trim() ? { note: note.trim() } : {}),
    }),
  );
  return { ok: true, entries };
}
