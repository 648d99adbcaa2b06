/**
 * Every action of the journal, each declared in its own module of this
 * folder (schema, « Type » label, facts, « Détails » fields, form fields,
 * fold). Everything else derives from this table: the journal's entry types
 * and schema (journal.ts), its rows (journalRows.ts), the state
 * (state.ts), the pane's form and menu (taskpane/cases). To add an action:
 * write its module, add it here; the compiler lists what the pane lacks
 * (labels in both languages, the form's builder, a renderer for a new field).
 *
 * The order is the pane's menu order; entries are stored by their `type`,
 * never by position.
 */
import type { z } from "zod";
import { acknowledgment } from "./acknowledgment";
import { call } from "./call";
import type { FoldContext } from "./declaration";
import { dispute } from "./dispute";
import { disputeResolved } from "./disputeResolved";
import { producedDocument } from "./document";
import { legalAction } from "./legalAction";
import { payment } from "./payment";
import { plan } from "./plan";
import { promise } from "./promise";
import { start } from "./start";
import { step } from "./step";

export const ACTIONS = { step, call, promise, payment, plan, dispute, disputeResolved, acknowledgment, legalAction, document: producedDocument, start };

type Actions = typeof ACTIONS;
export type EntryType = keyof Actions;
/** One entry of each type, as stored. */
export type EntryOf<K extends EntryType> = z.infer<Actions[K]["schema"]>;
export type JournalEntry = { [K in EntryType]: EntryOf<K> }[EntryType];
/** The actions the user records through the pane's action form. */
export type FormActionType = { [K in EntryType]: Actions[K]["form"] extends null ? never : K }[EntryType];

/** Each action's schema names its own key as its `type`: a declaration under the wrong key does not compile (the error names it). */
type MisplacedActions = { [K in EntryType]: EntryOf<K>["type"] extends K ? never : K }[EntryType];
const _typesMatch: [MisplacedActions] extends [never] ? true : MisplacedActions = true;
void _typesMatch;

export const ENTRY_TYPES = Object.keys(ACTIONS) as EntryType[];

export const FORM_ACTION_TYPES = ENTRY_TYPES.filter((type): type is FormActionType => ACTIONS[type].form !== null);

/** The form fields of an action recorded through the pane. */
export function formFieldsOf(type: FormActionType) {
  return ACTIONS[type].form ?? [];
}

/** Applies one entry to the state being folded (state.ts). */
export function foldEntry(entry: JournalEntry, context: FoldContext): void {
  // TypeScript cannot correlate ACTIONS[entry.type] with entry's own type: the table's keys are checked above.
  (ACTIONS[entry.type].fold as (entry: JournalEntry, context: FoldContext) => void)(entry, context);
}

export type { ActionFact, DetailKind, FormField, FoldContext } from "./declaration";
