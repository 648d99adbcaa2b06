/**
 * What a user's field name means, to propose the Recouvre field it stands
 * for: the party it belongs to (creditor or debtor), what it is (a postal
 * code, a date, a civility condition, a list of invoices…) and whether it is
 * written as a value or as a section. « {code_postal_creancier} » is the
 * creditor's postal code, never the debtor's; « {date_mise_en_demeure} » is a
 * date, never the condition « mise_en_demeure »; « {#isFemale} » is the
 * civility condition « madame ».
 */
import { normalizeWords } from "../text";
import type { LoopName } from "./fields";

/** « isFemale », « code_postal-Creancier », « DateMiseEnDemeure » → words, lower case, no accents. */
export function wordsOf(name: string): string[] {
  return normalizeWords(name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2"))
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

const CREDITOR = new Set(["creancier", "creditor", "fournisseur", "vendeur", "emetteur", "expediteur", "societe", "entreprise", "cabinet", "supplier", "seller", "sender", "company", "our", "notre", "nos", "requerant", "demandeur"]);
const DEBTOR = new Set(["debiteur", "debtor", "client", "customer", "acheteur", "buyer", "destinataire", "recipient", "defendeur", "partie", "adverse"]);

type Party = "creancier" | "debiteur" | undefined;

function partyOf(words: readonly string[]): Party {
  const creditor = words.some((w) => CREDITOR.has(w));
  const debtor = words.some((w) => DEBTOR.has(w));
  return creditor && !debtor ? "creancier" : debtor && !creditor ? "debiteur" : undefined;
}

const has = (words: readonly string[], ...any: string[]) => any.some((w) => words.includes(w));
const hasAll = (words: readonly string[], ...all: string[]) => all.every((w) => words.includes(w));

/** A field by party: [debtor's, creditor's]; undefined when that party has none. */
type ByParty = readonly [string | undefined, string | undefined];

/** What a value-like name designates, by concept, most specific first. */
const CONCEPTS: ReadonlyArray<readonly [(w: readonly string[]) => boolean, ByParty]> = [
  [(w) => hasAll(w, "code", "postal") || has(w, "cp", "codepostal", "zip", "postcode", "zipcode"), ["code_postal", "creancier_code_postal"]],
  [(w) => has(w, "ville", "city", "town", "localite"), ["ville", "creancier_ville"]],
  [(w) => has(w, "adresse", "address", "rue", "street") && has(w, "complete", "ligne", "full", "line"), ["adresse_ligne", "creancier_adresse_ligne"]],
  [(w) => has(w, "adresse", "address", "rue", "street", "addr"), ["adresse", "creancier_adresse"]],
  [(w) => has(w, "siren", "siret"), ["siren_client", "creancier_siren"]],
  [(w) => has(w, "rcs"), [undefined, "creancier_rcs"]],
  [(w) => has(w, "capital"), [undefined, "creancier_capital"]],
  [(w) => has(w, "forme") && has(w, "juridique", "sociale"), [undefined, "creancier_forme"]],
  [(w) => has(w, "mentions", "legales"), [undefined, "creancier_mentions"]],
  [(w) => has(w, "email", "mail", "courriel", "e"), ["email_client", "creancier_email"]],
  [(w) => has(w, "telephone", "tel", "phone", "portable", "mobile"), [undefined, "creancier_telephone"]],
  [(w) => has(w, "iban"), [undefined, "iban"]],
  [(w) => has(w, "bic", "swift"), [undefined, "bic"]],
  [(w) => has(w, "signataire", "signatory", "signe"), [undefined, "signataire"]],
  [(w) => has(w, "fonction", "qualite", "title", "poste") && !has(w, "civilite"), [undefined, "fonction_signataire"]],
  [(w) => has(w, "civilite", "civility", "salutation", "gender", "genre", "sexe"), ["civilite", undefined]],
  [(w) => has(w, "appel", "greeting", "dear", "cher", "chere"), ["formule_appel", undefined]],
  [(w) => has(w, "contact", "interlocuteur", "attention", "att"), ["contact", "contact_creancier"]],
  [(w) => has(w, "nom", "name", "raison", "denomination", "lastname", "surname", "prenom", "firstname", "first"), ["client", "creancier"]],
];

/** Sections (loops and conditions) by meaning. */
const SECTIONS: ReadonlyArray<readonly [(w: readonly string[]) => boolean, string]> = [
  [(w) => has(w, "periodes", "periode", "periods", "period", "decompte", "breakdown"), "periodes"],
  [(w) => has(w, "mensualites", "mensualite", "instalments", "installments", "echeancier", "plan", "versements"), "mensualites"],
  [(w) => has(w, "avoirs", "avoir", "creditnotes", "credits"), "avoirs"],
  [(w) => has(w, "reglements", "reglement", "acomptes", "acompte", "paiements", "payments", "encaissements"), "reglements"],
  [(w) => has(w, "factures", "facture", "invoices", "invoice", "items", "item", "lignes", "lines", "products", "produits", "creances", "documents", "pieces"), "factures"],
  [(w) => has(w, "female", "feminin", "femme", "madame", "mme", "woman", "woman", "f"), "madame"],
  [(w) => has(w, "male", "masculin", "homme", "monsieur", "man", "m", "mr"), "monsieur"],
  [(w) => has(w, "particulier", "consumer", "consommateur", "individual", "b2c", "personne", "physique"), "particulier"],
  [(w) => has(w, "public", "publique", "administration", "collectivite"), "acheteur_public"],
  [(w) => has(w, "professionnel", "pro", "b2b", "business", "entreprise", "societe"), "professionnel"],
  [(w) => has(w, "interets", "interet", "interest", "penalites", "penalties"), "avec_interets"],
  [(w) => has(w, "demeure", "med", "notice"), "mise_en_demeure"],
  [(w) => has(w, "oubli", "first", "premier", "courtois"), "simple_oubli"],
];

/** Dates by what they date (a value whose name says « date »). */
function dateField(words: readonly string[], loop: LoopName | undefined): string | undefined {
  if (loop === "periodes") return has(words, "fin", "end", "au", "to") ? "au" : "du";
  if (loop === "mensualites" || loop === "avoirs" || loop === "reglements") return "date";
  if (has(words, "limite", "deadline", "avant", "butoir", "paiement", "payment")) return "date_limite";
  if (has(words, "echeance", "due", "exigibilite")) return loop === "factures" ? "echeance" : undefined;
  if (loop === "factures" && has(words, "facture", "invoice", "emission", "piece")) return "date";
  if (has(words, "arrete", "calcul", "decompte")) return "arrete_au";
  // The letter's own date: « date_mise_en_demeure », « date_courrier », « date_du_jour », « date ».
  return loop === "factures" && !has(words, "lettre", "courrier", "demeure", "jour", "envoi") ? "date" : "date_lettre";
}

/** Amounts and counts by meaning, in a loop or for the whole letter. */
function amountField(words: readonly string[], loop: LoopName | undefined): string | undefined {
  const inInvoices = loop === "factures";
  if (loop === "periodes") {
    if (has(words, "from", "debut", "start", "depuis")) return "du";
    if (has(words, "to", "fin", "end", "until", "jusqu")) return "au";
    if (has(words, "jours", "days", "nb", "nombre")) return "jours";
    if (has(words, "taux", "rate")) return "taux";
    if (has(words, "base", "capital", "principal")) return "base";
    if (has(words, "montant", "amount", "interets", "interest")) return "montant";
    return undefined;
  }
  if (has(words, "indemnite", "indemnity", "forfaitaire", "frais", "fees")) return inInvoices ? "indemnite" : "total_indemnites";
  if (has(words, "interets", "interet", "interest", "penalites", "penalite", "penalty", "penalties")) {
    if (has(words, "taux", "rate")) return "taux_penalites";
    return inInvoices ? "penalites" : "total_penalites";
  }
  if (has(words, "taux", "rate")) return "taux_penalites";
  if (has(words, "retard", "late", "overdue") || (has(words, "jours", "days") && !has(words, "delai"))) return inInvoices ? "jours_retard" : "retard_max";
  if (has(words, "delai", "term")) return has(words, "jours", "days") ? "delai_jours" : "delai";
  if (has(words, "principal")) return inInvoices ? "montant" : "total_principal";
  if (has(words, "total", "somme", "sum", "solde", "balance", "reclame")) return inInvoices ? "total" : "total_du";
  if (has(words, "ht", "hors")) return inInvoices ? "montant_ht" : "total_ht";
  if (has(words, "montant", "amount", "price", "prix", "ttc")) return inInvoices || loop === "mensualites" || loop === "avoirs" || loop === "reglements" ? "montant" : "total_du";
  if (has(words, "du", "due")) return inInvoices ? "total" : "total_du";
  if (has(words, "numero", "number", "num", "no", "n", "ref", "reference", "piece")) return inInvoices ? "numero" : loop === "mensualites" ? "rang" : loop === "avoirs" || loop === "reglements" ? "piece" : "reference";
  if (has(words, "rang", "rank")) return loop === "mensualites" ? "rang" : undefined;
  if (has(words, "objet", "subject")) return "objet";
  if (has(words, "nombre", "count", "nb")) return has(words, "mensualites") ? "nb_mensualites" : "nb_factures";
  return undefined;
}

/**
 * The Recouvre field a user's name stands for, by meaning, among `allowed`
 * (the names valid at that place), or undefined when the name says nothing
 * we recognise. `section`: written {#name} or {^name}.
 */
export function fieldByMeaning(name: string, section: boolean, loop: LoopName | undefined, allowed: ReadonlySet<string>): string | undefined {
  const words = wordsOf(name);
  const ok = (field: string | undefined) => (field !== undefined && allowed.has(field) ? field : undefined);
  if (section) {
    for (const [test, field] of SECTIONS) if (test(words) && ok(field)) return field;
    return undefined;
  }
  if (has(words, "date", "jour", "when") && !has(words, "retard", "jours", "delai")) {
    const date = ok(dateField(words, loop));
    if (date) return date;
  }
  const party = partyOf(words);
  for (const [test, [debtor, creditor]] of CONCEPTS) {
    if (!test(words)) continue;
    // A creditor's name never gets the debtor's field, nor the reverse.
    const field = party === "creancier" ? creditor : party === "debiteur" ? debtor : (debtor ?? creditor);
    if (ok(field)) return field;
    if (party !== undefined) return undefined;
  }
  return ok(amountField(words, loop));
}

/** The party a name speaks of, for checking a spelling-based suggestion. */
export function partyOfName(name: string): Party {
  return partyOf(wordsOf(name));
}
