/**
 * Reads a PDF as a person would, with npm packages only (no poppler):
 * pdfjs-dist (legacy build, made for Node) for the text and the pictures of
 * the pages, pdf-lib for the font dictionaries.
 *
 *   node test/support/pdf.mjs text  <file.pdf> [--layout]
 *        the text, page by page, each page ended by a form feed "\f" (as
 *        pdftotext); lines are the text runs that share a baseline, left to
 *        right; --layout keeps wide gaps as runs of spaces (table columns)
 *   node test/support/pdf.mjs info  <file.pdf>
 *        JSON { pages, fonts: [{ name, subtype, descendant, encoding, embedded, toUnicode }] }
 *   node test/support/pdf.mjs png   <file.pdf> <prefix> <first> <last> <dpi>
 *        renders pages first..last to <prefix>-<n>.png (@napi-rs/canvas)
 *
 * A separate process because pdfjs-dist is an ES module, which Jest's
 * CommonJS runtime cannot import; test/documents/helpers.ts calls it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve("pdfjs-dist/package.json"));

async function openWithPdfjs(file) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    // Fonts that the PDF does not embed, and CJK character maps, from the package itself.
    standardFontDataUrl: join(PDFJS_DIR, "standard_fonts") + "/",
    cMapUrl: join(PDFJS_DIR, "cmaps") + "/",
    cMapPacked: true,
    verbosity: 0,
  }).promise;
}

/** The runs of one page grouped into lines (same baseline within a third of the font size), top to bottom. */
function pageLines(items, layout) {
  const runs = items
    .filter((item) => typeof item.str === "string" && item.str !== "")
    .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, size: Math.hypot(item.transform[2], item.transform[3]) || 10 }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(1, run.size / 3));
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, runs: [run] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((line) => {
    line.runs.sort((a, b) => a.x - b.x);
    let text = "";
    let end = null;
    for (const run of line.runs) {
      if (end !== null) {
        const gap = run.x - end;
        // A gap wider than about a quarter of the font size is a space between words.
        if (gap > run.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(run.text)) {
          text += layout ? " ".repeat(Math.max(1, Math.round(gap / (run.size * 0.5)))) : " ";
        }
      }
      text += run.text;
      end = run.x + run.width;
    }
    return text.replace(/\s+$/, "");
  });
}

async function text(file, layout) {
  const doc = await openWithPdfjs(file);
  let out = "";
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    out += pageLines(content.items, layout).join("\n") + "\n\f";
  }
  await doc.destroy();
  return out;
}

async function png(file, prefix, first, last, dpi) {
  const doc = await openWithPdfjs(file);
  const written = [];
  for (let n = first; n <= Math.min(last, doc.numPages); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvasAndContext = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: canvasAndContext.context, canvas: canvasAndContext.canvas, viewport, background: "#ffffff" }).promise;
    const target = `${prefix}-${n}.png`;
    writeFileSync(target, canvasAndContext.canvas.toBuffer("image/png"));
    written.push(target);
  }
  await doc.destroy();
  return written;
}

/** Every font of every page (Type0 fonts described by their descendant CIDFont). */
async function info(file) {
  const { PDFDocument, PDFDict, PDFName, PDFArray } = require("pdf-lib");
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const context = doc.context;
  const dict = (value) => {
    const resolved = value === undefined ? undefined : context.lookup(value);
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const name = (value) => (value === undefined ? null : String(context.lookup(value)).replace(/^\//, ""));
  const fonts = new Map();
  for (const page of doc.getPages()) {
    const fontDict = dict(dict(page.node.get(PDFName.of("Resources")))?.get(PDFName.of("Font")));
    if (!fontDict) continue;
    for (const [, ref] of fontDict.entries()) {
      const font = dict(ref);
      if (!font) continue;
      const baseFont = name(font.get(PDFName.of("BaseFont")));
      const subtype = name(font.get(PDFName.of("Subtype")));
      const descendants = context.lookup(font.get(PDFName.of("DescendantFonts")));
      const descendant = descendants instanceof PDFArray ? dict(descendants.get(0)) : undefined;
      const descriptor = dict((descendant ?? font).get(PDFName.of("FontDescriptor")));
      const embedded = !!descriptor && ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
      const encoding = font.get(PDFName.of("Encoding")) === undefined ? undefined : context.lookup(font.get(PDFName.of("Encoding")));
      const key = `${baseFont}|${subtype}`;
      fonts.set(key, {
        name: baseFont,
        subtype,
        descendant: descendant ? name(descendant.get(PDFName.of("Subtype"))) : null,
        encoding: encoding instanceof PDFName ? name(encoding) : null,
        // The 14 standard fonts need no file; any other font is embedded or not.
        embedded,
        toUnicode: font.get(PDFName.of("ToUnicode")) !== undefined,
      });
    }
  }
  return { pages: doc.getPageCount(), fonts: [...fonts.values()] };
}

const [command, file, ...rest] = process.argv.slice(2);
if (command === "text") process.stdout.write(await text(file, rest.includes("--layout")));
else if (command === "info") process.stdout.write(JSON.stringify(await info(file)));
else if (command === "png") process.stdout.write(JSON.stringify(await png(file, rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3]))));
else {
  process.stderr.write("usage: node test/support/pdf.mjs text|info|png <file.pdf> …\n");
  process.exit(2);
}
