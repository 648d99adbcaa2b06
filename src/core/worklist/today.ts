/**
 * « Aujourd'hui »: the steps due now across all clients, one action per
 * client and step, in the order they should be done (the most advanced step
 * first, then the oldest debt). The pane walks this queue: record, next.
 */
import type { ClientCase, StepGroup } from "../escalation/workflow";
import type { Cents } from "../money";
import { amountOf } from "./worklist";

export interface TodayAction {
  readonly clientKey: string;
  readonly client: string;
  readonly step: StepGroup;
  /** Proposed for an old debt without history (startStep.ts): to confirm, not a routine reminder. */
  readonly proposed: boolean;
  readonly amount: Cents;
  readonly daysLate: number;
  readonly email?: string;
}

export function todayActions(cases: readonly ClientCase[]): TodayAction[] {
  const actions: TodayAction[] = [];
  for (const c of cases) {
    for (const step of c.stepGroups) {
      actions.push({
        clientKey: c.clientKey,
        client: c.client,
        step,
        proposed: c.next?.proposed === true && c.next.index === step.index,
        amount: amountOf(c),
        daysLate: c.daysLate,
        ...(c.contact.email && { email: c.contact.email }),
      });
    }
  }
  return actions.sort((a, b) => b.step.index - a.step.index || b.daysLate - a.daysLate || (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
}

/** The key of an action in the queue: a client and a step. */
export function todayKey(action: TodayAction): string {
  return `${action.clientKey}\u0000${action.step.id}`;
}
