/**
 * The sample company's invoices over the eleven months before the
 * demonstration's day: most paid (on time or late, as each client pays),
 * the rest open, some not yet due, some long overdue.
 */
import type { EpochDay } from "../../src/core/calendar";
import { fromEpochDay } from "../../src/core/calendar";
import type { Cents } from "../../src/core/money";
import type { SampleClient } from "./clients";
import type { Random } from "./random";

export interface SampleInvoice {
  readonly client: SampleClient;
  readonly numero: string;
  readonly date: EpochDay;
  readonly echeance: EpochDay;
  readonly amount: Cents;
  /** The day it was paid, if it was (before the demonstration's day). */
  readonly paidOn?: EpochDay;
}

/** When a client of this kind pays, in days after the due date (negative: early). */
function paymentDelay(client: SampleClient, random: Random, age: number): number | undefined {
  switch (client.payer) {
    case "ponctuel":
      return random.int(-6, 4);
    case "lent":
      return random.int(12, 55);
    case "mauvais":
      // Old invoices were paid in the end, very late; recent ones are still open.
      return age > 200 ? random.int(60, 95) : undefined;
  }
}

/** Amounts of a small business's invoices: mostly a few hundred euros, some several thousand. */
function amountCents(random: Random): Cents {
  const euros = random.chance(0.8) ? random.int(180, 2400) : random.int(2400, 14800);
  return euros * 100 + random.pick([0, 0, 50, random.int(1, 99)]);
}

export function sampleInvoices(random: Random, clients: readonly SampleClient[], today: EpochDay, perClient: () => number): SampleInvoice[] {
  const drafts: Array<Omit<SampleInvoice, "numero">> = [];
  for (const client of clients) {
    const count = perClient();
    for (let i = 0; i < count; i++) {
      const age = random.int(4, 330);
      const date = today - age;
      const echeance = date + client.termsDays;
      const delay = paymentDelay(client, random, age);
      const paidOn = delay === undefined ? undefined : echeance + delay;
      drafts.push({ client, date, echeance, amount: amountCents(random), ...(paidOn !== undefined && paidOn < today && { paidOn }) });
    }
  }
  drafts.sort((a, b) => a.date - b.date || a.client.name.localeCompare(b.client.name));
  const perYear = new Map<number, number>();
  return drafts.map((draft) => {
    const year = fromEpochDay(draft.date).year;
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return { ...draft, numero: `FA-${year}-${String(n).padStart(4, "0")}` };
  });
}
