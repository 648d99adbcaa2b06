/** A dispute opened on invoices: they leave the reminders and the totals until it is resolved. */
import { z } from "zod";
import { declareAction } from "./declaration";
import { onInvoices } from "./fields";

export const dispute = declareAction({
  schema: z
    .object({ ...onInvoices, type: z.literal("dispute"), reason: z.string({ error: "motif du litige manquant" }).min(1, "motif du litige manquant").max(1000, "motif trop long (1000 caractères au plus)") })
    .strict(),
  label: "Litige",
  facts: ["reason"],
  details: { reason: "text" },
  form: ["reason"],
  fold(entry, { update }) {
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({ ...s, dispute: { open: true, since: entry.date, reason: entry.reason, entryId: entry.id } }));
    }
  },
});
