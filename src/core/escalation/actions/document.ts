/** A document produced (a letter, a court file): history only; written by the letters, not the action form. */
import { z } from "zod";
import { declareAction } from "./declaration";
import { common, lrarNumber, shortText } from "./fields";

export const producedDocument = declareAction({
  schema: z
    .object({ ...common, type: z.literal("document"), documentRef: shortText(255).min(1, "référence du document manquante"), templateId: z.string().min(1, "modèle vide").max(40, "identifiant de modèle trop long").optional(), lrar: lrarNumber.optional() })
    .strict(),
  label: "Document",
  facts: ["document"],
  details: { templateId: "text", lrar: "text" },
  form: null,
  fold() {},
});
