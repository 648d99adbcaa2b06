/**
 * A procedure after the amicable phase (FACTS.md §7): the small-claims
 * procedure (petites créances, CPCE L125-1) up to 5,000 EUR, the injonction
 * de payer (CPC 1405 s.), the référé-provision, or anything else the lawyer
 * chooses.
 */
import { z } from "zod";
import { declareAction } from "./declaration";
import { onInvoices } from "./fields";

export const PROCEDURES = ["petitesCreances", "injonctionDePayer", "refereProvision", "autre"] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Readonly<Record<Procedure, string>> = {
  petitesCreances: "procédure simplifiée de recouvrement des petites créances",
  injonctionDePayer: "injonction de payer",
  refereProvision: "référé-provision",
  autre: "autre procédure",
};

export const legalAction = declareAction({
  schema: z.object({ ...onInvoices, type: z.literal("legalAction"), procedure: z.enum(PROCEDURES, { error: "procédure inconnue" }) }).strict(),
  label: "Action judiciaire",
  facts: ["procedure", "channel"],
  details: { procedure: "text" },
  form: ["procedure"],
  fold(entry, { update }) {
    for (const numero of entry.invoices) {
      update(entry.clientKey, numero, (s) => ({ ...s, legalAction: { date: entry.date, procedure: entry.procedure, entryId: entry.id } }));
    }
  },
});
