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
 * Prescription (FACTS.md §6): a partial payment or an acknowledgment of the
 * debt starts a new period (C. civ. 2240); a mise en demeure does not, so a
 * step done never moves the interruption date.
 */
import type { EpochDay } from "../calendar";
import { invoiceKeyOf } from "../ledger/clientKey";
import type { Cents } from "../money";
import type { Instalment, JournalEntry, PlanEntry, Procedure } from "./journal";
import { isFormalNotice, stepIndexById, type Scenario } from "./scenario";

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

    switch (entry.type) {
      case "step": {
        const stepIndex = stepIndexById(scenario, entry.stepId);
        if (stepIndex === undefined) unknownSteps.push({ index, stepId: entry.stepId });
        const done: StepDone = { stepId: entry.stepId, index: stepIndex ?? -1, date: entry.date, entryId: entry.id };
        const notice = (stepIndex !== undefined && isFormalNotice(scenario[stepIndex])) || entry.channel === "lrar";
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({
            ...s,
            stepsDone: [...s.stepsDone, done],
            ...(stepIndex !== undefined && isFurther(done, s.lastStep) && { lastStep: done }),
            ...(notice && (s.formalNoticeDate === undefined || entry.date < s.formalNoticeDate) && { formalNoticeDate: entry.date }),
          }));
        }
        break;
      }
      case "promise":
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({ ...s, promise: { date: entry.date, until: entry.until, amount: entry.amount, entryId: entry.id } }));
        }
        break;
      case "dispute":
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({ ...s, dispute: { open: true, since: entry.date, reason: entry.reason, entryId: entry.id } }));
        }
        break;
      case "disputeResolved":
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) =>
            s.dispute?.open
              ? {
                  ...s,
                  dispute: {
                    ...s.dispute,
                    open: false,
                    resolvedOn: entry.date,
                    ...(entry.resolution !== undefined && { resolution: entry.resolution }),
                  },
                }
              : s,
          );
        }
        break;
      case "plan": {
        for (const numero of entry.invoices) {
          const previous = invoiceState(entry.clientKey, numero).planId;
          const old = previous === undefined ? undefined : plans.get(previous);
          if (old && !old.superseded) plans.set(old.id, { ...old, superseded: true });
          update(entry.clientKey, numero, (s) => ({ ...s, planId: entry.id }));
        }
        plans.set(entry.id, newPlan(entry));
        break;
      }
      case "payment": {
        const plansPaid = new Map<string, Cents>();
        for (const allocation of entry.allocations) {
          update(entry.clientKey, allocation.invoice, (s) => ({
            ...s,
            payments: [...s.payments, { date: entry.date, amount: allocation.amount, entryId: entry.id }],
            paid: s.paid + allocation.amount,
            balance: allocation.balanceBefore - allocation.amount,
            interruption: later(s.interruption, entry.date),
          }));
          const planId = invoiceState(entry.clientKey, allocation.invoice).planId;
          const plan = planId === undefined ? undefined : plans.get(planId);
          if (plan && entry.date >= plan.date) plansPaid.set(plan.id, (plansPaid.get(plan.id) ?? 0) + allocation.amount);
        }
        for (const [planId, amount] of plansPaid) plans.set(planId, payPlan(plans.get(planId)!, amount));
        break;
      }
      case "acknowledgment":
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({ ...s, interruption: later(s.interruption, entry.date) }));
        }
        break;
      case "legalAction":
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({ ...s, legalAction: { date: entry.date, procedure: entry.procedure, entryId: entry.id } }));
        }
        break;
      case "start": {
        const startIndex = stepIndexById(scenario, entry.stepId);
        if (startIndex === undefined) {
          unknownSteps.push({ index, stepId: entry.stepId });
          break;
        }
        for (const numero of entry.invoices) {
          update(entry.clientKey, numero, (s) => ({ ...s, startIndex: Math.max(s.startIndex ?? -1, startIndex) }));
        }
        break;
      }
      case "call":
      case "document":
        break; // history only
    }
  });

  return { invoices, plans, clients, length: state.length + entries.length, ids, duplicates, unknownSteps };
}

function isFurther(done: StepDone, last: StepDone | undefined): boolean {
  return last === undefined || done.index > last.index || (done.index === last.index && done.date >= last.date);
}

function later(a: EpochDay | undefined, b: EpochDay): EpochDay {
  return a === undefined || b > a ? b : a;
}

function newPlan(entry: PlanEntry): PlanState {
  return {
    id: entry.id,
    date: entry.date,
    clientKey: entry.clientKey,
    invoices: entry.invoices,
    instalments: entry.instalments.map((item) => ({ ...item, paid: 0 })),
    paid: 0,
    superseded: false,
  };
}

/** Payments fill the instalments in date order; an overpayment stays in `paid`. */
function payPlan(plan: PlanState, amount: Cents): PlanState {
  let left = plan.paid + amount;
  const instalments = plan.instalments.map((item) => {
    const paid = Math.min(item.amount, left);
    left -= paid;
    return { ...item, paid };
  });
  return { ...plan, paid: plan.paid + amount, instalments };
}

/** The state of one invoice, or undefined when the journal never named it. */
export function invoiceStateOf(state: JournalState, clientKey: string, numero: string): InvoiceState | undefined {
  return state.invoices.get(invoiceKeyOf(clientKey, numero));
}
