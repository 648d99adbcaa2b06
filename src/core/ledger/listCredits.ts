/**
 * Credits in the user's list (issue 14): a row with a negative amount is a
 * credit note, a payment or a payment on account of its client. It is
 * imputed like a credit of the books (../books/impute.ts): on the invoice
 * it names (a « Facture d'origine » column, « Avoir sur facture F-12 »), or
 * with the same number, if there is one, else on the client's oldest open
 * invoices. The cases then show net amounts, an invoice a credit settled is
 * not chased, and a client whose credits exceed its invoices has a credit
 * balance: shown as such, never chased.
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { namedInvoice } from "../books/fec/classify";
import { impute } from "../books/impute";
import type { BookLine } from "../books/types";
import type { Invoice } from "./invoiceRow";

export interface ListCredit {
  readonly sheetRow: number;
  readonly client: string;
  readonly clientKey: string;
  readonly numero: string;
  /** Payment date, else the document's date, else its due date. */
  readonly date: EpochDay;
  /** Positive: the credit's amount. */
  readonly montant: Cents;
  /** The invoice it is for (« Facture d'origine » column, or named in its number): imputed there first. */
  readonly refersTo?: string;
}

/**
 * The invoice a credit row names: its « Facture d'origine » cell (« F-12 »,
 * or « Avoir sur facture F-12 »), else its number when it reads « Avoir sur facture F-12 ».
 */
export function creditRefersTo(origin: string | undefined, numero: string): string | undefined {
  const cell = origin?.trim();
  if (cell) return namedInvoice(cell) ?? cell;
  const named = namedInvoice(numero);
  return named !== undefined && named !== numero ? named : undefined;
}

export interface CreditBalance {
  readonly clientKey: string;
  readonly client: string;
  /** What the client is owed (credits beyond its open invoices), positive. */
  readonly cents: Cents;
  /** Sheet rows of the credits with something left. */
  readonly sheetRows: readonly number[];
}

const SOURCE_FILE = "liste";

function debitLine(invoice: Invoice): BookLine {
  return {
    source: { file: SOURCE_FILE, line: invoice.sheetRow },
    account: invoice.clientKey,
    name: invoice.client,
    piece: invoice.numero,
    date: invoice.dateFacture ?? invoice.echeance,
    signedCents: invoice.montant,
    kind: "facture",
  };
}

function creditLine(credit: ListCredit): BookLine {
  return {
    source: { file: SOURCE_FILE, line: credit.sheetRow },
    account: credit.clientKey,
    name: credit.client,
    piece: credit.numero,
    date: credit.date,
    signedCents: -credit.montant,
    kind: "credit",
    ...(credit.refersTo !== undefined && credit.refersTo !== credit.numero && { refersTo: credit.refersTo }),
  };
}

/**
 * The invoices net of the credits (order kept; an invoice a credit touched
 * gets montantInitial and settlements), and the clients left in credit.
 * Invoices the list already marks paid (payment date, nothing owed) take no credit.
 */
export function imputeListCredits(invoices: readonly Invoice[], credits: readonly ListCredit[]): { invoices: Invoice[]; creditBalances: CreditBalance[] } {
  if (credits.length === 0) return { invoices: [...invoices], creditBalances: [] };
  const creditsByClient = new Map<string, ListCredit[]>();
  for (const credit of credits) {
    const list = creditsByClient.get(credit.clientKey);
    if (list) list.push(credit);
    else creditsByClient.set(credit.clientKey, [credit]);
  }
  const openByClient = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    if (!creditsByClient.has(invoice.clientKey) || invoice.datePaiement !== undefined || invoice.montant <= 0) continue;
    const list = openByClient.get(invoice.clientKey);
    if (list) list.push(invoice);
    else openByClient.set(invoice.clientKey, [invoice]);
  }

  const netted = new Map<number, Invoice>();
  const creditBalances: CreditBalance[] = [];
  for (const [clientKey, clientCredits] of creditsByClient) {
    const open = openByClient.get(clientKey) ?? [];
    const byRow = new Map(open.map((invoice) => [invoice.sheetRow, invoice]));
    const { debits, credits: left } = impute(open.map(debitLine), clientCredits.map(creditLine));
    for (const debit of debits) {
      if (debit.settlements.length === 0) continue;
      const invoice = byRow.get(debit.line.source.line) as Invoice;
      netted.set(invoice.sheetRow, {
        ...invoice,
        montant: debit.remaining,
        montantInitial: invoice.montant,
        settlements: debit.settlements.map((s) => ({ date: s.date, cents: s.cents, numero: s.piece, sheetRow: s.source.line })),
      });
    }
    const remaining = left.filter((credit) => credit.remaining > 0);
    if (remaining.length > 0) {
      creditBalances.push({
        clientKey,
        client: clientCredits[0].client,
        cents: remaining.reduce((sum, credit) => sum + credit.remaining, 0),
        sheetRows: remaining.map((credit) => credit.line.source.line),
      });
    }
  }
  return { invoices: invoices.map((invoice) => netted.get(invoice.sheetRow) ?? invoice), creditBalances };
}
