/**
 * The audit journal: every action taken on a client's invoices, in the order
 * it was recorded. It is append-only: nothing is edited or deleted, a mistake
 * is corrected by a later entry (a dispute is closed by a resolution, a
 * promise replaced by a newer one). It is the evidence file if the case goes
 * to court (FACTS.md §7.8) and the only state the add-in keeps: state.ts
 * rebuilds everything from it.
 *
 * Entries are plain data (dates as EpochDay, amounts in cents) validated by
 * journalEntrySchema, the union of the actions declared in actions/; journalRows.ts writes them to and reads them from the
 * "Journal des relances" table.
 */
import { z } from "zod";
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { ACTIONS, ENTRY_TYPES, type EntryOf, type EntryType, type JournalEntry } from "./actions";
import { allocation } from "./actions/payment";
import { instalment } from "./actions/plan";
import type { Channel } from "./scenario";

export { ENTRY_TYPES, FORM_ACTION_TYPES, type EntryType, type FormActionType, type JournalEntry } from "./actions";
export { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome } from "./actions/call";
export { PROCEDURE_LABELS, PROCEDURES, type Procedure } from "./actions/legalAction";
export { rowOrigin, type RowOrigin } from "./actions/fields";

/** The "Type" column of the journal table (each action's declaration holds its own). */
export const ENTRY_TYPE_LABELS = Object.fromEntries(ENTRY_TYPES.map((type) => [type, ACTIONS[type].label])) as Readonly<Record<EntryType, string>>;

// ---------------------------------------------------------------------------
// Schema: the union of every action's (actions/), told apart by `type`.

const schemas = ENTRY_TYPES.map((type) => ACTIONS[type].schema);
export const journalEntrySchema = z.discriminatedUnion("type", schemas as unknown as [(typeof schemas)[number], ...(typeof schemas)[number][]], {
  error: "type d'entrée inconnu",
}) as unknown as z.ZodType<JournalEntry>;

export type StepEntry = EntryOf<"step">;
export type CallEntry = EntryOf<"call">;
export type PromiseEntry = EntryOf<"promise">;
export type DisputeEntry = EntryOf<"dispute">;
export type DisputeResolvedEntry = EntryOf<"disputeResolved">;
export type PlanEntry = EntryOf<"plan">;
export type PaymentEntry = EntryOf<"payment">;
export type AcknowledgmentEntry = EntryOf<"acknowledgment">;
export type LegalActionEntry = EntryOf<"legalAction">;
export type DocumentEntry = EntryOf<"document">;
export type StartEntry = EntryOf<"start">;
export type Instalment = z.infer<typeof instalment>;
export type PaymentAllocation = z.infer<typeof allocation>;

export type EntryValidation = { ok: true; entry: JournalEntry } | { ok: false; errors: string[] };

/** Checks an entry before it is appended (the pane) or after it is read (journalRows). */
export function validateEntry(input: unknown): EntryValidation {
  const parsed = journalEntrySchema.safeParse(input);
  if (parsed.success) return { ok: true, entry: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join(" › ") || "entrée"} : ${issue.message}`) };
}

/** Channel of an entry for display: its own, or the one its type implies. */
export function entryChannel(entry: JournalEntry): Channel | undefined {
  return entry.channel ?? (entry.type === "call" ? "telephone" : undefined);
}

// ---------------------------------------------------------------------------
// Helpers the pane uses to build entries.

/**
 * Proposes how a payment is split over invoices: oldest due date first, the
 * usual practice when the debtor did not say which invoice it pays. The pane
 * shows the split and lets the user change it. Returns the allocations and
 * what is left over when the payment exceeds the balances.
 */
export function allocatePayment(
  amount: Cents,
  invoices: ReadonlyArray<{ readonly numero: string; readonly echeance: EpochDay; readonly balance: Cents }>,
): { allocations: PaymentAllocation[]; unallocated: Cents } {
  const ordered = [...invoices].sort((a, b) => a.echeance - b.echeance || (a.numero < b.numero ? -1 : a.numero > b.numero ? 1 : 0));
  const allocations: PaymentAllocation[] = [];
  let left = amount;
  for (const invoice of ordered) {
    if (left <= 0) break;
    const share = Math.min(left, invoice.balance);
    if (share <= 0) continue;
    allocations.push({ invoice: invoice.numero, amount: share, balanceBefore: invoice.balance });
    left -= share;
  }
  return { allocations, unallocated: left };
}
