/**
 * The user confirmed where an old debt's escalation starts (startStep.ts):
 * the steps before `stepId` are not proposed for these invoices. Nothing was
 * sent: it is a decision, kept as evidence of why the reminders were
 * skipped. Entered from its own dialog, not the action form.
 */
import { z } from "zod";
import { stepIndexById } from "../scenario";
import { START_FR } from "../startMessages.fr";
import { declareAction } from "./declaration";
import { onInvoices, stepId } from "./fields";

export const start = declareAction({
  schema: z.object({ ...onInvoices, type: z.literal("start"), stepId }).strict(),
  label: START_FR.startEntryLabel,
  facts: ["step"],
  details: {},
  form: null,
  fold(entry, { scenario, update, unknownStep }) {
    const startIndex = stepIndexById(scenario, entry.stepId);
    if (startIndex === undefined) return unknownStep(entry.stepId);
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({ ...s, startIndex: Math.max(s.startIndex ?? -1, startIndex) }));
    }
  },
});
