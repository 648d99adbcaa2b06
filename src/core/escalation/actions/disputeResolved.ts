/** A dispute closed, with how: the invoices come back to the reminders (an invoice with no open dispute is unchanged). */
import { z } from "zod";
import { declareAction } from "./declaration";
import { onInvoices, shortText } from "./fields";

export const disputeResolved = declareAction({
  schema: z.object({ ...onInvoices, type: z.literal("disputeResolved"), resolution: shortText(1000).optional() }).strict(),
  label: "Litige résolu",
  facts: ["reason"],
  details: { resolution: "text" },
  form: ["resolution"],
  fold(entry, { update }) {
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) =>
        s.dispute?.open ? { ...s, dispute: { ...s.dispute, open: false, resolvedOn: entry.date, ...(entry.resolution !== undefined && { resolution: entry.resolution }) } } : s,
      );
    }
  },
});
