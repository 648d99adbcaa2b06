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
 * "credit" is a credit the reader could not classify further.
 */
export type LineKind = "facture" | "a_nouveau" | "avoir" | "reglement" | "acompte" | "credit";

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
}

/** A part of a debit settled by a credit, dated by the credit. */
export interface Settlement {
  readonly date: EpochDay;
  readonly cents: Cents;
  /** The credit's piece and source, for the décompte and the report. */
  readonly piece: string;
  readonly source: LineSource;
}

/** A debit still (partly) owed at the chosen date. */
export interface OpenItem {
  readonly account: string;
  readonly name: string;
  readonly piece: string;
  readonly date: EpochDay;
  readonly dueDate?: EpochDay;
  readonly originalCents: Cents;
  /** originalCents minus the settlements; > 0 for an open item. */
  readonly remainingCents: Cents;
  /** Partial payments and credit notes imputed to it, in date order: penalties run on what was unpaid day by day. */
  readonly settlements: readonly Settlement[];
  readonly lettering?: string;
  readonly sources: readonly LineSource[];
}
