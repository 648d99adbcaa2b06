/**
 * The identity of one reminder e-mail: which client, which invoices, which
 * scenario step, dated which day. Two messages with the same key are the same
 * message: the ledger (ledger.ts) sends a key at most once.
 *
 * - The client is its clientKeyOf key (the journal's), not the name as typed.
 * - Invoice numbers are deduplicated and sorted by UTF-16 code units, never
 *   by locale, so the key is the same on every PC and in every language.
 * - The date is the day the message is dated and its amounts are stated
 *   ("arrêté au"): a resumed batch on the same day finds the same keys. A
 *   batch resumed another day gets new keys, which is why the planner also
 *   checks, invoice by invoice, that no earlier message for the same step is
 *   unresolved (plan.ts) before proposing one.
 *
 * The canonical text is JSON, so no separator can be forged by a client name
 * or an invoice number. The reference written in the journal ("MAIL-<date>-
 * <20 hex digits>") carries 80 bits of its SHA-256: for a collision to be
 * likely a workbook would need about 10^12 messages.
 *
 * This function must stay stable: the journal of existing workbooks refers
 * to its references. KEY_VERSION changes only with a migration. The hash is
 * @noble/hashes' SHA-256 (audited, pure JS, synchronous: core has neither
 * Web Crypto, which is asynchronous, nor node:crypto) of the UTF-8 bytes;
 * references written before it, by a hand-written SHA-256, are pinned in
 * the tests.
 */
import { formatDateIso, type EpochDay } from "../calendar";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export const KEY_VERSION = "recouvre.mail.v1";
const HASH_HEX_DIGITS = 20;

/** "MAIL-2026-03-02-0123456789abcdef0123": what the journal's « Référence document » holds. */
export const MESSAGE_REFERENCE = /^MAIL-(\d{4}-\d{2}-\d{2})-([0-9a-f]{20})$/;

export interface MessageKeyParts {
  readonly clientKey: string;
  readonly invoices: readonly string[];
  readonly stepId: string;
  readonly date: EpochDay;
}

export interface MessageKey {
  /** The canonical text the reference is the hash of. */
  readonly canonical: string;
  /** Short, readable and unique: journal reference, e-mail header, ids. */
  readonly reference: string;
  /** The invoices as the key has them: unique, sorted. */
  readonly invoices: readonly string[];
}

/** Unique invoice numbers in code-unit order (locale-independent). */
export function sortedInvoices(invoices: readonly string[]): string[] {
  return [...new Set(invoices)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function messageKeyOf(parts: MessageKeyParts): MessageKey {
  const invoices = sortedInvoices(parts.invoices);
  const isoDate = formatDateIso(parts.date);
  const canonical = JSON.stringify([KEY_VERSION, parts.clientKey, invoices, parts.stepId, isoDate]);
  const reference = `MAIL-${isoDate}-${sha256Hex(canonical).slice(0, HASH_HEX_DIGITS)}`;
  return { canonical, reference, invoices };
}

/** Lower-case hexadecimal SHA-256 of a text's UTF-8 bytes (a lone surrogate counts as U+FFFD). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Whether a text is a message reference (the journal's « Référence document »). */
export function isMessageReference(text: string | undefined): text is string {
  return text !== undefined && MESSAGE_REFERENCE.test(text);
}
