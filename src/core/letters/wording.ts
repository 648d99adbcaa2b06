/**
 * The built-in French letters, one per step of the default scenario and a
 * payment-plan proposal, each in three variants: a professional debtor
 * (L441-10 penalties and the 40 EUR indemnity, C. com.), a consumer (no
 * penalty, no indemnity; legal interest from the formal notice, C. civ.
 * 1231-6 and 1344-1) and a public buyer (moratory interest R2192-31 CCP and
 * the 40 EUR indemnity D2192-35 CCP). FACTS.md §1, §4, §5, §7.
 *
 * The same blocks make the Word letter, the PDF and the e-mail body: blocks
 * marked `only: "courrier"` (letterhead, address, LRAR mention, signature
 * box) are left out of the e-mail, blocks marked `only: "email"` out of the
 * letter. Tags are the merge fields of fields.ts; the wording itself is in
 * builtInLetters.ts.
 */
import type { DebtorKind } from "../escalation/claim";
import type { Block } from "./blocks";
import { BUILDERS, OBJETS } from "./builtInLetters";
import { closingKept, typoBlocks } from "./wordingParts";

export const BUILT_IN_TEMPLATE_IDS = ["preventive", "relance1", "relance2", "relance3", "miseEnDemeure", "echeancier"] as const;
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

export const BUILT_IN_TEMPLATE_LABELS: Readonly<Record<BuiltInTemplateId, string>> = {
  preventive: "Relance préventive",
  relance1: "Relance 1",
  relance2: "Relance 2",
  relance3: "Relance 3",
  miseEnDemeure: "Mise en demeure",
  echeancier: "Proposition d'échéancier",
};

export const DEBTOR_KIND_LABELS: Readonly<Record<DebtorKind, string>> = {
  professionnel: "professionnel",
  particulier: "particulier",
  acheteurPublic: "acheteur public",
};

export function isBuiltInTemplateId(id: string): id is BuiltInTemplateId {
  return (BUILT_IN_TEMPLATE_IDS as readonly string[]).includes(id);
}

export interface LetterTemplate {
  readonly id: BuiltInTemplateId;
  readonly variant: DebtorKind;
  /** "miseEnDemeure.professionnel": names the template in a combined document. */
  readonly key: string;
  readonly label: string;
  /** Subject line, with tags: "Objet :" of the letter and subject of the e-mail. */
  readonly objet: string;
  /** The letter is sent by registered post (LRAR). */
  readonly lrar: boolean;
  readonly blocks: readonly Block[];
}

const cache = new Map<string, LetterTemplate>();

/** The built-in template for a step and a kind of debtor. */
export function builtInTemplate(id: BuiltInTemplateId, variant: DebtorKind): LetterTemplate {
  const key = `${id}.${variant}`;
  let template = cache.get(key);
  if (!template) {
    template = {
      id,
      variant,
      key,
      label: `${BUILT_IN_TEMPLATE_LABELS[id]} (${DEBTOR_KIND_LABELS[variant]})`,
      objet: OBJETS[id],
      lrar: id === "miseEnDemeure",
      blocks: typoBlocks(closingKept(BUILDERS[id](variant))),
    };
    cache.set(key, template);
  }
  return template;
}

/** Every built-in template, for the pane's list and the tests. */
export function allBuiltInTemplates(): LetterTemplate[] {
  const variants: DebtorKind[] = ["professionnel", "particulier", "acheteurPublic"];
  return BUILT_IN_TEMPLATE_IDS.flatMap((id) => variants.map((variant) => builtInTemplate(id, variant)));
}
