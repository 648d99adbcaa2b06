/**
 * What a FEC customer line is (facture, avoir, règlement, à-nouveau,
 * acompte), from what the FEC says: the journal (code and label), the side,
 * the entry label. Journal codes are free (VE, VT, 70, BQ1, BNP…), so the
 * journal's label decides when the code does not.
 */
import type { LineKind } from "../types";

type JournalType = "a_nouveau" | "banque" | "ventes" | "autre";

const cache = new Map<string, Map<string, JournalType>>();
// Consecutive lines mostly share their journal: the last answer is kept apart, compared without hashing.
let lastCode = "";
let lastLabel = "";
let lastType: JournalType | undefined;

function journalTypeUncached(code: string, label: string): JournalType {
  const c = code.toUpperCase();
  const l = label.toLowerCase();
  if (c === "AN" || c === "RAN" || c === "ANO" || c === "OUV" || c.startsWith("AN") && c.length <= 3 || /nouveau|ouverture|reprise|report/.test(l)) return "a_nouveau";
  if (/^(BQ|BA|BN|BP|CA|CB|CH|CCP|CE|LCL|SG|51|53)/.test(c) || /banque|bank|caisse|ch[eè]que|encaissement|r[eè]glement|cr[eé]dit (agricole|mutuel|lyonnais)/.test(l)) return "banque";
  if (/^(V|70)/.test(c) || /vente|factur/.test(l)) return "ventes";
  return "autre";
}

export function journalType(code: string, label: string): JournalType {
  if (lastType !== undefined && code === lastCode && label === lastLabel) return lastType;
  let byLabel = cache.get(code);
  if (!byLabel) {
    if (cache.size > 1000) cache.clear();
    cache.set(code, (byLabel = new Map()));
  }
  let type = byLabel.get(label);
  if (type === undefined) {
    type = journalTypeUncached(code, label);
    byLabel.set(label, type);
  }
  lastCode = code;
  lastLabel = label;
  lastType = type;
  return type;
}

export function classifyLine(journalCode: string, journalLabel: string, entryLabel: string, isDebit: boolean): LineKind {
  const type = journalType(journalCode, journalLabel);
  if (isDebit) return type === "a_nouveau" ? "a_nouveau" : type === "banque" ? "debit" : "facture";
  if (type === "a_nouveau") return "credit";
  const label = entryLabel.toLowerCase();
  if (label.includes("avoir")) return "avoir";
  if (label.includes("acompte")) return "acompte";
  if (type === "banque") return "reglement";
  if (type === "ventes") return "avoir";
  if (/r[eè]glement|paiement|virement|vrt|vir |ch[eè]que|chq|lcr|pr[eé]l[eè]vement|remise/.test(label)) return "reglement";
  return "credit";
}

const NAMED_INVOICE = /\b(?:facture|fact\.?|fac\.?)\s*(?:d'origine\s*)?(?:n[°o.]?\s*)?:?\s*([A-Za-z]*[-_/]?[0-9][\w\-/.]*)/i;

/** The invoice a credit's label names (« Avoir sur facture F-12 » -> F-12), if any. */
export function namedInvoice(entryLabel: string): string | undefined {
  const match = NAMED_INVOICE.exec(entryLabel);
  return match ? match[1].replace(/[.]+$/, "") : undefined;
}
