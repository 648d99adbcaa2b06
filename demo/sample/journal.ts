/**
 * The sample company's history in the journal: the reminders it sent as the
 * scenario fell due (some clients are a step behind, so the pane has work to
 * show), calls, one open dispute and one settled, a promise still running
 * and one broken, an acknowledgment of debt, a formal notice, and one
 * payment plan whose first instalment was paid. Every entry is checked by the
 * core's own schema, as the pane would write it.
 */
import { formatDateIso, type EpochDay } from "../../src/core/calendar";
import { allocatePayment, validateEntry, type JournalEntry } from "../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { clientKeyOf } from "../../src/core/ledger/clientKey";
import type { Cents } from "../../src/core/money";
import type { SampleClient } from "./clients";
import type { SampleInvoice } from "./invoices";
import type { Random } from "./random";

type NewEntry = { [K in JournalEntry["type"]]: Omit<Extract<JournalEntry, { type: K }>, "id" | "timestamp" | "client" | "clientKey"> }[JournalEntry["type"]];

/** Overdue open invoices of each client, oldest due first; clients in name order. */
function overdueByClient(invoices: readonly SampleInvoice[], today: EpochDay): Array<[SampleClient, SampleInvoice[]]> {
  const map = new Map<SampleClient, SampleInvoice[]>();
  for (const invoice of invoices) {
    if (invoice.paidOn !== undefined || invoice.echeance >= today) continue;
    map.set(invoice.client, [...(map.get(invoice.client) ?? []), invoice]);
  }
  for (const list of map.values()) list.sort((a, b) => a.echeance - b.echeance);
  return [...map.entries()].sort(([a], [b]) => a.name.localeCompare(b.name));
}

const sum = (invoices: readonly SampleInvoice[]): Cents => invoices.reduce((total, invoice) => total + invoice.amount, 0);
const numbers = (invoices: readonly SampleInvoice[]): string[] => invoices.map((invoice) => invoice.numero);

export function sampleJournal(random: Random, invoices: readonly SampleInvoice[], today: EpochDay): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const add = (client: SampleClient, entry: NewEntry) => {
    const minutes = random.int(0, 7 * 60);
    const time = `${String(8 + Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00Z`;
    const candidate = { ...entry, id: `demo-${String(entries.length + 1).padStart(4, "0")}`, timestamp: `${formatDateIso(entry.date)}T${time}`, client: client.name, clientKey: clientKeyOf(client.name) };
    const checked = validateEntry(candidate);
    if (!checked.ok) throw new Error(`Journal de démonstration : entrée invalide pour ${client.name} : ${checked.errors.join(" ; ")}`);
    entries.push(checked.entry);
  };

  const overdue = overdueByClient(invoices, today);
  const steps = DEFAULT_SCENARIO.filter((step) => step.offsetDays > 0 && step.channel !== "action");

  // Reminders sent as each step fell due; one client in three is one step behind.
  overdue.forEach(([client, open], index) => {
    const behind = index % 3 === 1;
    const due = steps.filter((step) => open[0].echeance + step.offsetDays < today);
    const done = behind ? due.slice(0, -1) : due;
    for (const step of done) {
      const date = open[0].echeance + step.offsetDays + random.int(0, 2);
      const concerned = open.filter((invoice) => invoice.echeance + step.offsetDays <= date);
      if (date >= today || concerned.length === 0) continue;
      const ref = `REL-${formatDateIso(date)}-${clientKeyOf(client.name).replace(/ /g, "-").toUpperCase().slice(0, 24)}-${step.id === "miseEnDemeure" ? "MED" : step.id.toUpperCase()}`;
      add(client, { type: "step", date, stepId: step.id, channel: step.channel, invoices: numbers(concerned), principal: sum(concerned), ...(step.channel !== "email" && { documentRef: ref }) });
    }
  });

  const pick = (n: number) => overdue[n % overdue.length];

  // A call, sometimes answered.
  for (let n = 0; n < overdue.length; n += 4) {
    const [client, open] = pick(n);
    const date = Math.min(today - 1, open[0].echeance + random.int(18, 40));
    add(client, { type: "call", date, invoices: numbers(open), outcome: random.pick(["joint", "messagerie", "injoignable"] as const), note: "Relance téléphonique de la comptabilité" });
  }

  // An open dispute on the most recent overdue invoice of one client.
  {
    const [client, open] = pick(1);
    const invoice = open[open.length - 1];
    add(client, { type: "dispute", date: Math.min(today - 1, invoice.echeance + 6), invoices: [invoice.numero], reason: "Livraison incomplète : deux éléments manquants selon le bon de livraison" });
  }

  // A dispute settled by a credit note.
  {
    const [client, open] = pick(2);
    const invoice = open[0];
    const opened = Math.min(today - 12, invoice.echeance + 3);
    add(client, { type: "dispute", date: opened, invoices: [invoice.numero], reason: "Prix unitaire contesté (devis n° D-118)" });
    add(client, { type: "disputeResolved", date: opened + 9, invoices: [invoice.numero], resolution: "Devis vérifié avec le client : le prix facturé est confirmé" });
  }

  // A promise still running, and one that was not kept.
  {
    const [client, open] = pick(3);
    add(client, { type: "promise", date: today - 3, invoices: numbers(open), until: today + 4, amount: sum(open), note: "Règlement promis par la gérante pour vendredi" });
  }
  {
    const [client, open] = pick(5);
    add(client, { type: "promise", date: today - 25, invoices: numbers(open.slice(0, 1)), until: today - 10, amount: open[0].amount, note: "Virement annoncé par téléphone" });
  }

  // A debt acknowledged in writing, then a payment plan in three monthly instalments, the first one paid.
  {
    const [client, open] = pick(6);
    const total = sum(open);
    const first = Math.floor(total / 3);
    add(client, { type: "acknowledgment", date: today - 40, invoices: numbers(open), note: "Courrier du client reconnaissant la dette" });
    add(client, {
      type: "plan",
      date: today - 38,
      invoices: numbers(open),
      instalments: [
        { date: today - 20, amount: first },
        { date: today + 10, amount: first },
        { date: today + 40, amount: total - 2 * first },
      ],
    });
    const { allocations } = allocatePayment(first, open.map((invoice) => ({ numero: invoice.numero, echeance: invoice.echeance, balance: invoice.amount })));
    add(client, { type: "payment", date: today - 21, invoices: allocations.map((a) => a.invoice), amount: first, allocations, note: "1re échéance de l'échéancier" });
  }
  return entries.sort((a, b) => a.date - b.date || a.id.localeCompare(b.id));
}
