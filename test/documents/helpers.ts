/** Opening what was generated: unzip, LibreOffice, and PDFs read with npm packages (test/support/pdf.mjs: pdfjs-dist, pdf-lib). */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import PizZip from "pizzip";

export const OUTPUT = join(__dirname, "../../test-output/letters");
mkdirSync(OUTPUT, { recursive: true });

export function unzip(bytes: Uint8Array): PizZip {
  return new PizZip(bytes);
}

export function documentXml(bytes: Uint8Array): string {
  return unzip(bytes).file("word/document.xml")!.asText();
}

/** The text Word shows: <w:t> contents, paragraphs on their own lines, entities decoded. */
export function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:br\/>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<(?!\/?w:t[ >])[^>]*>/g, "")
    .replace(/<\/?w:t[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

export const HAS_SOFFICE = has("soffice");

/** The one line a run without LibreOffice prints: what is skipped and the package that brings it back. */
export const SOFFICE_MISSING =
  "LibreOffice absent (commande soffice introuvable) : tests de rendu des lettres Word en PDF sautés. Pour les lancer : apt-get install -y libreoffice-writer-nogui fonts-liberation2";

/** Converts .docx files to PDF with LibreOffice (one run for all), into OUTPUT; returns the PDF paths. */
export function toPdf(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "recouvre-lo-"));
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(OUTPUT, name);
    writeFileSync(path, bytes);
    return path;
  });
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", OUTPUT, ...paths], { stdio: "pipe", timeout: 180_000 });
  return Object.fromEntries(Object.keys(files).map((name) => [name, join(OUTPUT, basename(name).replace(/\.docx$/, ".pdf"))]));
}

const PDF_SCRIPT = join(__dirname, "../support/pdf.mjs");

function pdfTool(args: string[]): string {
  return execFileSync(process.execPath, [PDF_SCRIPT, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
}

/** The text of each page, each ended by "\f"; `layout` keeps wide gaps as runs of spaces. */
export function pdfText(path: string, layout = false): string {
  return pdfTool(["text", path, ...(layout ? ["--layout"] : [])]);
}

export interface PdfFont {
  readonly name: string;
  /** Type0, TrueType, Type1... */
  readonly subtype: string;
  /** A Type0 font's CIDFont: CIDFontType2 is TrueType outlines. */
  readonly descendant: string | null;
  readonly encoding: string | null;
  readonly embedded: boolean;
  readonly toUnicode: boolean;
}

export function pdfInfo(path: string): { pages: number; fonts: PdfFont[] } {
  return JSON.parse(pdfTool(["info", path]));
}

export function pdfPages(path: string): number {
  return pdfInfo(path).pages;
}

export function pdfFonts(path: string): PdfFont[] {
  return pdfInfo(path).fonts;
}

/** Renders pages to PNG in OUTPUT (prefix-1.png …) for a person to look at. */
export function toPng(path: string, prefix: string, first = 1, last = 99, dpi = 80): void {
  pdfTool(["png", path, join(OUTPUT, prefix), String(first), String(last), String(dpi)]);
}

export function writeOutput(name: string, bytes: Uint8Array | string): string {
  const path = join(OUTPUT, name);
  writeFileSync(path, bytes);
  return path;
}

export function readOutput(name: string): Buffer {
  return readFileSync(join(OUTPUT, name));
}

/** Collapses the whitespace the text extraction puts where lines wrap. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, "");
}

/** The decompressed streams of a PDF (Flate), as latin1 text: to look into ToUnicode CMaps. */
export function pdfStreams(path: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { inflateSync } = require("node:zlib") as typeof import("node:zlib");
  const bytes = readFileSync(path);
  const text = bytes.toString("latin1");
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf("stream", at);
    if (start < 0) break;
    const dataStart = start + (text[start + 6] === "\r" ? 8 : 7);
    const end = text.indexOf("endstream", dataStart);
    if (end < 0) break;
    try {
      out.push(inflateSync(bytes.subarray(dataStart, end)).toString("latin1"));
    } catch {
      // not a Flate stream
    }
    at = end + 9;
  }
  return out;
}

/** Whether a font of the PDF maps a glyph to this code point (its ToUnicode CMap names it). */
export function pdfMapsCodePoint(path: string, codePoint: number): boolean {
  const hex = codePoint.toString(16).padStart(4, "0");
  return pdfStreams(path).some((s) => /begincmap/.test(s) && new RegExp(`<${hex}>`, "i").test(s));
}
