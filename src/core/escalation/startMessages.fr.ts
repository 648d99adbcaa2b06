/** French messages of startStep.ts (old debts starting where they are). */
export const START_FR = {
  noFormalNotice:
    "étape proposée après la mise en demeure, et aucune mise en demeure n'est enregistrée : si elle a été envoyée, enregistrez-la (« Déjà fait ailleurs… ») ; sinon, envoyez-la d'abord",
  noStepChosen: "Cochez au moins une étape déjà faite.",
  noInvoiceChosen: "Choisissez au moins une facture.",
  unknownStep: (step: string) => `L'étape « ${step} » n'est pas dans le scénario.`,
  futureDate: (label: string) => `${label} : une étape déjà faite ne peut pas être datée après aujourd'hui.`,
  outOfOrder: (label: string, before: string) => `${label} : datée avant « ${before} », qui la précède dans le scénario ; vérifiez les dates.`,
  nothingToConfirm: "Aucune étape proposée à confirmer pour ce client.",
};
