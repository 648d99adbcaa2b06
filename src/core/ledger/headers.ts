/**
 * Which column of the user's invoice list holds what.
 *
 * Lists come from many accounting tools, in French or English, so a header is
 * compared once normalized (case, accents, punctuation and "N°" ignored)
 * against a table of the usual wordings. Several headers may fit one field
 * ("Montant TTC" and "Reste dû"): each wording has a rank and the best one
 * wins, because the amount owed is what remains, not what was billed.
 *
 * The result is only a proposal: the pane shows it, the user corrects it, and
 * the corrected mapping is stored in the workbook (StoredColumnMapping) so the
 * next session starts from the user's choice.
 */
import { z } from "zod";
import { normalizeWords } from "../text";

export const LEDGER_FIELDS = [
  "client",
  "numero",
  "dateFacture",
  "echeance",
  "montant",
  "debit",
  "credit",
  "montantHT",
  "datePaiement",
  "email",
  "contact",
  "adresse",
  "codePostal",
  "ville",
  "siren",
  "conditions",
  "particulier",
  "acheteurPublic",
  "tauxContractuel",
  "factureOrigine",
  "echeanceSupposee",
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** How each field is named to the user (pane, messages). */
export const LEDGER_FIELD_LABELS: Readonly<Record<LedgerField, string>> = {
  client: "Client",
  numero: "N° de facture",
  dateFacture: "Date de facture",
  echeance: "Échéance",
  montant: "Montant restant dû",
  debit: "Débit",
  credit: "Crédit",
  montantHT: "Montant HT",
  datePaiement: "Date de paiement",
  email: "E-mail",
  contact: "Contact",
  adresse: "Adresse",
  codePostal: "Code postal",
  ville: "Ville",
  siren: "SIREN / SIRET",
  conditions: "Conditions de paiement",
  particulier: "Particulier (B2C)",
  acheteurPublic: "Acheteur public",
  tauxContractuel: "Taux des pénalités contractuel",
  factureOrigine: "Facture d'origine (d'un avoir)",
  echeanceSupposee: "Échéance supposée",
};

/** Field -> 0-based column index in the selection. One column serves one field. */
export type ColumnMapping = Partial<Record<LedgerField, number>>;

/**
 * Header wordings, already normalized by headerKey, with a rank: 0 is the
 * most specific. `prefix: false` marks words too generic to be recognized at
 * the start of a longer header ("Date" must not capture "Date limite").
 */
interface Wording {
  readonly field: LedgerField;
  readonly rank: number;
  readonly prefix: boolean;
}

const WORDINGS: ReadonlyArray<readonly [LedgerField, number, readonly string[], boolean?]> = [
  ["client", 0, ["client", "raison sociale", "nom client", "nom du client", "customer", "customer name", "client name", "debiteur", "nom debiteur"]],
  ["client", 1, ["societe", "entreprise", "tiers", "nom du tiers", "company"]],
  ["numero", 0, ["n facture", "no facture", "num facture", "numero facture", "numero de facture", "n de facture", "ref facture", "reference facture", "invoice number", "invoice no", "invoice n", "invoice"]],
  ["numero", 0, ["n piece", "no piece", "numero de piece", "numero piece"]],
  ["numero", 1, ["facture", "piece"], false],
  ["numero", 2, ["reference", "ref", "numero", "number"], false],
  ["dateFacture", 0, ["date facture", "date de facture", "date de la facture", "date d emission", "date emission", "invoice date", "date piece", "date de piece"]],
  ["dateFacture", 2, ["date"], false],
  ["echeance", 0, ["echeance", "date d echeance", "date echeance", "date de l echeance", "due date", "date limite de paiement", "date limite de reglement"]],
  ["echeance", 1, ["due", "payment due"], false],
  ["montant", 0, ["reste du", "reste a payer", "restant du", "montant restant du", "montant du", "solde", "solde du", "amount due", "balance", "balance due", "outstanding", "open amount"]],
  ["montant", 1, ["montant ttc", "total ttc", "amount incl vat"]],
  ["montant", 1, ["ttc", "total"], false],
  ["montant", 2, ["montant", "amount", "montant facture", "invoice amount"], false],
  // The amount before VAT, printed beside the TTC in the letters; never the amount chased.
  ["montantHT", 0, ["montant ht", "total ht", "ht", "amount excl vat", "net amount", "montant hors taxes", "total hors taxes"]],
  // Ledger-style exports: the amount is debit minus credit (a payment, a credit note: a credit).
  ["debit", 0, ["debit", "montant debit", "mouvement debit", "debit ttc", "debit eur"]],
  ["credit", 0, ["credit", "montant credit", "mouvement credit", "credit ttc", "credit eur"]],
  ["datePaiement", 0, ["date de paiement", "date paiement", "regle le", "paye le", "date reglement", "date de reglement", "payment date", "paid on", "date paid", "encaisse le", "date d encaissement"]],
  ["email", 0, ["email", "e mail", "courriel", "adresse email", "adresse e mail", "adresse mail", "email address", "mel"]],
  ["email", 1, ["mail"], false],
  ["contact", 0, ["contact", "interlocuteur", "nom du contact", "nom contact", "contact name"]],
  ["adresse", 0, ["adresse", "adresse postale", "address", "rue", "street", "adresse de facturation", "billing address"]],
  ["codePostal", 0, ["code postal", "cp", "postal code", "zip", "zip code", "postcode"]],
  ["ville", 0, ["ville", "commune", "city", "town", "localite"]],
  ["siren", 0, ["siren", "n siren", "numero siren", "siret", "n siret", "numero siret", "siren siret"]],
  ["conditions", 0, ["conditions de paiement", "conditions de reglement", "delai de paiement", "delai de reglement", "payment terms", "terms"]],
  ["conditions", 1, ["conditions", "delai"], false],
  ["particulier", 0, ["particulier", "b2c", "consommateur", "client particulier", "consumer"]],
  ["acheteurPublic", 0, ["acheteur public", "secteur public", "personne publique", "client public", "public buyer", "public sector"]],
  ["acheteurPublic", 1, ["public"], false],
  // A credit's invoice (« Avoir sur facture … »): the credit is imputed to it first.
  ["factureOrigine", 0, ["facture d origine", "facture origine", "n facture d origine", "n de facture d origine", "avoir sur facture", "facture avoiree", "facture concernee", "facture liee", "original invoice", "related invoice", "applies to invoice"]],
  // The « Créances » table's flag: the due date was computed from terms, not read.
  ["echeanceSupposee", 0, ["echeance supposee", "echeance presumee", "echeance estimee", "assumed due date"]],
  ["tauxContractuel", 0, ["taux penalites", "taux de penalites", "taux des penalites", "taux penalites de retard", "taux de penalite", "taux contractuel", "penalty rate", "late payment rate", "late interest rate"]],
];

const WORDING_BY_KEY: ReadonlyMap<string, Wording> = (() => {
  const map = new Map<string, Wording>();
  for (const [field, rank, keys, prefix] of WORDINGS) {
    for (const key of keys) {
      if (map.has(key)) throw new Error(`headers: wording "${key}" listed twice`);
      map.set(key, { field, rank, prefix: prefix ?? true });
    }
  }
  return map;
})();

/** Recognized wordings, for documentation and tests. */
export function knownWordings(): ReadonlyMap<string, { field: LedgerField; rank: number }> {
  return WORDING_BY_KEY;
}

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

/** "N° de facture (TTC) " -> "n de facture ttc": the form headers are compared in. */
export function headerKey(header: unknown): string {
  if (header === null || header === undefined) return "";
  // NFKD turns "№" into "No"; normalizeWords then drops accents and case.
  return normalizeWords(String(header).normalize("NFKD")).replace(NON_ALPHANUMERIC, " ").trim();
}

/** The wording a header matches: exactly, or else the longest wording it starts with. */
function matchHeader(key: string): (Wording & { exact: boolean }) | undefined {
  if (key === "") return undefined;
  const exact = WORDING_BY_KEY.get(key);
  if (exact) return { ...exact, exact: true };
  // "montant ttc eur", "echeance prevue": try shorter and shorter word prefixes.
  const words = key.split(" ");
  for (let n = words.length - 1; n >= 1; n--) {
    const wording = WORDING_BY_KEY.get(words.slice(0, n).join(" "));
    if (wording && wording.prefix) return { ...wording, exact: false };
  }
  return undefined;
}

export interface UnmappedHeader {
  readonly index: number;
  readonly header: string;
  /** A field the header could have served, taken by a better-ranked column. */
  readonly couldBe?: LedgerField;
}

export interface HeaderDetection {
  readonly mapping: ColumnMapping;
  readonly unmapped: readonly UnmappedHeader[];
  /** Fields without which no invoice can be read (see missingFields). */
  readonly missing: readonly string[];
}

/**
 * Proposes a mapping for a header row. Exact wordings beat prefixes, then
 * the lower rank wins, then the leftmost column.
 */
export function detectColumns(headers: readonly unknown[]): HeaderDetection {
  const best = new Map<LedgerField, { index: number; score: number }>();
  const candidates: Array<{ index: number; field: LedgerField } | undefined> = [];
  headers.forEach((header, index) => {
    const match = matchHeader(headerKey(header));
    candidates[index] = match && { index, field: match.field };
    if (!match) return;
    const score = (match.exact ? 0 : 100) + match.rank;
    const current = best.get(match.field);
    if (!current || score < current.score) best.set(match.field, { index, score });
  });
  const mapping: ColumnMapping = {};
  for (const field of LEDGER_FIELDS) {
    const chosen = best.get(field);
    if (chosen) mapping[field] = chosen.index;
  }
  // Débit and Crédit give the line's signed amount; a « Solde » beside them is
  // often a running balance, so it is only proposed, not taken (the user may).
  if (mapping.montant !== undefined && (mapping.debit !== undefined || mapping.credit !== undefined)) delete mapping.montant;
  return { mapping, unmapped: unmappedHeaders(headers, mapping, candidates), missing: missingFields(mapping) };
}

function unmappedHeaders(
  headers: readonly unknown[],
  mapping: ColumnMapping,
  candidates: ReadonlyArray<{ field: LedgerField } | undefined> = [],
): UnmappedHeader[] {
  const used = new Set(Object.values(mapping));
  const unmapped: UnmappedHeader[] = [];
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const text = header === null || header === undefined ? "" : String(header);
    const couldBe = candidates[index]?.field;
    unmapped.push(couldBe ? { index, header: text, couldBe } : { index, header: text });
  });
  return unmapped;
}

/**
 * What the mapping lacks to read an invoice, in French: a client, a number,
 * an amount (or Débit / Crédit columns), and a due date or the invoice date with the payment terms.
 */
export function missingFields(mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  for (const field of ["client", "numero", "montant"] as const) {
    if (field === "montant" && (mapping.debit !== undefined || mapping.credit !== undefined)) continue;
    if (mapping[field] === undefined) missing.push(`colonne « ${LEDGER_FIELD_LABELS[field]} » introuvable`);
  }
  if (mapping.echeance === undefined && (mapping.dateFacture === undefined || mapping.conditions === undefined)) {
    missing.push(
      "colonne « Échéance » introuvable (ou, à défaut, les colonnes « Date de facture » et « Conditions de paiement » pour la calculer)",
    );
  }
  return missing;
}

/**
 * The user's corrections: a column index assigns the field to that column
 * (taking it from any other field), null removes the field.
 */
export function overrideMapping(
  headers: readonly unknown[],
  mapping: ColumnMapping,
  overrides: Partial<Record<LedgerField, number | null>>,
): HeaderDetection {
  const next: ColumnMapping = { ...mapping };
  for (const field of LEDGER_FIELDS) {
    if (!(field in overrides)) continue;
    const index = overrides[field];
    if (index === null || index === undefined) {
      delete next[field];
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) continue;
    for (const other of LEDGER_FIELDS) if (other !== field && next[other] === index) delete next[other];
    next[field] = index;
  }
  return { mapping: next, unmapped: unmappedHeaders(headers, next), missing: missingFields(next) };
}

// ---------------------------------------------------------------------------
// Storage in the workbook.

/**
 * A mapping as stored in the workbook: per field, the column index AND the
 * header text it had, so that a column inserted or moved later is found again
 * by its header instead of silently reading the wrong column.
 */
const storedColumn = z
  .object({
    index: z.number({ error: "le numéro de colonne doit être un nombre" }).int("numéro de colonne entier attendu").min(0, "numéro de colonne négatif").max(16383, "au plus 16 384 colonnes"),
    header: z.string().max(255, "en-tête trop long (255 caractères au plus)"),
  })
  .strict();

export const storedColumnMappingSchema = z
  .object({
    version: z.literal(1),
    /** null: the user removed a field the detection would have proposed. */
    columns: z.partialRecord(z.enum(LEDGER_FIELDS), storedColumn.nullable()),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Map<number, string>();
    for (const [field, column] of Object.entries(value.columns)) {
      if (!column) continue;
      const other = seen.get(column.index);
      if (other !== undefined) {
        ctx.addIssue({ code: "custom", path: ["columns", field], message: `la colonne ${column.index + 1} sert déjà au champ « ${other} »` });
      }
      seen.set(column.index, field);
    }
  });

export type StoredColumnMapping = z.infer<typeof storedColumnMappingSchema>;

export function toStoredMapping(headers: readonly unknown[], mapping: ColumnMapping): StoredColumnMapping {
  const columns: StoredColumnMapping["columns"] = {};
  const detected = detectColumns(headers).mapping;
  for (const field of LEDGER_FIELDS) {
    const index = mapping[field];
    if (index === undefined) {
      if (detected[field] !== undefined) columns[field] = null;
      continue;
    }
    const header = headers[index];
    columns[field] = { index, header: header === null || header === undefined ? "" : String(header).slice(0, 255) };
  }
  return { version: 1, columns };
}

export type StoredMappingResult =
  | { readonly ok: true; readonly detection: HeaderDetection; readonly moved: readonly LedgerField[]; readonly lost: readonly LedgerField[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Applies a stored mapping to the current header row. A field whose header
 * sits at its stored index keeps it; one whose header moved follows it
 * (`moved`); one whose header is gone is dropped (`lost`) and the pane asks
 * again from the detection's proposal. A field stored as null stays
 * unmapped. Fields the stored mapping does not mention are detected as usual.
 */
export function applyStoredMapping(headers: readonly unknown[], stored: unknown): StoredMappingResult {
  const parsed = storedColumnMappingSchema.safeParse(stored);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join(" › ") || "correspondance"} : ${issue.message}`) };
  }
  const keys = headers.map(headerKey);
  const overrides: Partial<Record<LedgerField, number | null>> = {};
  const moved: LedgerField[] = [];
  const lost: LedgerField[] = [];
  for (const field of LEDGER_FIELDS) {
    const column = parsed.data.columns[field];
    if (column === undefined) continue;
    if (column === null) {
      overrides[field] = null;
      continue;
    }
    const wanted = headerKey(column.header);
    if (keys[column.index] === wanted && column.index < headers.length) {
      overrides[field] = column.index;
      continue;
    }
    const found = keys.indexOf(wanted);
    if (found >= 0 && wanted !== "") {
      overrides[field] = found;
      moved.push(field);
    } else {
      lost.push(field); // the detection's proposal, if any, stands
    }
  }
  const detected = detectColumns(headers).mapping;
  // Stored choices win over detection: start from detection, then apply them.
  return { ok: true, detection: overrideMapping(headers, detected, overrides), moved, lost };
}
