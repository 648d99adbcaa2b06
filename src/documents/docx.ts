/**
 * Word documents with docxtemplater + pizzip: the built-in templates as real
 * .docx files, one letter per client, and the combined document (one letter
 * per page) rendered ONCE from a template whose body is wrapped in a
 * {#lettres} loop, never N renders glued together.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import type { FieldMapping } from "../core/letters/mapping";
import type { LetterModel } from "../core/letters/model";
import { COMMON_FIELDS } from "../core/letters/templateCheck";
import type { LetterTemplate } from "../core/letters/wording";
import {
  combinedBodyXml,
  documentXml,
  LETTERS_LOOP,
  letterBodyXml,
  packageFiles,
  SECTION_BREAK_TAG,
  SECTION_PROPERTIES,
  sectionBreakXml,
  templateSelector,
} from "./ooxml";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Tag names are looked up as typed, spaces trimmed ("{ client }" works). The
 * value is searched from the innermost scope outwards (docxtemplater's scope
 * manager), so a letter's fields are visible inside its invoice loop.
 */
function parser(tag: string, mapping?: FieldMapping) {
  const typed = tag.trim();
  // The user's own names read as the Recouvre fields they were mapped to; null: left blank on purpose.
  const name = mapping && Object.hasOwn(mapping, typed) ? mapping[typed] : typed;
  return {
    get(scope: unknown): unknown {
      if (name === null) return undefined;
      if (name === ".") return scope;
      if (scope === null || typeof scope !== "object") return undefined;
      return Object.prototype.hasOwnProperty.call(scope, name) ? (scope as Record<string, unknown>)[name] : undefined;
    },
  };
}

export const DOCXTEMPLATER_OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  parser: (tag: string) => parser(tag),
  errorLogging: false,
  nullGetter: () => "",
} as const;

/** The options for a template read through the user's field mapping. */
function optionsFor(mapping: FieldMapping | undefined) {
  return mapping && Object.keys(mapping).length > 0 ? { ...DOCXTEMPLATER_OPTIONS, parser: (tag: string) => parser(tag, mapping) } : DOCXTEMPLATER_OPTIONS;
}

export function openDocxtemplater(bytes: Uint8Array | PizZip, mapping?: FieldMapping): Docxtemplater {
  const zip = bytes instanceof PizZip ? bytes : new PizZip(bytes);
  return new Docxtemplater(zip, optionsFor(mapping));
}

export function zipBytes(zip: PizZip): Uint8Array {
  return zip.generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, mimeType: DOCX_MIME });
}

function buildPackage(document: string, title: string): Uint8Array {
  const zip = new PizZip();
  for (const [name, content] of Object.entries(packageFiles(document, title))) zip.file(name, content);
  return zipBytes(zip);
}

const singleCache = new Map<string, Uint8Array>();

/**
 * A built-in letter as a Word template, tags in place: what the user can
 * download, adapt in Word and load back as their own template.
 */
export function builtInTemplateDocx(template: LetterTemplate): Uint8Array {
  let bytes = singleCache.get(template.key);
  if (!bytes) {
    bytes = buildPackage(documentXml(letterBodyXml(template)), template.label);
    singleCache.set(template.key, bytes);
  }
  return bytes;
}

const combinedCache = new Map<string, Uint8Array>();

/** The combined template for a set of built-in templates (one section each when there are several). */
export function combinedTemplateDocx(templates: readonly LetterTemplate[]): Uint8Array {
  const unique = [...new Map(templates.map((t) => [t.key, t])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const cacheKey = unique.map((t) => t.key).join("|");
  let bytes = combinedCache.get(cacheKey);
  if (!bytes) {
    const body = combinedBodyXml(unique.map((t) => ({ ...(unique.length > 1 && { selector: templateSelector(t.key) }), xml: letterBodyXml(t) })));
    bytes = buildPackage(documentXml(body), "Lettres de relance");
    combinedCache.set(cacheKey, bytes);
  }
  return bytes;
}

/** Renders a template with data: one docxtemplater render. */
export function renderDocx(templateBytes: Uint8Array, data: Record<string, unknown>, mapping?: FieldMapping): Uint8Array {
  const doc = openDocxtemplater(templateBytes, mapping);
  doc.render(data);
  return zipBytes(doc.getZip());
}

/** Fields common to all the letters of a generation: what headers and footers of the combined document show. */
export function commonData(letter: LetterModel): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of COMMON_FIELDS) data[name] = letter.fields[name];
  return data;
}

/**
 * The data of the combined document: one item per letter in {#lettres}, each
 * starting with a section break after the first, and the selector of its
 * template when the document holds several.
 */
export function combinedData(
  letters: readonly LetterModel[],
  sectionProperties: string,
  selectorOf?: (letter: LetterModel) => string | undefined,
): Record<string, unknown> {
  const sectionBreak = sectionBreakXml(sectionProperties);
  const items = letters.map((letter, i) => {
    const item: Record<string, unknown> = { ...letter.fields, [SECTION_BREAK_TAG]: i === 0 ? "" : sectionBreak };
    const selector = selectorOf?.(letter);
    if (selector) item[selector] = true;
    return item;
  });
  return { ...(letters.length ? commonData(letters[0]) : {}), [LETTERS_LOOP]: items };
}

/** The combined document of built-in letters: one render. */
export function renderCombinedBuiltIn(letters: readonly LetterModel[]): Uint8Array {
  const templates = letters.map((letter) => {
    if (!letter.builtIn) throw new Error(`pas de modèle intégré pour l'étape « ${letter.stepLabel} »`);
    return letter.builtIn;
  });
  const several = new Set(templates.map((t) => t.key)).size > 1;
  const data = combinedData(letters, SECTION_PROPERTIES, several ? (letter) => templateSelector(letter.builtIn!.key) : undefined);
  return renderDocx(combinedTemplateDocx(templates), data);
}

/** One client's letter from its built-in template. */
export function renderBuiltInLetter(letter: LetterModel): Uint8Array {
  if (!letter.builtIn) throw new Error(`pas de modèle intégré pour l'étape « ${letter.stepLabel} »`);
  return renderDocx(builtInTemplateDocx(letter.builtIn), { ...letter.fields });
}
