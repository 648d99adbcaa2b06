/**
 * The state of every invoice, derived from the journal and from nothing else:
 * state = fold(journal). Closing the pane, reopening the workbook on another
 * PC, or replaying the journal gives the same state.
 *
 * Entries are applied in journal order (the order they were appended), not
 * sorted by their dates: a step recorded late for a past date still counts,
 * and "the furthest step done" is a maximum, so the order of two steps never
 * matters. Folding is persistent: appendEntries returns a new state and
 * leaves the old one untouched, so the state of a prefix of the journal never
 * changes when entries are appended; only invoices the new entries name
 * change.
 *
 * What each type of entry changes is its action's `fold` (actions/).
 *
 * Prescription (FACTS.md §6): a partial payment or an acknowledgment of the
 * debt starts a new period (C. civ. 2240); a mise en demeure does not, so a
 * step done never moves the interruption date.
 */
import type { EpochDay } from "../calendar";
import { invoiceKeyOf } from "../ledger/clientKey";
import type { Cents } from "../money";
import { foldEntry } from "./actions";
import type { Instalment, JournalEntry, Procedure } from "./journal";
import type { Scenario } from "./scenario";

export interface StepDone {
  readonly stepId: string;
  /** Index in the scenario the state was derived with. */
  readonly index: number;
  readonly date: EpochDay;
  readonly entryId: string;
}

export interface PromiseState {
  /** Day the promise was made, and the day the debtor promised to pay by. */
  readonly date: EpochDay;
  readonly until: EpochDay;
  readonly amount: Cents;
  readonly entryId: string;
}

export interface DisputeState {
  readonly open: boolean;
  readonly since: EpochDay;
  readonly reason: string;
  readonly resolvedOn?: EpochDay;
  readonly resolution?: string;
  readonly entryId: string;
}

export interface PaymentRecord {
  readonly date: EpochDay;
  readonly amount: Cents;
  readonly entryId: string;
}

export interface LegalActionState {
  readonly date: EpochDay;
  readonly procedure: Procedure;
  readonly entryId: string;
}

export interface InvoiceState {
  readonly clientKey: string;
  readonly numero: string;
  /** The furthest scenario step done (highest index; the latest date among equals). */
  readonly lastStep?: StepDone;
  /** Every step done, journal order, including steps the scenario no longer has (index -1). */
  readonly stepsDone: readonly StepDone[];
  /** The first formal notice (mise en demeure): a consumer owes legal interest from it. */
  readonly formalNoticeDate?: EpochDay;
  /** The latest promise to pay recorded. Whether it still pauses depends on today. */
  readonly promise?: PromiseState;
  readonly dispute?: DisputeState;
  /** Entry id of the payment plan covering the invoice (the latest one). */
  readonly planId?: string;
  readonly payments: readonly PaymentRecord[];
  readonly paid: Cents;
  /** What the invoice still owed after the latest recorded payment. */
  readonly balance?: Cents;
  readonly legalAction?: LegalActionState;
  /** Where the user confirmed the escalation starts (a « start » entry): steps before it are not proposed. */
  readonly startIndex?: number;
  /** Latest act that restarted prescription (partial payment, acknowledgment). */
  readonly interruption?: EpochDay;
  /** Positions, in the journal, of the entries naming this invoice. */
  readonly entryIndexes: readonly number[];
}

export interface PlanInstalmentState extends Instalment {
  /** Paid so far on this instalment (payments fill instalments in date order). */
  readonly paid: Cents;
}

export interface PlanState {
  readonly id: string;
  readonly date: EpochDay;
  readonly clientKey: string;
  readonly invoices: readonly string[];
  readonly instalments: readonly PlanInstalmentState[];
  /** Payments on the plan's invoices recorded on or after the plan's date. */
  readonly paid: Cents;
  /** A later plan replaced this one for at least one of its invoices. */
  readonly superseded: boolean;
}

export interface ClientHistory {
  readonly clientKey: string;
  /** The client's name as last written in the journal. */
  readonly client: string;
  readonly entryIndexes: readonly number[];
}

export interface JournalState {
  /** By invoiceKeyOf(clientKey, numero), in order of first mention. */
  readonly invoices: ReadonlyMap<string, InvoiceState>;
  readonly plans: ReadonlyMap<string, PlanState>;
  readonly clients: ReadonlyMap<string, ClientHistory>;
  /** Number of entries folded (the journal's length). */
  readonly length: number;
  readonly ids: ReadonlySet<string>;
  /** Entries ignored because their id was already used (a row pasted twice). */
  readonly duplicates: ReadonlyArray<{ readonly index: number; readonly id: string }>;
  /** Step entries naming a step the scenario does not have (it was edited). */
  readonly unknownSteps: ReadonlyArray<{ readonly index: number; readonly stepId: string }>;
}

export const EMPTY_JOURNAL_STATE: JournalState = {
  invoices: new Map(),
  plans: new Map(),
  clients: new Map(),
  length: 0,
  ids: new Set(),
  duplicates: [],
  unknownSteps: [],
};

/** The state of a whole journal. */
export function deriveState(entries: readonly JournalEntry[], scenario: Scenario): JournalState {
  return appendEntries(EMPTY_JOURNAL_STATE, entries, scenario);
}

/**
 * The state after appending `entries` to the journal `state` was derived
 * from. `state` is not modified. The same scenario must be used throughout.
 */
export function appendEntries(state: JournalState, entries: readonly JournalEntry[], scenario: Scenario): JournalState {
  if (entries.length === 0) return state;
  const invoices = new Map(state.invoices);
  const plans = new Map(state.plans);
  const clients = new Map(state.clients);
  const ids = new Set(state.ids);
  const duplicates = [...state.duplicates];
  const unknownSteps = [...state.unknownSteps];

  const invoiceState = (clientKey: string, numero: string): InvoiceState =>
    invoices.get(invoiceKeyOf(clientKey, numero)) ?? { clientKey, numero, stepsDone: [], payments: [], paid: 0, entryIndexes: [] };
  const update = (clientKey: string, numero: string, change: (current: InvoiceState) => InvoiceState) => {
    invoices.set(invoiceKeyOf(clientKey, numero), change(invoiceState(clientKey, numero)));
  };

  entries.forEach((entry, offset) => {
    const index = state.length + offset;
    if (ids.has(entry.id)) {
      duplicates.push({ index, id: entry.id });
      return;
    }
    ids.add(entry.id);

    const history = clients.get(entry.clientKey);
    clients.set(entry.clientKey, {
      clientKey: entry.clientKey,
      client: entry.client,
      entryIndexes: [...(history?.entryIndexes ?? []), index],
    });
    for (const numero of new Set(entry.invoices)) {
      update(entry.clientKey, numero, (s) => ({ ...s, entryIndexes: [...s.entryIndexes, index] }));
    }

    foldEntry(entry, { scenario, invoiceState, update, plans, unknownStep: (stepId) => unknownSteps.push({ index, stepId }) });
  });

  return { invoices, plans, clients, length: state.length + entries.length, ids, duplicates, unknownSteps };
}

/** The state of one invoice, or undefined when the journal never named it. */
export function invoiceStateOf(state: JournalState, clientKey: string, numero: string): InvoiceState | undefined {
  return state.invoices.get(invoiceKeyOf(clientKey, numero));
}
