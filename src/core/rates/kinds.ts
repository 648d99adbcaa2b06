/** The three rate series the engine knows. */
export const RATE_KINDS = ["bce", "legalParticulier", "legalAutres"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

export const RATE_KIND_LABELS: Readonly<Record<RateKind, string>> = {
  bce: "taux BCE (opérations principales de refinancement)",
  legalParticulier: "taux de l'intérêt légal (créancier particulier)",
  legalAutres: "taux de l'intérêt légal (autres cas)",
};
