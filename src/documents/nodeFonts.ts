/**
 * Node only (tests, bench, scripts): the DejaVu fonts of the dejavu-fonts-ttf
 * package read from node_modules. In the pane, fetch the same files as
 * assets and pass their bytes (see PdfFonts).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PdfFonts } from "./pdf";

export const PDF_FONT_FILES = { regular: "DejaVuSansCondensed.ttf", bold: "DejaVuSansCondensed-Bold.ttf", italic: "DejaVuSansCondensed-Oblique.ttf" } as const;

export function nodePdfFonts(): PdfFonts {
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
  return { regular: read(PDF_FONT_FILES.regular), bold: read(PDF_FONT_FILES.bold), italic: read(PDF_FONT_FILES.italic) };
}
