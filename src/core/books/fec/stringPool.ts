/**
 * One string per distinct value of a repetitive FEC field (account numbers,
 * customer names, journal codes and labels): a 300,000-line FEC names its
 * 2,000 customers tens of thousands of times. Looking a field up by its
 * bounds in the line allocates nothing when the value was seen before, so the
 * reader makes no garbage for it, and the maps keyed by these strings later
 * (accounts, names) compare them by identity and hash each one once.
 */

const EMPTY = "";

export class StringPool {
  private strings: (string | undefined)[];
  private hashes: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.strings = new Array<string | undefined>(n).fill(undefined);
    this.hashes = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The pooled string equal to text.slice(start, end). */
  intern(text: string, start: number, end: number): string {
    if (start >= end) return EMPTY;
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const length = end - start;
    const strings = this.strings;
    let slot = hash & this.mask;
    for (;;) {
      const candidate = strings[slot];
      if (candidate === undefined) break;
      if (this.hashes[slot] === hash && candidate.length === length && sameChars(candidate, text, start, length)) return candidate;
      slot = (slot + 1) & this.mask;
    }
    const value = text.slice(start, end);
    strings[slot] = value;
    this.hashes[slot] = hash;
    if (++this.size * 2 > strings.length) this.grow();
    return value;
  }

  private grow(): void {
    const oldStrings = this.strings;
    const oldHashes = this.hashes;
    const n = oldStrings.length * 2;
    this.strings = new Array<string | undefined>(n).fill(undefined);
    this.hashes = new Int32Array(n);
    this.mask = n - 1;
    for (let i = 0; i < oldStrings.length; i++) {
      const value = oldStrings[i];
      if (value === undefined) continue;
      let slot = oldHashes[i] & this.mask;
      while (this.strings[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.strings[slot] = value;
      this.hashes[slot] = oldHashes[i];
    }
  }
}

function sameChars(candidate: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (candidate.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
