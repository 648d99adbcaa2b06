/** Cases and planned messages for the sending suites, built through the real workflow. */
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases, type ClientCase } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { clientKeyOf } from "../../../src/core/ledger/clientKey";
import { RateBook } from "../../../src/core/rates/rateBook";
import { foldLedger } from "../../../src/core/sending/ledger";
import type { PlannedMessage } from "../../../src/core/sending/model";
import { planBatch, type BatchPlan } from "../../../src/core/sending/plan";
import { day } from "../fixtures";

export const SCENARIO = DEFAULT_SCENARIO;
export const BOOK = RateBook.builtIn();
/** 2025-04-01: an invoice due 2025-03-01 is 31 days late (relance 3, courrier, once relance 2 is done). */
export const TODAY = day(2025, 4, 1);

let row = 2;
export function invoice(overrides: Partial<Invoice> & { client?: string } = {}): Invoice {
  const client = overrides.client ?? "SARL Dupont";
  return {
    sheetRow: row++,
    client,
    clientKey: clientKeyOf(client),
    numero: "F1",
    echeance: day(2025, 3, 25),
    echeanceSource: "colonne",
    montant: 100000,
    particulier: false,
    acheteurPublic: false,
    email: "compta@dupont.fr",
    ...overrides,
  };
}

export function casesFor(invoices: Invoice[], entries: readonly JournalEntry[] = [], today = TODAY): ClientCase[] {
  return buildCases(invoices, deriveState(entries, SCENARIO), { scenario: SCENARIO, book: BOOK, today }).cases;
}

export function planFor(invoices: Invoice[], entries: readonly JournalEntry[] = [], today = TODAY): BatchPlan {
  return planBatch(casesFor(invoices, entries, today), foldLedger(entries), { date: today, scenario: SCENARIO });
}

/**
 * `count` clients, each with one invoice due 7 days before TODAY: relance 1
 * (e-mail) is due for each of them.
 */
export function manyClients(count: number): Invoice[] {
  return Array.from({ length: count }, (_, i) =>
    invoice({ client: `Client ${String(i).padStart(4, "0")}`, numero: `F${i}`, email: `compta${i}@client${i}.fr`, echeance: day(2025, 3, 25) }),
  );
}

export function messagesFor(count: number): PlannedMessage[] {
  const plan = planFor(manyClients(count));
  return plan.items.map((item) => item.message);
}

export const ISO = (n: number) => new Date(Date.UTC(2025, 3, 1, 9, 0, 0) + n * 1000).toISOString();
