/**
 * The DejaVu fonts embedded in PDFs (they carry every French glyph, the
 * narrow no-break space of amounts included). Fetched from the add-in's own
 * origin the first time a PDF is made, never at start-up.
 */
import type { PdfFonts } from "../../documents/pdf";
import regularUrl from "dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf";
import boldUrl from "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf";
import italicUrl from "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf";

let cached: Promise<PdfFonts> | undefined;

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Police ${url} introuvable (${response.status}) : la génération PDF est impossible.`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadPdfFonts(): Promise<PdfFonts> {
  cached ??= Promise.all([bytesOf(regularUrl), bytesOf(boldUrl), bytesOf(italicUrl)]).then(([regular, bold, italic]) => ({ regular, bold, italic }));
  return cached;
}
