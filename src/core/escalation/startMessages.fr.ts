/** French messages of startStep.ts (old debts starting where they are). */
export const START_FR = {
  /** The journal's « Type » of a start entry (journal.ts). */
  startEntryLabel: "Point de départ",
  recordedLaterInvalid: "indicateur « enregistrée après coup » invalide",
  noStepChosen: "Cochez au moins une étape déjà faite.",
  noInvoiceChosen: "Choisissez au moins une facture.",
  unknownStep: (step: string) => `L'étape « ${step} » n'est pas dans le scénario.`,
  futureDate: (label: string) => `${label} : une étape déjà faite ne peut pas être datée après aujourd'hui.`,
  outOfOrder: (label: string, before: string) => `${label} : datée avant « ${before} », qui la précède dans le scénario ; vérifiez les dates.`,
  nothingToConfirm: "Aucune étape proposée à confirmer pour ce client.",
};
