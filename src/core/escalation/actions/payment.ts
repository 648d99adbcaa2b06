/**
 * A payment received, split over the invoices it settles. balanceBefore is
 * what the invoice still owed just before (as the pane saw it): together
 * they tell the state what remains even if the list is not updated. A
 * partial payment restarts prescription (C. civ. 2240) and pays the plan's
 * instalments in date order.
 */
import { z } from "zod";
import type { Cents } from "../../money";
import type { PlanState } from "../state";
import { declareAction, later } from "./declaration";
import { cents, invoiceNumber, onInvoices, positiveCents } from "./fields";

export const allocation = z.object({ invoice: invoiceNumber, amount: positiveCents, balanceBefore: cents }).strict();

const schema = z
  .object({ ...onInvoices, type: z.literal("payment"), amount: positiveCents, allocations: z.array(allocation, { error: "répartition du paiement manquante" }).min(1, "répartition du paiement manquante") })
  .strict()
  .refine((e) => e.allocations.reduce((sum, a) => sum + a.amount, 0) === e.amount, {
    message: "la répartition ne fait pas le total du paiement",
    path: ["allocations"],
  })
  .refine((e) => e.allocations.every((a) => e.invoices.includes(a.invoice)), {
    message: "la répartition cite une facture absente de l'entrée",
    path: ["allocations"],
  })
  .refine((e) => e.allocations.every((a) => a.amount <= a.balanceBefore), {
    message: "un paiement imputé dépasse le solde de la facture",
    path: ["allocations"],
  });

/** Payments fill the instalments in date order; an overpayment stays in `paid`. */
function payPlan(plan: PlanState, amount: Cents): PlanState {
  let left = plan.paid + amount;
  const instalments = plan.instalments.map((item) => {
    const paid = Math.min(item.amount, left);
    left -= paid;
    return { ...item, paid };
  });
  return { ...plan, paid: plan.paid + amount, instalments };
}

export const payment = declareAction({
  schema,
  label: "Paiement",
  facts: ["amount", "allocations"],
  details: { amount: "euros", allocations: "allocations" },
  form: ["amount"],
  fold(entry, { invoiceState, update, plans }) {
    const plansPaid = new Map<string, Cents>();
    for (const share of entry.allocations) {
      update(entry.clientKey, share.invoice, (s) => ({
        ...s,
        payments: [...s.payments, { date: entry.date, amount: share.amount, entryId: entry.id }],
        paid: s.paid + share.amount,
        balance: share.balanceBefore - share.amount,
        interruption: later(s.interruption, entry.date),
      }));
      const planId = invoiceState(entry.clientKey, share.invoice).planId;
      const covering = planId === undefined ? undefined : plans.get(planId);
      if (covering && entry.date >= covering.date) plansPaid.set(covering.id, (plansPaid.get(covering.id) ?? 0) + share.amount);
    }
    for (const [planId, amount] of plansPaid) plans.set(planId, payPlan(plans.get(planId)!, amount));
  },
});
