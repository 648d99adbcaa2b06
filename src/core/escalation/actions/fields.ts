/**
 * The pieces every action's journal entry is made of: days, cents,
 * timestamps, invoice numbers, texts, the row's origin, and the fields all
 * entries share. French messages: they reach the user when a journal row is
 * damaged.
 */
import { z } from "zod";
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY } from "../../calendar";
import { MAX_CENTS } from "../../money";
import { CHANNELS } from "../scenario";


export const epochDay = z
  .number({ error: "date attendue" })
  .int("date attendue (jour entier)")
  .min(MIN_EPOCH_DAY, "date antérieure au 01/01/1900")
  .max(MAX_EPOCH_DAY, "date postérieure au 31/12/9999");

export const cents = z.number({ error: "montant attendu" }).int("montant au centime près attendu").min(0, "montant négatif").max(MAX_CENTS, "montant trop élevé");
export const positiveCents = cents.min(1, "montant strictement positif attendu");

/** ISO 8601 with a time and a zone, as the pane's clock gives it (toISOString). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const timestamp = z.string({ error: "horodatage attendu" }).regex(ISO_TIMESTAMP, "horodatage ISO attendu (ex. 2026-03-02T09:15:00Z)");

export const stepId = z.string({ error: "étape manquante" }).min(1, "étape manquante").max(40, "identifiant d'étape trop long");

/** Invoice numbers are joined with "; " in the table: they may not hold one. */
export const invoiceNumber = z
  .string({ error: "numéro de facture attendu" })
  .min(1, "numéro de facture vide")
  .max(100, "numéro de facture trop long")
  .refine((n) => !n.includes(";") && n === n.trim(), "numéro de facture avec « ; » ou des espaces en bordure");

/** Optional texts are absent rather than empty: a blank cell reads back as absent. */
export const shortText = (max: number) => z.string({ error: "texte attendu" }).min(1, "texte vide").max(max, `texte trop long (${max} caractères au plus)`);

/**
 * Where a row comes from, when several people or panes write one workbook
 * (co-authoring): the user (profile name or Microsoft 365 account), the
 * runtime (one pane or add-in session: a random id), and the runtime's own
 * row counter, so that rows fold in the order (timestamp, runtime, seq)
 * whatever order a merge gave them. Sending rows add the mailbox that sent,
 * how many requests reached Microsoft Graph, and a Retry-After's end.
 * Stored in « Détails »; a damaged origin is dropped on reading, never the row.
 */
export const rowOrigin = z
  .object({
    by: shortText(255),
    runtime: z.string().regex(/^[a-z0-9]{1,16}$/, "identifiant de poste invalide"),
    seq: z.number().int().min(0).max(999_999_999),
    mailbox: shortText(255).optional(),
    requests: z.number().int().min(0).max(100).optional(),
    pauseUntil: timestamp.optional(),
  })
  .strict();
export type RowOrigin = z.infer<typeof rowOrigin>;

export const common = {
  /** Unique per entry; the pane makes it (e.g. crypto.randomUUID()). */
  id: z.string({ error: "clé manquante" }).min(1, "clé vide").max(100, "clé trop longue"),
  /** When the entry was recorded (ISO string from the pane's clock). */
  timestamp,
  /** The day the action took place (may be earlier than the timestamp). */
  date: epochDay,
  client: z.string({ error: "client manquant" }).min(1, "client vide").max(255, "nom de client trop long"),
  clientKey: z.string({ error: "clé client manquante" }).min(1, "clé client vide").max(255, "clé client trop longue"),
  invoices: z.array(invoiceNumber, { error: "liste de factures attendue" }).max(500, "au plus 500 factures par entrée"),
  stepId: stepId.optional(),
  channel: z.enum(CHANNELS, { error: "canal inconnu" }).optional(),
  /** Amounts claimed in the letter or call, as evidence. */
  principal: cents.optional(),
  penalties: cents.optional(),
  indemnity: cents.optional(),
  documentRef: shortText(255).optional(),
  note: shortText(2000).optional(),
  /** Who wrote the row, from which runtime (optional: older rows have none; see rowOrigin). */
  origin: rowOrigin.optional(),
};

/** Entries that act on invoices must name at least one. */
export const onInvoices = { ...common, invoices: common.invoices.min(1, "au moins une facture") };


/**
 * The number La Poste gives a registered letter (« 1A 123 456 7890 1 »),
 * recorded with the step or document it was sent for: the court file's
 * chronology and the letter's copy print it. Optional: journals written
 * before it existed, and steps not sent by LRAR, have none.
 */
export const lrarNumber = z
  .string({ error: "numéro de recommandé attendu" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{5,38}[A-Za-z0-9]$/, "numéro de recommandé : lettres, chiffres et espaces (ex. 1A 123 456 7890 1)");
