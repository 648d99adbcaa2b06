/**
 * The merge fields: every name a letter template may use, with what it holds.
 *
 * Names are ASCII, lower case, with underscores, as the user types them in
 * Word: {client}, {total_du}. Every value is already written the French way
 * ("1 234,56 €", "15 mars 2025", "3 factures"); conditions are true/false.
 * This list is the reference for the template checker and for
 * the README, « Modèles de lettres : champs de fusion » (a test keeps the two in step).
 */

export type FieldScopeName = "lettre" | "factures" | "mensualites" | "periodes" | "avoirs" | "reglements";
/** The loops, each with the scope its items open. */
export type LoopName = Exclude<FieldScopeName, "lettre">;
export type FieldKind = "texte" | "condition" | "boucle";

export interface FieldSpec {
  readonly name: string;
  readonly scope: FieldScopeName;
  readonly kind: FieldKind;
  readonly group: string;
  readonly description: string;
  readonly example: string;
}

const f = (name: string, group: string, description: string, example: string, kind: FieldKind = "texte", scope: FieldScopeName = "lettre"): FieldSpec => ({
  name,
  scope,
  kind,
  group,
  description,
  example,
});

export const FIELD_SPECS: readonly FieldSpec[] = [
  // Client.
  f("client", "Client", "Nom ou raison sociale du client (débiteur)", "SARL Dupont"),
  f("adresse", "Client", "Adresse (rue) du client ; plusieurs lignes possibles", "12 rue des Lilas"),
  f("code_postal", "Client", "Code postal du client", "69003"),
  f("ville", "Client", "Ville du client", "Lyon"),
  f("adresse_ligne", "Client", "Adresse complète sur une ligne", "12 rue des Lilas, 69003 Lyon"),
  f("siren_client", "Client", "SIREN du client, groupé par 3 chiffres (vide si inconnu)", "732 829 320"),
  f("mention_siren_client", "Client", "« , SIREN … » si le SIREN du client est connu, sinon vide", ", SIREN 732 829 320"),
  f("contact", "Client", "Interlocuteur chez le client (vide si inconnu)", "M. Martin"),
  f("email_client", "Client", "Adresse e-mail du client", "compta@dupont.fr"),
  f("civilite", "Client", "« Madame » ou « Monsieur » d'après le contact (ou le nom d'un particulier) ; vide si inconnue", "Madame"),
  f("nom_contact", "Client", "Nom de famille du contact quand sa civilité est connue", "Martin"),
  f("formule_appel", "Client", "Formule d'appel : « Madame Martin, » pour un contact nommé, sinon « Madame, Monsieur, »", "Madame Martin,"),
  f("formule_politesse", "Client", "À qui s'adresse la formule de politesse : « Madame » ou « Madame, Monsieur »", "Madame"),
  // The letter.
  f("reference", "Lettre", "Référence du document, reprise dans le journal des relances", "REL-2026-11-23-SARL-DUPONT-MED"),
  f("objet", "Lettre", "Objet de la lettre (et sujet de l'e-mail)", "Mise en demeure de payer la somme de 3 456,78 €"),
  f("etape", "Lettre", "Étape du scénario de relance", "Mise en demeure"),
  f("date_lettre", "Lettre", "Date de la lettre", "23 novembre 2026"),
  f("arrete_au", "Lettre", "Date à laquelle les montants sont arrêtés (la date de la lettre)", "23 novembre 2026"),
  f("fait_a", "Lettre", "« Fait à … , le … » : ville de signature et date de la lettre", "Fait à Paris, le 23 novembre 2026"),
  f("delai", "Lettre", "Délai de paiement accordé (8 jours pour la mise en demeure)", "8 jours"),
  f("delai_jours", "Lettre", "Le même délai, en nombre", "8"),
  f("date_limite", "Lettre", "Date limite de paiement : date de la lettre + délai", "1er décembre 2026"),
  f("nb_factures", "Lettre", "Nombre de factures, accordé", "3 factures"),
  f("retard_max", "Lettre", "Retard de la facture la plus ancienne, accordé", "352 jours"),
  f("numero_lrar", "Lettre", "Numéro du recommandé inscrit au journal avec l'étape (lettre envoyée en LRAR ; vide tant qu'il n'est pas saisi)", "1A 123 456 7890 1"),
  f("lrar_enregistre_par", "Lettre", "Qui a inscrit ce numéro au journal", "Marie Durand"),
  f("mention_lrar", "Lettre", "« Lettre recommandée avec accusé de réception n° … (enregistrée par …) », vide sans numéro", "Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1 (enregistrée par Marie Durand)"),
  f("les_factures", "Accords", "« la facture » ou « les factures »", "les factures"),
  f("des_factures", "Accords", "« de la facture » ou « des factures » : le règlement {des_factures}", "des factures"),
  f("s", "Accords", "« s » au pluriel (plusieurs factures), vide au singulier : impayée{s}", "s"),
  f("nt", "Accords", "« nt » au pluriel, vide au singulier : demeure{nt}", "nt"),
  // Amounts.
  f("total_principal", "Montants", "Total des montants dus (principal)", "3 000,00 €"),
  f("total_penalites", "Montants", "Total des pénalités ou intérêts, arrêtés à la date de la lettre", "336,78 €"),
  f("total_indemnites", "Montants", "Total des indemnités forfaitaires (40 € par facture ; 0 pour un particulier)", "120,00 €"),
  f("total_du", "Montants", "Total dû : principal + pénalités ou intérêts + indemnités", "3 456,78 €"),
  f("libelle_penalites", "Montants", "Nature des pénalités ou intérêts réclamés, avec leur fondement", "Pénalités de retard (art. L441-10 C. com.)"),
  f("taux_penalites", "Montants", "Taux appliqué(s) sur l'ensemble des factures", "13,15 % puis 12,15 %"),
  f("base_penalites", "Montants", "Le taux expliqué, à insérer après « au »", "taux de refinancement de la BCE majoré de 10 points, soit 12,15 %"),
  f("procedure", "Montants", "Procédure suggérée si le client ne paie pas", "procédure simplifiée de recouvrement des petites créances"),
  f("consequences", "Montants", "Phrase décrivant la procédure qui suivra un refus de payer", "une requête en injonction de payer…"),
  // Invoices.
  f("factures", "Factures", "Boucle sur les factures : {#factures} … {/factures} (dans une ligne de tableau, la ligne est répétée)", "", "boucle"),
  f("numero", "Factures", "Numéro de la facture", "F2026-0142", "texte", "factures"),
  f("date", "Factures", "Date de la facture (« — » si inconnue)", "15/09/2026", "texte", "factures"),
  f("echeance", "Factures", "Date d'échéance", "15/10/2026", "texte", "factures"),
  f("montant", "Factures", "Montant restant dû", "1 000,00 €", "texte", "factures"),
  f("jours_retard", "Factures", "Jours de retard à la date de la lettre", "39", "texte", "factures"),
  f("penalites", "Factures", "Pénalités de retard L441-10, intérêts moratoires ou intérêts légaux de la facture", "13,01 €", "texte", "factures"),
  f("taux_penalites", "Factures", "Taux utilisé pour cette facture (plusieurs si le retard chevauche deux semestres)", "12,15 %", "texte", "factures"),
  f("indemnite", "Factures", "Indemnité forfaitaire de la facture (40 €, 0 pour un particulier)", "40,00 €", "texte", "factures"),
  f("total", "Factures", "Total de la facture : montant + pénalités + indemnité", "1 053,01 €", "texte", "factures"),
  f("montant_facture", "Factures", "Montant facturé (TTC), avant avoirs et règlements", "1 200,00 €", "texte", "factures"),
  f("montant_ht", "Factures", "Montant HT, si la liste a une colonne « Montant HT » (« — » sinon)", "1 000,00 €", "texte", "factures"),
  f("montant_ttc", "Factures", "Montant TTC facturé, quand le HT est connu (« — » sinon)", "1 200,00 €", "texte", "factures"),
  f("deductions", "Factures", "Avoirs et règlements déduits de la facture ; {montant_facture} − {deductions} = {montant}", "200,00 €", "texte", "factures"),
  f("avec_deductions", "Factures", "Vrai quand un avoir ou un règlement a été déduit de la facture", "", "condition", "factures"),
  f("avec_periodes", "Factures", "Vrai quand la facture a un décompte d'intérêts (des périodes)", "", "condition", "factures"),
  // The décompte des intérêts, per invoice.
  f("periodes", "Décompte des intérêts", "Boucle, dans {#factures}, sur les périodes du décompte des intérêts de la facture : {#periodes} … {/periodes}", "", "boucle", "factures"),
  f("du", "Décompte des intérêts", "Premier jour de la période (inclus)", "16/12/2024", "texte", "periodes"),
  f("au", "Décompte des intérêts", "Dernier jour de la période (inclus)", "31/12/2024", "texte", "periodes"),
  f("jours", "Décompte des intérêts", "Nombre de jours de la période", "16", "texte", "periodes"),
  f("taux", "Décompte des intérêts", "Taux annuel de la période, deux décimales", "13,65 %", "texte", "periodes"),
  f("base", "Décompte des intérêts", "Somme restant due sur la période (après les paiements partiels)", "10 000,00 €", "texte", "periodes"),
  f("montant", "Décompte des intérêts", "Intérêts de la période ; les périodes d'une facture totalisent {penalites} au centime", "59,84 €", "texte", "periodes"),
  // Credit notes and payments.
  f("avoirs", "Avoirs et règlements", "Boucle sur les avoirs déduits : {#avoirs} … {/avoirs}", "", "boucle"),
  f("reglements", "Avoirs et règlements", "Boucle sur les acomptes et règlements partiels déduits : {#reglements} … {/reglements}", "", "boucle"),
  ...(["avoirs", "reglements"] as const).flatMap((loop) => [
    f("nature", "Avoirs et règlements", "« Avoir », « Acompte », « Règlement partiel » ou « Règlements enregistrés au journal »", loop === "avoirs" ? "Avoir" : "Acompte", "texte", loop),
    f("piece", "Avoirs et règlements", "Numéro de l'avoir ou du règlement dans votre liste (« — » s'il vient du journal)", loop === "avoirs" ? "AV-2026-007" : "VIR-0412", "texte", loop),
    f("date", "Avoirs et règlements", "Date de l'avoir ou du règlement", "02/10/2026", "texte", loop),
    f("montant", "Avoirs et règlements", "Montant déduit", "200,00 €", "texte", loop),
    f("facture", "Avoirs et règlements", "Numéro de la facture sur laquelle il est déduit", "F2026-0142", "texte", loop),
  ]),
  f("total_facture", "Avoirs et règlements", "Total facturé (TTC) ; {total_facture} − {total_avoirs} − {total_reglements} = {total_principal}", "3 400,00 €"),
  f("total_ht", "Avoirs et règlements", "Total HT, quand le HT de chaque facture est connu (vide sinon)", "2 833,33 €"),
  f("total_avoirs", "Avoirs et règlements", "Total des avoirs déduits", "200,00 €"),
  f("total_reglements", "Avoirs et règlements", "Total des acomptes et règlements partiels déduits", "200,00 €"),
  // Payment plan.
  f("mensualites", "Échéancier", "Boucle sur les mensualités proposées : {#mensualites} … {/mensualites}", "", "boucle"),
  f("rang", "Échéancier", "Rang de la mensualité", "1/3", "texte", "mensualites"),
  f("date", "Échéancier", "Date de la mensualité", "15/12/2026", "texte", "mensualites"),
  f("montant", "Échéancier", "Montant de la mensualité", "1 152,26 €", "texte", "mensualites"),
  f("nb_mensualites", "Échéancier", "Nombre de mensualités, accordé", "3 mensualités"),
  f("total_echeancier", "Échéancier", "Somme étalée par l'échéancier (le total dû)", "3 456,78 €"),
  // Creditor.
  f("creancier", "Créancier", "Votre raison sociale", "SAS Atelier Exemple"),
  f("creancier_adresse", "Créancier", "Votre adresse (rue)", "5 rue de la Paix"),
  f("creancier_code_postal", "Créancier", "Votre code postal", "75002"),
  f("creancier_ville", "Créancier", "Votre ville", "Paris"),
  f("creancier_adresse_ligne", "Créancier", "Votre adresse complète sur une ligne", "5 rue de la Paix, 75002 Paris"),
  f("creancier_siren", "Créancier", "Votre SIREN, groupé", "552 100 554"),
  f("creancier_mentions", "Créancier", "Vos mentions légales : celles saisies, sinon forme, capital et RCS", "SAS au capital de 10 000 € – RCS Paris 552 100 554"),
  f("creancier_forme", "Créancier", "Votre forme juridique, si saisie", "SAS"),
  f("creancier_capital", "Créancier", "Votre capital social, si saisi", "10 000 €"),
  f("creancier_rcs", "Créancier", "Votre immatriculation : RCS, ville du greffe et SIREN, si la ville est saisie", "RCS Paris 552 100 554"),
  f("creancier_email", "Créancier", "Votre e-mail", "compta@exemple.fr"),
  f("creancier_telephone", "Créancier", "Votre téléphone, si saisi", "01 23 45 67 89"),
  f("contact_creancier", "Créancier", "Votre interlocuteur (le contact du profil)", "Marie Durand"),
  f("joignable", "Créancier", "« au (téléphone) ou par e-mail à (e-mail) », pour compléter « se tient à votre disposition »", " au 01 23 45 67 89 ou par e-mail à compta@exemple.fr"),
  f("iban", "Créancier", "Votre IBAN, groupé par 4", "FR76 3000 6000 0112 3456 7890 189"),
  f("bic", "Créancier", "Votre BIC", "AGRIFRPP"),
  f("iban_bic", "Créancier", "IBAN suivi du BIC quand il est renseigné", "FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP"),
  f("signataire", "Créancier", "Nom du signataire", "Marie Durand"),
  f("fonction_signataire", "Créancier", "Fonction du signataire, si saisie", "Responsable comptable"),
  f("signature", "Créancier", "Texte sous la signature, si saisi", "Pour la société, la gérante"),
  f("ville_creancier", "Créancier", "Ville de signature (« Paris, le … »)", "Paris"),
  // Conditions.
  f("professionnel", "Conditions", "Vrai pour un client professionnel : {#professionnel} … {/professionnel}", "", "condition"),
  f("particulier", "Conditions", "Vrai pour un particulier (consommateur)", "", "condition"),
  f("acheteur_public", "Conditions", "Vrai pour un acheteur public", "", "condition"),
  f("avec_interets", "Conditions", "Vrai quand des pénalités ou intérêts sont dus (total non nul)", "", "condition"),
  f("mise_en_demeure", "Conditions", "Vrai pour la mise en demeure", "", "condition"),
  f("madame", "Conditions", "Vrai quand la civilité du contact est « Madame »", "", "condition"),
  f("monsieur", "Conditions", "Vrai quand la civilité du contact est « Monsieur »", "", "condition"),
  f("avec_avoirs", "Conditions", "Vrai quand un avoir a été déduit", "", "condition"),
  f("avec_reglements", "Conditions", "Vrai quand un acompte ou un règlement partiel a été déduit", "", "condition"),
  f("avec_deductions", "Conditions", "Vrai quand un avoir ou un règlement a été déduit", "", "condition"),
  f("avec_ht", "Conditions", "Vrai quand le montant HT de chaque facture est connu", "", "condition"),
  f("simple_oubli", "Conditions", "Vrai tant que la facture la plus ancienne est dans la fenêtre de la première relance (« sans doute un simple oubli »)", "", "condition"),
];

/** Field names by scope, for the checker. */
export const LETTER_FIELDS: ReadonlySet<string> = new Set(FIELD_SPECS.filter((s) => s.scope === "lettre").map((s) => s.name));
export const LOOP_FIELDS: Readonly<Record<LoopName, ReadonlySet<string>>> = {
  factures: new Set(FIELD_SPECS.filter((s) => s.scope === "factures").map((s) => s.name)),
  mensualites: new Set(FIELD_SPECS.filter((s) => s.scope === "mensualites").map((s) => s.name)),
  periodes: new Set(FIELD_SPECS.filter((s) => s.scope === "periodes").map((s) => s.name)),
  avoirs: new Set(FIELD_SPECS.filter((s) => s.scope === "avoirs").map((s) => s.name)),
  reglements: new Set(FIELD_SPECS.filter((s) => s.scope === "reglements").map((s) => s.name)),
};
export const LOOP_NAMES: ReadonlySet<string> = new Set(FIELD_SPECS.filter((s) => s.kind === "boucle").map((s) => s.name));
