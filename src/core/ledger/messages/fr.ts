/** French wording of the list reader's messages added with issue 14 (catalogue). */

/** A row with a negative amount (a credit) and no date at all. */
export const CREDIT_WITHOUT_DATE = "date manquante : un avoir ou un paiement (montant négatif) doit être daté pour être imputé";
