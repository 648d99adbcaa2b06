/** The three rate series the engine knows. */
export const RATE_KINDS = ["bce", "legalParticulier", "legalAutres"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** Their French names (French letters and French messages); other languages through the catalogues (label.rateKind). */
export { RATE_KIND_LABELS_FR as RATE_KIND_LABELS } from "../messages/fr";
