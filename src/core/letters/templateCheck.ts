/**
 * Checks the merge tags of a user's Word template before any merge.
 *
 * The documents layer reads the tags out of the .docx (with docxtemplater's
 * inspection) and hands them here with the loops that enclose each one. Every
 * unknown name is reported at once, in French, with the closest known name
 * ("{totl_du} : vouliez-vous dire {total_du} ?"), so the user fixes the
 * template once instead of discovering blanks in 300 printed letters.
 */
import { normalizeWords } from "../text";
import { FIELD_SPECS, LETTER_FIELDS, LOOP_FIELDS, LOOP_NAMES, type LoopName } from "./fields";
import { fieldByMeaning, partyOfName } from "./meaning";

export interface FoundTag {
  /** The name as typed between the braces, without the # ^ / @ sign. */
  readonly name: string;
  /** {x}: champ; {#x}…{/x}: section (loop or condition); {^x}: inverted section; {@x}: raw XML. */
  readonly kind: "champ" | "section" | "sectionInverse" | "brut";
  /** Names of the sections enclosing the tag, outermost first. */
  readonly within: readonly string[];
  /** Where the tag is: body, header or footer. */
  readonly part: "corps" | "en-tete" | "pied";
}

export interface UnknownField {
  readonly name: string;
  readonly suggestion?: string;
}

export interface TemplateCheckReport {
  /** True when the template can be merged (no error). */
  readonly ok: boolean;
  /** Blocking problems, in French. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly unknown: readonly UnknownField[];
  /** Known field names the template uses, sorted. */
  readonly fieldsUsed: readonly string[];
}

/** Largest template accepted (1,5 Mo): the pane checks it before reading, the documents layer again itself. */
export const MAX_TEMPLATE_BYTES = 1.5 * 1024 * 1024;

/**
 * Fields that are the same in every letter of one generation: the only ones
 * a header or footer can show in the combined document.
 */
export const COMMON_FIELDS: ReadonlySet<string> = new Set([
  ...FIELD_SPECS.filter((spec) => spec.group === "Créancier").map((spec) => spec.name),
  "date_lettre",
  "arrete_au",
  "fait_a",
  "delai",
  "delai_jours",
  "date_limite",
]);

/** Names users often type for our fields. */
const ALIASES: Readonly<Record<string, string>> = {
  nom: "client",
  nom_client: "client",
  raison_sociale: "client",
  societe: "client",
  debiteur: "client",
  cp: "code_postal",
  codepostal: "code_postal",
  siren: "siren_client",
  siret: "siren_client",
  email: "email_client",
  mail: "email_client",
  courriel: "email_client",
  facture: "factures",
  invoices: "factures",
  numero_facture: "numero",
  num: "numero",
  date_facture: "date",
  date_echeance: "echeance",
  montant_ttc: "montant",
  solde: "montant",
  reste_du: "montant",
  retard: "jours_retard",
  jours: "jours_retard",
  interets: "penalites",
  taux: "taux_penalites",
  total: "total_du",
  montant_total: "total_du",
  date: "date_lettre",
  date_du_jour: "date_lettre",
  ref: "reference",
  entreprise: "creancier",
  siren_creancier: "creancier_siren",
  ville_signature: "ville_creancier",
};

function normalizeName(name: string): string {
  return normalizeWords(name).replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

/** Damerau-Levenshtein distance (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name closest to `name` among `candidates`, if close enough to be a typo. */
export function suggestField(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const normalized = normalizeName(name);
  if (list.includes(normalized)) return normalized;
  const alias = ALIASES[normalized];
  if (alias !== undefined && list.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(normalized, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(normalized.length / 3));
  if (best !== undefined && bestDistance <= allowed) return best;
  // "montant_facture" -> "montant": a known name inside the typed one.
  const inside = list.filter((candidate) => candidate.length >= 4 && normalized.includes(candidate)).sort((x, y) => y.length - x.length);
  return inside[0];
}

const brace = (name: string) => `{${name}}`;

const CONDITION_NAMES: ReadonlySet<string> = new Set(FIELD_SPECS.filter((spec) => spec.kind === "condition").map((spec) => spec.name));
const CREDITOR_FIELD = /creancier|^iban$|^bic$|^iban_bic$|signataire|^signature$|^joignable$/;

function innermost(loops: readonly string[]): LoopName | undefined {
  const last = loops[loops.length - 1]?.trim();
  return last === undefined ? undefined : (last as LoopName);
}

/** A spelling-based suggestion, unless it names the other party (« code_postal_creancier » is not « code_postal »). */
export function samePartySpelling(name: string, candidates: readonly string[]): string | undefined {
  const spelled = suggestField(name, candidates);
  if (spelled === undefined) return undefined;
  const party = partyOfName(name);
  const creditorField = CREDITOR_FIELD.test(spelled);
  return (party === "creancier" && !creditorField) || (party === "debiteur" && creditorField) ? undefined : spelled;
}

/** Loops that only exist inside another one: {#periodes} inside {#factures}. */
const LOOP_PARENTS: ReadonlyMap<string, LoopName> = new Map(
  FIELD_SPECS.filter((spec) => spec.kind === "boucle" && spec.scope !== "lettre").map((spec) => [spec.name, spec.scope as LoopName]),
);

/** The report for the tags of one template (see FoundTag). */
export function checkTemplateTags(tags: readonly FoundTag[]): TemplateCheckReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const unknown = new Map<string, UnknownField>();
  const used = new Set<string>();
  const misplaced = new Map<string, string>();
  const headerFields = new Set<string>();

  for (const tag of tags) {
    const name = tag.name.trim();
    const loops = tag.within.filter((section) => LOOP_NAMES.has(section.trim()));
    const inScope = new Set<string>([...LETTER_FIELDS, ...loops.flatMap((loop) => [...LOOP_FIELDS[loop.trim() as LoopName]])]);

    if (tag.kind === "brut") {
      errors.push(`La balise {@${name}} insère du XML brut : elle n'est pas acceptée. Écrivez ${brace(name)}.`);
      continue;
    }
    if (tag.kind === "section" || tag.kind === "sectionInverse") {
      const parent = LOOP_PARENTS.get(name);
      if (parent !== undefined && !loops.some((loop) => loop.trim() === parent)) {
        misplaced.set(name, parent);
        continue;
      }
      if (LOOP_NAMES.has(name) || inScope.has(name)) {
        used.add(name);
        if (tag.part !== "corps") headerFields.add(name);
        continue;
      }
    } else {
      if (LOOP_NAMES.has(name)) {
        errors.push(`${brace(name)} est une liste : écrivez {#${name}} au début de la partie à répéter et {/${name}} à la fin.`);
        continue;
      }
      if (inScope.has(name)) {
        used.add(name);
        if (tag.part !== "corps" && !COMMON_FIELDS.has(name)) headerFields.add(name);
        continue;
      }
      const loop = (["factures", "mensualites", "periodes", "avoirs", "reglements"] as const).find((candidate) => LOOP_FIELDS[candidate].has(name));
      if (loop) {
        misplaced.set(name, loop);
        continue;
      }
    }
    if (!unknown.has(name)) {
      const candidates = tag.kind === "champ" ? [...inScope].filter((c) => !CONDITION_NAMES.has(c)) : [...LETTER_FIELDS, ...LOOP_NAMES];
      const suggestion = fieldByMeaning(name, tag.kind !== "champ", innermost(loops), new Set(candidates)) ?? samePartySpelling(name, candidates);
      unknown.set(name, { name, ...(suggestion !== undefined && { suggestion }) });
    }
  }

  if (unknown.size > 0) {
    const list = [...unknown.values()].map((field) => (field.suggestion ? `${brace(field.name)} (vouliez-vous dire ${brace(field.suggestion)} ?)` : brace(field.name)));
    errors.unshift(
      `${unknown.size === 1 ? "Champ inconnu" : `${unknown.size} champs inconnus`} : ${list.join(", ")}. ` +
        "Corrigez le modèle dans Word ; la liste des champs est dans l'aide « Modèles de lettres : champs de fusion ».",
    );
  }
  for (const [name, loop] of misplaced) {
    errors.push(`${brace(name)} ne s'emploie qu'à l'intérieur de la boucle {#${loop}} … {/${loop}} (une ligne par ${loop === "factures" ? "facture" : loop === "periodes" ? "période" : "mensualité"}).`);
  }
  if (headerFields.size > 0) {
    warnings.push(
      `En-tête ou pied de page : ${[...headerFields].map(brace).join(", ")} ${headerFields.size > 1 ? "changent" : "change"} d'une lettre à l'autre. ` +
        "Dans le document combiné, l'en-tête est commun à toutes les lettres et ces champs y resteront vides ; placez-les dans le corps de la lettre.",
    );
  }
  if (tags.length === 0) warnings.push("Le modèle ne contient aucun champ de fusion : toutes les lettres seront identiques.");
  else if (!used.has("client")) warnings.push("Le modèle ne contient pas {client} : le nom du destinataire n'apparaîtra pas.");

  return { ok: errors.length === 0, errors, warnings, unknown: [...unknown.values()], fieldsUsed: [...used].sort() };
}
