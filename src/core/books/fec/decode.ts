/**
 * FEC bytes -> text. A47 A-1 XII 1° allows ASCII, ISO 8859-15 or UTF-8 and
 * real exports use all three, sometimes with a UTF-8 BOM. Valid UTF-8 is read
 * as UTF-8; anything else as ISO 8859-15, with the bytes 0x80-0x9F that
 * Windows-1252 defines (’, €, Œ…) read as Windows-1252, since exports made on
 * Windows write them. Bytes no code page defines stay as C1 controls, for the
 * name cleaner to flag (« DOR\x90 »).
 */

export type FecEncoding = "UTF-8" | "UTF-8 (BOM)" | "ISO-8859-15";

export interface DecodedText {
  readonly text: string;
  readonly encoding: FecEncoding;
}

// ISO 8859-15 differs from Latin-1 at eight code points.
const LATIN9: Record<number, number> = { 0xa4: 0x20ac, 0xa6: 0x160, 0xa8: 0x161, 0xb4: 0x17d, 0xb8: 0x17e, 0xbc: 0x152, 0xbd: 0x153, 0xbe: 0x178 };
// Windows-1252 in 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D undefined).
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const SINGLE_BYTE = new Uint16Array(256);
for (let b = 0; b < 256; b++) SINGLE_BYTE[b] = b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : (LATIN9[b] ?? b);

/** True when `bytes` from `start` are well-formed UTF-8 (no overlongs, no surrogates). */
export function isUtf8(bytes: Uint8Array, start = 0): boolean {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return false;
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (i + need >= n) return false;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;

/** Chunks keep String.fromCharCode.apply under the engines' argument limits. */
const CHUNK = 8192;

/** The UTF-8 decoding of valid bytes, without a runtime decoder (the runtimes Recouvre runs in have one). */
function decodeUtf8Loop(bytes: Uint8Array, start: number): string {
  const parts: string[] = [];
  const units = new Uint16Array(CHUNK + 4);
  let count = 0;
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i];
    let code: number;
    if (b < 0x80) {
      code = b;
      i += 1;
    } else if (b < 0xe0) {
      code = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      code = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
    } else {
      code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      i += 4;
    }
    if (code >= 0x10000) {
      code -= 0x10000;
      units[count++] = 0xd800 + (code >> 10);
      units[count++] = 0xdc00 + (code & 0x3ff);
    } else units[count++] = code;
    if (count >= CHUNK) {
      parts.push(String.fromCharCode.apply(null, units.subarray(0, count) as unknown as number[]));
      count = 0;
    }
  }
  parts.push(String.fromCharCode.apply(null, units.subarray(0, count) as unknown as number[]));
  return parts.join("");
}

/** The text when the bytes are valid UTF-8, else undefined. */
function decodeUtf8(bytes: Uint8Array, start: number): string | undefined {
  const body = start === 0 ? bytes : bytes.subarray(start);
  // A fatal decoder validates at native speed; the loops are the fallback.
  const Decoder = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (Decoder) {
    try {
      return new Decoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return undefined;
    }
  }
  return isUtf8(body) ? decodeUtf8Loop(body, 0) : undefined;
}

function decodeSingleByte(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(CHUNK);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(bytes.length, offset + CHUNK);
    for (let i = offset; i < end; i++) units[i - offset] = SINGLE_BYTE[bytes[i]];
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - offset) as unknown as number[]));
  }
  return parts.join("");
}

export function decodeFecBytes(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = decodeUtf8(bytes, bom ? 3 : 0);
  if (text !== undefined) return { text, encoding: bom ? "UTF-8 (BOM)" : "UTF-8" };
  return { text: decodeSingleByte(bytes), encoding: "ISO-8859-15" };
}
