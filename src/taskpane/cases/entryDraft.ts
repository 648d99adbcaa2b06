/**
 * Turns what the user typed in an action form into a journal entry. Text
 * fields arrive as typed ("15/03/2026", "1 234,56"); parsing reuses the
 * core's readers, and every problem comes back as a French message instead of
 * an entry: nothing half-valid reaches the journal.
 */
import { parseDateText, type EpochDay } from "../../core/calendar";
import { allocatePayment, type FormActionType, type JournalEntry } from "../../core/escalation/journal";
import type { Channel, Scenario } from "../../core/escalation/scenario";
import type { ClientCase, InvoiceLine } from "../../core/escalation/workflow";
import { eurosToCents, type Cents } from "../../core/money";
import { parseNumberText } from "../../core/numberText";

export interface ActionDraft {
  readonly type: FormActionType;
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

/** What a builder has: the draft, the fields every entry has, the chosen lines; problems go to `errors`. */
interface BuildInput {
  readonly draft: ActionDraft;
  readonly base: Pick<JournalEntry, "id" | "timestamp" | "date" | "client" | "clientKey" | "invoices" | "note">;
  readonly lines: readonly InvoiceLine[];
  readonly clientCase: ClientCase;
  readonly scenario: Scenario;
  readonly errors: string[];
}

/**
 * One builder per action of the form (core/escalation/actions/ declares
 * them): a new action does not compile until it has its builder here.
 */
const BUILDERS: { readonly [K in FormActionType]: (input: BuildInput) => JournalEntry | undefined } = {
  step({ draft, base, lines, scenario, errors }) {
    const step = scenario.find((s) => s.id === draft.stepId);
    if (!step) errors.push("Choisissez l'étape faite.");
    const amounts = claimed(lines);
    return {
      ...base,
      type: "step",
      stepId: draft.stepId ?? "",
      channel: draft.channel ?? step?.channel,
      principal: amounts.principal,
      ...(amounts.penalties === undefined ? {} : { penalties: amounts.penalties }),
      indemnity: amounts.indemnity,
      ...((draft.channel ?? step?.channel) === "lrar" && draft.lrarNumber?.trim() ? { lrar: draft.lrarNumber.trim() } : {}),
    } as JournalEntry;
  },
  call: ({ draft, base }) => ({ ...base, type: "call", channel: "telephone", outcome: (draft.outcome ?? "joint") as never }) as JournalEntry,
  promise({ draft, base, errors }) {
    const until = dateField(draft.until, "payer au plus tard le", errors);
    const amount = amountField(draft.amount, "montant promis", errors);
    return { ...base, type: "promise", until: until ?? 0, amount: amount ?? 0 } as JournalEntry;
  },
  dispute({ draft, base, errors }) {
    if (!draft.reason?.trim()) errors.push("Indiquez le motif du litige.");
    return { ...base, type: "dispute", reason: draft.reason?.trim() ?? "" } as JournalEntry;
  },
  disputeResolved: ({ draft, base }) => ({ ...base, type: "disputeResolved", ...(draft.reason?.trim() ? { resolution: draft.reason.trim() } : {}) }) as JournalEntry,
  plan({ draft, base, errors }) {
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
    return { ...base, type: "plan", instalments } as JournalEntry;
  },
  payment({ draft, base, lines, errors }) {
    const amount = amountField(draft.amount, "montant reçu", errors);
    if (amount === undefined) return undefined;
    const { allocations, unallocated } = allocatePayment(
      amount,
      lines.map((line) => ({ numero: line.invoice.numero, echeance: line.invoice.echeance, balance: line.amountDue })),
    );
    if (unallocated > 0) errors.push("Le paiement dépasse le solde des factures choisies : choisissez d'autres factures ou corrigez le montant.");
    return { ...base, type: "payment", amount, allocations, invoices: allocations.map((a) => a.invoice) } as JournalEntry;
  },
  acknowledgment: ({ base }) => ({ ...base, type: "acknowledgment" }) as JournalEntry,
  legalAction: ({ draft, base, clientCase }) =>
    ({ ...base, type: "legalAction", channel: "action", procedure: (draft.procedure ?? clientCase.legal.procedure ?? "injonctionDePayer") as never }) as JournalEntry,
};

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
  const entry = BUILDERS[draft.type]({ draft, base, lines, clientCase, scenario: context.scenario, errors });
  if (errors.length || !entry) return { ok: false, errors };
  return { ok: true, entry };
}
