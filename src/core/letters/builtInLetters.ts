/**
 * The wording of the built-in French letters (see wording.ts): one builder
 * per template, each taking the kind of debtor, and the subject lines.
 */
import type { DebtorKind } from "../escalation/claim";
import type { Block } from "./blocks";
import { decompteBlocks } from "./decompteBlocks";
import { b, CLOSING, CLOSING_FORMAL, col, CONTACT_LINE, header, invoiceTable, keepAsGroup, lawReminder, LRAR_RECORD, p, PAYMENT_BY_TRANSFER, SALUTATION, signature, style, totals } from "./wordingParts";
import type { BuiltInTemplateId } from "./wording";

function preventive(variant: DebtorKind): Block[] {
  return [
    ...header(false),
    SALUTATION,
    p("Nous nous permettons de vous rappeler que {les_factures} ci-dessous arrive{nt} prochainement à échéance :"),
    ...invoiceTable(variant, "simple"),
    { type: "totals", rows: [{ label: "Total", value: "{total_principal}", bold: true }] },
    p("Nous vous remercions par avance de votre règlement à bonne date."),
    PAYMENT_BY_TRANSFER,
    p("Si votre règlement est déjà en cours, nous vous prions de ne pas tenir compte de ce message."),
    CONTACT_LINE,
    CLOSING,
    ...signature(),
    LRAR_RECORD,
  ];
}

function relance1(variant: DebtorKind): Block[] {
  return [
    ...header(false),
    SALUTATION,
    p(
      "Sauf erreur ou omission de notre part, nous n'avons pas encore reçu le règlement {des_factures} suivante{s}, arrivée{s} à échéance :",
    ),
    ...invoiceTable(variant, "retard"),
    totals(variant, false),
    p("Il s'agit sans doute d'un simple oubli. Nous vous remercions de bien vouloir procéder au règlement de {total_principal} au plus tard le {date_limite}.", {
      when: "simple_oubli",
    }),
    p("Ce retard atteint désormais {retard_max}. Nous vous demandons de bien vouloir procéder au règlement de {total_principal} au plus tard le {date_limite}.", {
      unless: "simple_oubli",
    }),
    PAYMENT_BY_TRANSFER,
    p("Si votre paiement a été effectué entre-temps, nous vous prions de ne pas tenir compte de ce message et vous en remercions."),
    CONTACT_LINE,
    CLOSING,
    ...signature(),
    LRAR_RECORD,
  ];
}

function relance2(variant: DebtorKind): Block[] {
  return [
    ...header(false),
    SALUTATION,
    p(
      "Malgré notre précédente relance, nous constatons que le règlement {des_factures} suivante{s} ne nous est toujours pas parvenu :",
    ),
    ...invoiceTable(variant, "retard"),
    totals(variant, false),
    p(["Nous vous demandons de bien vouloir régler la somme de ", b("{total_principal}"), " au plus tard le ", b("{date_limite}"), "."]),
    lawReminder(variant),
    PAYMENT_BY_TRANSFER,
    p("Si vous rencontrez une difficulté, ou si vous contestez tout ou partie de ces sommes, merci de nous en faire part sans attendre afin que nous puissions trouver une solution."),
    CONTACT_LINE,
    CLOSING,
    ...signature(),
    LRAR_RECORD,
  ];
}

function relance3(variant: DebtorKind): Block[] {
  const intro =
    variant === "particulier"
      ? "Malgré nos relances successives, {les_factures} suivante{s} demeure{nt} impayée{s} à ce jour :"
      : "Malgré nos relances successives, {les_factures} suivante{s} demeure{nt} impayée{s} à ce jour. Au {arrete_au}, les sommes dues s'établissent comme suit :";
  return [
    ...header(false),
    SALUTATION,
    p(intro),
    ...invoiceTable(variant, "complet"),
    totals(variant, true),
    p(["Nous vous demandons de régler la somme de ", b("{total_du}"), " au plus tard le ", b("{date_limite}"), "."]),
    p(
      [
        "Il s'agit de notre ",
        b("dernière relance amiable"),
        " : à défaut de règlement à cette date, nous vous adresserons une ",
        b("mise en demeure"),
        " par lettre recommandée avec accusé de réception, préalable à l'engagement d'une procédure de recouvrement judiciaire.",
      ],
    ),
    lawReminder(variant),
    PAYMENT_BY_TRANSFER,
    CONTACT_LINE,
    CLOSING,
    ...signature(),
    LRAR_RECORD,
    ...decompteBlocks(),
  ];
}

function miseEnDemeure(variant: DebtorKind): Block[] {
  const blocks: Block[] = [
    ...header(true),
    p(b("MISE EN DEMEURE DE PAYER"), style("title")),
    p([b("Créancier : "), "{creancier}, SIREN {creancier_siren}, {creancier_adresse_ligne}"], { style: "subject" }),
    p([b("Débiteur : "), "{client}{mention_siren_client}, {adresse_ligne}"], { style: "subject" }),
    SALUTATION,
    p("Malgré nos relances, {les_factures} suivante{s} demeure{nt} impayée{s} :"),
    ...invoiceTable(variant, "complet"),
    totals(variant, true),
  ];
  if (variant === "professionnel") {
    blocks.push(
      p(
        "Les pénalités de retard sont dues de plein droit, sans qu'un rappel soit nécessaire, à compter du lendemain de la date d'échéance de chaque facture (art. L441-10 du Code de commerce), au {base_penalites} ; elles sont arrêtées ici au {arrete_au} et continuent de courir jusqu'au complet paiement. L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée après son échéance (art. L441-10 et D441-5 du Code de commerce).",
      ),
    );
  } else if (variant === "acheteurPublic") {
    blocks.push(
      p(
        "Les intérêts moratoires courent de plein droit à compter du lendemain de l'expiration du délai de paiement (art. L2192-13 du Code de la commande publique), au {base_penalites} (art. R2192-31) ; ils sont arrêtés ici au {arrete_au} et continuent de courir jusqu'au complet paiement. L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture (art. D2192-35 du même code).",
      ),
    );
  }
  blocks.push(
    p([
      "Par la présente, nous vous ",
      b("mettons en demeure"),
      " de nous régler la somme de ",
      b("{total_du}"),
      " dans un délai de ",
      b("{delai}"),
      " à compter de la date de la présente lettre, soit ",
      b("au plus tard le {date_limite}"),
      ".",
    ]),
  );
  if (variant === "particulier") {
    blocks.push(
      p(
        "Conformément aux articles 1231-6 et 1344-1 du Code civil, les sommes dues porteront intérêts au {base_penalites} à compter de la présente mise en demeure, jusqu'à leur complet paiement.",
      ),
    );
  }
  blocks.push(PAYMENT_BY_TRANSFER);
  blocks.push(p("À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire, {consequences}."));
  if (variant !== "acheteurPublic") {
    blocks.push(
      p(
        "Les actes de cette procédure et son exécution forcée seront confiés à un commissaire de justice (depuis le 1er juillet 2022, les huissiers de justice exercent sous le titre de commissaires de justice).",
      ),
    );
  }
  if (variant === "professionnel") {
    blocks.push(
      p(
        "Nous nous réservons en outre le droit de demander une indemnisation complémentaire, sur justification, si les frais de recouvrement exposés dépassent le montant de l'indemnité forfaitaire (art. L441-10 du Code de commerce).",
      ),
    );
  }
  blocks.push(
    p("La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil."),
    p("Ce courrier vous est également adressé par lettre recommandée avec accusé de réception.", { only: "email" }),
    p("Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de la présente."),
    CLOSING_FORMAL,
    ...signature(),
    LRAR_RECORD,
    ...decompteBlocks(),
  );
  return blocks;
}

function echeancier(variant: DebtorKind): Block[] {
  const blocks: Block[] = [
    ...header(false),
    SALUTATION,
    p("Nous restons dans l'attente du règlement {des_factures} suivante{s} :"),
    ...invoiceTable(variant, variant === "particulier" ? "retard" : "complet"),
    totals(variant, true),
    p([
      "Afin de vous permettre de régulariser votre situation, nous vous proposons de régler la somme de ",
      b("{total_echeancier}"),
      " en ",
      b("{nb_mensualites}"),
      " selon l'échéancier suivant :",
    ]),
    {
      type: "table",
      loop: "mensualites",
      columns: [col("Mensualité", "{rang}", "center", 12), col("Date de paiement", "{date}", "center", 20), col("Montant", "{montant}", "right", 16)],
    },
    p(
      "Cette proposition suppose le respect de chaque échéance : à défaut de paiement d'une seule mensualité à sa date, la totalité des sommes restant dues redeviendra immédiatement exigible, sans autre formalité.",
    ),
    p(
      "Si cette proposition vous convient, merci de nous retourner ce courrier daté et signé, précédé de la mention « Bon pour accord », au plus tard le {date_limite}.",
      { only: "courrier" },
    ),
    p("Si cette proposition vous convient, merci de nous confirmer votre accord par retour de message au plus tard le {date_limite}.", {
      only: "email",
    }),
    PAYMENT_BY_TRANSFER,
    CONTACT_LINE,
    CLOSING,
    ...signature(),
    LRAR_RECORD,
    p(b("Bon pour accord, le ____________________"), { only: "courrier", spaceBefore: 18 }),
    p("Nom, qualité et signature du débiteur :", { only: "courrier" }),
  ];
  // « Bon pour accord » stays on the page of the terms it accepts.
  const terms = blocks.findIndex((block) => block.type === "p" && typeof block.runs[0] === "string" && block.runs[0].startsWith("Cette proposition suppose"));
  return [...keepAsGroup(blocks, terms, blocks.length - 1), ...decompteBlocks()];
}

export const OBJETS: Readonly<Record<BuiltInTemplateId, string>> = {
  preventive: "Rappel d'échéance – {nb_factures} à régler",
  relance1: "Facture{s} échue{s} non réglée{s} – {total_principal}",
  relance2: "Deuxième relance – {nb_factures} impayée{s}",
  relance3: "Dernière relance avant mise en demeure – {total_du}",
  miseEnDemeure: "Mise en demeure de payer la somme de {total_du}",
  echeancier: "Proposition d'échéancier de paiement – {total_echeancier}",
};

export const BUILDERS: Readonly<Record<BuiltInTemplateId, (variant: DebtorKind) => Block[]>> = {
  preventive,
  relance1,
  relance2,
  relance3,
  miseEnDemeure,
  echeancier,
};
