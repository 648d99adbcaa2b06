/**
 * The « Créances » table: the open items of an import, one row per item, as
 * the add-in writes them to its own sheet. The rest of Recouvre (« Analyser
 * la sélection ») reads this table like any invoice list, so the headers are
 * wordings core/ledger/headers.ts recognises: Client, N° pièce, Date pièce,
 * Échéance, Reste dû, Statut…
 *
 * The columns listed here are the add-in's ("managed"): rewritten at each
 * import. Any other column of the table is the user's (e-mail, address,
 * contact, terms…) and is never rewritten for an existing row.
 */
import { epochDayToSerial, serialToEpochDay, type EpochDay } from "../calendar";
import { asLiteralText } from "../escalation/journalRows";
import { centsToEuros } from "../money";
import { headerKey } from "../ledger/headers";
import { dueDate, type PaymentTerms } from "../terms";
import type { LineSource, OpenItem } from "./types";

export const CREANCES_SHEET_NAME = "Créances";
export const CREANCES_SHEET_FALLBACK_NAME = "Créances (Recouvre)";
/** The table's name is what tells the add-in's sheet from a sheet of the user's. */
export const CREANCES_TABLE_NAME = "RecouvreCreances";

export type CreancesColumn =
  | "compte"
  | "client"
  | "piece"
  | "date"
  | "echeance"
  | "supposee"
  | "origine"
  | "reste"
  | "lettrage"
  | "statut"
  | "arrete"
  | "sources";

export type CreancesColumnKind = "text" | "date" | "euros";

export const CREANCES_COLUMNS: ReadonlyArray<{ readonly id: CreancesColumn; readonly header: string; readonly kind: CreancesColumnKind }> = [
  { id: "compte", header: "Compte", kind: "text" },
  { id: "client", header: "Client", kind: "text" },
  { id: "piece", header: "N° pièce", kind: "text" },
  { id: "date", header: "Date pièce", kind: "date" },
  { id: "echeance", header: "Échéance", kind: "date" },
  { id: "supposee", header: "Échéance supposée", kind: "text" },
  { id: "origine", header: "Montant d'origine", kind: "euros" },
  { id: "reste", header: "Reste dû", kind: "euros" },
  { id: "lettrage", header: "Lettrage", kind: "text" },
  { id: "statut", header: "Statut", kind: "text" },
  { id: "arrete", header: "Arrêté au", kind: "date" },
  { id: "sources", header: "Lignes source", kind: "text" },
];

/** Values of the « Statut » and « Échéance supposée » columns. */
export const STATUS_OPEN = "ouverte";
export const STATUS_SETTLED = "réglée";
export const ASSUMED_MARK = "oui";

/** A cell as Range.values takes it: text already marked literal, euros and date serials as numbers. */
export type CreancesCell = string | number;

/** Managed column -> index in a header row, by header wording (case and accents ignored). */
export function locateManagedColumns(header: readonly unknown[]): Partial<Record<CreancesColumn, number>> {
  const byKey = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key !== "" && !byKey.has(key)) byKey.set(key, index);
  });
  const located: Partial<Record<CreancesColumn, number>> = {};
  for (const column of CREANCES_COLUMNS) {
    const index = byKey.get(headerKey(column.header));
    if (index !== undefined) located[column.id] = index;
  }
  return located;
}

/** "FEC2024.txt:12 ; FEC2024.txt:40": where an item was read, for the user to check it in the file. */
export function describeSources(sources: readonly LineSource[]): string {
  return sources.map((source) => `${source.file}:${source.line}`).join(" ; ");
}

export interface ItemCellsOptions {
  /** The date the open items were computed at. */
  readonly asOf: EpochDay;
  /** Terms for an item the reader gave no due date at all. */
  readonly terms: PaymentTerms;
}

/** The managed cells of an open item, by column. */
export function itemCells(item: OpenItem, options: ItemCellsOptions): Record<CreancesColumn, CreancesCell> {
  // The reader computes assumed due dates (with the client's terms when known); a
  // reader that gives none gets the default terms here, shown as assumed too.
  const assumed = item.dueDate === undefined || item.dueDateSource !== "source";
  const due = item.dueDate ?? dueDate(item.date, options.terms);
  return {
    compte: asLiteralText(item.account),
    client: asLiteralText(item.name),
    piece: asLiteralText(item.piece),
    date: epochDayToSerial(item.date),
    echeance: epochDayToSerial(due),
    supposee: assumed ? asLiteralText(ASSUMED_MARK) : "",
    origine: centsToEuros(item.originalCents),
    reste: centsToEuros(item.remainingCents),
    lettrage: asLiteralText(item.lettering ?? ""),
    statut: asLiteralText(STATUS_OPEN),
    arrete: epochDayToSerial(options.asOf),
    sources: asLiteralText(describeSources(item.sources)),
  };
}

/** A cell read back from Excel as the text it shows, trimmed ("" for blank). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** A date cell read back (a serial), or undefined. */
export function cellDay(value: unknown): EpochDay | undefined {
  return typeof value === "number" && Number.isInteger(value) ? serialToEpochDay(value) : undefined;
}

/** Office.js number formats (invariant syntax) per kind: « 1 234,56 € » and « 31/03/2025 » in a French Excel. */
export const CREANCES_FORMATS: Readonly<Record<CreancesColumnKind, string>> = {
  text: "General",
  date: "dd/mm/yyyy",
  euros: '#,##0.00 "€"',
};

/**
 * The sheet for a first import: « Créances », or « Créances (Recouvre) »
 * (then « … 2 », « … 3 ») when a sheet of the user's already has that name.
 */
export function creancesSheetName(existing: readonly string[]): { name: string; defaultTaken: boolean } {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase("fr")));
  const free = (name: string) => !taken.has(name.toLocaleLowerCase("fr"));
  if (free(CREANCES_SHEET_NAME)) return { name: CREANCES_SHEET_NAME, defaultTaken: false };
  if (free(CREANCES_SHEET_FALLBACK_NAME)) return { name: CREANCES_SHEET_FALLBACK_NAME, defaultTaken: true };
  for (let i = 2; ; i++) {
    const name = `${CREANCES_SHEET_FALLBACK_NAME} ${i}`;
    if (free(name)) return { name, defaultTaken: true };
  }
}

/** The number format of each column of a header (null: a column of the user's, left as it is). */
export function creancesFormats(header: readonly unknown[]): Array<string | null> {
  const located = locateManagedColumns(header);
  const formats: Array<string | null> = header.map(() => null);
  for (const column of CREANCES_COLUMNS) {
    const index = located[column.id];
    if (index !== undefined) formats[index] = CREANCES_FORMATS[column.kind];
  }
  return formats;
}
