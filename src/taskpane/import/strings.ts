/**
 * The words of the import screen, French and English (the pane's language
 * follows Office's). Amounts are written the French way in both, as in the
 * rest of the pane. The reasons lines are left aside come from the books'
 * French catalogue (core/books/messages/fr.ts), in both languages: they name
 * French accounting notions (FEC, comptes 411, lettrage).
 */
import { formatDateFr, type EpochDay } from "../../core/calendar";
import type { BookNoticeCode } from "../../core/books/report";
import { formatCentsFr, type Cents } from "../../core/money";
import { ACCEPTED_TERMS_FORMS } from "../../core/terms";
import { plural as counted } from "../../core/text";
import type { UiLanguage } from "../../excel/host";
import type { ImportPhase } from "./useImport";

/** Counts here can run to hundreds of thousands of lines: « 300 000 lignes ». */
const plural = (count: number, word: string, many?: string) => counted(count, word, many, (n) => n.toLocaleString("fr-FR"));

/** What a notice counts when it is not lines. */
const UNIT_FR: Partial<Record<BookNoticeCode, string>> = {
  solde_crediteur: "compte",
  noms_multiples: "compte",
  nom_nettoye: "compte",
  nom_sur_plusieurs_comptes: "nom",
  lettrage_non_solde: "lettrage",
  credit_non_impute: "crédit",
  entete_introuvable: "fichier",
};
const UNIT_EN: Partial<Record<BookNoticeCode, string>> = {
  solde_crediteur: "account",
  noms_multiples: "account",
  nom_nettoye: "account",
  nom_sur_plusieurs_comptes: "name",
  lettrage_non_solde: "lettering group",
  credit_non_impute: "credit",
  entete_introuvable: "file",
};

const fr = {
  title: "Importer des écritures comptables",
  intro:
    "Le FEC de votre logiciel comptable (fichier des écritures comptables) : Recouvre en tire les factures clients ouvertes à la date choisie, règlements, avoirs et acomptes imputés, dans la feuille « Créances ». Vos colonnes ajoutées à cette table et le journal des relances sont conservés.",
  asOfLabel: "Créances au",
  asOfInvalid: "Date invalide.",
  termsLabel: "Conditions de paiement supposées",
  termsHint:
    "Un FEC ne contient pas d'échéances : elles sont calculées avec ces conditions (ou celles de la colonne « Conditions de paiement » de la table Créances pour un client) et marquées « supposées ».",
  termsInvalid: `Conditions non comprises. Formes acceptées : ${ACCEPTED_TERMS_FORMS}.`,
  pick: "Importer…",
  running: "Import en cours…",
  drop: "ou déposez le fichier ici (plusieurs fichiers pour un FEC en plusieurs parties)",
  dropActive: "Déposez pour importer",
  files: (names: readonly string[]) => names.join(", "),
  phases: {
    chargement: "Chargement des fichiers…",
    lecture: "Lecture des écritures…",
    creances: "Imputation des règlements, avoirs et acomptes…",
    ecriture: "Écriture de la feuille Créances…",
  } as Record<ImportPhase, string>,
  failed: (message: string) => `Import interrompu : ${message}`,
  nothing: (files: string) => `Aucune écriture de compte client (411, 416) lue dans ${files} : la table Créances n'a pas été modifiée. Est-ce bien un FEC ?`,
  summary: (items: number, total: string, clients: number) => `${plural(items, "facture ouverte", "factures ouvertes")} · ${total} · ${plural(clients, "client")}`,
  asOf: (day: EpochDay) => `au ${formatDateFr(day)}`,
  created: (sheet: string) => `Feuille « ${sheet} » créée.`,
  refreshed: (sheet: string) => `Feuille « ${sheet} » mise à jour.`,
  nameTaken: (name: string) => `Votre feuille « ${name} », qui n'a pas été créée par Recouvre, n'a pas été modifiée.`,
  analyze: "Analyser les créances",
  tableTitle: "Table Créances",
  tableAdded: (n: number) => `${plural(n, "ligne ajoutée", "lignes ajoutées")}`,
  tableUpdated: (n: number) => `${plural(n, "ligne mise à jour", "lignes mises à jour")}`,
  tableSettled: (n: number) => `${plural(n, "facture réglée depuis", "factures réglées depuis")} (${n > 1 ? "marquées « réglée », conservées" : "marquée « réglée », conservée"})`,
  tableAlreadySettled: (n: number) => `${plural(n, "ligne déjà réglée", "lignes déjà réglées")}, inchangées`,
  tableReopened: (n: number) => `${plural(n, "facture de nouveau ouverte", "factures de nouveau ouvertes")}`,
  tableUserRows: (n: number) => `${plural(n, "ligne saisie à la main", "lignes saisies à la main")}, inchangées`,
  tableUserColumns: (names: readonly string[]) => `Vos colonnes conservées : ${names.map((name) => `« ${name} »`).join(", ")}`,
  tableRestored: (names: readonly string[]) => `Colonnes de Recouvre rétablies à droite : ${names.map((name) => `« ${name} »`).join(", ")}`,
  tableCopied: (n: number) => `${plural(n, "cellule recopiée", "cellules recopiées")} sur les nouvelles factures d'un client connu (e-mail, adresse…)`,
  tableClientTerms: (n: number) => `${plural(n, "échéance calculée", "échéances calculées")} avec les conditions propres au client`,
  tableUnreadableTerms: (account: string, value: string) => `Compte ${account} : conditions « ${value} » non comprises, conditions par défaut utilisées`,
  assumed: (terms: string) =>
    `Échéances supposées : ${terms} après la date de pièce (colonne « Échéance supposée »). Pour garder une échéance réelle, saisissez-la et effacez « oui » sur sa ligne.`,
  readTitle: "Lu",
  readLines: (lines: number, files: number, customer: number) =>
    `${plural(lines, "ligne lue", "lignes lues")} dans ${plural(files, "fichier")}, dont ${plural(customer, "ligne")} de comptes clients (411, 416)`,
  readFile: (name: string, lines: number, encoding: string, separator: string, fields: number) =>
    `${name} : ${plural(lines, "ligne")}, ${encoding}, séparateur ${separator || "?"}, ${fields} champs`,
  imputedTitle: "Imputé",
  imputedDebits: (open: number, settled: number) => `${plural(open, "facture ouverte", "factures ouvertes")}, ${plural(settled, "facture soldée", "factures soldées")} (lettrage, règlement, avoir)`,
  imputedCredits: (imputed: number, unimputed: number, cents: Cents) =>
    `${plural(imputed, "crédit imputé", "crédits imputés")} (règlements, avoirs, acomptes)` + (unimputed ? `, ${plural(unimputed, "crédit non imputé", "crédits non imputés")} (${formatCentsFr(cents)})` : ""),
  balance: (cents: Cents) => `Solde net des comptes clients : ${formatCentsFr(cents)}`,
  creditors: (n: number) => `${plural(n, "client créditeur", "clients créditeurs")} (a payé plus qu'il ne doit) : jamais relancé${n > 1 ? "s" : ""}`,
  dso: (days: string, lowerBound: boolean, method: string) => `DSO depuis les écritures : ${lowerBound ? "plus de " : ""}${days} j (${method})`,
  noticesTitle: "Écarté ou signalé",
  noticesNone: "Aucune ligne écartée.",
  noticeCount: (code: BookNoticeCode, count: number, cents: Cents) => `${plural(count, UNIT_FR[code] ?? "ligne")}${cents ? ` · ${formatCentsFr(cents)}` : ""}`,
  money: (cents: Cents) => formatCentsFr(cents),
  days: (days: number) => (Math.round(days * 10) / 10).toFixed(1).replace(".", ","),
};

export type ImportStrings = typeof fr;

const en: ImportStrings = {
  ...fr,
  title: "Import accounting entries",
  intro:
    "The FEC of your accounting software (the French journal-entries file): Recouvre takes from it the customer invoices open at the chosen date, with payments, credit notes and payments on account imputed, into the « Créances » sheet. Columns you added to that table and the reminder journal are kept.",
  asOfLabel: "Receivables as of",
  asOfInvalid: "Invalid date.",
  termsLabel: "Assumed payment terms",
  termsHint:
    "A FEC holds no due dates: they are computed with these terms (or a client's own, from a « Conditions de paiement » column of the Créances table) and marked as assumed.",
  termsInvalid: `Terms not understood. Accepted forms: ${ACCEPTED_TERMS_FORMS}.`,
  pick: "Import…",
  running: "Importing…",
  drop: "or drop the file here (several files for a FEC in parts)",
  dropActive: "Drop to import",
  phases: {
    chargement: "Loading the files…",
    lecture: "Reading the entries…",
    creances: "Imputing payments, credit notes and payments on account…",
    ecriture: "Writing the Créances sheet…",
  },
  failed: (message: string) => `Import stopped: ${message}`,
  nothing: (files: string) => `No customer-account entry (411, 416) read in ${files}: the Créances table was left unchanged. Is it a FEC?`,
  summary: (items: number, total: string, clients: number) => `${items} open invoice${items > 1 ? "s" : ""} · ${total} · ${clients} client${clients > 1 ? "s" : ""}`,
  asOf: (day: EpochDay) => `as of ${formatDateFr(day)}`,
  created: (sheet: string) => `Sheet « ${sheet} » created.`,
  refreshed: (sheet: string) => `Sheet « ${sheet} » updated.`,
  nameTaken: (name: string) => `Your sheet « ${name} », not created by Recouvre, was left unchanged.`,
  analyze: "Analyse the receivables",
  tableTitle: "Créances table",
  tableAdded: (n: number) => `${n} row${n > 1 ? "s" : ""} added`,
  tableUpdated: (n: number) => `${n} row${n > 1 ? "s" : ""} updated`,
  tableSettled: (n: number) => `${n} invoice${n > 1 ? "s" : ""} paid since (marked « réglée », kept)`,
  tableAlreadySettled: (n: number) => `${n} row${n > 1 ? "s" : ""} already paid, unchanged`,
  tableReopened: (n: number) => `${n} invoice${n > 1 ? "s" : ""} open again`,
  tableUserRows: (n: number) => `${n} row${n > 1 ? "s" : ""} typed by hand, unchanged`,
  tableUserColumns: (names: readonly string[]) => `Your columns kept: ${names.map((name) => `« ${name} »`).join(", ")}`,
  tableRestored: (names: readonly string[]) => `Recouvre columns restored on the right: ${names.map((name) => `« ${name} »`).join(", ")}`,
  tableCopied: (n: number) => `${n} cell${n > 1 ? "s" : ""} copied to new invoices of a known client (e-mail, address…)`,
  tableClientTerms: (n: number) => `${n} due date${n > 1 ? "s" : ""} computed with the client's own terms`,
  tableUnreadableTerms: (account: string, value: string) => `Account ${account}: terms « ${value} » not understood, default terms used`,
  assumed: (terms: string) =>
    `Assumed due dates: ${terms} after the document date (« Échéance supposée » column). To keep a real due date, type it and clear « oui » on its row.`,
  readTitle: "Read",
  readLines: (lines: number, files: number, customer: number) => `${lines} line${lines > 1 ? "s" : ""} read in ${files} file${files > 1 ? "s" : ""}, ${customer} on customer accounts (411, 416)`,
  readFile: (name: string, lines: number, encoding: string, separator: string, fields: number) => `${name}: ${lines} lines, ${encoding}, separator ${separator || "?"}, ${fields} fields`,
  imputedTitle: "Imputed",
  imputedDebits: (open: number, settled: number) => `${open} open invoice${open > 1 ? "s" : ""}, ${settled} settled (lettering, payment, credit note)`,
  imputedCredits: (imputed: number, unimputed: number, cents: Cents) =>
    `${imputed} credit${imputed > 1 ? "s" : ""} imputed (payments, credit notes, payments on account)` + (unimputed ? `, ${unimputed} not imputed (${formatCentsFr(cents)})` : ""),
  balance: (cents: Cents) => `Net balance of the customer accounts: ${formatCentsFr(cents)}`,
  creditors: (n: number) => `${n} client${n > 1 ? "s" : ""} in credit (paid more than owed): never chased`,
  dso: (days: string, lowerBound: boolean, method: string) => `DSO from the books: ${lowerBound ? "over " : ""}${days} days (${method})`,
  noticesTitle: "Left aside or flagged",
  noticesNone: "No line left aside.",
  noticeCount: (code: BookNoticeCode, count: number, cents: Cents) => `${count} ${UNIT_EN[code] ?? "line"}${count > 1 ? "s" : ""}${cents ? ` · ${formatCentsFr(cents)}` : ""}`,
};

export function importStrings(language: UiLanguage): ImportStrings {
  return language === "en" ? en : fr;
}
