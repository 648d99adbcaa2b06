/**
 * PDF letters with pdf-lib and embedded TrueType fonts (DejaVu: every
 * French character, the narrow no-break space U+202F of "1 234,56 €"
 * included). Pure JavaScript: runs in the pane (browser) and in Node.
 *
 * pdfLayout.ts draws the merged blocks of each letter on A4 pages with the
 * same geometry as the Word letter, and numbers each letter's pages
 * "page 1/2". Each letter starts on a new page.
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import type { MergedBlock } from "../core/letters/blocks";
import { drawLetter, Layout } from "./pdfLayout";
import type { Fonts } from "./pdfText";
import type { LetterModel } from "../core/letters/model";
import { mergedLetter } from "../core/letters/render";
import type { LetterTemplate } from "../core/letters/wording";

/** TrueType font files (bytes), e.g. DejaVu Sans from the dejavu-fonts-ttf package. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic?: Uint8Array;
}

export async function embedFonts(doc: PDFDocument, fonts: PdfFonts): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const italic = fonts.italic ? await doc.embedFont(fonts.italic, { subset: true }) : regular;
  return { regular, bold, italic };
}

export interface PdfOptions {
  /** Wording to use instead of the letters' built-in templates. */
  readonly template?: LetterTemplate;
  /** Called every `chunkSize` letters (default 5) with the number done; yields to the event loop. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly chunkSize?: number;
  /** Document title (PDF metadata). */
  readonly title?: string;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One PDF, each letter starting on a new page. */
export async function renderLettersPdf(letters: readonly LetterModel[], fonts: PdfFonts, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title ?? (letters.length === 1 ? letters[0].reference : "Lettres de relance"));
  doc.setLanguage("fr-FR");
  doc.setCreator("Recouvre");
  doc.setProducer("Recouvre (pdf-lib)");
  const layout = new Layout(doc, await embedFonts(doc, fonts));
  const chunk = options.chunkSize ?? 5;
  for (const [i, letter] of letters.entries()) {
    const f = letter.fields;
    drawLetter(layout, mergedLetter(letter, "courrier", options.template), `${f.creancier} – ${f.creancier_adresse_ligne} – SIREN ${f.creancier_siren} – réf. ${letter.reference}`);
    if ((i + 1) % chunk === 0) {
      options.onProgress?.(i + 1, letters.length);
      await pause();
    }
  }
  options.onProgress?.(letters.length, letters.length);
  return doc.save({ useObjectStreams: true });
}

/**
 * Documents that are not letters (the court file): pages of merged blocks,
 * then letters, in one PDF; each part numbers its own pages.
 */
export async function renderDocumentPdf(
  parts: ReadonlyArray<{ readonly blocks: readonly MergedBlock[]; readonly footer: string }>,
  fonts: PdfFonts,
  title: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage("fr-FR");
  doc.setCreator("Recouvre");
  doc.setProducer("Recouvre (pdf-lib)");
  const layout = new Layout(doc, await embedFonts(doc, fonts));
  for (const part of parts) drawLetter(layout, part.blocks, part.footer);
  return doc.save({ useObjectStreams: true });
}
