/**
 * A scenario step done: a reminder, a formal notice (mise en demeure), sent
 * from Recouvre or, with `recordedLater`, taken outside it (« déjà relancé
 * le … ») and entered afterwards with the day it was taken (absent in
 * journals written before it existed, which read as before).
 */
import { z } from "zod";
import { isFormalNotice, stepIndexById } from "../scenario";
import type { StepDone } from "../state";
import { START_FR } from "../startMessages.fr";
import { declareAction } from "./declaration";
import { lrarNumber, onInvoices, stepId } from "./fields";

const schema = z.object({ ...onInvoices, type: z.literal("step"), stepId, recordedLater: z.literal(true, { error: START_FR.recordedLaterInvalid }).optional(), lrar: lrarNumber.optional() })
  .strict();

/** The furthest step: highest index, the latest date among equals. */
function isFurther(done: StepDone, last: StepDone | undefined): boolean {
  return last === undefined || done.index > last.index || (done.index === last.index && done.date >= last.date);
}

export const step = declareAction({
  schema,
  label: "Étape",
  facts: ["step", "channel", "claimed"],
  details: { recordedLater: "flag", lrar: "text" },
  form: ["step", "channel", "lrar"],
  fold(entry, { scenario, update, unknownStep }) {
    const stepIndex = stepIndexById(scenario, entry.stepId);
    if (stepIndex === undefined) unknownStep(entry.stepId);
    const done: StepDone = { stepId: entry.stepId, index: stepIndex ?? -1, date: entry.date, entryId: entry.id };
    // A registered letter (LRAR) is a formal notice whatever the step is called.
    const notice = (stepIndex !== undefined && isFormalNotice(scenario[stepIndex])) || entry.channel === "lrar";
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({
        ...s,
        stepsDone: [...s.stepsDone, done],
        ...(stepIndex !== undefined && isFurther(done, s.lastStep) && { lastStep: done }),
        ...(notice && (s.formalNoticeDate === undefined || entry.date < s.formalNoticeDate) && { formalNoticeDate: entry.date }),
      }));
    }
  },
});
