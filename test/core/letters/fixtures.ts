/**
 * Letters fixtures: a creditor profile and client cases built by the real
 * workflow (buildCases) on invoices typed here, letter dated 18 May 2026
 * (2026 S1: every rate known). Dates come from test/core/fixtures (Date.UTC).
 */
import { DEFAULT_SCENARIO, type ScenarioStep } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases, type ClientCase } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { clientKeyOf } from "../../../src/core/ledger/clientKey";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { creditorProfileSchema, type CreditorProfile } from "../../../src/core/letters/profile";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day } from "../fixtures";

export const LETTER_DATE = day(2026, 5, 18);
export const book = RateBook.builtIn();

export const PROFILE_INPUT = {
  raisonSociale: "SAS Atelier Lumière & Cie",
  adresse: "5 rue de la Paix\nBâtiment B",
  codePostal: "75002",
  ville: "Paris",
  siren: "552 100 554",
  mentionsLegales: "SAS au capital de 10 000 € – RCS Paris 552 100 554",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  bic: "AGRIFRPP",
  contact: "Marie Durand",
  fonction: "Responsable comptable",
  email: "compta@atelier-lumiere.fr",
  telephone: "01 23 45 67 89",
};
export const PROFILE: CreditorProfile = creditorProfileSchema.parse(PROFILE_INPUT);

let row = 2;
export function invoice(client: string, numero: string, echeance: number, montant: number, extra: Partial<Invoice> = {}): Invoice {
  return {
    sheetRow: row++,
    client,
    clientKey: clientKeyOf(client),
    numero,
    echeance,
    echeanceSource: "colonne",
    montant,
    particulier: false,
    acheteurPublic: false,
    adresse: "12 rue des Lilas",
    codePostal: "69003",
    ville: "Lyon",
    email: "compta@client.fr",
    ...extra,
  };
}

export const PRO = "SARL Dupont & Fils";
export const CONSUMER = "M. Jean Lefèvre";
export const PUBLIC = "Commune de Saint-Étienne-du-Rouvray";

export function sampleInvoices(): Invoice[] {
  return [
    invoice(PRO, "F2025-0117", day(2025, 5, 31), 150000, { dateFacture: day(2025, 5, 1), siren: "732829320", contact: "M. Martin" }),
    invoice(PRO, "F2025-0342", day(2025, 11, 15), 98050, { dateFacture: day(2025, 10, 16) }),
    invoice(PRO, "F2026-0051", day(2026, 3, 31), 234567, { dateFacture: day(2026, 3, 1) }),
    invoice(CONSUMER, "F2026-0090", day(2026, 3, 20), 45000, { dateFacture: day(2026, 2, 18), particulier: true, adresse: "3 allée des Érables", codePostal: "44000", ville: "Nantes", email: undefined }),
    invoice(PUBLIC, "F2025-0400", day(2025, 12, 31), 1250000, { dateFacture: day(2025, 12, 1), acheteurPublic: true, adresse: "Place de l'Hôtel de Ville", codePostal: "76800", ville: "Saint-Étienne-du-Rouvray" }),
    invoice(PUBLIC, "F2026-0012", day(2026, 2, 28), 310000, { dateFacture: day(2026, 1, 29), acheteurPublic: true, adresse: "Place de l'Hôtel de Ville", codePostal: "76800", ville: "Saint-Étienne-du-Rouvray" }),
  ];
}

export function casesOf(invoices: readonly Invoice[], today = LETTER_DATE, journal: readonly JournalEntry[] = []): ClientCase[] {
  return buildCases(invoices, deriveState(journal, DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today }).cases;
}

export function caseOf(client: string, invoices = sampleInvoices()): ClientCase {
  const found = casesOf(invoices).find((c) => c.client === client);
  if (!found) throw new Error(`no case for ${client}`);
  return found;
}

export function stepById(id: string): ScenarioStep {
  const step = DEFAULT_SCENARIO.find((s) => s.id === id);
  if (!step) throw new Error(id);
  return step;
}
