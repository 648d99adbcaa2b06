/**
 * The sample company's clients. Every name is made up: a trade and an
 * invented place-name ("Menuiserie du Vieux Moulin"), contacts known by a
 * first name and an initial, e-mail addresses under the reserved ".example"
 * domain. No real person or company.
 */
import type { Random } from "./random";

export type PayerKind = "ponctuel" | "lent" | "mauvais";

export interface SampleClient {
  readonly name: string;
  readonly email: string;
  readonly adresse: string;
  readonly codePostal: string;
  readonly ville: string;
  readonly contact: string;
  readonly particulier: boolean;
  readonly acheteurPublic: boolean;
  /** Whether it pays on time, late, or leaves invoices unpaid. */
  readonly payer: PayerKind;
  /** Payment terms in days after the invoice date. */
  readonly termsDays: 30 | 45 | 60;
}

const TRADES = [
  "Menuiserie",
  "Boulangerie",
  "Garage",
  "Hôtel",
  "Imprimerie",
  "Transports",
  "Librairie",
  "Fromagerie",
  "Brasserie",
  "Plomberie",
  "Charpente",
  "Traiteur",
  "Quincaillerie",
  "Cave",
  "Épicerie fine",
  "Bureau d'études",
  "Paysagiste",
  "Agence",
];

const PLACES = [
  "du Vieux Moulin",
  "des Trois Chênes",
  "de la Combe Grise",
  "du Pré Fleuri",
  "des Quatre Vents",
  "de l'Étang Bleu",
  "du Clos Joli",
  "de la Roche Percée",
  "des Saules",
  "du Val Doré",
  "de la Source Vive",
  "des Grands Prés",
  "du Pont Rouge",
  "de la Belle Côte",
  "des Tilleuls",
  "du Haut Bief",
  "de la Fontaine Sèche",
  "des Coteaux Blancs",
  "du Bois Joli",
  "de la Lande Verte",
];

const FORMS = ["SARL", "SAS", "EURL", "SA"];

const CITIES: ReadonlyArray<readonly [string, string]> = [
  ["69003", "Lyon"],
  ["38000", "Grenoble"],
  ["74000", "Annecy"],
  ["73000", "Chambéry"],
  ["01000", "Bourg-en-Bresse"],
  ["42000", "Saint-Étienne"],
  ["63000", "Clermont-Ferrand"],
  ["21000", "Dijon"],
  ["26000", "Valence"],
  ["71000", "Mâcon"],
];

const STREETS = ["rue des Artisans", "avenue de la Gare", "chemin des Vignes", "place du Marché", "route de Genève", "rue du Commerce", "boulevard des Alpes", "impasse des Forges"];
const FIRST_NAMES = ["Claire", "Julien", "Sophie", "Marc", "Nadia", "Thomas", "Élodie", "Karim", "Isabelle", "Hugo", "Camille", "Yves"];
const INITIALS = "BCDFGHJLMNPRTV";

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function contactName(random: Random): string {
  const first = random.pick(FIRST_NAMES);
  const title = ["Claire", "Sophie", "Nadia", "Élodie", "Isabelle", "Camille"].includes(first) ? "Mme" : "M.";
  return `${title} ${first} ${INITIALS[random.int(0, INITIALS.length - 1)]}.`;
}

/** `count` business clients, then one consumer and one public buyer. */
export function sampleClients(random: Random, count: number): SampleClient[] {
  const clients: SampleClient[] = [];
  const used = new Set<string>();
  while (clients.length < count) {
    const trade = random.pick(TRADES);
    const place = random.pick(PLACES);
    const base = `${trade} ${place}`;
    if (used.has(base)) continue;
    used.add(base);
    const [codePostal, ville] = random.pick(CITIES);
    const roll = random.next();
    clients.push({
      name: `${base} ${random.pick(FORMS)}`,
      email: `compta@${slug(`${trade} ${place}`).replace(/-(du|des|de-la|de-l)-/, "-")}.example`,
      adresse: `${random.int(1, 120)} ${random.pick(STREETS)}`,
      codePostal,
      ville,
      contact: random.chance(0.7) ? contactName(random) : "",
      particulier: false,
      acheteurPublic: false,
      payer: roll < 0.5 ? "ponctuel" : roll < 0.8 ? "lent" : "mauvais",
      termsDays: random.pick([30, 30, 45, 60] as const),
    });
  }
  clients.push({
    name: "M. Julien V.",
    email: "julien.v@courrier.example",
    adresse: "8 allée des Cerisiers",
    codePostal: "74000",
    ville: "Annecy",
    contact: "",
    particulier: true,
    acheteurPublic: false,
    payer: "mauvais",
    termsDays: 30,
  });
  clients.push({
    name: "Syndicat intercommunal du Val des Saules",
    email: "finances@val-des-saules.example",
    adresse: "1 place de la Mairie",
    codePostal: "73000",
    ville: "Chambéry",
    contact: "Service financier",
    particulier: false,
    acheteurPublic: true,
    payer: "lent",
    termsDays: 30,
  });
  return clients;
}
