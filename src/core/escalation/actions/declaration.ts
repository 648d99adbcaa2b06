/**
 * What declares an action of the journal (a call, a promise, a payment…):
 * one module per action in this folder, gathered in index.ts, from which the
 * journal's schema, its « Type » labels and « Détails » fields, the fold into
 * the state, and the pane's form and labels are derived. A new action is one
 * more module and one more line in index.ts; the compiler then lists the
 * pane's labels, form builders and field renderers it still lacks.
 */
import type { z } from "zod";
import type { EpochDay } from "../../calendar";
import type { Scenario } from "../scenario";
import type { InvoiceState, PlanState } from "../state";

/**
 * The facts an entry carries besides what every entry has (date, client,
 * invoices, note, who wrote it and when): what the journal can show in a
 * column of its own. "channel" includes the LRAR (a step sent by registered
 * letter); "claimed" is the principal, penalties and indemnity stated.
 */
export type ActionFact = "step" | "channel" | "claimed" | "outcome" | "amount" | "until" | "reason" | "instalments" | "allocations" | "procedure" | "document";

/** How a type-specific field is written in the journal's « Détails » JSON (journalRows.ts). */
export type DetailKind = "date" | "euros" | "text" | "flag" | "instalments" | "allocations";

/**
 * The fields of the pane's action form (ActionDialog.tsx renders each one),
 * besides the invoices, the date and the note that every form has.
 */
export type FormField = "step" | "channel" | "lrar" | "outcome" | "until" | "amount" | "reason" | "resolution" | "instalments" | "procedure";

/** What a fold may read and change: the state being built from the journal. */
export interface FoldContext {
  readonly scenario: Scenario;
  invoiceState(clientKey: string, numero: string): InvoiceState;
  update(clientKey: string, numero: string, change: (current: InvoiceState) => InvoiceState): void;
  readonly plans: Map<string, PlanState>;
  /** A step the scenario does not have (it was edited): reported, not counted. */
  unknownStep(stepId: string): void;
}

export interface ActionDeclaration<S extends z.ZodType<{ type: string }>, F extends readonly FormField[] | null> {
  /** The entry as stored (zod, strict): the journal's format, which existing workbooks hold. */
  readonly schema: S;
  /** The journal's « Type » column, French (the journal is French evidence; read back by these words too). */
  readonly label: string;
  readonly facts: readonly ActionFact[];
  /** Type-specific fields kept in « Détails », and how. */
  readonly details: Readonly<Record<string, DetailKind>>;
  /** The pane's form fields, in order; null when the action is not entered through the action form. */
  readonly form: F;
  /** What the entry changes in the state (state.ts folds the journal with it). */
  readonly fold: (entry: z.infer<S>, context: FoldContext) => void;
}

/** Keeps the declaration's own types (its schema, its form's literal fields) for index.ts to derive from. */
export function declareAction<S extends z.ZodType<{ type: string }>, const F extends readonly FormField[] | null>(declaration: ActionDeclaration<S, F>): ActionDeclaration<S, F> {
  return declaration;
}

/** The later of two days, either possibly absent. */
export function later(a: EpochDay | undefined, b: EpochDay): EpochDay {
  return a === undefined || b > a ? b : a;
}
