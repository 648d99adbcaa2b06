/**
 * The open-item ledger's vocabulary (issue 14): what every reader of the
 * books (FEC, an export pasted in the workbook, a hand-kept list) produces,
 * and what the rest of Recouvre works on.
 *
 * A receivable is a ledger, not a list of positive amounts: per customer
 * account, debits (invoices, opening balances) and credits (payments, credit
 * notes, payments on account), each dated. Open items at a date follow from
 * it by imputing the credits. Amounts are integer cents; dates are calendar
 * days (EpochDay), never times.
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";

/** Where a line came from, so that every line read can be traced and reported. */
export interface LineSource {
  /** File name, or sheet name for a list read from the workbook. */
  readonly file: string;
  /** 1-based line of the file (sheet row for a worksheet). */
  readonly line: number;
}

/**
 * What a line is, as far as the reader can tell. "facture" and "a_nouveau"
 * (an opening balance carried forward) are debits; the others are credits.
 * "credit" is a credit the reader could not classify further, "debit" a
 * debit that is no invoice (a refund, a payment returned unpaid).
 */
export type LineKind = "facture" | "a_nouveau" | "avoir" | "reglement" | "acompte" | "credit" | "debit";

/** One dated movement on a customer account, as read. */
export interface BookLine {
  readonly source: LineSource;
  /** Customer identity: auxiliary account, customer sub-account, or a « Compte » column. */
  readonly account: string;
  /** The customer's name as written on this line (a label, not an identity). */
  readonly name: string;
  /** Document reference (invoice number, credit-note number…); "" when none. */
  readonly piece: string;
  /** Entry or document date. */
  readonly date: EpochDay;
  /** Due date when the source has one (a FEC never does). */
  readonly dueDate?: EpochDay;
  /** Debit minus credit, in cents: positive for a debit, negative for a credit. Never 0. */
  readonly signedCents: Cents;
  readonly kind: LineKind;
  /** Lettering (matching) code; groups are (account, code). */
  readonly lettering?: string;
  /** The piece a credit names (« Avoir sur facture F-12 », a « Facture d'origine » column). */
  readonly refersTo?: string;
  /** Entry label, kept for reports. */
  readonly label?: string;
  /** Document date (FEC PieceDate) when it differs from `date`: the invoice date the terms run from. */
  readonly documentDate?: EpochDay;
  /** General-ledger account (FEC CompteNum, e.g. 41100000): lettering groups are (account, ledger account, code). */
  readonly ledgerAccount?: string;
  /** Journal code (FEC JournalCode), kept for reports. */
  readonly journal?: string;
  /** Entry number (FEC EcritureNum): the lines of one entry, e.g. a transfer 411 -> 416 (./reclassify.ts). */
  readonly entry?: string;
}

/** A part of a debit settled by a credit, dated by the credit. */
export interface Settlement {
  readonly date: EpochDay;
  readonly cents: Cents;
  /** The credit's piece and source, for the décompte and the report. */
  readonly piece: string;
  readonly source: LineSource;
}

/**
 * Where a due date comes from: "source" when the data had one, "assumed"
 * when it was computed from terms the user chose at import (a FEC never
 * carries one: the case must show it as assumed), "none" when neither.
 */
export type DueDateSource = "source" | "assumed" | "none";

/** A debit still (partly) owed at the chosen date, or settled by it (remainingCents 0). */
export interface OpenItem {
  readonly account: string;
  readonly name: string;
  readonly piece: string;
  /** The document's date (BookLine.documentDate) when known, else the entry's date. */
  readonly date: EpochDay;
  readonly dueDate?: EpochDay;
  readonly dueDateSource: DueDateSource;
  /** The terms an assumed due date was computed with (« 30 jours »). */
  readonly assumedTerms?: string;
  readonly kind: LineKind;
  readonly originalCents: Cents;
  /** originalCents minus the settlements; > 0 for an open item, 0 for a settled one. */
  readonly remainingCents: Cents;
  /** Partial payments and credit notes imputed to it, in date order: penalties run on what was unpaid day by day. */
  readonly settlements: readonly Settlement[];
  readonly lettering?: string;
  readonly sources: readonly LineSource[];
}

/** A credit (or the part of it) that no debit of its account could take. */
export interface UnimputedCredit {
  readonly account: string;
  readonly name: string;
  readonly piece: string;
  readonly date: EpochDay;
  readonly kind: LineKind;
  /** The credit's whole amount, positive. */
  readonly originalCents: Cents;
  /** What is left of it, positive. */
  readonly remainingCents: Cents;
  readonly source: LineSource;
}

/**
 * A customer account at the chosen date. "debiteur": it owes (open items);
 * "crediteur": its credits exceed its debits, it is owed money and is never
 * chased; "solde": nothing due either way.
 */
export interface AccountBalance {
  readonly account: string;
  /** The label used for letters: the most frequent cleaned name. */
  readonly name: string;
  /** Debits minus credits up to the date, in cents. */
  readonly balanceCents: Cents;
  readonly status: "debiteur" | "crediteur" | "solde";
  /** Some name of this account had control characters or broken encoding and was cleaned. */
  readonly nameCleaned: boolean;
}
