/**
 * The PDF layout engine of the letters and the court file (pdf.ts draws
 * with it): A4 pages with the Word letter's geometry (letterhead top left,
 * address in the window of a DL envelope, justified body), tables whose
 * header repeats on a new page, totals, keep-with-next chains (closing,
 * signature, « Bon pour accord ») and a footer numbering each part's pages.
 */
import { rgb, type PDFDocument, type PDFPage } from "pdf-lib";
import type { MergedBlock, MergedParagraph, MergedTable, MergedTotals } from "../core/letters/blocks";
import { printable, tokenize, widthOf, wrap, type Fonts, type Line } from "./pdfText";

const MM = 72 / 25.4;
const PAGE_W = 210 * MM;
const PAGE_H = 297 * MM;
const LEFT = 25 * MM;
const RIGHT = PAGE_W - 20 * MM;
const TOP = PAGE_H - 20 * MM;
const BOTTOM = 22 * MM;
const FOOTER_Y = 10 * MM;
const WIDTH = RIGHT - LEFT;
const RECIPIENT_X = LEFT + 90 * MM;

const SIZE = 9.5;
const LEADING = 1.3;
const PARAGRAPH_GAP = 5;
const CELL_SIZE = 8;
const CELL_PAD = 3;

interface ParagraphGeometry {
  readonly x: number;
  readonly width: number;
  readonly align: "left" | "right" | "center" | "justify";
  readonly size: number;
  readonly gapAfter: number;
  readonly caps?: boolean;
}

function geometryOf(paragraph: MergedParagraph): ParagraphGeometry {
  switch (paragraph.style) {
    case "sender":
      return { x: LEFT, width: WIDTH * 0.6, align: "left", size: SIZE, gapAfter: 0 };
    case "recipient":
      return { x: RECIPIENT_X, width: RIGHT - RECIPIENT_X, align: "left", size: SIZE + 1, gapAfter: 0 };
    case "date":
      return { x: RECIPIENT_X, width: RIGHT - RECIPIENT_X, align: "left", size: SIZE, gapAfter: 12 };
    case "mention":
      return { x: LEFT, width: WIDTH, align: "left", size: SIZE, gapAfter: PARAGRAPH_GAP, caps: true };
    case "subject":
      return { x: LEFT, width: WIDTH, align: "left", size: SIZE, gapAfter: 2 };
    case "title":
      return { x: LEFT, width: WIDTH, align: "center", size: 13, gapAfter: 8 };
    case "signature":
      return { x: RECIPIENT_X, width: RIGHT - RECIPIENT_X, align: "left", size: SIZE, gapAfter: 0 };
    case "small":
      return { x: LEFT, width: WIDTH, align: "left", size: 7.5, gapAfter: PARAGRAPH_GAP };
    default:
      return { x: LEFT, width: WIDTH, align: "justify", size: SIZE, gapAfter: PARAGRAPH_GAP };
  }
}

export class Layout {
  page!: PDFPage;
  y = TOP;
  /** Pages of the current letter, for "page n/N". */
  letterPages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.letterPages.push(this.page);
    this.y = TOP;
  }

  ensure(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP) this.newPage();
  }

  drawLine(line: Line, x: number, width: number, align: ParagraphGeometry["align"], size: number): void {
    const baseline = this.y - size;
    let cursor = x;
    let extra = 0;
    if (align === "right") cursor = x + width - line.width;
    else if (align === "center") cursor = x + (width - line.width) / 2;
    else if (align === "justify" && !line.last) {
      const gaps = line.tokens.slice(0, -1).filter((t) => t.space).length;
      if (gaps > 0) extra = (width - line.width) / gaps;
    }
    if (extra === 0) {
      // Not justified: one drawing per run of the same font (far fewer font layouts than word by word).
      let i = 0;
      while (i < line.tokens.length) {
        const first = line.tokens[i];
        let text = first.text;
        let width = first.width;
        let j = i + 1;
        while (j < line.tokens.length && line.tokens[j].font === first.font && line.tokens[j].size === first.size && line.tokens[j].underline === first.underline) {
          const gap = line.tokens[j - 1].space ? " " : "";
          text += gap + line.tokens[j].text;
          width += (gap ? widthOf(first.font, " ", first.size) : 0) + line.tokens[j].width;
          j++;
        }
        if (text !== "") {
          this.page.drawText(text, { x: cursor, y: baseline, size: first.size, font: first.font, color: rgb(0, 0, 0) });
          if (first.underline) this.page.drawLine({ start: { x: cursor, y: baseline - 1.2 }, end: { x: cursor + width, y: baseline - 1.2 }, thickness: 0.5 });
        }
        cursor += width;
        if (line.tokens[j - 1].space && j < line.tokens.length) cursor += widthOf(first.font, " ", first.size);
        i = j;
      }
      return;
    }
    line.tokens.forEach((token, i) => {
      if (token.text !== "") {
        this.page.drawText(token.text, { x: cursor, y: baseline, size: token.size, font: token.font, color: rgb(0, 0, 0) });
        if (token.underline) {
          this.page.drawLine({ start: { x: cursor, y: baseline - 1.2 }, end: { x: cursor + token.width, y: baseline - 1.2 }, thickness: 0.5 });
        }
      }
      cursor += token.width;
      if (token.space && i < line.tokens.length - 1) cursor += widthOf(token.font, " ", token.size) + extra;
    });
  }

  private linesOf(paragraph: MergedParagraph): { lines: Line[]; g: ParagraphGeometry } {
    const g = geometryOf(paragraph);
    const runs = g.caps ? paragraph.runs.map((r) => ({ ...r, text: r.text.toLocaleUpperCase("fr-FR") })) : paragraph.runs;
    return { lines: wrap(tokenize(runs, this.fonts, g.size), g.width), g };
  }

  /** Height a block takes (a table or totals: its first rows only, what must not be left behind). */
  measure(block: MergedBlock): number {
    if (block.type !== "p") return CELL_SIZE * 1.25 * 4 + 4 * CELL_PAD;
    const { lines, g } = this.linesOf(block);
    return (block.spaceBefore ?? 0) + lines.length * g.size * LEADING + g.gapAfter;
  }

  paragraph(paragraph: MergedParagraph, keepWithNext = 0): void {
    const { lines, g } = this.linesOf(paragraph);
    const lineHeight = g.size * LEADING;
    const before = paragraph.spaceBefore ?? (paragraph.style === "title" ? 10 : 0);
    if (before && this.y < TOP) this.y -= before;
    // Short paragraphs are not split; longer ones keep at least two lines together.
    const together = lines.length <= 3 || paragraph.keepNext ? lines.length * lineHeight : 2 * lineHeight;
    this.ensure(together + keepWithNext);
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(line, g.x, g.width, g.align, g.size);
      this.y -= lineHeight;
    }
    this.y -= g.gapAfter;
  }

  private cellLines(text: string, width: number, bold: boolean): Line[] {
    return wrap(tokenize([{ text, bold, italic: false, underline: false }], this.fonts, CELL_SIZE), width - 2 * CELL_PAD);
  }

  table(table: MergedTable): void {
    const sum = table.columns.reduce((a, c) => a + c.width, 0);
    const total = sum < 70 ? WIDTH * (sum / 70) : WIDTH;
    const widths = table.columns.map((c) => (c.width / sum) * total);
    const headers = table.columns.map((c) => c.header);
    const aligns = table.columns.map((c) => c.align);
    const lineHeight = CELL_SIZE * 1.25;
    // The total row: its label spans every column but the last.
    const last = widths.length - 1;
    const footerWidths = [widths.slice(0, last).reduce((a, b) => a + b, 0), widths[last]];
    const footerCells = table.footer && [table.footer[0], table.footer[last]];
    const heightOf = (cells: readonly string[], bold: boolean, cellWidths = widths) =>
      Math.max(...cells.map((cell, i) => this.cellLines(cell, cellWidths[i], bold).length)) * lineHeight + 2 * CELL_PAD;

    const drawRow = (cells: readonly string[], header: boolean, shaded = header, cellWidths = widths, cellAligns = aligns) => {
      const height = heightOf(cells, header);
      let x = LEFT;
      cells.forEach((cell, i) => {
        const w = cellWidths[i];
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: w,
          height,
          borderColor: rgb(0.5, 0.5, 0.5),
          borderWidth: 0.5,
          ...(shaded && { color: rgb(0.906, 0.902, 0.902) }),
        });
        const lines = this.cellLines(cell, w, header);
        const saved = this.y;
        this.y -= CELL_PAD + (height - 2 * CELL_PAD - lines.length * lineHeight) / 2;
        for (const line of lines) {
          this.drawLine(line, x + CELL_PAD, w - 2 * CELL_PAD, shaded ? "center" : (cellAligns[i] as "left" | "right" | "center"), CELL_SIZE);
          this.y -= lineHeight;
        }
        this.y = saved;
        x += w;
      });
      this.y -= height;
    };

    const headerHeight = heightOf(headers, true);
    const firstHeight = table.rows.length ? heightOf(table.rows[0], false) : 0;
    const footerHeight = footerCells ? heightOf(footerCells, true, footerWidths) : 0;
    this.ensure(headerHeight + firstHeight + (table.rows.length <= 1 ? footerHeight : 0));
    drawRow(headers, true);
    table.rows.forEach((row, i) => {
      // The last row goes to the next page with the total rather than leave it alone there.
      const height = heightOf(row, false) + (i === table.rows.length - 1 ? footerHeight : 0);
      if (this.y - height < BOTTOM) {
        this.newPage();
        drawRow(headers, true);
      }
      drawRow(row, false);
    });
    if (footerCells) drawRow(footerCells, true, false, footerWidths, ["right", aligns[last]]);
    this.y -= PARAGRAPH_GAP + 2;
  }

  totals(totals: MergedTotals): void {
    const labelWidth = WIDTH * 0.42;
    const valueWidth = WIDTH * 0.16;
    const x = RIGHT - labelWidth - valueWidth;
    const lineHeight = SIZE * 1.35;
    this.ensure(totals.rows.length * lineHeight);
    totals.rows.forEach((row, i) => {
      const font = row.bold ? this.fonts.bold : this.fonts.regular;
      const last = i === totals.rows.length - 1 && totals.rows.length > 1;
      if (last) {
        this.y -= 2;
        this.page.drawLine({ start: { x, y: this.y }, end: { x: RIGHT, y: this.y }, thickness: 0.75 });
        this.y -= 1;
      }
      const label = wrap(tokenize([{ text: row.label, bold: row.bold, italic: false, underline: false }], this.fonts, SIZE - 0.5), labelWidth - CELL_PAD);
      const value = printable(row.value, font);
      const valueW = widthOf(font, value, SIZE - 0.5);
      for (const [li, line] of label.entries()) {
        this.drawLine(line, x, labelWidth - CELL_PAD, "right", SIZE - 0.5);
        if (li === 0) this.page.drawText(value, { x: RIGHT - CELL_PAD - valueW, y: this.y - (SIZE - 0.5), size: SIZE - 0.5, font });
        this.y -= lineHeight;
      }
    });
    this.y -= PARAGRAPH_GAP + 2;
  }

  footer(text: string): void {
    const n = this.letterPages.length;
    this.letterPages.forEach((page, i) => {
      const line = printable(`${text} – page ${i + 1}/${n}`, this.fonts.regular);
      const size = 7;
      const w = widthOf(this.fonts.regular, line, size);
      page.drawText(line, { x: LEFT + (WIDTH - w) / 2, y: FOOTER_Y, size, font: this.fonts.regular, color: rgb(0.35, 0.35, 0.35) });
    });
  }
}

export function drawLetter(layout: Layout, blocks: readonly MergedBlock[], footer: string): void {
  layout.letterPages = [];
  layout.newPage();
  blocks.forEach((block, i) => {
    if (block.type === "p") {
      // The closing formula stays with the signature; the title and the lead-in with what follows.
      const next = blocks[i + 1];
      let keep =
        next?.type === "p" && next.style === "signature" && block.style !== "signature"
          ? SIZE * LEADING * 3
          : block.style === "title" || (next && next.type !== "p")
            ? SIZE * LEADING * 2
            : 0;
      // keepNext (closing, signature, « Bon pour accord »): the whole chain moves to the next page together.
      if (block.keepNext) {
        let chain = 0;
        for (let j = i + 1; j < blocks.length; j++) {
          const b = blocks[j];
          chain += layout.measure(b);
          if (b.type !== "p" || !b.keepNext) break;
        }
        if (chain < (TOP - BOTTOM) / 2) keep = Math.max(keep, chain);
      }
      layout.paragraph(block, keep);
    } else if (block.type === "table") layout.table(block);
    else layout.totals(block);
  });
  layout.footer(footer);
}
