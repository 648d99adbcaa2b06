/**
 * Which scenario step comes next for one invoice, and from which day.
 *
 * The calendar (due date + each step's offset) says when a step may be
 * taken; the journal says which steps were done. As in stepIndexDue, the next
 * step is never more than one beyond the last one done: a debtor gets the
 * reminders before the formal notice, however late the invoice. One
 * exception: steps planned BEFORE the due date (the preventive reminder) are
 * moot once it has passed, and are not proposed for an overdue invoice.
 *
 * A pause (a promise to pay, a payment plan being honoured) postpones the
 * next step to the day after the pause ends; it does not change which step
 * it is.
 */
import type { EpochDay } from "../calendar";
import { stepIndexByDate, type Scenario } from "./scenario";

export type NextStep =
  /** `index` may be taken now; it became due on `dueOn`. */
  | { readonly kind: "due"; readonly index: number; readonly dueOn: EpochDay }
  /** `index` comes next, on `dueOn`. */
  | { readonly kind: "later"; readonly index: number; readonly dueOn: EpochDay }
  /** Every step has been done. */
  | { readonly kind: "none" };

/** Index of the last step planned on or before the due date (-1: none). */
export function lastPreDueStepIndex(scenario: Scenario): number {
  let index = -1;
  for (let i = 0; i < scenario.length; i++) if (scenario[i].offsetDays <= 0) index = i;
  return index;
}

/**
 * @param lastDoneIndex furthest step done (-1 or undefined: none)
 * @param pausedUntil last day of a pause; ignored once it is before today
 */
export function nextStep(
  scenario: Scenario,
  echeance: EpochDay,
  today: EpochDay,
  lastDoneIndex: number | undefined,
  pausedUntil?: EpochDay,
): NextStep {
  const daysLate = today - echeance;
  let floor = lastDoneIndex ?? -1;
  if (daysLate > 0) floor = Math.max(floor, lastPreDueStepIndex(scenario));
  const candidate = floor + 1;
  if (candidate >= scenario.length) return { kind: "none" };
  const calendarDate = echeance + scenario[candidate].offsetDays;
  const paused = pausedUntil !== undefined && pausedUntil >= today;
  // stepIndexDue's rule: the calendar must have reached the step, and it is
  // capped at one beyond the floor.
  if (!paused && stepIndexByDate(scenario, daysLate) >= candidate) return { kind: "due", index: candidate, dueOn: calendarDate };
  return { kind: "later", index: candidate, dueOn: paused ? Math.max(calendarDate, pausedUntil + 1) : calendarDate };
}
