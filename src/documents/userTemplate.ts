/**
 * The user's own Word template: read its tags, check them (core checker) and
 * docxtemplater's syntax, then keep a combined version whose body is wrapped
 * in the {#lettres} loop, so that N letters are still one render.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { checkTemplateTags, MAX_TEMPLATE_BYTES, type FoundTag, type TemplateCheckReport } from "../core/letters/templateCheck";
import { mapTags, proposeMapping, type FieldMapping, type MappingProposal } from "../core/letters/mapping";
import type { LetterModel } from "../core/letters/model";
import { combinedData, DOCXTEMPLATER_OPTIONS, renderDocx, zipBytes } from "./docx";
import { combinedBodyXml, SECTION_PROPERTIES } from "./ooxml";

export interface UserTemplate {
  readonly name: string;
  /** The .docx as loaded: rendered once per client for the .zip. */
  readonly bytes: Uint8Array;
  /** The same document, body wrapped in {#lettres} … {/lettres}: the combined document. */
  readonly combinedBytes: Uint8Array;
  /** Section properties of the template, repeated between letters. */
  readonly sectionProperties: string;
  readonly report: TemplateCheckReport;
  /** The user's names → Recouvre fields, as confirmed in the pane ({} when every name is Recouvre's). */
  readonly mapping: FieldMapping;
}

/** Besides the report, what the pane shows to map the user's names: one proposal per unknown name. */
export type UserTemplateResult =
  | { readonly ok: true; readonly template: UserTemplate; readonly report: TemplateCheckReport; readonly proposals: readonly MappingProposal[] }
  | { readonly ok: false; readonly report: TemplateCheckReport; readonly proposals: readonly MappingProposal[] };

const MAIN_DOCUMENT = "word/document.xml";

/** Section properties for a template that has none: A4, the built-in letters' margins, no footer. */
const PLAIN_A4_SECTION = SECTION_PROPERTIES.replace(/<w:footerReference[^>]*\/>/, "");

function partOf(file: string): FoundTag["part"] | undefined {
  if (file === MAIN_DOCUMENT || /^word\/(footnotes|endnotes)\.xml$/.test(file)) return "corps";
  if (/^word\/header\d*\.xml$/.test(file)) return "en-tete";
  if (/^word\/footer\d*\.xml$/.test(file)) return "pied";
  return undefined;
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
    if (name === "lt") return "<";
    if (name === "gt") return ">";
    if (name === "amp") return "&";
    if (name === "quot") return '"';
    if (name === "apos") return "'";
    return String.fromCodePoint(name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

/**
 * The tags of one XML part, as docxtemplater reads them: the text of the
 * <w:t> elements joined (a tag may be split over several runs by Word).
 */
export function tagsOfPart(xml: string, part: FoundTag["part"]): FoundTag[] {
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXmlText(match[1])).join("");
  const tags: FoundTag[] = [];
  const stack: string[] = [];
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    const raw = match[1].trim();
    const sign = raw.charAt(0);
    const name = "#^/@".includes(sign) && raw !== "" ? raw.slice(1).trim() : raw;
    if (sign === "/") {
      // docxtemplater's short close {/} closes the innermost open section.
      const at = name === "" ? stack.length - 1 : stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const kind: FoundTag["kind"] = sign === "#" ? "section" : sign === "^" ? "sectionInverse" : sign === "@" ? "brut" : "champ";
    tags.push({ name, kind, within: [...stack], part });
    if (kind === "section" || kind === "sectionInverse") stack.push(name);
  }
  return tags;
}

interface DocxError {
  readonly properties?: {
    readonly id?: string;
    readonly xtag?: string;
    readonly explanation?: string;
    readonly file?: string;
    readonly openingtag?: string;
    readonly closingtag?: string;
    readonly errors?: ReadonlyArray<DocxError>;
  };
  readonly message?: string;
}

function where(file: string | undefined): string {
  const part = file && partOf(file);
  return part === "en-tete" ? " (en-tête)" : part === "pied" ? " (pied de page)" : "";
}

/** docxtemplater's syntax errors, in French. */
export function frenchTemplateError(error: DocxError): string {
  const p = error.properties ?? {};
  const tag = p.xtag ?? "";
  const at = where(p.file);
  switch (p.id) {
    case "unclosed_tag":
      return `Accolade ouverte jamais refermée : « {${tag.replace(/^\{/, "")} »${at}. Ajoutez « } ».`;
    case "unopened_tag":
      return `Accolade fermante sans accolade ouvrante près de « ${tag} »${at}.`;
    case "unclosed_loop":
      return `La boucle {#${tag}} n'est pas refermée${at} : ajoutez {/${tag}} à la fin de la partie à répéter.`;
    case "unopened_loop":
      return `{/${tag}} ferme une boucle qui n'a pas été ouverte${at} : ajoutez {#${tag}} au début.`;
    case "closing_tag_does_not_match_opening_tag":
      return `{/${p.closingtag ?? tag}} ne ferme pas {#${p.openingtag ?? ""}}${at} : les boucles doivent être refermées dans l'ordre inverse de leur ouverture.`;
    case "unbalanced_loop_tags":
      return `Boucles mal imbriquées${at} : une boucle ouverte dans un paragraphe ou un tableau doit être refermée au même niveau.`;
    case "duplicate_open_tag":
      return `Accolades doublées « {{ » près de « ${tag} »${at} : une seule accolade autour de chaque champ.`;
    case "duplicate_close_tag":
      return `Accolades doublées « }} » près de « ${tag} »${at} : une seule accolade autour de chaque champ.`;
    case "raw_xml_tag_should_be_only_text_in_paragraph":
      return `La balise {@${tag}} n'est pas acceptée${at}.`;
    default:
      return `Modèle illisible${at} : ${p.explanation ?? error.message ?? "erreur inconnue"}.`;
  }
}

function errorsOf(error: unknown): string[] {
  const e = error as DocxError;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  return [...new Set(list.map(frenchTemplateError))];
}

function report(base: TemplateCheckReport, extraErrors: readonly string[]): TemplateCheckReport {
  // Each problem once, even when docxtemplater and the checker both see it.
  const errors = [...new Set([...extraErrors, ...base.errors])];
  return { ...base, errors, ok: errors.length === 0 };
}

const NOT_A_DOCX: TemplateCheckReport = {
  ok: false,
  errors: ["Ce fichier n'est pas un document Word .docx lisible (un .doc ancien ou un PDF ne convient pas : enregistrez-le au format .docx dans Word)."],
  warnings: [],
  unknown: [],
  fieldsUsed: [],
};

/**
 * Reads and checks a user's .docx through its field mapping; the combined
 * version is prepared when it passes: every name is Recouvre's, mapped to
 * one, or left blank on purpose.
 */
export function loadUserTemplate(bytes: Uint8Array, name = "modèle.docx", mapping: FieldMapping = {}): UserTemplateResult {
  // The same limit as the pane's, held here too: a caller that skips the pane gets the same answer.
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1).replace(".", ",");
    return { ok: false, proposals: [], report: { ...NOT_A_DOCX, errors: [`« ${name} » pèse ${size} Mo : la limite est de 1,5 Mo. Retirez les images lourdes du modèle ou enregistrez-le sans elles.`] } };
  }
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return { ok: false, report: NOT_A_DOCX, proposals: [] };
  }
  const main = zip.file(MAIN_DOCUMENT);
  if (!main) return { ok: false, report: NOT_A_DOCX, proposals: [] };

  const tags: FoundTag[] = [];
  for (const file of Object.keys(zip.files).sort()) {
    const part = partOf(file);
    if (part) tags.push(...tagsOfPart(zip.file(file)!.asText(), part));
  }
  const checked = checkTemplateTags(mapTags(tags, mapping));
  const proposals = proposeMapping(tags, mapping);

  const syntax: string[] = [];
  try {
    new Docxtemplater(new PizZip(bytes), DOCXTEMPLATER_OPTIONS);
  } catch (error) {
    syntax.push(...errorsOf(error));
  }
  const full = report(checked, syntax);
  if (!full.ok) return { ok: false, report: full, proposals };

  // The combined version: the body between <w:body> and its last sectPr, wrapped in the letters loop.
  const xml = main.asText();
  const bodyStart = xml.indexOf(">", xml.indexOf("<w:body")) + 1;
  const bodyEnd = xml.lastIndexOf("</w:body>");
  const sectStart = xml.lastIndexOf("<w:sectPr", bodyEnd);
  const hasFinalSection = sectStart > bodyStart && xml.slice(xml.indexOf("</w:sectPr>", sectStart) + "</w:sectPr>".length, bodyEnd).trim() === "";
  const contentEnd = hasFinalSection ? sectStart : bodyEnd;
  const sectionXml = hasFinalSection ? xml.slice(sectStart, bodyEnd) : "";
  const sectionProperties = (hasFinalSection ? sectionXml.replace(/^<w:sectPr[^>]*>/, "").replace(/<\/w:sectPr>\s*$/, "") : "") || PLAIN_A4_SECTION;
  const wrapped = xml.slice(0, bodyStart) + combinedBodyXml([{ xml: xml.slice(bodyStart, contentEnd) }]) + xml.slice(contentEnd);
  const combinedZip = new PizZip(bytes);
  combinedZip.file(MAIN_DOCUMENT, wrapped);
  try {
    new Docxtemplater(new PizZip(zipBytes(combinedZip)), DOCXTEMPLATER_OPTIONS);
  } catch (error) {
    return { ok: false, report: report(checked, errorsOf(error)), proposals };
  }
  return {
    ok: true,
    template: { name, bytes, combinedBytes: zipBytes(combinedZip), sectionProperties, report: full, mapping },
    report: full,
    proposals,
  };
}

/** Checks a .docx without keeping it: the report the pane shows before any merge. */
export function checkUserTemplate(bytes: Uint8Array): TemplateCheckReport {
  return loadUserTemplate(bytes).report;
}

/** The combined document from the user's template: one render. */
export function renderCombinedUser(template: UserTemplate, letters: readonly LetterModel[]): Uint8Array {
  return renderDocx(template.combinedBytes, combinedData(letters, template.sectionProperties), template.mapping);
}

/** One client's letter from the user's template. */
export function renderUserLetter(template: UserTemplate, letter: LetterModel): Uint8Array {
  return renderDocx(template.bytes, { ...letter.fields }, template.mapping);
}
