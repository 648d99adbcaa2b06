/**
 * The demonstration's workbook: a fictional French SME, its invoice list
 * (sheet « Factures », with a few RECOUVRE.* formulas beside the list), its
 * journal of reminders (sheet « Journal des relances », table
 * RecouvreJournal, exactly as the pane writes it) and its creditor profile
 * for the letters. Generated from a seed: the same workbook every time.
 */
import type { WorkbookState } from "../officeDouble/types";
import { epochDayToSerial, toEpochDay, type EpochDay } from "../../src/core/calendar";
import type { JournalEntry } from "../../src/core/escalation/journal";
import { entryToRow, JOURNAL_HEADERS, JOURNAL_SHEET_NAME } from "../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { JOURNAL_LAYOUT } from "../../src/excel/journalSheet";
import { CREDITOR_PROFILE_SETTING, type CreditorProfileInput } from "../../src/core/letters/profile";
import { sampleClients, type SampleClient } from "./clients";
import { sampleInvoices, type SampleInvoice } from "./invoices";
import { sampleJournal } from "./journal";
import { seededRandom } from "./random";

/** The demonstration's day: a date whose rates Recouvre knows (2026, first half). */
export const DEMO_TODAY: EpochDay = toEpochDay(2026, 6, 15);
export const DEMO_TODAY_ISO = "2026-06-15";
export const DEMO_SEED = 20260615;

/** The fictional company that uses Recouvre in the demonstration (SIREN 000 000 018: no company has it). */
export const DEMO_COMPANY: CreditorProfileInput = {
  raisonSociale: "Atelier des Verriers du Lac SAS",
  adresse: "14 quai des Fictions",
  codePostal: "74000",
  ville: "Annecy",
  siren: "000000018",
  mentionsLegales: "SAS au capital de 20 000 € (société fictive de démonstration)",
  contact: "Léa M.",
  fonction: "Responsable comptable",
  email: "compta@verriers-du-lac.example",
  telephone: "04 00 00 00 00",
};

const HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Date de paiement", "Email", "Adresse", "Code postal", "Ville", "Contact", "Particulier", "Acheteur public"];
/** Formulas beside the list, outside the columns the pane reads. */
const FORMULA_HEADERS = ["Retard (j)", "Pénalités / intérêts", "Total dû"];
const DATE = "dd/mm/yyyy";
/** The journal's formats as the pane sets them when it creates the table. */
const JOURNAL_NUMBER_FORMATS = JOURNAL_LAYOUT.numberFormats.map((format) => (format === "General" ? null : format));
const EUROS = '#,##0.00 "€"';

export interface SampleWorkbook {
  readonly state: WorkbookState;
  readonly clients: readonly SampleClient[];
  readonly invoices: readonly SampleInvoice[];
  readonly journal: readonly JournalEntry[];
  /** The list's rows on the sheet, header excluded: "A2:M301". */
  readonly listAddress: string;
}

function invoiceRow(invoice: SampleInvoice): (string | number)[] {
  const c = invoice.client;
  return [
    c.name,
    invoice.numero,
    epochDayToSerial(invoice.date),
    epochDayToSerial(invoice.echeance),
    invoice.amount / 100,
    invoice.paidOn === undefined ? "" : epochDayToSerial(invoice.paidOn),
    c.email,
    c.adresse,
    c.codePostal,
    c.ville,
    c.contact,
    c.particulier ? "oui" : "",
    c.acheteurPublic ? "oui" : "",
  ];
}

/** A consumer owes no L441-10 penalties; a public buyer owes moratorium interest. */
function formulaRow(invoice: SampleInvoice, row: number): (string | null)[] {
  const interest = invoice.client.particulier ? null : invoice.client.acheteurPublic ? `=RECOUVRE.INTERETS_MORATOIRES(E${row},D${row},F${row})` : `=RECOUVRE.PENALITE(E${row},D${row},F${row})`;
  return [`=RECOUVRE.JOURS_RETARD(D${row},F${row})`, interest, invoice.client.particulier ? null : `=RECOUVRE.TOTAL_DU(E${row},D${row},F${row})`];
}

export function sampleWorkbook(seed = DEMO_SEED, today = DEMO_TODAY): SampleWorkbook {
  const random = seededRandom(seed);
  const clients = sampleClients(random, 34);
  const invoices = sampleInvoices(random, clients, today, () => random.int(5, 12));
  const journal = sampleJournal(random, invoices, today);

  const rows = invoices.map(invoiceRow);
  const width = HEADERS.length;
  const last = rows.length + 1;
  const journalRows = journal.map((entry) => entryToRow(entry, DEFAULT_SCENARIO));
  const journalEnd = String.fromCharCode(64 + JOURNAL_HEADERS.length);

  const state: WorkbookState = {
    name: "Relances Verriers du Lac.xlsx",
    culture: "fr-FR",
    now: DEMO_TODAY_ISO,
    activeSheet: "Factures",
    sheets: [
      {
        name: "Factures",
        data: [
          [...HEADERS, ...FORMULA_HEADERS],
          ...rows.map((row) => [...row, ...FORMULA_HEADERS.map(() => null)]),
        ],
        formulas: [HEADERS.map(() => null).concat(FORMULA_HEADERS.map(() => null)), ...invoices.map((invoice, i) => [...HEADERS.map(() => null), ...formulaRow(invoice, i + 2)])],
        numberFormats: [
          [...HEADERS, ...FORMULA_HEADERS].map(() => null),
          ...rows.map(() => [null, null, DATE, DATE, EUROS, DATE, null, null, null, null, null, null, null, "0", EUROS, EUROS]),
        ],
        frozen: { rows: 1, columns: 0 },
        selected: `A2:${String.fromCharCode(64 + width)}${last}`,
      },
      {
        name: JOURNAL_SHEET_NAME,
        data: [[...JOURNAL_HEADERS], ...journalRows],
        numberFormats: [JOURNAL_HEADERS.map(() => null), ...journalRows.map(() => JOURNAL_NUMBER_FORMATS)],
      },
    ],
    tables: [{ name: "RecouvreJournal", sheet: JOURNAL_SHEET_NAME, address: `A1:${journalEnd}${journalRows.length + 1}` }],
    selection: { sheet: "Factures", address: `A2:${String.fromCharCode(64 + width)}${last}` },
    settings: { [CREDITOR_PROFILE_SETTING]: JSON.stringify(DEMO_COMPANY) },
  };
  return { state, clients, invoices, journal, listAddress: `A2:${String.fromCharCode(64 + width)}${last}` };
}
