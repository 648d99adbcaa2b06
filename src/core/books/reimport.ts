/**
 * Importing open items into the « Créances » table, the first time or again.
 *
 * A re-import must never lose the user's work: columns the user added (e-mail,
 * address, contact, terms…) keep their cells, matched by account and piece;
 * an item that is no longer open is marked « réglée », never deleted; rows the
 * user typed in by hand (no « Lignes source ») are left exactly as they are.
 * Importing the same file twice gives the same table.
 *
 * The plan says, cell by cell, what to write: `null` leaves a cell as it is
 * (Office.js reads null in a values matrix that way), so formulas and values
 * the user keeps in the table are not rewritten, not even with themselves.
 */
import { epochDayToSerial, type EpochDay } from "../calendar";
import { asLiteralText } from "../escalation/journalRows";
import { detectColumns, type LedgerField } from "../ledger/headers";
import { centsToEuros, type Cents } from "../money";
import { parsePaymentTerms, termsFromDays, type PaymentTerms } from "../terms";
import {
  CREANCES_COLUMNS,
  STATUS_SETTLED,
  cellDay,
  cellText,
  describeSources,
  itemCells,
  locateManagedColumns,
  type CreancesCell,
  type CreancesColumn,
} from "./creancesTable";
import type { OpenItem } from "./types";

/** The table as read from the workbook: header and body values. */
export interface ExistingCreances {
  readonly header: readonly unknown[];
  readonly rows: ReadonlyArray<readonly unknown[]>;
}

export interface ReimportInput {
  /** The current table; undefined on the first import. */
  readonly existing?: ExistingCreances;
  /** Open items at `asOf`, as the reader of the books computed them. */
  readonly items: readonly OpenItem[];
  readonly asOf: EpochDay;
  /** Terms for items the reader gave no due date (a FEC's items come with assumed ones: see clientTerms). */
  readonly defaultTerms: PaymentTerms;
}

export interface ReimportReport {
  /** Items that had no row yet. */
  readonly added: number;
  /** Rows of still-open items, refreshed. */
  readonly updated: number;
  /** Rows whose item is no longer open: marked settled, kept. */
  readonly settled: number;
  /** Rows settled at an earlier import, left as they were. */
  readonly alreadySettled: number;
  /** Rows marked settled before and open again at this date. */
  readonly reopened: number;
  /** Rows without « Lignes source » (typed by the user): left as they were. */
  readonly userRows: number;
  /** Headers of the user's own columns, kept. */
  readonly userColumns: readonly string[];
  /** Columns of the add-in the user had deleted: added back at the right. */
  readonly restoredColumns: readonly string[];
  /** Due dates the user confirmed (« Échéance supposée » cleared): kept. */
  readonly confirmedDueDates: number;
  /** Items of a client with its own terms in the table (the reader assumed their due dates with them). */
  readonly clientTerms: number;
  /** Clients whose terms cell could not be read: the default terms were used. */
  readonly unreadableTerms: ReadonlyArray<{ readonly account: string; readonly value: string }>;
  /** Cells of the user's client columns (e-mail, address…) copied onto new rows of a known client. */
  readonly copiedCells: number;
  /** Open items and the sum they remain owed, in cents. */
  readonly openItems: number;
  readonly openCents: Cents;
}

export interface ReimportPlan {
  /** The table's header after the import: the existing one, plus restored columns at the right. */
  readonly header: readonly unknown[];
  /** Headers appended to the table (all of them on a first import). */
  readonly appendedHeaders: readonly string[];
  /** One row per existing body row, full width: the cells to write, null to leave a cell as it is. */
  readonly updates: ReadonlyArray<ReadonlyArray<CreancesCell | null>>;
  /** Rows to append, full width. */
  readonly additions: ReadonlyArray<readonly CreancesCell[]>;
  /** Index of each managed column in `header`. */
  readonly columns: Readonly<Record<CreancesColumn, number>>;
  readonly report: ReimportReport;
}

/** User columns that describe the client, not the invoice: copied to a known client's new rows. */
const CLIENT_FIELDS: readonly LedgerField[] = ["email", "contact", "adresse", "codePostal", "ville", "siren", "conditions", "particulier", "acheteurPublic", "tauxContractuel"];

const keyOf = (account: string, piece: string) => `${account}\u0000${piece}`;

function compareItems(a: OpenItem, b: OpenItem): number {
  return (
    a.account.localeCompare(b.account, "fr") ||
    a.date - b.date ||
    a.piece.localeCompare(b.piece, "fr") ||
    a.originalCents - b.originalCents ||
    describeSources(a.sources).localeCompare(describeSources(b.sources))
  );
}

/** A value read from a cell, to be written back as it was (text stays text). */
function rewrite(value: unknown): CreancesCell {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  const text = value === null || value === undefined ? "" : String(value);
  return asLiteralText(text);
}

function readTerms(value: unknown): PaymentTerms | undefined {
  if (typeof value === "number") return termsFromDays(value);
  return parsePaymentTerms(cellText(value));
}

interface ClientColumns {
  /** Indices of the user's columns that describe the client (e-mail, address, terms…). */
  readonly clientColumns: readonly number[];
  /** Per account: the first non-blank cell of each of those columns. */
  readonly clientCells: ReadonlyMap<string, ReadonlyMap<number, unknown>>;
  /** Per account: the terms of its terms column, when readable. */
  readonly termsByAccount: ReadonlyMap<string, PaymentTerms>;
  readonly unreadableTerms: ReadonlyArray<{ readonly account: string; readonly value: string }>;
}

function clientColumnsOf(header: readonly unknown[], rows: ReadonlyArray<readonly unknown[]>, columns: Partial<Record<CreancesColumn, number>>): ClientColumns {
  const managed = new Set(Object.values(columns));
  // The user's columns, recognised by the same wordings as any invoice list.
  const detected = detectColumns(header.map((cell, index) => (managed.has(index) ? "" : cell))).mapping;
  const clientColumns = CLIENT_FIELDS.map((field) => detected[field]).filter((index): index is number => index !== undefined);
  const termsColumn = detected.conditions;
  const accountColumn = columns.compte;
  const clientCells = new Map<string, Map<number, unknown>>();
  if (accountColumn !== undefined) {
    for (const row of rows) {
      const account = cellText(row[accountColumn]);
      if (account === "") continue;
      let cells = clientCells.get(account);
      if (!cells) clientCells.set(account, (cells = new Map()));
      for (const index of clientColumns) if (!cells.has(index) && cellText(row[index]) !== "") cells.set(index, row[index]);
    }
  }
  const unreadableTerms: Array<{ account: string; value: string }> = [];
  const termsByAccount = new Map<string, PaymentTerms>();
  if (termsColumn !== undefined) {
    for (const [account, cells] of clientCells) {
      const value = cells.get(termsColumn);
      if (value === undefined) continue;
      const terms = readTerms(value);
      if (terms) termsByAccount.set(account, terms);
      else unreadableTerms.push({ account, value: cellText(value) });
    }
  }
  return { clientColumns, clientCells, termsByAccount, unreadableTerms };
}

/**
 * The terms a client's rows of the table give (a terms column the user added):
 * for the reader, before it computes the items' assumed due dates.
 */
export function clientTermsOf(existing: ExistingCreances | undefined): Pick<ClientColumns, "termsByAccount" | "unreadableTerms"> {
  if (!existing) return { termsByAccount: new Map(), unreadableTerms: [] };
  const { termsByAccount, unreadableTerms } = clientColumnsOf(existing.header, existing.rows, locateManagedColumns(existing.header));
  return { termsByAccount, unreadableTerms };
}

export function planReimport(input: ReimportInput): ReimportPlan {
  const existingHeader = input.existing?.header ?? [];
  const existingRows = input.existing?.rows ?? [];
  const located = locateManagedColumns(existingHeader);
  const header: unknown[] = [...existingHeader];
  const appendedHeaders: string[] = [];
  const columns = {} as Record<CreancesColumn, number>;
  for (const column of CREANCES_COLUMNS) {
    const at = located[column.id];
    if (at !== undefined) columns[column.id] = at;
    else {
      columns[column.id] = header.length;
      header.push(column.header);
      appendedHeaders.push(column.header);
    }
  }
  const width = header.length;
  const managed = new Set(Object.values(columns));
  const userColumns = existingHeader.map((cell, index) => ({ index, text: cellText(cell) })).filter((c) => !managed.has(c.index));

  const { clientCells, termsByAccount, unreadableTerms } = clientColumnsOf(existingHeader, existingRows, columns);
  const cell = (row: readonly unknown[], column: CreancesColumn): unknown => row[columns[column]];
  const accountOf = (row: readonly unknown[]) => cellText(cell(row, "compte"));

  // Items by (account, piece), in a fixed order so that pairing with rows is stable.
  const items = [...input.items].sort(compareItems);
  const waiting = new Map<string, OpenItem[]>();
  for (const item of items) {
    const key = keyOf(item.account.trim(), item.piece.trim());
    const list = waiting.get(key);
    if (list) list.push(item);
    else waiting.set(key, [item]);
  }

  let updated = 0;
  let settled = 0;
  let alreadySettled = 0;
  let reopened = 0;
  let userRows = 0;
  let confirmedDueDates = 0;
  let clientTerms = 0;
  let openCents = 0;

  const cellsOf = (item: OpenItem): Record<CreancesColumn, CreancesCell> => {
    if (item.dueDateSource === "assumed" && termsByAccount.has(item.account.trim())) clientTerms++;
    openCents += item.remainingCents;
    return itemCells(item, { asOf: input.asOf, terms: input.defaultTerms });
  };

  const updates = existingRows.map((row): Array<CreancesCell | null> => {
    const out: Array<CreancesCell | null> = new Array(width).fill(null);
    if (cellText(cell(row, "sources")) === "") {
      userRows++;
      return out;
    }
    const wasSettled = cellText(cell(row, "statut")) === STATUS_SETTLED;
    const item = waiting.get(keyOf(accountOf(row), cellText(cell(row, "piece"))))?.shift();
    if (item) {
      const cells = cellsOf(item);
      const userDue = cellDay(cell(row, "echeance"));
      const confirmed = item.dueDateSource !== "source" && cellText(cell(row, "supposee")) === "" && userDue !== undefined;
      for (const column of CREANCES_COLUMNS) out[columns[column.id]] = cells[column.id];
      if (confirmed) {
        // The user cleared « Échéance supposée »: the date in the row is the real one.
        out[columns.echeance] = null;
        out[columns.supposee] = null;
        confirmedDueDates++;
      }
      if (wasSettled) reopened++;
      else updated++;
      return out;
    }
    if (wasSettled) {
      alreadySettled++;
      return out;
    }
    out[columns.statut] = asLiteralText(STATUS_SETTLED);
    out[columns.reste] = centsToEuros(0);
    out[columns.arrete] = epochDayToSerial(input.asOf);
    settled++;
    return out;
  });

  let copiedCells = 0;
  const additions: CreancesCell[][] = [];
  for (const item of items) {
    const list = waiting.get(keyOf(item.account.trim(), item.piece.trim()));
    if (!list || list[0] !== item) continue;
    list.shift();
    const cells = cellsOf(item);
    const row: CreancesCell[] = new Array(width).fill("");
    for (const column of CREANCES_COLUMNS) row[columns[column.id]] = cells[column.id];
    const known = clientCells.get(item.account.trim());
    if (known) {
      for (const [index, value] of known) {
        row[index] = rewrite(value);
        copiedCells++;
      }
    }
    additions.push(row);
  }

  return {
    header,
    appendedHeaders,
    updates,
    additions,
    columns,
    report: {
      added: additions.length,
      updated,
      settled,
      alreadySettled,
      reopened,
      userRows,
      userColumns: userColumns.map((c) => c.text),
      restoredColumns: existingHeader.length > 0 ? appendedHeaders : [],
      confirmedDueDates,
      clientTerms,
      unreadableTerms,
      copiedCells,
      openItems: items.length,
      openCents,
    },
  };
}
