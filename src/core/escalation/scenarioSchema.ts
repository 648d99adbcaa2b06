/**
 * The escalation scenario as the user edits it and the workbook stores it.
 *
 * Validation messages are French: they are shown in the pane next to the
 * step being edited. Step ids are written in the journal, so the pane should
 * keep a step's id when its label changes (a renamed step keeps its history)
 * and make a new id only for a new step.
 */
import { z } from "zod";
import { normalizeWords } from "../text";
import { CHANNELS, DEFAULT_SCENARIO, NOT_YET_DUE_STEP_LABEL, type Scenario, type ScenarioStep } from "./scenario";

/** One step from 90 days before the due date to ten years after. */
const MIN_OFFSET = -90;
const MAX_OFFSET = 3650;
const MAX_STEPS = 20;

const storedStep = z
  .object({
    id: z
      .string({ error: "identifiant d'étape manquant" })
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, "identifiant d'étape : lettres, chiffres, - ou _, 40 caractères au plus, commençant par une lettre"),
    label: z
      .string({ error: "libellé manquant" })
      .trim()
      .min(1, "le libellé de l'étape est vide")
      .max(60, "libellé trop long (60 caractères au plus)")
      .refine((label) => normalizeWords(label) !== normalizeWords(NOT_YET_DUE_STEP_LABEL), `« ${NOT_YET_DUE_STEP_LABEL} » est réservé`),
    offsetDays: z
      .number({ error: "le délai doit être un nombre de jours" })
      .int("le délai doit être un nombre entier de jours")
      .min(MIN_OFFSET, `le délai ne peut pas précéder l'échéance de plus de ${-MIN_OFFSET} jours`)
      .max(MAX_OFFSET, `le délai ne peut pas dépasser ${MAX_OFFSET} jours après l'échéance`),
    channel: z.enum(CHANNELS, { error: "canal inconnu : e-mail, courrier, LRAR, téléphone ou action" }),
    letterTemplateId: z.string().min(1, "modèle de lettre vide").max(40, "identifiant de modèle trop long").optional(),
    formalNotice: z.boolean({ error: "« mise en demeure » : oui ou non" }).optional(),
  })
  .strict();

export const storedScenarioSchema = z
  .object({
    version: z.literal(1),
    etapes: z.array(storedStep).min(1, "le scénario doit compter au moins une étape").max(MAX_STEPS, `au plus ${MAX_STEPS} étapes`),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    scenario.etapes.forEach((step, i) => {
      const n = i + 1;
      if (ids.has(step.id)) ctx.addIssue({ code: "custom", path: ["etapes", i, "id"], message: `étape ${n} : identifiant « ${step.id} » déjà utilisé` });
      ids.add(step.id);
      const label = normalizeWords(step.label);
      if (labels.has(label)) ctx.addIssue({ code: "custom", path: ["etapes", i, "label"], message: `étape ${n} : libellé « ${step.label} » déjà utilisé` });
      labels.add(label);
      if (i > 0 && step.offsetDays <= scenario.etapes[i - 1].offsetDays) {
        ctx.addIssue({
          code: "custom",
          path: ["etapes", i, "offsetDays"],
          message: `étape ${n} : son délai (${step.offsetDays} j) doit suivre celui de l'étape précédente (${scenario.etapes[i - 1].offsetDays} j)`,
        });
      }
    });
  });

export type StoredScenario = z.infer<typeof storedScenarioSchema>;

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Reads a stored or edited scenario; the errors are ready to show. */
export function validateScenario(input: unknown): ScenarioValidation {
  const parsed = storedScenarioSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const index = issue.path[1];
        // Custom messages already name the step; zod's own ones get a prefix.
        return typeof index === "number" && !issue.message.startsWith("étape")
          ? `étape ${index + 1} : ${issue.message}`
          : issue.message;
      }),
    };
  }
  return { ok: true, scenario: parsed.data.etapes.map((step) => ({ ...step }) as ScenarioStep) };
}

export function toStoredScenario(scenario: Scenario): StoredScenario {
  return { version: 1, etapes: scenario.map((step) => ({ ...step })) };
}

export const DEFAULT_STORED_SCENARIO: StoredScenario = toStoredScenario(DEFAULT_SCENARIO);
