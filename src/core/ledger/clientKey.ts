/**
 * The key that groups invoices into one client case and ties journal entries
 * to it.
 *
 * Lists are typed by hand: "SARL Dupont", "sarl  dupont", "SARL DUPONT." are
 * one client. Case, accents, punctuation and spacing are ignored; words are
 * kept in order and legal forms are kept (dropping them would merge
 * "Dupont SA" with "Dupont SARL", two different debtors).
 *
 * The key is written in every journal entry, so this function must stay
 * stable: changing it would orphan the history of existing workbooks.
 */
import { normalizeWords } from "../text";

const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

export function clientKeyOf(client: string): string {
  return normalizeWords(client.normalize("NFKD")).replace(NOT_ALPHANUMERIC, " ").trim();
}

/** Key of one invoice across list and journal: client key + invoice number. */
export function invoiceKeyOf(clientKey: string, numero: string): string {
  return `${clientKey}\u0000${numero}`;
}
