/**
 * Base64 (RFC 4648, with padding), the one encoder of the add-in: e-mail
 * attachments sent through Graph, .eml drafts, the user's template kept in
 * the workbook's settings. Without btoa/atob or Buffer, so the same code runs
 * in the pane, the ribbon and Node, and on files of any size (btoa needs a
 * "binary string" built by chunks first).
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));

export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]);
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=", "=");
  }
  return out.join("");
}

/**
 * The bytes of a base64 text; white space (line breaks of MIME) is skipped,
 * padding is optional. A character outside the alphabet is an error, never
 * a silently different file (as atob throws, which this replaces).
 */
export function fromBase64(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, "").replace(/={1,2}$/, "");
  if (digits.length % 4 === 1) throw new RangeError("base64: impossible length");
  const out = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (const char of digits) {
    const value = VALUE_OF.get(char);
    if (value === undefined) throw new RangeError(`base64: unexpected character ${JSON.stringify(char)}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 255;
    }
  }
  return out;
}
