/**
 * The escalation scenario: which step is due, and when.
 *
 * Default (issue 3): preventive reminder five days before the due date, then
 * reminders at J+1, J+15, J+30, the formal notice (mise en demeure, LRAR) at
 * J+45 and legal action from J+60 (FACTS.md §7).
 */
import { normalizeWords } from "../text";

export const CHANNELS = ["email", "courrier", "lrar", "telephone", "action"] as const;
export type Channel = (typeof CHANNELS)[number];

/** How each channel is written to the user and in the journal. */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  email: "E-mail",
  courrier: "Courrier",
  lrar: "LRAR",
  telephone: "Téléphone",
  action: "Action",
};

export interface ScenarioStep {
  readonly id: string;
  readonly label: string;
  /** Days after the due date (negative: before) from which the step is due. */
  readonly offsetDays: number;
  readonly channel: Channel;
  /** Letter template for this step (letters/); when absent, the step id names it. */
  readonly letterTemplateId?: string;
  /**
   * The step is the formal notice (mise en demeure): a consumer owes legal
   * interest from its date (C. civ. 1231-6, 1344). When absent, a registered
   * letter (LRAR) step counts as the formal notice (C. civ. 1344).
   */
  readonly formalNotice?: boolean;
}

export type Scenario = readonly ScenarioStep[];

export const NOT_YET_DUE_STEP_LABEL = "À échoir";

export const DEFAULT_SCENARIO: Scenario = [
  { id: "preventive", label: "Relance préventive", offsetDays: -5, channel: "email" },
  { id: "relance1", label: "Relance 1", offsetDays: 1, channel: "email" },
  { id: "relance2", label: "Relance 2", offsetDays: 15, channel: "email" },
  { id: "relance3", label: "Relance 3", offsetDays: 30, channel: "courrier" },
  { id: "miseEnDemeure", label: "Mise en demeure", offsetDays: 45, channel: "lrar", formalNotice: true },
  { id: "actionJudiciaire", label: "Action judiciaire", offsetDays: 60, channel: "action" },
];

/** Index of the latest step whose date has come (-1: none yet). */
export function stepIndexByDate(scenario: Scenario, daysLate: number): number {
  let index = -1;
  for (let i = 0; i < scenario.length; i++) if (daysLate >= scenario[i].offsetDays) index = i;
  return index;
}

/**
 * The step the case should be at: the one the calendar calls for, but never
 * more than one step beyond the last step done (a debtor is not sent a formal
 * notice before the reminders). When the last step done is already at or past
 * the calendar, nothing new is due and the last step itself is returned.
 * -1 means "not yet due" (À échoir).
 */
export function stepIndexDue(scenario: Scenario, daysLate: number, lastDoneIndex?: number): number {
  const byDate = stepIndexByDate(scenario, daysLate);
  if (lastDoneIndex === undefined || lastDoneIndex < 0) return byDate;
  if (byDate <= lastDoneIndex) return lastDoneIndex;
  return Math.min(byDate, lastDoneIndex + 1);
}

/** Finds a step by its label or id, ignoring case and accents; -1 for "À échoir". */
export function findStepIndex(scenario: Scenario, text: string): number | undefined {
  const wanted = normalizeWords(text);
  if (wanted === normalizeWords(NOT_YET_DUE_STEP_LABEL)) return -1;
  const index = scenario.findIndex((step) => normalizeWords(step.label) === wanted || normalizeWords(step.id) === wanted);
  return index === -1 ? undefined : index;
}

export function stepLabel(scenario: Scenario, index: number): string {
  return index < 0 ? NOT_YET_DUE_STEP_LABEL : scenario[index].label;
}

/** Whether a step is the formal notice (see ScenarioStep.formalNotice). */
export function isFormalNotice(step: ScenarioStep): boolean {
  return step.formalNotice ?? step.channel === "lrar";
}

/** Index of a step by its id, or undefined when the scenario has no such step. */
export function stepIndexById(scenario: Scenario, id: string): number | undefined {
  const index = scenario.findIndex((step) => step.id === id);
  return index === -1 ? undefined : index;
}

/** The letter template a step uses: its own, or by convention its id. */
export function letterTemplateOf(step: ScenarioStep): string {
  return step.letterTemplateId ?? step.id;
}
