/** Base64 (RFC 4648, with padding) of bytes, without btoa or Buffer: the same code in the pane and in Node. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
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
