/**
 * The pieces the built-in letters are made of (wording.ts): letterhead and
 * address, salutation and closing, signature, the invoice table, the totals
 * and the reminder of what the law adds, by kind of debtor.
 */
import type { DebtorKind } from "../escalation/claim";
import type { Block, ParagraphBlock, ParagraphStyle, Run, TableColumn, TotalsBlock } from "./blocks";

/**
 * French typography the line breaker must respect: a no-break space in
 * « 40 € » and after « art. » before a code article (« art. L441-10 »), so
 * that neither is split across two lines, in Word as in the PDF.
 */
export function typo(text: string): string {
  return text.replace(/(\d) €/g, "$1\u00a0€").replace(/\bart\. (?=[LRD]\d)/g, "art.\u00a0");
}

function typoRun(run: Run): Run {
  return typeof run === "string" ? typo(run) : { ...run, text: typo(run.text) };
}

/** The same blocks with typo() applied to every text they print. */
export function typoBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    if (block.type === "p") return { ...block, runs: block.runs.map(typoRun) };
    if (block.type === "totals") return { ...block, rows: block.rows.map((row) => ({ ...row, label: typo(row.label) })) };
    if (block.type === "nestedTable") return { ...block, heading: block.heading.map(typoRun) };
    return block;
  });
}

type POptions = Omit<ParagraphBlock, "type" | "runs">;

export function p(runs: Run | readonly Run[], options: POptions = {}): ParagraphBlock {
  return { type: "p", runs: typeof runs === "string" || !Array.isArray(runs) ? [runs as Run] : (runs as readonly Run[]), ...options };
}
export const b = (text: string): Run => ({ text, bold: true });
export const style = (s: ParagraphStyle, options: POptions = {}): POptions => ({ style: s, ...options });

export const SALUTATION = p("{formule_appel}", { spaceBefore: 6 });
// The closing keeps with the signature (Word keepNext, the PDF's keep-together).
export const CLOSING = p("Nous vous prions d'agréer, {formule_politesse}, l'expression de nos salutations distinguées.", { keepNext: true });
export const CLOSING_FORMAL = p("Veuillez agréer, {formule_politesse}, l'expression de nos salutations distinguées.", { keepNext: true });

export function header(lrar: boolean): Block[] {
  const courrier = { only: "courrier" as const };
  return [
    p(b("{creancier}"), { ...style("sender"), ...courrier }),
    p("{creancier_adresse}", { ...style("sender"), ...courrier }),
    p("{creancier_code_postal} {creancier_ville}", { ...style("sender"), ...courrier }),
    p("SIREN {creancier_siren}", { ...style("sender"), ...courrier }),
    p("{creancier_mentions}", { ...style("sender"), ...courrier, when: "creancier_mentions" }),
    p("Tél. {creancier_telephone}", { ...style("sender"), ...courrier, when: "creancier_telephone" }),
    p("{creancier_email}", { ...style("sender"), ...courrier }),
    p(b("{client}"), { ...style("recipient", { spaceBefore: 18 }), ...courrier }),
    p("À l'attention de {contact}", { ...style("recipient"), ...courrier, when: "contact" }),
    p("{adresse}", { ...style("recipient"), ...courrier }),
    p("{code_postal} {ville}", { ...style("recipient"), ...courrier }),
    p("{ville_creancier}, le {date_lettre}", { ...style("date", { spaceBefore: 18 }), ...courrier }),
    // The LRAR number once the journal records it (the copy in the court file).
    ...(lrar
      ? [
          p(b("Lettre recommandée avec accusé de réception"), { ...style("mention"), ...courrier, unless: "numero_lrar" }),
          p(b("Lettre recommandée avec accusé de réception n° {numero_lrar}"), { ...style("mention"), ...courrier, when: "numero_lrar" }),
        ]
      : []),
    p([b("Objet : "), "{objet}"], { ...style("subject"), ...courrier }),
    p([b("Client : "), "{client}"], { ...style("subject"), only: "email" }),
    p([b("Réf. : "), "{reference}"], style("subject")),
  ];
}

export function signature(): Block[] {
  return [
    p(b("{signataire}"), style("signature", { spaceBefore: 12, keepNext: true })),
    p("{fonction_signataire}", style("signature", { when: "fonction_signataire" })),
    p("{signature}", style("signature", { when: "signature" })),
    p("{creancier}", style("signature", { only: "email" })),
    p("Tél. {creancier_telephone}", style("signature", { only: "email", when: "creancier_telephone" })),
    p("{creancier_email}", style("signature", { only: "email" })),
  ];
}

export const PAYMENT_BY_TRANSFER = p(
  ["Règlement par virement : ", b("IBAN {iban_bic}"), ", en indiquant la référence {reference}."],
  { when: "iban" },
);

export const col = (header: string, cell: string, align: TableColumn["align"], width: number): TableColumn => ({ header, cell, align, width });

const C_NUMERO = col("N° facture", "{numero}", "left", 15);
const C_DATE = col("Date", "{date}", "center", 11);
const C_ECHEANCE = col("Échéance", "{echeance}", "center", 11);
const C_MONTANT = col("Montant dû", "{montant}", "right", 14);
const C_RETARD = col("Jours de retard", "{jours_retard}", "right", 9);
const C_TAUX = col("Taux", "{taux_penalites}", "right", 16);
const C_INDEMNITE = col("Indemnité", "{indemnite}", "right", 11);

function invoiceColumns(variant: DebtorKind, detail: "simple" | "retard" | "complet"): TableColumn[] {
  if (detail === "simple") return [C_NUMERO, C_DATE, C_ECHEANCE, { ...C_MONTANT, header: "Montant" }];
  if (detail === "retard" || variant === "particulier") return [C_NUMERO, C_DATE, C_ECHEANCE, C_MONTANT, C_RETARD];
  const interestHeader = variant === "acheteurPublic" ? "Intérêts moratoires" : "Pénalités";
  return [C_NUMERO, C_DATE, C_ECHEANCE, C_MONTANT, C_RETARD, C_TAUX, col(interestHeader, "{penalites}", "right", 13), C_INDEMNITE];
}

const C_HT = col("Montant HT", "{montant_ht}", "right", 13);

/** With the HT known: an HT column, the amount due said TTC, the invoice date left out for room. */
function withHt(columns: readonly TableColumn[]): TableColumn[] {
  return columns.flatMap((c) => (c === C_DATE ? [] : c.cell === "{montant}" ? [C_HT, { ...c, header: `${c.header} TTC` }] : [c]));
}

const C_DEDUCTION = [col("Nature", "{nature}", "left", 22), col("N°", "{piece}", "left", 15), col("Date", "{date}", "center", 11), col("Facture", "{facture}", "left", 15), col("Montant", "{montant}", "right", 14)];

/**
 * The invoices (with HT and TTC when the list gives the HT), then the credit
 * notes and payments already deducted from them, when there are any.
 */
export function invoiceTable(variant: DebtorKind, detail: "simple" | "retard" | "complet"): Block[] {
  const columns = invoiceColumns(variant, detail);
  return [
    { type: "table", loop: "factures", columns, unless: "avec_ht" },
    { type: "table", loop: "factures", columns: withHt(columns), when: "avec_ht" },
    p("Ces montants tiennent compte des avoirs et règlements suivants, déduits du total facturé de {total_facture} :", { when: "avec_deductions", keepNext: true }),
    { type: "table", loop: "avoirs", columns: C_DEDUCTION, when: "avec_avoirs" },
    { type: "table", loop: "reglements", columns: C_DEDUCTION, when: "avec_reglements" },
  ];
}

/** Under the signature of a registered letter whose number is recorded: who recorded it. */
export const LRAR_RECORD = p("Envoi recommandé n° {numero_lrar}, inscrit au journal des relances par {lrar_enregistre_par}.", {
  style: "small",
  only: "courrier",
  when: "lrar_enregistre_par",
  spaceBefore: 12,
});

/** Principal, then what the law adds, then the total, as of the letter's date. */
export function totals(variant: DebtorKind, full: boolean): TotalsBlock {
  if (!full) return { type: "totals", rows: [{ label: "Total dû", value: "{total_principal}", bold: true }] };
  if (variant === "particulier") {
    return {
      type: "totals",
      rows: [
        { label: "Principal", value: "{total_principal}" },
        { label: "Intérêts au taux légal au {arrete_au}", value: "{total_penalites}", when: "avec_interets" },
        { label: "Total dû au {arrete_au}", value: "{total_du}", bold: true },
      ],
    };
  }
  const interest = variant === "acheteurPublic" ? "Intérêts moratoires au {arrete_au}" : "Pénalités de retard au {arrete_au}";
  return {
    type: "totals",
    rows: [
      { label: "Principal", value: "{total_principal}" },
      { label: interest, value: "{total_penalites}" },
      { label: "Indemnités forfaitaires (40 € par facture)", value: "{total_indemnites}" },
      { label: "Total dû au {arrete_au}", value: "{total_du}", bold: true },
    ],
  };
}

/** What the law adds to the principal, in a sentence, by kind of debtor. */
export function lawReminder(variant: DebtorKind): Block {
  if (variant === "particulier") {
    return p(
      "Nous vous rappelons qu'à défaut de règlement, une mise en demeure vous sera adressée : à compter de sa date, les sommes dues porteront intérêts au taux légal (art. 1231-6 et 1344-1 du Code civil).",
    );
  }
  if (variant === "acheteurPublic") {
    return p(
      "Nous vous rappelons que le dépassement du délai de paiement fait courir de plein droit, au profit du titulaire, des intérêts moratoires au {base_penalites} (art. L2192-13 et R2192-31 du Code de la commande publique), ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. D2192-35 du même code).",
    );
  }
  return p(
    "Nous vous rappelons que tout retard de paiement fait courir de plein droit, sans qu'un rappel soit nécessaire, des pénalités de retard au {base_penalites}, et rend exigible une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. L441-10 et D441-5 du Code de commerce).",
  );
}

export const CONTACT_LINE = p(
  "Pour toute question sur ce dossier, {contact_creancier} se tient à votre disposition{joignable}.",
);


/**
 * Keeps blocks from..to (indexes, both included) on one page: every
 * paragraph but the last keeps with the next (Word keepNext; the PDF
 * measures the chain). What a closing closes stays with it.
 */
export function keepTogether(blocks: Block[], from: number, to: number): Block[] {
  return blocks.map((block, i) => (i >= from && i < to && block.type === "p" ? { ...block, keepNext: true } : block));
}

/** keepTogether, and the run marked as one unbreakable group for Word (ParagraphBlock.keepGroup). */
export function keepAsGroup(blocks: Block[], from: number, to: number): Block[] {
  return keepTogether(blocks, from, to).map((block, i) =>
    block.type === "p" && (i === from || i === to) ? { ...block, keepGroup: i === from ? ("start" as const) : ("end" as const) } : block,
  );
}

/** The last body paragraph keeps with the closing formula, which keeps with the signature. */
export function closingKept(blocks: Block[]): Block[] {
  const closing = blocks.findIndex((block) => block === CLOSING || block === CLOSING_FORMAL);
  if (closing <= 0) return blocks;
  let before = closing - 1;
  while (before > 0 && blocks[before].only === "email") before--;
  return keepTogether(blocks, before, closing);
}
