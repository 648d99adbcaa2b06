/** Opening what was generated: unzip, LibreOffice, poppler. */
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
export const HAS_POPPLER = has("pdftotext") && has("pdftoppm");

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

export function pdfText(path: string, layout = false): string {
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

export function pdfPages(path: string): number {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

export function pdfFonts(path: string): string {
  return execFileSync("pdffonts", [path], { encoding: "utf8" });
}

/** Renders pages to PNG in OUTPUT (prefix-1.png …) for a person to look at. */
export function toPng(path: string, prefix: string, first = 1, last = 99, dpi = 80): void {
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(first), "-l", String(last), "-png", path, join(OUTPUT, prefix)]);
}

export function writeOutput(name: string, bytes: Uint8Array | string): string {
  const path = join(OUTPUT, name);
  writeFileSync(path, bytes);
  return path;
}

export function readOutput(name: string): Buffer {
  return readFileSync(join(OUTPUT, name));
}

/** Collapses the whitespace pdftotext puts where lines wrap. */
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
