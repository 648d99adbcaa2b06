/**
 * The worklist's words (issue 15), French and English, spread into the
 * pane's strings (i18n.ts) so that components read them with useStrings().
 * Kept here so i18n.ts does not grow past its size.
 */
import type { CaseFlag, SortKey } from "../../core/worklist";

const s = (count: number, word: string, plural = `${word}s`) => `${count} ${count > 1 ? plural : word}`;

/** « 2e semestre 2026 » from a semester index (year × 2 + half). */
const semesterFr = (semester: number) => `${semester % 2 === 0 ? "1er" : "2e"} semestre ${Math.floor(semester / 2)}`;
const semesterEn = (semester: number) => `${semester % 2 === 0 ? "first" : "second"} half of ${Math.floor(semester / 2)}`;

export const worklistFr = {
  worklistSearch: "Rechercher un client, un SIREN, une facture",
  worklistSearchHint: "Raccourci : /",
  worklistSort: "Trier par",
  worklistSortLabels: { nextAction: "Prochaine action", amount: "Montant", daysLate: "Retard", client: "Client" } as Record<SortKey, string>,
  worklistReverse: "Inverser l'ordre",
  worklistFilters: "Filtres",
  worklistFlagLabels: {
    dueNow: "À faire aujourd'hui ou en retard",
    dispute: "Litige",
    promiseDue: "Promesse échue",
    instalmentDue: "Échéance de plan due",
    noEmail: "Sans e-mail",
  } as Record<CaseFlag, string>,
  worklistCreditBalance: "Solde créditeur",
  worklistAnyStep: "Toutes les étapes",
  worklistStep: "Prochaine étape",
  worklistAnyBucket: "Tous les retards",
  worklistBucket: "Tranche",
  worklistClear: "Effacer les filtres",
  worklistShown: (shown: number, all: number, total: string, complete: boolean) =>
    `${s(shown, "dossier")} sur ${all} · ${complete ? "" : "au moins "}${total} dus`,
  worklistNoMatch: "Aucun dossier ne correspond : changez la recherche ou les filtres.",
  worklistCreditTitle: (count: number) => `${s(count, "client")} créditeur${count > 1 ? "s" : ""} (jamais relancés)`,
  worklistViewAll: "Tous les dossiers",
  worklistViewToday: "Aujourd'hui",
  worklistList: "Dossiers filtrés",
  // « Aujourd'hui »
  todayEmpty: "Rien à faire aujourd'hui : toutes les actions dues sont enregistrées.",
  todayProgress: (position: number, count: number) => `Action ${position} sur ${count}`,
  todayRecord: "Enregistrer comme faite et passer à la suivante",
  todaySkip: "Passer",
  todayPrevious: "Précédente",
  todayKeys: "Entrée : enregistrer · → ou N : passer · ← : précédente",
  todayDone: (client: string, step: string) => `${step} enregistrée pour ${client}.`,
  todayProposed: "point de départ proposé (créance sans historique)",
  todayNoEmail: "pas d'e-mail connu",
  // Bulk actions
  bulkTitle: (count: number) => `Sur les ${s(count, "dossier")} filtrés`,
  bulkStep: "Étape",
  bulkRecord: (count: number) => `Enregistrer l'étape pour ${s(count, "dossier")}`,
  bulkRecordNone: "Aucun dossier filtré n'a cette étape à faire.",
  bulkRecorded: (count: number, step: string) => `${step} enregistrée pour ${s(count, "dossier")}.`,
  bulkSkipped: (count: number) => `${s(count, "dossier")} sans cette étape à faire, laissé${count > 1 ? "s" : ""} de côté.`,
  bulkLetters: "Générer leurs courriers",
  bulkEmails: "Préparer leurs e-mails",
  // Rates
  rateGapBanner: (semester: number, lastDay: string, cases: number) =>
    `Taux du ${semesterFr(semester)} à saisir : pour ${s(cases, "dossier")}, les pénalités sont comptées jusqu'au ${lastDay}, jamais devinées au-delà.`,
  rateGapOld: (semester: number) => `Taux du ${semesterFr(semester)} : antérieur aux tables de Recouvre, aucun calcul possible.`,
  rateGapOpen: "Ouvrir l'onglet Taux",
  atLeast: (amount: string, day: string) => `au moins ${amount} au ${day}`,
  atLeastShort: (amount: string) => `au moins ${amount}`,
  rateToEnter: (semester: number) => `taux du ${semesterFr(semester)} à saisir`,
};

export type WorklistStrings = typeof worklistFr;

export const worklistEn: WorklistStrings = {
  worklistSearch: "Search a customer, a SIREN, an invoice",
  worklistSearchHint: "Shortcut: /",
  worklistSort: "Sort by",
  worklistSortLabels: { nextAction: "Next action", amount: "Amount", daysLate: "Days late", client: "Customer" },
  worklistReverse: "Reverse the order",
  worklistFilters: "Filters",
  worklistFlagLabels: {
    dueNow: "Due today or late",
    dispute: "Dispute",
    promiseDue: "Promise due",
    instalmentDue: "Plan instalment due",
    noEmail: "No e-mail",
  },
  worklistCreditBalance: "Credit balance",
  worklistAnyStep: "All steps",
  worklistStep: "Next step",
  worklistAnyBucket: "Any delay",
  worklistBucket: "Bucket",
  worklistClear: "Clear the filters",
  worklistShown: (shown: number, all: number, total: string, complete: boolean) =>
    `${s(shown, "case")} of ${all} · ${complete ? "" : "at least "}${total} owed`,
  worklistNoMatch: "No case matches: change the search or the filters.",
  worklistCreditTitle: (count: number) => `${s(count, "customer")} in credit (never chased)`,
  worklistViewAll: "All cases",
  worklistViewToday: "Today",
  worklistList: "Filtered cases",
  todayEmpty: "Nothing to do today: every action due is recorded.",
  todayProgress: (position: number, count: number) => `Action ${position} of ${count}`,
  todayRecord: "Record as done and go to the next",
  todaySkip: "Skip",
  todayPrevious: "Previous",
  todayKeys: "Enter: record · → or N: skip · ←: previous",
  todayDone: (client: string, step: string) => `${step} recorded for ${client}.`,
  todayProposed: "proposed starting point (debt without history)",
  todayNoEmail: "no known e-mail",
  bulkTitle: (count: number) => `On the ${s(count, "filtered case")}`,
  bulkStep: "Step",
  bulkRecord: (count: number) => `Record the step for ${s(count, "case")}`,
  bulkRecordNone: "No filtered case has this step due.",
  bulkRecorded: (count: number, step: string) => `${step} recorded for ${s(count, "case")}.`,
  bulkSkipped: (count: number) => `${s(count, "case")} without this step due, left aside.`,
  bulkLetters: "Generate their letters",
  bulkEmails: "Prepare their e-mails",
  rateGapBanner: (semester: number, lastDay: string, cases: number) =>
    `Rate for the ${semesterEn(semester)} to enter: for ${s(cases, "case")}, penalties are counted up to ${lastDay}, never guessed beyond.`,
  rateGapOld: (semester: number) => `Rate for the ${semesterEn(semester)}: older than Recouvre's tables, nothing can be computed.`,
  rateGapOpen: "Open the Rates tab",
  atLeast: (amount: string, day: string) => `at least ${amount} on ${day}`,
  atLeastShort: (amount: string) => `at least ${amount}`,
  rateToEnter: (semester: number) => `rate for the ${semesterEn(semester)} to enter`,
};
