/**
 * The French wording of the books' notices (catalogue: the only place in
 * core/books where French sentences live). The pane, the CLI and the import
 * report sheet all describe a notice through describeNotice.
 */
import { formatCentsFr } from "../../money";
import type { BooksRevenueBasis } from "../dso";
import type { BookNotice, BookNoticeCode } from "../report";

export const NOTICE_TITLES: Record<BookNoticeCode, string> = {
  entete_introuvable: "en-tête FEC introuvable : fichier non lu (il faut JournalCode, EcritureDate, CompteNum, Debit/Credit ou Montant/Sens)",
  entete_repete: "en-tête répété (fichier en plusieurs parties) : ignoré",
  ligne_vide: "lignes vides : ignorées",
  champs_manquants: "ligne incomplète (moins de champs que l'en-tête) : non lue",
  date_illisible: "date d'écriture illisible (AAAAMMJJ attendu, ou date qui n'existe pas) : ligne non lue",
  montant_illisible: "montant illisible (virgule décimale, signe en tête ou en fin, sans séparateur de milliers) : ligne non lue",
  sens_illisible: "sens illisible (D, C, +1 ou -1 attendu) : ligne non lue",
  debit_et_credit: "débit et crédit remplis sur la même ligne : ligne non lue",
  montant_nul: "lignes à montant nul : rien à recouvrer",
  compte_vide: "lignes sans numéro de compte : non lues",
  autre_compte: "lignes d'autres comptes (ventes, TVA, banque…) : hors créances clients",
  compte_418: "comptes 418 (factures à établir) : pas des factures émises, non relancés",
  compte_419: "comptes 419 (avances et acomptes reçus des clients) : dette de l'entreprise, non relancés",
  apres_date: "lignes postérieures à la date choisie : non prises en compte à cette date",
  reclassement_douteux: "transferts en clients douteux (411 vers 416) : reclassement, les créances gardent la date de leurs factures",
  lettrage_non_solde: "lettrage qui ne se solde pas : lignes imputées comme non lettrées",
  credit_non_impute: "crédits non imputés (aucune facture ouverte du compte pour les recevoir)",
  solde_crediteur: "compte créditeur : le client a payé plus qu'il ne doit, jamais relancé",
  nom_nettoye: "nom du client nettoyé (caractères de contrôle ou encodage abîmé) : vérifiez-le",
  noms_multiples: "plusieurs noms pour un même compte : le plus fréquent est utilisé",
  nom_sur_plusieurs_comptes: "un même nom sur plusieurs comptes : vérifiez qu'il s'agit bien de clients distincts",
};

/** One line of French for a notice: « fec.txt ligne 12 : montant illisible… (« 12,5,0 ») ». */
export function describeNotice(notice: BookNotice): string {
  const parts: string[] = [];
  if (notice.source) parts.push(notice.count !== undefined && notice.count > 1 ? `${notice.source.file}` : `${notice.source.file} ligne ${notice.source.line}`);
  if (notice.account) parts.push(`compte ${notice.account}`);
  let text = NOTICE_TITLES[notice.code];
  if (notice.count !== undefined) text = `${notice.count} × ${text}`;
  if (notice.cents !== undefined && notice.cents !== 0) text += ` (${formatCentsFr(notice.cents)})`;
  if (notice.detail !== undefined && notice.detail !== "") text += ` : « ${notice.detail} »`;
  if (notice.count !== undefined && notice.count > 1 && notice.source) text += ` (première : ligne ${notice.source.line})`;
  return parts.length ? `${parts.join(", ")} : ${text}` : text;
}

/** How the DSO from the books was computed, said with it. */
export const DSO_METHOD_LABELS: Record<BooksRevenueBasis, string> = {
  ttc_comptes_clients: "CA TTC : factures moins avoirs des journaux de ventes, aux comptes clients (méthode par épuisement)",
  ht_classe_70: "CA HT : comptes 70 (méthode par épuisement ; surestime le DSO du taux de TVA)",
};
