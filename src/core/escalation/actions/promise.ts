/** A promise to pay an amount by a day: pauses the reminders until then (whether it still does depends on today). */
import { z } from "zod";
import { declareAction } from "./declaration";
import { epochDay, onInvoices, positiveCents } from "./fields";

export const promise = declareAction({
  schema: z.object({ ...onInvoices, type: z.literal("promise"), until: epochDay, amount: positiveCents }).strict(),
  label: "Promesse de paiement",
  facts: ["amount", "until"],
  details: { until: "date", amount: "euros" },
  form: ["until", "amount"],
  fold(entry, { update }) {
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({ ...s, promise: { date: entry.date, until: entry.until, amount: entry.amount, entryId: entry.id } }));
    }
  },
});
