/**
 * The « Décompte des intérêts » of the built-in letters that claim interest
 * (relance 3, mise en demeure, échéancier): an annex after the signature,
 * per invoice with interest its periods (du, au, jours, taux, base,
 * montant) and their total, which is the invoice's {penalites} to the cent.
 */
import type { Block, TableColumn } from "./blocks";

const col = (header: string, cell: string, align: TableColumn["align"], width: number): TableColumn => ({ header, cell, align, width });

export function decompteBlocks(): Block[] {
  return [
    {
      type: "p",
      runs: [{ text: "Annexe – Décompte des intérêts arrêté au {arrete_au}", bold: true }],
      style: "subject",
      spaceBefore: 18,
      keepNext: true,
      when: "avec_interets",
    },
    {
      type: "p",
      runs: [
        "{libelle_penalites} : pour chaque période, base × taux × jours / 365. La base est la somme restant due sur la période, après les paiements partiels. Le total de chaque facture est arrondi une seule fois au centime ; les montants des périodes sont répartis pour l'égaler exactement.",
      ],
      style: "small",
      keepNext: true,
      when: "avec_interets",
    },
    {
      type: "nestedTable",
      when: "avec_interets",
      loop: "factures",
      inner: "periodes",
      itemWhen: "avec_periodes",
      heading: [{ text: "Facture {numero}", bold: true }, " – échéance le {echeance} – montant restant dû {montant}"],
      columns: [
        col("Du", "{du}", "center", 12),
        col("Au", "{au}", "center", 12),
        col("Jours", "{jours}", "right", 8),
        col("Taux annuel", "{taux}", "right", 11),
        col("Base", "{base}", "right", 15),
        col("Intérêts", "{montant}", "right", 13),
      ],
      footer: { label: "Total facture {numero}", value: "{penalites}" },
    },
  ];
}
