/**
 * The user's own template as it is: each name Recouvre does not know is
 * associated with a Recouvre field (proposed by meaning, confirmed or
 * changed by the user) or deliberately left blank. The association is stored
 * with the template; the checker then sees the template through it, and the
 * merge reads each user name as its Recouvre field.
 */
import { FIELD_SPECS, LETTER_FIELDS, LOOP_FIELDS, LOOP_NAMES, type LoopName } from "./fields";
import { fieldByMeaning } from "./meaning";
import { samePartySpelling, type FoundTag } from "./templateCheck";

/** User name → Recouvre field, or null: left blank on purpose. */
export type FieldMapping = Readonly<Record<string, string | null>>;

export interface MappingProposal {
  /** The name as written in the template. */
  readonly name: string;
  /** Written {#name} / {^name} (a loop or a condition) or as a value. */
  readonly section: boolean;
  /** The Recouvre loop it sits in, once the enclosing names are mapped. */
  readonly loop?: LoopName;
  /** The proposal (by meaning, else by spelling), or undefined. */
  readonly suggestion?: string;
  /** Recouvre fields that fit at that place, for the user's choice. */
  readonly choices: readonly string[];
}

const KNOWN_NAMES = new Set(FIELD_SPECS.map((s) => s.name));
const CONDITIONS = new Set(FIELD_SPECS.filter((s) => s.kind === "condition").map((s) => s.name));
const TEXTS_OF = (scope: string) => FIELD_SPECS.filter((s) => s.kind === "texte" && s.scope === scope).map((s) => s.name);

/** What may stand at a place: values of the letter and of the enclosing loops, or sections. */
function choicesAt(section: boolean, loops: readonly LoopName[]): string[] {
  const inner = loops[loops.length - 1];
  if (section) {
    const loopsHere = [...LOOP_NAMES].filter((name) => {
      const parent = FIELD_SPECS.find((s) => s.name === name)!.scope;
      return parent === "lettre" ? loops.length === 0 : loops.includes(parent as LoopName);
    });
    const conditions = [...CONDITIONS].filter((name) => LETTER_FIELDS.has(name) || loops.some((loop) => LOOP_FIELDS[loop].has(name)));
    return [...loopsHere, ...conditions];
  }
  const values = [...(inner ? TEXTS_OF(inner) : []), ...loops.slice(0, -1).flatMap((loop) => TEXTS_OF(loop)), ...TEXTS_OF("lettre")];
  return [...new Set(values)];
}

function isKnown(tag: FoundTag, loops: readonly LoopName[]): boolean {
  const name = tag.name.trim();
  if (tag.kind === "brut") return true;
  return choicesAt(tag.kind !== "champ", loops).includes(name) || (tag.kind !== "champ" && LETTER_FIELDS.has(name));
}

/** The Recouvre loops enclosing a tag, through the mapping. */
function loopsOf(tag: FoundTag, mapping: FieldMapping): LoopName[] {
  return tag.within.map((name) => mapped(name.trim(), mapping)).filter((name): name is LoopName => name !== null && LOOP_NAMES.has(name));
}

function mapped(name: string, mapping: FieldMapping): string | null {
  const target = Object.hasOwn(mapping, name) ? mapping[name] : undefined;
  return target === undefined ? name : target;
}

/**
 * Proposals for the names of a template that Recouvre does not know, in the
 * template's order, each once. Sections come first in the pass so that a
 * field inside a user's loop ({#invoices}{number}) is proposed among the
 * loop's own fields. `mapping` holds what the user already chose.
 */
export function proposeMapping(tags: readonly FoundTag[], mapping: FieldMapping = {}): MappingProposal[] {
  const working: Record<string, string | null> = { ...mapping };
  const proposals = new Map<string, MappingProposal>();
  const ordered = [...tags.filter((t) => t.kind !== "champ"), ...tags.filter((t) => t.kind === "champ")];
  for (const tag of ordered) {
    const name = tag.name.trim();
    if (tag.kind === "brut" || proposals.has(name)) continue;
    const loops = loopsOf(tag, working);
    // Known names, even misplaced ones, are the checker's business (« ne s'emploie qu'à l'intérieur… »).
    if (!Object.hasOwn(mapping, name) && (isKnown(tag, loops) || KNOWN_NAMES.has(name))) continue;
    const section = tag.kind !== "champ";
    const choices = choicesAt(section, loops);
    const allowed = new Set(choices);
    let suggestion: string | undefined = fieldByMeaning(name, section, loops[loops.length - 1], allowed);
    suggestion ??= samePartySpelling(name, choices);
    const chosen = Object.hasOwn(mapping, name) ? mapping[name] : suggestion;
    if (chosen !== undefined && !Object.hasOwn(working, name)) working[name] = chosen;
    proposals.set(name, { name, section, ...(loops.length > 0 && { loop: loops[loops.length - 1] }), ...(suggestion !== undefined && { suggestion }), choices });
  }
  return [...proposals.values()];
}

/**
 * The template's tags as Recouvre reads them through the mapping: each name
 * replaced by its field; a blank value dropped; a blank section dropped with
 * everything inside it (it never prints).
 */
export function mapTags(tags: readonly FoundTag[], mapping: FieldMapping): FoundTag[] {
  const out: FoundTag[] = [];
  for (const tag of tags) {
    const name = tag.name.trim();
    if (tag.within.some((section) => mapped(section.trim(), mapping) === null)) continue;
    const target = mapped(name, mapping);
    if (target === null) continue;
    out.push({ ...tag, name: target, within: tag.within.map((section) => mapped(section.trim(), mapping) as string) });
  }
  return out;
}

/** A mapping read back from the workbook: only string → string | null entries; anything else is dropped. */
export function parseFieldMapping(input: unknown): FieldMapping {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return {};
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (typeof value === "string" || value === null) out[key] = value;
  }
  return out;
}
