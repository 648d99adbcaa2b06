/** A telephone call and how it went: history only, it changes no invoice's state. */
import { z } from "zod";
import { declareAction } from "./declaration";
import { common } from "./fields";

export const CALL_OUTCOMES = ["joint", "messagerie", "injoignable", "mauvaisNumero"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_OUTCOME_LABELS: Readonly<Record<CallOutcome, string>> = {
  joint: "joint",
  messagerie: "message laissé",
  injoignable: "injoignable",
  mauvaisNumero: "numéro erroné",
};

export const call = declareAction({
  schema: z.object({ ...common, type: z.literal("call"), outcome: z.enum(CALL_OUTCOMES, { error: "résultat d'appel inconnu" }) }).strict(),
  label: "Appel",
  facts: ["channel", "outcome"],
  details: { outcome: "text" },
  form: ["outcome"],
  fold() {},
});
