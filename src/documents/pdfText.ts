/**
 * Text for the PDF layout: words measured once per font, lines wrapped on
 * ordinary spaces only (U+00A0 and U+202F keep « 1 234,56 € », « 40 € » and
 * « art. L441-10 » on one line), characters a font lacks replaced rather than
 * breaking the PDF.
 */
import type { PDFFont } from "pdf-lib";
import type { MergedRun } from "../core/letters/blocks";

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
}

const widthCaches = new WeakMap<PDFFont, Map<string, number>>();

/** Text width at a size, remembered per font: letters repeat the same words thousands of times. */
export function widthOf(font: PDFFont, text: string, size: number): number {
  let cache = widthCaches.get(font);
  if (!cache) widthCaches.set(font, (cache = new Map()));
  let unit = cache.get(text);
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(text, 1000);
    if (cache.size > 200_000) cache.clear();
    cache.set(text, unit);
  }
  return (unit * size) / 1000;
}

export interface Token {
  readonly text: string;
  readonly font: PDFFont;
  readonly size: number;
  readonly width: number;
  readonly underline: boolean;
  /** A breakable space follows. */
  readonly space: boolean;
  /** A forced line break follows. */
  readonly newline: boolean;
}

export interface Line {
  readonly tokens: Token[];
  readonly width: number;
  /** Last line of its paragraph, or ended by a forced break: not justified. */
  readonly last: boolean;
}

/** Characters the fonts may lack are replaced rather than breaking the PDF. */
const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();

export function printable(text: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 9) out += " ";
    else if (code < 32 || code === 127) continue; // control characters draw nothing
    else out += supported.has(code) ? char : "?";
  }
  return out;
}

export function tokenize(runs: readonly MergedRun[], fonts: Fonts, size: number): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const font = run.bold ? fonts.bold : run.italic ? fonts.italic : fonts.regular;
    const lines = run.text.split(/\r?\n/);
    lines.forEach((lineText, li) => {
      // Split on ordinary spaces only: U+00A0 and U+202F keep "1 234,56 €" on one line.
      const parts = lineText.split(" ");
      parts.forEach((part, pi) => {
        const lastPart = pi === parts.length - 1;
        const text = printable(part, font);
        if (text === "" && !(lastPart && li < lines.length - 1)) {
          if (tokens.length && !lastPart) tokens[tokens.length - 1] = { ...tokens[tokens.length - 1], space: true };
          return;
        }
        tokens.push({
          text,
          font,
          size,
          width: widthOf(font, text, size),
          underline: run.underline,
          space: !lastPart,
          newline: lastPart && li < lines.length - 1,
        });
      });
    });
  }
  return tokens;
}

/** Splits a word too long for the width (a 300-character client name) into pieces that fit. */
function splitLong(token: Token, width: number): Token[] {
  const pieces: Token[] = [];
  let current = "";
  for (const char of token.text) {
    const next = current + char;
    if (current !== "" && widthOf(token.font, next, token.size) > width) {
      pieces.push({ ...token, text: current, width: widthOf(token.font, current, token.size), space: false, newline: false });
      current = char;
    } else {
      current = next;
    }
  }
  pieces.push({ ...token, text: current, width: widthOf(token.font, current, token.size) });
  return pieces;
}

export function wrap(tokens: readonly Token[], width: number): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let currentWidth = 0;
  const spaceOf = (token: Token) => widthOf(token.font, " ", token.size);
  const flush = (last: boolean) => {
    lines.push({ tokens: current, width: currentWidth, last });
    current = [];
    currentWidth = 0;
  };
  for (const whole of tokens) {
    for (const token of whole.width > width ? splitLong(whole, width) : [whole]) {
      const previous = current[current.length - 1];
      const gap = previous && previous.space ? spaceOf(previous) : 0;
      if (current.length && currentWidth + gap + token.width > width) flush(false);
      const g = current.length && current[current.length - 1].space ? spaceOf(current[current.length - 1]) : 0;
      current.push(token);
      currentWidth += g + token.width;
      if (token.newline) flush(true);
    }
  }
  if (current.length || lines.length === 0) flush(true);
  return lines;
}
