/**
 * Documents opened as a person opens them: the Word letters converted by
 * LibreOffice and the PDFs made by pdf-lib, read back with pdfjs-dist and
 * rendered to PNG in test-output/letters/ for a person to look at (both
 * through test/support/pdf.mjs: npm packages, no poppler).
 *
 * LibreOffice is a Debian package (libreoffice-writer-nogui): the Word part
 * is skipped, saying so, only when `soffice` is not on the machine.
 */
import { buildLetterModel, type LetterModel } from "../../src/core/letters/model";
import { renderCombinedBuiltIn } from "../../src/documents/docx";
import { generateCombinedDocx, generatePdf } from "../../src/documents/generate";
import { nodePdfFonts } from "../../src/documents/nodeFonts";
import { loadUserTemplate } from "../../src/documents/userTemplate";
import { book, caseOf, casesOf, CONSUMER, invoice, LETTER_DATE, PRO, PROFILE, PUBLIC, stepById } from "../core/letters/fixtures";
import { HAS_SOFFICE, pdfFonts, pdfMapsCodePoint, pdfPages, pdfText, SOFFICE_MISSING, squash, toPdf, toPng, writeOutput } from "./helpers";
import { goodUserTemplate } from "./userTemplates";

jest.setTimeout(240_000);

const LONG_NAME = `${"Établissements Généraux de Négoce Œnologique ".repeat(6)}& Fils`;
const HOSTILE = `<script>alert("x")</script> =HYPERLINK("http://evil.example";"clic") & 'Cie' "SA"`;

function model(client: string, templateId: string): LetterModel {
  return buildLetterModel({ clientCase: caseOf(client), profile: PROFILE, letterDate: LETTER_DATE, book, templateId });
}

function hostileLetters(): LetterModel[] {
  const invoices = [
    invoice(LONG_NAME, "F-LONG-1", LETTER_DATE - 60, 1234567, { contact: "Mme Françoise Œuvray-Lefèvre" }),
    invoice(HOSTILE, `F<&>"1`, LETTER_DATE - 60, 100000),
  ];
  return casesOf(invoices).map((c) => buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("miseEnDemeure") }));
}

const describeWord = HAS_SOFFICE ? describe : describe.skip;
if (!HAS_SOFFICE) process.stderr.write(`${SOFFICE_MISSING}\n`);

describeWord("Word letters converted by LibreOffice", () => {
  let pdfs: Record<string, string>;
  beforeAll(async () => {
    const combined = renderCombinedBuiltIn([model(PRO, "miseEnDemeure"), model(CONSUMER, "miseEnDemeure"), model(PUBLIC, "miseEnDemeure"), model(PRO, "relance1")]);
    const user = loadUserTemplate(goodUserTemplate());
    if (!user.ok) throw new Error(user.report.errors.join("\n"));
    const userCombined = await generateCombinedDocx(
      [PRO, CONSUMER, PUBLIC].map((client) => ({ clientCase: caseOf(client), step: stepById("relance2") })),
      { profile: PROFILE, letterDate: LETTER_DATE, book, userTemplate: user.template },
    );
    const hostile = renderCombinedBuiltIn(hostileLetters());
    pdfs = toPdf({ "combine-integre.docx": combined, "combine-modele-utilisateur.docx": userCombined.bytes, "valeurs-hostiles.docx": hostile });
  });

  test("the combined document: each letter on its own pages, in order", () => {
    const path = pdfs["combine-integre.docx"];
    const text = pdfText(path);
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBe(pdfPages(path));
    // Each letter starts a page with the letterhead; its footer restarts at page 1.
    const starts = pages.map((p, i) => [i, p] as const).filter(([, p]) => p.trimStart().startsWith("SAS Atelier Lumière & Cie\n5 rue de la Paix"));
    expect(starts.map(([, p]) => /SARL Dupont & Fils|M\. Jean Lefèvre|Commune de Saint-Étienne-du-Rouvray/.exec(p)?.[0])).toEqual([PRO, CONSUMER, PUBLIC, PRO]);
    expect(starts.every(([, p]) => / – page 1\s*$/.test(p.trimEnd()))).toBe(true);
    toPng(path, "combine-integre");
  });

  test("the mise en demeure to a professional, as printed", () => {
    const text = pdfText(pdfs["combine-integre.docx"]);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION");
    expect(flat).toContain("MISE EN DEMEURE DE PAYER");
    // pdfjs-dist gives the narrow no-break space as a space: the font's ToUnicode map shows it was drawn.
    expect(text).toContain("Mise en demeure de payer la somme de 5 220,69 €");
    expect(pdfMapsCodePoint(pdfs["combine-integre.docx"], 0x202f)).toBe(true);
    // A table row is one line; its rate cell wraps over two lines, above and below the row's baseline.
    expect(text).toMatch(/13,15 % puis\nF2025-0117 01\/05\/2025 31\/05\/2025 1.500,00 € 352 176,99 € 40,00 €\n12,15 %\n/);
    expect(flat).toContain("Total dû au 18 mai 2026 5");
    expect(flat).toMatch(/dans un délai de 8 jours à compter de la date de la présente lettre, soit au plus tard le 26 mai 2026/);
    expect(flat).toContain("injonction de payer");
    expect(flat).toContain("commissaires de justice");
    expect(flat).toContain("REL-2026-05-18-SARL-DUPONT-FILS-MED");
  });

  test("the consumer's letter: no penalties, no 40 EUR, legal interest", () => {
    const pages = pdfText(pdfs["combine-integre.docx"]).split("\f");
    const consumer = pages.filter((p) => p.includes(CONSUMER)).join(" ").replace(/\s+/g, " ");
    expect(consumer).toContain("1231-6 et 1344-1 du Code civil");
    expect(consumer).toContain("petites créances");
    expect(consumer).not.toMatch(/L441-10|40,00|Pénalités/);
  });

  test("the user's template: its table repeated per invoice, its header merged", () => {
    const path = pdfs["combine-modele-utilisateur.docx"];
    const text = pdfText(path, true);
    expect(text).toMatch(/F2025-0117\s+31\/05\/2025\s+1.500,00 €\s+352 j/);
    expect(text).toMatch(/F2026-0012\s+28\/02\/2026\s+3.100,00 €\s+79 j/);
    expect(text.match(/SAS Atelier Lumière & Cie – SIREN 552 100 554/g)!.length).toBe(pdfPages(path));
    expect(text).toContain("Intérêts au taux légal dès la mise en demeure.");
    toPng(path, "modele-utilisateur", 1, 1);
  });

  test("hostile values printed whole", () => {
    const path = pdfs["valeurs-hostiles.docx"];
    const text = pdfText(path);
    expect(squash(text)).toContain(squash(LONG_NAME));
    expect(text).toContain(`<script>alert("x")</script>`);
    expect(squash(text)).toContain(squash(HOSTILE));
    expect(text).toContain(`F<&>"1`);
    toPng(path, "valeurs-hostiles", 1, 1);
  });
});

describe("PDF letters (pdf-lib, embedded DejaVu)", () => {
  let path: string;
  beforeAll(async () => {
    const requests = [
      { clientCase: caseOf(PRO), step: stepById("miseEnDemeure") },
      { clientCase: caseOf(CONSUMER), step: stepById("miseEnDemeure") },
      { clientCase: caseOf(PUBLIC), templateId: "echeancier" },
      ...casesOf([invoice(LONG_NAME, "F-LONG-1", LETTER_DATE - 60, 1234567), invoice(HOSTILE, `F<&>"1`, LETTER_DATE - 60, 100000)]).map((c) => ({ clientCase: c, step: stepById("relance3") })),
    ];
    const result = await generatePdf(requests, { profile: PROFILE, letterDate: LETTER_DATE, book, fonts: nodePdfFonts() });
    expect(result.skipped).toEqual([]);
    path = writeOutput("lettres.pdf", result.bytes);
  });

  test("fonts embedded, every French character extracted back", () => {
    const fonts = pdfFonts(path);
    expect(fonts.filter((f) => /DejaVuSansCondensed/.test(f.name)).map((f) => [f.subtype, f.descendant, f.encoding, f.embedded, f.toUnicode])).toContainEqual(["Type0", "CIDFontType2", "Identity-H", true, true]);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const text = pdfText(path);
    expect(text).toContain("5 220,69 €"); // pdfjs-dist gives U+202F and U+00A0 as spaces
    expect(pdfMapsCodePoint(path, 0x202f)).toBe(true);
    expect(pdfMapsCodePoint(path, 0x00a0)).toBe(true);
    expect(pdfMapsCodePoint(path, 0x20ac)).toBe(true);
    expect(pdfMapsCodePoint(path, 0x0153)).toBe(true); // œ
    expect(text).toContain("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION");
    expect(text).toContain("Saint-Étienne-du-Rouvray");
    expect(text).toContain("mise en œuvre");
    expect(text).toContain("« Bon pour accord »");
    expect(text).not.toContain("?");
  });

  test("one letter starts each page run; footers count each letter's pages", () => {
    const pages = pdfText(path).split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBe(pdfPages(path));
    const footers = pages.map((p) => /page (\d+)\/(\d+)\s*$/.exec(p.trimEnd())?.slice(1).join("/"));
    expect(footers[0]).toBe("1/2");
    expect(footers[1]).toBe("2/2");
    expect(footers.filter((f) => f?.startsWith("1/"))).toHaveLength(5);
  });

  test("hostile and very long values printed whole", () => {
    const text = pdfText(path);
    expect(squash(text)).toContain(squash(LONG_NAME));
    expect(squash(text)).toContain(squash(HOSTILE));
    expect(text).toContain(`F<&>"1`);
  });

  afterAll(() => {
    if (path) toPng(path, "pdf-lettres");
  });
});
