/**
 * Turns what the user typed in an action form into a journal entry. Text
 * fields arrive as typed ("15/03/2026", "1 234,56"); parsing reuses the
 * core's readers, and every problem comes back as a French message instead of
 * an entry: nothing half-valid reaches the journal.
 */
import { parseDateText, type EpochDay } from "../../core/calendar";
import { allocatePayment, type EntryType, type JournalEntry } from "../../core/escalation/journal";
import type { Channel, Scenario } from "../../core/escalation/scenario";
import type { ClientCase, InvoiceLine } from "../../core/escalation/workflow";
import { eurosToCents, type Cents } from "../../core/money";
import { parseNumberText } from "../../core/numberText";

export interface ActionDraft {
  readonly type: Exclude<EntryType, "document">;
  readonly invoices: readonly string[];
  readonly date: string;
  readonly note: string;
  readonly stepId?: string;
  readonly channel?: Channel;
  /** The registered letter's number, for a step sent by LRAR. */
  readonly lrarNumber?: string;
  readonly outcome?: string;
  readonly until?: string;
  readonly amount?: string;
  readonly reason?: string;
  readonly procedure?: string;
  /** Payment plan: one "date ; montant" per line. */
  readonly instalments?: string;
}

export interface EntryContext {
  readonly id: () => string;
  readonly timestamp: () => string;
  readonly scenario: Scenario;
}

type Built = { ok: true; entry: JournalEntry } | { ok: false; errors: string[] };

function dateField(text: string | undefined, label: string, errors: string[]): EpochDay | undefined {
  const day = text ? parseDateText(text) : undefined;
  if (day === undefined) errors.push(`${label} : « ${text ?? ""} » n'est pas une date (jj/mm/aaaa)`);
  return day;
}

function amountField(text: string | undefined, label: string, errors: string[]): Cents | undefined {
  const euros = text ? parseNumberText(text, false) : undefined;
  const cents = euros === undefined ? undefined : eurosToCents(euros);
  if (cents === undefined || cents <= 0) {
    errors.push(`${label} : « ${text ?? ""} » n'est pas un montant positif au centime près`);
    return undefined;
  }
  return cents;
}

/** The amounts claimed for the chosen invoices: evidence kept with a step. */
function claimed(lines: readonly InvoiceLine[]) {
  let principal = 0;
  let penalties: number | undefined = 0;
  let indemnity = 0;
  for (const line of lines) {
    principal += line.amountDue;
    penalties = line.interest === undefined || penalties === undefined ? undefined : penalties + line.interest;
    indemnity += line.indemnity;
  }
  return { principal, penalties, indemnity };
}

export function buildEntry(draft: ActionDraft, clientCase: ClientCase, context: EntryContext): Built {
  const errors: string[] = [];
  if (draft.invoices.length === 0 && draft.type !== "call") errors.push("Choisissez au moins une facture.");
  const date = dateField(draft.date, "date", errors);
  const lines = [...clientCase.lines, ...clientCase.disputed].filter((line) => draft.invoices.includes(line.invoice.numero));
  const base = {
    id: context.id(),
    timestamp: context.timestamp(),
    date: date ?? 0,
    client: clientCase.client,
    clientKey: clientCase.clientKey,
    invoices: [...draft.invoices],
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
  let entry: JournalEntry | undefined;
  switch (draft.type) {
    case "step": {
      const step = context.scenario.find((s) => s.id === draft.stepId);
      if (!step) errors.push("Choisissez l'étape faite.");
      const amounts = claimed(lines);
      entry = {
        ...base,
        type: "step",
        stepId: draft.stepId ?? "",
        channel: draft.channel ?? step?.channel,
        principal: amounts.principal,
        ...(amounts.penalties === undefined ? {} : { penalties: amounts.penalties }),
        indemnity: amounts.indemnity,
        ...((draft.channel ?? step?.channel) === "lrar" && draft.lrarNumber?.trim() ? { lrarNumber: draft.lrarNumber.trim() } : {}),
      } as JournalEntry;
      break;
    }
    case "call":
      entry = { ...base, type: "call", channel: "telephone", outcome: (draft.outcome ?? "joint") as never } as JournalEntry;
      break;
    case "promise": {
      const until = dateField(draft.until, "payer au plus tard le", errors);
      const amount = amountField(draft.amount, "montant promis", errors);
      entry = { ...base, type: "promise", until: until ?? 0, amount: amount ?? 0 } as JournalEntry;
      break;
    }
    case "dispute":
      if (!draft.reason?.trim()) errors.push("Indiquez le motif du litige.");
      entry = { ...base, type: "dispute", reason: draft.reason?.trim() ?? "" } as JournalEntry;
      break;
    case "disputeResolved":
      entry = { ...base, type: "disputeResolved", ...(draft.reason?.trim() ? { resolution: draft.reason.trim() } : {}) } as JournalEntry;
      break;
    case "plan": {
      const instalments = (draft.instalments ?? "")
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => {
          const [dateText, amountText] = line.split(/\s*;\s*/);
          return {
            date: dateField(dateText, `échéance ${i + 1}`, errors) ?? 0,
            amount: amountField(amountText, `échéance ${i + 1}`, errors) ?? 0,
          };
        });
      if (instalments.length === 0) errors.push("Saisissez au moins une échéance : une ligne « jj/mm/aaaa ; montant ».");
      entry = { ...base, type: "plan", instalments } as JournalEntry;
      break;
    }
    case "payment": {
      const amount = amountField(draft.amount, "montant reçu", errors);
      if (amount === undefined) break;
      const { allocations, unallocated } = allocatePayment(
        amount,
        lines.map((line) => ({ numero: line.invoice.numero, echeance: line.invoice.echeance, balance: line.amountDue })),
      );
      if (unallocated > 0) errors.push("Le paiement dépasse le solde des factures choisies : choisissez d'autres factures ou corrigez le montant.");
      entry = { ...base, type: "payment", amount, allocations, invoices: allocations.map((a) => a.invoice) } as JournalEntry;
      break;
    }
    case "acknowledgment":
      entry = { ...base, type: "acknowledgment" } as JournalEntry;
      break;
    case "legalAction":
      entry = { ...base, type: "legalAction", channel: "action", procedure: (draft.procedure ?? clientCase.legal.procedure ?? "injonctionDePayer") as never } as JournalEntry;
      break;
  }
  if (errors.length || !entry) return { ok: false, errors };
  return { ok: true, entry };
}
