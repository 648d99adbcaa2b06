/** A payment plan (échéancier): instalments in strictly increasing dates; a later plan replaces it for the invoices it names. */
import { z } from "zod";
import type { PlanState } from "../state";
import { declareAction } from "./declaration";
import { epochDay, onInvoices, positiveCents } from "./fields";

export const instalment = z.object({ date: epochDay, amount: positiveCents }).strict();

const schema = z
  .object({ ...onInvoices, type: z.literal("plan"), instalments: z.array(instalment, { error: "échéances attendues" }).min(1, "au moins une échéance").max(120, "au plus 120 échéances") })
  .strict()
  .refine((e) => e.instalments.every((item, i) => i === 0 || item.date > e.instalments[i - 1].date), {
    message: "les dates des échéances doivent être strictement croissantes",
    path: ["instalments"],
  });

function newPlan(entry: z.infer<typeof schema>): PlanState {
  return {
    id: entry.id,
    date: entry.date,
    clientKey: entry.clientKey,
    invoices: entry.invoices,
    instalments: entry.instalments.map((item) => ({ ...item, paid: 0 })),
    paid: 0,
    superseded: false,
  };
}

export const plan = declareAction({
  schema,
  label: "Échéancier",
  facts: ["instalments"],
  details: { instalments: "instalments" },
  form: ["instalments"],
  fold(entry, { invoiceState, update, plans }) {
    for (const numero of entry.invoices) {
      const previous = invoiceState(entry.clientKey, numero).planId;
      const old = previous === undefined ? undefined : plans.get(previous);
      if (old && !old.superseded) plans.set(old.id, { ...old, superseded: true });
      update(entry.clientKey, numero, (s) => ({ ...s, planId: entry.id }));
    }
    plans.set(entry.id, newPlan(entry));
  },
});
