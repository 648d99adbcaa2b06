/**
 * The user's template as the workbook keeps it: a template stored before the
 * field mapping existed ({name, base64}) still loads; one stored with its
 * mapping merges through it.
 */
import { buildLetterModel } from "../../src/core/letters/model";
import { renderUserLetter } from "../../src/documents/userTemplate";
import { parseStoredTemplate, resolveStoredTemplate, storedValue } from "../../src/taskpane/letters/storedTemplate";
import { toBase64 } from "../../src/core/base64";
import { caseOf, book, LETTER_DATE, PRO, PROFILE, stepById } from "../core/letters/fixtures";
import { docxText, documentXml } from "./helpers";
import { lawyerTemplate } from "./foreignTemplates";
import { goodUserTemplate } from "./userTemplates";
import { loadUserTemplate } from "../../src/documents/userTemplate";

const letter = () => buildLetterModel({ clientCase: caseOf(PRO), profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("miseEnDemeure") });

test("a template stored before issue 18 (no mapping) still loads and merges", async () => {
  const old = parseStoredTemplate({ name: "relance-maison.docx", base64: toBase64(goodUserTemplate()) });
  expect(old).toEqual({ name: "relance-maison.docx", base64: expect.any(String) });
  const resolved = await resolveStoredTemplate(old!);
  if (!resolved.ok) throw new Error(resolved.report.errors.join("\n"));
  expect(docxText(documentXml(renderUserLetter(resolved.template, letter())))).toContain("SARL Dupont & Fils");
});

test("a template stored with its mapping merges through it; a damaged mapping entry is dropped", async () => {
  const bytes = lawyerTemplate();
  const mapping: Record<string, string | null> = Object.fromEntries(loadUserTemplate(bytes).proposals.map((p) => [p.name, p.suggestion ?? null]));
  mapping.numero_rg = null;
  const stored = parseStoredTemplate({ ...storedValue("avocat.docx", toBase64(bytes), mapping), mapping: { ...mapping, broken: 42 } });
  expect(stored!.mapping).toEqual(mapping);
  const resolved = await resolveStoredTemplate(stored!);
  if (!resolved.ok) throw new Error(resolved.report.errors.join("\n"));
  const text = docxText(documentXml(renderUserLetter(resolved.template, letter())));
  expect(text).toContain("75002 Paris");
  expect(text).toMatch(/^Monsieur, $/m); // « M. Martin »: {^isFemale} through the civility
});

test("garbage in the setting is no template", () => {
  expect(parseStoredTemplate(null)).toBeUndefined();
  expect(parseStoredTemplate({ name: "x.docx" })).toBeUndefined();
  expect(parseStoredTemplate("texte")).toBeUndefined();
});
