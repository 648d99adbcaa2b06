/**
 * Customer names are labels, the account is the identity (issue 14). Names
 * exported by accounting packages carry damage from code-page conversions:
 * control characters (« AUBERGE DU FAISAN DOR\x90 »), UTF-8 read as Latin-1
 * (« CafÃ© »). They are cleaned for letters and flagged, never silently.
 */
import { clientKeyOf } from "../ledger/clientKey";
import type { BookNotice } from "./report";

export interface CleanName {
  readonly name: string;
  /** True when characters were removed or repaired (spacing aside). */
  readonly cleaned: boolean;
}

// C0 and C1 controls, DEL, the replacement character: never part of a name.
// eslint-disable-next-line no-control-regex
const DAMAGE = /[\u0000-\u001f\u007f-\u009f\ufffd]/g;
// UTF-8 decoded as Latin-1: « Ã© » for « é », « Ã‰ » for « É » (the second byte shown as a Windows-1252 letter).
const MOJIBAKE = /[\u00c2-\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u20ac\u2122\u0192\u02c6\u02dc]/;

const CP1252_HIGH: Record<string, number> = {
  "\u20ac": 0x80, "\u201a": 0x82, "\u0192": 0x83, "\u201e": 0x84, "\u2026": 0x85, "\u2020": 0x86, "\u2021": 0x87,
  "\u02c6": 0x88, "\u2030": 0x89, "\u0160": 0x8a, "\u2039": 0x8b, "\u0152": 0x8c, "\u017d": 0x8e, "\u2018": 0x91,
  "\u2019": 0x92, "\u201c": 0x93, "\u201d": 0x94, "\u2022": 0x95, "\u2013": 0x96, "\u2014": 0x97, "\u02dc": 0x98,
  "\u2122": 0x99, "\u0161": 0x9a, "\u203a": 0x9b, "\u0153": 0x9c, "\u017e": 0x9e, "\u0178": 0x9f,
};

/** Re-reads a Latin-1/Windows-1252 view of UTF-8 bytes; undefined when they are not UTF-8. */
function undoMojibake(text: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x100) bytes.push(code);
    else if (CP1252_HIGH[ch] !== undefined) bytes.push(CP1252_HIGH[ch]);
    else return undefined;
  }
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
    } else if (b >= 0xc2 && b <= 0xdf && i + 1 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80) {
      out += String.fromCharCode(((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef && i + 2 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      out += String.fromCharCode(((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else return undefined;
  }
  return out;
}

const cleaned = new Map<string, CleanName>();

/** The name for letters: damage removed, spaces single. Plain names come back as they are. */
export function cleanName(raw: string): CleanName {
  // A FEC repeats each customer's name on every line: each is cleaned once.
  let result = cleaned.get(raw);
  if (result === undefined) {
    if (cleaned.size > 20_000) cleaned.clear();
    result = cleanNameUncached(raw);
    cleaned.set(raw, result);
  }
  return result;
}

function cleanNameUncached(raw: string): CleanName {
  let name = raw;
  if (MOJIBAKE.test(name)) name = undoMojibake(name) ?? name;
  name = name.replace(DAMAGE, "").replace(/\s+/g, " ").trim();
  // Spacing alone is no damage: only removed or repaired characters flag the name.
  return { name, cleaned: name !== raw.replace(/\s+/g, " ").trim() };
}

/**
 * The label of each account (its most frequent cleaned name; ties: the first
 * in alphabetical order, so that line order changes nothing), and the
 * notices: two names on one account, one name on two accounts.
 */
export function accountNames(namesByAccount: ReadonlyMap<string, ReadonlyMap<string, number>>): {
  labels: Map<string, string>;
  notices: BookNotice[];
} {
  const labels = new Map<string, string>();
  const notices: BookNotice[] = [];
  const accountsOfKey = new Map<string, Set<string>>();
  const spellingOfKey = new Map<string, string>();
  for (const account of [...namesByAccount.keys()].sort()) {
    const counts = namesByAccount.get(account) as ReadonlyMap<string, number>;
    let best = "";
    let bestCount = -1;
    const keys = new Map<string, string>();
    for (const name of [...counts.keys()].sort()) {
      const count = counts.get(name) as number;
      if (name !== "" && count > bestCount) {
        best = name;
        bestCount = count;
      }
      const key = clientKeyOf(name);
      if (key !== "" && !keys.has(key)) keys.set(key, name);
    }
    labels.set(account, best);
    if (keys.size > 1) notices.push({ code: "noms_multiples", account, detail: [...keys.values()].join(" | ") });
    for (const [key, spelling] of keys) {
      if (!spellingOfKey.has(key)) spellingOfKey.set(key, spelling);
      let accounts = accountsOfKey.get(key);
      if (!accounts) accountsOfKey.set(key, (accounts = new Set()));
      accounts.add(account);
    }
  }
  for (const [key, accounts] of accountsOfKey) {
    if (accounts.size > 1) notices.push({ code: "nom_sur_plusieurs_comptes", account: [...accounts].join(", "), detail: spellingOfKey.get(key) });
  }
  return { labels, notices };
}
