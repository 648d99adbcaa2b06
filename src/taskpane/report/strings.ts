/**
 * The words of the report tab, French and English (the pane's language
 * follows Office's display language, see excel/host.ts). Amounts are written
 * the French way in both, as in the rest of the pane: they are euros owed in
 * France. The sheet itself is always French.
 */
import { formatDateFr, formatDateLongFr, type EpochDay } from "../../core/calendar";
import { formatCentsFr, type Cents } from "../../core/money";

export type ReportLanguage = "fr" | "en";

const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count > 1 ? many : word}`;
const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const fr = {
  title: "Balance âgée",
  intro: "La balance âgée par client et les indicateurs de recouvrement, à la date choisie.",
  empty: "Analysez d'abord votre liste de factures : sélectionnez ses lignes (ou une cellule de son tableau Excel).",
  analyze: "Analyser la sélection",
  asOfLabel: "Arrêté au",
  asOfInvalid: "Date invalide.",
  boundsLabel: "Tranches (jours)",
  boundsHint: "Par défaut 30 ; 60 ; 90 : Non échu, 1-30 j, 31-60 j, 61-90 j, > 90 j.",
  boundsInvalid: (reason: string) => `Bornes : ${reason}.`,
  revenueTitle: "Chiffre d'affaires mensuel (facultatif, pour le DSO)",
  revenueHint: "Chiffre d'affaires TTC facturé, le mois le plus récent en premier ; laissez vide les mois inconnus (à la fin).",
  revenueMonth: (year: number, month: number, partialTo?: EpochDay) =>
    `${MONTHS_FR[month - 1]} ${year}${partialTo !== undefined ? ` (au ${formatDateFr(partialTo)})` : ""}`,
  revenueInvalid: (month: string) => `${month} : montant en euros positif ou nul attendu.`,
  revenueGap: "Remplissez les mois sans trou, depuis le plus récent.",
  write: "Créer / actualiser la feuille Balance âgée",
  writing: "Écriture de la feuille…",
  created: (sheet: string) => `Feuille « ${sheet} » créée.`,
  refreshed: (sheet: string) => `Feuille « ${sheet} » actualisée.`,
  nameTaken: (defaultName: string) => `Votre feuille « ${defaultName} », qui n'a pas été créée par Recouvre, n'a pas été modifiée.`,
  writeFailed: (message: string) => `La feuille n'a pas pu être écrite : ${message}`,
  money: (cents: Cents) => formatCentsFr(cents),
  percent: (fraction: number) => `${(Math.round(fraction * 1000) / 10).toFixed(1).replace(".", ",")}\u00a0%`,
  days: (days: number) => `${(Math.round(days * 10) / 10).toFixed(1).replace(".", ",")}\u00a0j`,
  date: (day: EpochDay) => formatDateFr(day),
  longDate: (day: EpochDay) => formatDateLongFr(day),
  cardReceivables: "Encours total",
  cardReceivablesDetail: (invoices: number, clients: number) => `${plural(invoices, "facture")}, ${plural(clients, "client")}, litiges compris`,
  cardOverdue: "Échu hors litige",
  cardOverdueDetail: (share: string) => `${share} de l'encours`,
  cardDisputed: "En litige",
  cardDisputedDetail: (invoices: number, clients: number) => (invoices ? `${plural(invoices, "facture")}, ${plural(clients, "client")}` : "aucun litige"),
  cardLate: "Retard moyen pondéré",
  cardLateDetail: (invoices: number) => `${plural(invoices, "facture échue", "factures échues")}, pondéré par les montants`,
  cardNoLate: "aucune facture échue",
  cardDsoSimple: "DSO, méthode simple",
  cardDsoSimpleDetail: (months: number, days: number) => `encours / CA de ${plural(months, "mois", "mois")} × ${days} j`,
  cardDsoCountBack: "DSO, épuisement du CA",
  cardDsoCountBackDetail: (fullMonths: number) => `${plural(fullMonths, "mois épuisé", "mois épuisés")} + prorata`,
  cardDsoExhausted: (days: number) => `> ${days}\u00a0j`,
  cardDsoExhaustedDetail: "l'encours dépasse le CA saisi",
  cardDsoMissing: "saisissez le CA mensuel",
  cardPenalties: "Pénalités réclamables",
  cardPenaltiesDetail: "hors litige, hors indemnité de 40 €",
  cardPenaltiesMissing: "n.d.",
  cardPromises: "Promesses cette semaine",
  cardPromisesDetail: (count: number, from: EpochDay, to: EpochDay) => `${plural(count, "promesse")} du ${formatDateFr(from)} au ${formatDateFr(to)}`,
  notAvailable: "n.d.",
  chartTitle: "Montants par tranche",
  chartOutside: "Hors litige",
  chartDisputed: "En litige",
  chartSummary: (parts: string) => `Montants par tranche de retard : ${parts}`,
  stepsTitle: "Factures par dernière relance faite",
  stepsStep: "Étape",
  stepsNone: "Aucune relance",
  stepsInvoices: "Factures",
  stepsAmount: "Montant",
};

export type ReportStrings = typeof fr;

const en: ReportStrings = {
  title: "Aged receivables",
  intro: "Receivables per client by age, and the collection indicators, as of the date you choose.",
  empty: "First analyse your invoice list: select its rows (or a cell of its Excel table).",
  analyze: "Analyse the selection",
  asOfLabel: "As of",
  asOfInvalid: "Invalid date.",
  boundsLabel: "Buckets (days)",
  boundsHint: "Default 30; 60; 90: not due, 1-30, 31-60, 61-90, over 90 days.",
  boundsInvalid: (reason: string) => `Bounds: ${reason}.`,
  revenueTitle: "Monthly revenue (optional, for the DSO)",
  revenueHint: "Revenue invoiced incl. VAT, most recent month first; leave unknown months blank (at the end).",
  revenueMonth: (year: number, month: number, partialTo?: EpochDay) => `${MONTHS_EN[month - 1]} ${year}${partialTo !== undefined ? ` (to ${formatDateFr(partialTo)})` : ""}`,
  revenueInvalid: (month: string) => `${month}: a positive amount in euros, or zero, is expected.`,
  revenueGap: "Fill in the months without gaps, from the most recent one.",
  write: "Create / refresh the Balance âgée sheet",
  writing: "Writing the sheet…",
  created: (sheet: string) => `Sheet "${sheet}" created.`,
  refreshed: (sheet: string) => `Sheet "${sheet}" refreshed.`,
  nameTaken: (defaultName: string) => `Your sheet "${defaultName}", which Recouvre did not make, was left untouched.`,
  writeFailed: (message: string) => `The sheet could not be written: ${message}`,
  money: (cents: Cents) => formatCentsFr(cents),
  percent: (fraction: number) => `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`,
  days: (days: number) => `${(Math.round(days * 10) / 10).toFixed(1)} days`,
  date: (day: EpochDay) => formatDateFr(day),
  longDate: (day: EpochDay) => formatDateFr(day),
  cardReceivables: "Total receivables",
  cardReceivablesDetail: (invoices: number, clients: number) => `${plural(invoices, "invoice")}, ${plural(clients, "client")}, disputes included`,
  cardOverdue: "Overdue, disputes excluded",
  cardOverdueDetail: (share: string) => `${share} of receivables`,
  cardDisputed: "In dispute",
  cardDisputedDetail: (invoices: number, clients: number) => (invoices ? `${plural(invoices, "invoice")}, ${plural(clients, "client")}` : "no dispute"),
  cardLate: "Weighted average days late",
  cardLateDetail: (invoices: number) => `${plural(invoices, "overdue invoice")}, weighted by amount`,
  cardNoLate: "no overdue invoice",
  cardDsoSimple: "DSO, simple method",
  cardDsoSimpleDetail: (months: number, days: number) => `receivables / revenue of ${plural(months, "month")} × ${days} days`,
  cardDsoCountBack: "DSO, count-back",
  cardDsoCountBackDetail: (fullMonths: number) => `${plural(fullMonths, "month")} used up + prorata`,
  cardDsoExhausted: (days: number) => `> ${days} days`,
  cardDsoExhaustedDetail: "receivables exceed the revenue entered",
  cardDsoMissing: "enter the monthly revenue",
  cardPenalties: "Penalties claimable",
  cardPenaltiesDetail: "disputes excluded, without the €40 indemnity",
  cardPenaltiesMissing: "n/a",
  cardPromises: "Promises due this week",
  cardPromisesDetail: (count: number, from: EpochDay, to: EpochDay) => `${plural(count, "promise")} from ${formatDateFr(from)} to ${formatDateFr(to)}`,
  notAvailable: "n/a",
  chartTitle: "Amounts by bucket",
  chartOutside: "Not disputed",
  chartDisputed: "In dispute",
  chartSummary: (parts: string) => `Amounts by age bucket: ${parts}`,
  stepsTitle: "Invoices by last reminder done",
  stepsStep: "Step",
  stepsNone: "No reminder yet",
  stepsInvoices: "Invoices",
  stepsAmount: "Amount",
};

export function reportStrings(language: ReportLanguage): ReportStrings {
  return language === "en" ? en : fr;
}
