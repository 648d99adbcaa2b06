/**
 * The invoice list the pane's browser tests work on: a French credit
 * manager's sheet "Factures", 50 selected rows (sheet rows 2 to 51) of which
 * exactly 3 cannot be used, dated relative to a fixed "today" given to the
 * page's clock (OpenPaneOptions.now).
 *
 * The figures the tests check are computed by hand in the comments below.
 */
import type { WorkbookState } from "./harness";

/** Monday 16 March 2026 (2026 S1: ECB 2,15 %, penalty rate 12,15 %). */
export const TODAY = "2026-03-16";

/** Excel serial (1900 system) of an ISO date "aaaa-mm-jj". */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Serial of `today` moved by `days`. */
export function daysFrom(today: string, days: number): number {
  return serial(today) + days;
}

export const HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Email", "Adresse", "Code postal", "Ville", "Contact"];

/** A client name that Excel would take for a formula if it were written as a value. */
export const FORMULA_CLIENT = '=HYPERLINK("http://x";"clic")';

/**
 * Boulangerie Martin, the client whose figures are checked to the cent
 * (today 16/03/2026, L441-10 rate = ECB 2,15 % + 10 = 12,15 % for the whole
 * of 2026 S1, 365-day year, each invoice rounded once to the cent):
 *
 *   FA-2026-0007  1 200,00 € due 15/01/2026: 60 days late (16 + 28 + 16)
 *                 1 200 × 12,15 % × 60 / 365 = 23,967… → 23,97 €, + 40 € indemnity
 *   FA-2026-0031    850,50 € due 14/02/2026: 30 days late (14 + 16)
 *                   850,50 × 12,15 % × 30 / 365 = 8,493… → 8,49 €, + 40 € indemnity
 *
 *   principal 2 050,50 € + penalties 32,46 € + indemnities 80,00 € = 2 162,96 €
 */
export const MARTIN = {
  client: "Boulangerie Martin",
  invoices: [
    { numero: "FA-2026-0007", dateFacture: "2025-12-16", echeance: "2026-01-15", amount: 1200 },
    { numero: "FA-2026-0031", dateFacture: "2026-01-15", echeance: "2026-02-14", amount: 850.5 },
  ],
  principal: "2 050,50 €",
  penalties: "32,46 €",
  indemnity: "80,00 €",
  total: "2 162,96 €",
  /** Without FA-2026-0031 (in dispute): 1 200 + 23,97 + 40. */
  totalWithoutSecond: "1 263,97 €",
};

/** Other clients with overdue invoices (with Boulangerie Martin and FORMULA_CLIENT: 11 cases). */
const OVERDUE_CLIENTS = [
  { client: "Garage Dupont SARL", email: "compta@garage-dupont.fr", adresse: "12 rue des Lilas", cp: "69003", ville: "Lyon", contact: "M. Dupont" },
  { client: "Hôtel des Alpes", email: "direction@hotel-alpes.fr", adresse: "3 avenue du Mont-Blanc", cp: "74400", ville: "Chamonix-Mont-Blanc", contact: "Mme Perrin" },
  { client: "Menuiserie Lefèvre", email: "contact@lefevre-bois.fr", adresse: "ZA Les Chênes", cp: "44800", ville: "Saint-Herblain", contact: "" },
  { client: "Pharmacie Centrale", email: "pharmacie.centrale@orange.fr", adresse: "1 place de la République", cp: "13001", ville: "Marseille", contact: "Dr Roux" },
  { client: "Société Bernard & Fils", email: "factures@bernard-fils.fr", adresse: "45 boulevard Haussmann", cp: "75009", ville: "Paris", contact: "M. Bernard" },
  { client: "Transports Rousseau", email: "admin@transports-rousseau.fr", adresse: "Route de Rennes", cp: "35510", ville: "Cesson-Sévigné", contact: "" },
  { client: "Cabinet Moreau Avocats", email: "secretariat@moreau-avocats.fr", adresse: "8 cours de l'Intendance", cp: "33000", ville: "Bordeaux", contact: "Me Moreau" },
  { client: "Librairie Au Fil des Pages", email: "librairie.afdp@free.fr", adresse: "27 rue Nationale", cp: "59000", ville: "Lille", contact: "" },
  { client: "Imprimerie Girard", email: "compta@imprimerie-girard.fr", adresse: "2 impasse Gutenberg", cp: "67000", ville: "Strasbourg", contact: "Mme Girard" },
];

/** Only invoices due in 20 days or more: counted as « non encore à relancer », no case. */
const NOT_DUE_CLIENT = { client: "Fromagerie Petit", email: "fromagerie.petit@wanadoo.fr", adresse: "Les Halles", cp: "21000", ville: "Dijon", contact: "" };

/** Sheet rows (1-based) of the three rows that cannot be used, and why. */
export const INVALID_ROWS = [
  { sheetRow: 14, column: "Échéance", value: "31/02/2026", reason: /date/i },
  // Issue 14: a negative amount is a credit of its client now, no longer a row problem: row 27 holds an unreadable amount instead.
  { sheetRow: 27, column: "Montant TTC", value: "douze euros", reason: /montant/i },
  { sheetRow: 40, column: "Client", value: "", reason: /client manquant/ },
];

export interface Ledger {
  readonly rows: (string | number)[][];
  /** Cases expected: clients with at least one overdue valid invoice. */
  readonly overdueClients: number;
  readonly notYetDue: number;
}

/**
 * 50 data rows under the header (sheet rows 2–51). Valid rows: 47 = 2 (Martin)
 * + 2 (FORMULA_CLIENT) + 40 (9 clients, overdue 3 to 120 days) + 3 (Fromagerie
 * Petit, not due yet). Deterministic, no randomness.
 */
export function fiftyRowLedger(today = TODAY): Ledger {
  const rows: (string | number)[][] = [];
  const add = (client: string, numero: string, dateFacture: number, echeance: number | string, amount: number | string, c: { email: string; adresse: string; cp: string; ville: string; contact: string }) =>
    rows.push([client, numero, dateFacture, echeance, amount, c.email, c.adresse, c.cp, c.ville, c.contact]);

  const martin = { email: "contact@boulangerie-martin.fr", adresse: "5 rue du Four", cp: "31000", ville: "Toulouse", contact: "Mme Martin" };
  let n = 100;
  let k = 0;
  for (let i = 0; rows.length < 50; i++) {
    const sheetRow = rows.length + 2;
    if (sheetRow === 5 || sheetRow === 33) {
      const inv = MARTIN.invoices[sheetRow === 5 ? 0 : 1];
      add(MARTIN.client, inv.numero, serial(inv.dateFacture), serial(inv.echeance), inv.amount, martin);
      continue;
    }
    if (sheetRow === 9 || sheetRow === 21) {
      add(FORMULA_CLIENT, `FX-${sheetRow}`, daysFrom(today, -70 + sheetRow), daysFrom(today, -40 + sheetRow), 480 + sheetRow, { email: "x@exemple.fr", adresse: "", cp: "", ville: "", contact: "" });
      continue;
    }
    if (sheetRow === 18 || sheetRow === 36 || sheetRow === 48) {
      add(NOT_DUE_CLIENT.client, `FP-${sheetRow}`, daysFrom(today, -10), daysFrom(today, 20 + sheetRow), 310.25, NOT_DUE_CLIENT);
      continue;
    }
    const c = OVERDUE_CLIENTS[k++ % OVERDUE_CLIENTS.length];
    const late = 3 + ((k * 37) % 118); // 3 to 120 days late
    const amount = Math.round((150 + ((k * 7919) % 9000) + ((k * 13) % 100) / 100) * 100) / 100;
    const numero = `FA-2026-${String(n++).padStart(4, "0")}`;
    if (sheetRow === 14) add(c.client, numero, daysFrom(today, -60), "31/02/2026", amount, c);
    else if (sheetRow === 27) add(c.client, numero, daysFrom(today, -late - 30), daysFrom(today, -late), "douze euros", c);
    else if (sheetRow === 40) add("", numero, daysFrom(today, -late - 30), daysFrom(today, -late), amount, c);
    else add(c.client, numero, daysFrom(today, -late - 30), daysFrom(today, -late), amount, c);
  }
  return { rows, overdueClients: 2 + OVERDUE_CLIENTS.length, notYetDue: 3 };
}

/** Number formats the user gave the sheet: dates and euros, as a real list has. */
function formats(rowCount: number): (string | null)[][] {
  const row = [null, null, "dd/mm/yyyy", "dd/mm/yyyy", "#,##0.00 €", null, null, null, null, null];
  return [HEADERS.map(() => null), ...Array.from({ length: rowCount }, () => row)];
}

/** The workbook: sheet "Factures" with the list, rows 2–51 selected. */
export function ledgerWorkbook(today = TODAY, extra: Partial<WorkbookState> = {}): WorkbookState {
  const ledger = fiftyRowLedger(today);
  return {
    sheets: [{ name: "Factures", data: [HEADERS, ...ledger.rows], numberFormats: formats(ledger.rows.length) }],
    selection: { sheet: "Factures", address: "A2:J51" },
    ...extra,
  };
}
