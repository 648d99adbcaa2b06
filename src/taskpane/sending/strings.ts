/**
 * The sending screen's words, French first; English when Office displays in
 * English. Legal names of steps come from the scenario and stay as they are.
 */
import type { UiLanguage } from "../../excel/host";

const n = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

const fr = {
  title: "Envoyer les relances",
  intro: "Vérifiez chaque e-mail avant l'envoi : rien ne part sans votre confirmation.",
  asOf: (date: string) => `Relances datées du ${date}.`,
  summary: (emails: number, clients: number) => `${n(emails, "e-mail", "e-mails")} à envoyer à ${n(clients, "client", "clients")}`,
  nothingToSend: "Aucun e-mail à envoyer pour la sélection.",
  to: "À",
  step: "Étape",
  invoices: "Factures",
  total: "Total dû",
  attachment: "Pièce jointe",
  reference: "Référence",
  preview: "Aperçu",
  previewLoading: "Préparation de l'aperçu…",
  previewError: (message: string) => `Aperçu impossible : ${message}. Cet e-mail ne sera pas envoyé.`,
  retryNote: (note: string) => `Nouvel essai — ${note}`,
  transport: "Envoi",
  transportGraph: "Depuis ma messagerie Microsoft 365",
  transportEml: "Préparer des brouillons .eml (à envoyer depuis Outlook)",
  graphUnavailable: (reason: string) => `Envoi par Microsoft 365 indisponible : ${reason}`,
  signedInAs: (account: string) => `Connecté en tant que ${account}.`,
  send: (emails: number) => `Envoyer ${n(emails, "e-mail", "e-mails")}`,
  prepare: (emails: number) => `Préparer ${n(emails, "brouillon", "brouillons")}`,
  cancel: "Annuler",
  close: "Fermer",
  stop: "Arrêter après l'e-mail en cours",
  stopping: "Arrêt demandé…",
  download: "Télécharger les brouillons",
  decideTitle: (count: number) => `À décider (${count})`,
  decideIntro:
    "L'issue de ces envois est inconnue, ou un brouillon a été préparé : ils ne seront jamais renvoyés sans vous. Regardez dans « Éléments envoyés » de votre messagerie (attendez quelques minutes : un e-mail peut partir en retard), puis dites ce qu'il en est.",
  decideSent: "Il est parti",
  decideNotSent: "Il n'est pas parti",
  alreadySentTitle: (count: number) => `Déjà envoyés (${count})`,
  staleTitle: (count: number) => `À actualiser (${count})`,
  skippedTitle: (count: number) => `${n(count, "client écarté", "clients écartés")}`,
  warningsTitle: "Avertissements",
  progress: (done: number, total: number) => `${done} / ${total}`,
  outcomesTitle: "Résultat par client",
  outcomeLabels: {
    envoye: "envoyé",
    echec: "échec",
    inconnu: "issue inconnue",
    prepare: "brouillon préparé",
    dejaEnvoye: "déjà envoyé",
    aDecider: "à décider",
    perime: "analyse à actualiser",
    autrePoste: "envoyé par un autre poste",
    nonTraite: "non traité",
  } as Record<string, string>,
  done: (sent: number, failed: number, unknown: number) =>
    `Terminé : ${n(sent, "envoyé", "envoyés")}, ${n(failed, "échec", "échecs")}, ${n(unknown, "issue inconnue", "issues inconnues")}.`,
  stopped: (reason: string) => `Envoi interrompu : ${reason}.`,
  resumeHint: "Cliquez de nouveau sur « Relancer » pour reprendre : ce qui est parti ne repartira pas.",
};

export type SendingStrings = typeof fr;

const en: SendingStrings = {
  ...fr,
  title: "Send reminders",
  intro: "Check each e-mail before it goes: nothing is sent without your confirmation.",
  asOf: (date: string) => `Reminders dated ${date}.`,
  summary: (emails: number, clients: number) => `${n(emails, "e-mail", "e-mails")} to send to ${n(clients, "client", "clients")}`,
  nothingToSend: "No e-mail to send for the selection.",
  to: "To",
  step: "Step",
  invoices: "Invoices",
  total: "Total due",
  attachment: "Attachment",
  reference: "Reference",
  preview: "Preview",
  previewLoading: "Preparing the preview…",
  previewError: (message: string) => `No preview: ${message}. This e-mail will not be sent.`,
  retryNote: (note: string) => `Retry — ${note}`,
  transport: "Send",
  transportGraph: "From my Microsoft 365 mailbox",
  transportEml: "Prepare .eml drafts (to send from Outlook)",
  graphUnavailable: (reason: string) => `Sending through Microsoft 365 is unavailable: ${reason}`,
  signedInAs: (account: string) => `Signed in as ${account}.`,
  send: (emails: number) => `Send ${n(emails, "e-mail", "e-mails")}`,
  prepare: (emails: number) => `Prepare ${n(emails, "draft", "drafts")}`,
  cancel: "Cancel",
  close: "Close",
  stop: "Stop after the current e-mail",
  stopping: "Stopping…",
  download: "Download the drafts",
  decideTitle: (count: number) => `To decide (${count})`,
  decideIntro:
    "The outcome of these e-mails is unknown, or a draft was prepared: they are never sent again without you. Look in your mailbox's Sent Items (wait a few minutes: an e-mail may leave late), then tell what happened.",
  decideSent: "It was sent",
  decideNotSent: "It was not sent",
  alreadySentTitle: (count: number) => `Already sent (${count})`,
  staleTitle: (count: number) => `To refresh (${count})`,
  skippedTitle: (count: number) => `${n(count, "client left out", "clients left out")}`,
  warningsTitle: "Warnings",
  outcomesTitle: "Outcome per client",
  outcomeLabels: {
    envoye: "sent",
    echec: "failed",
    inconnu: "unknown outcome",
    prepare: "draft prepared",
    dejaEnvoye: "already sent",
    aDecider: "to decide",
    perime: "refresh the analysis",
    autrePoste: "sent from another pane",
    nonTraite: "not processed",
  },
  done: (sent: number, failed: number, unknown: number) => `Done: ${sent} sent, ${failed} failed, ${unknown} unknown.`,
  stopped: (reason: string) => `Sending interrupted: ${reason}.`,
  resumeHint: "Click « Relancer » again to resume: what was sent will not be sent again.",
};

export function sendingStringsFor(language: UiLanguage): SendingStrings {
  return language === "en" ? en : fr;
}
