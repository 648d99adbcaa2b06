/** Debt acknowledged by the debtor (C. civ. 2240): restarts prescription. */
import { z } from "zod";
import { declareAction, later } from "./declaration";
import { onInvoices } from "./fields";

export const acknowledgment = declareAction({
  schema: z.object({ ...onInvoices, type: z.literal("acknowledgment") }).strict(),
  label: "Reconnaissance de dette",
  facts: [],
  details: {},
  form: [],
  fold(entry, { update }) {
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({ ...s, interruption: later(s.interruption, entry.date) }));
    }
  },
});
