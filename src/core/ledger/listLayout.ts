/**
 * Where a list's header row is, and which of its rows are not invoices.
 *
 * An accounting export rarely starts on its header row: a company name, a
 * title (« Balance âgée au 31/03/2025 »), a blank row come first, and
 * subtotals (« Total client DUPONT », « Total général ») sit among the
 * invoices. The header row is the one, among the first HEADER_SEARCH_ROWS,
 * whose cells best match the known headers (headers.ts); rows above it are
 * ignored and said so. A subtotal row is skipped and listed, never silently.
 */
import { normalizeWords } from "../text";
import { detectColumns, type ColumnMapping } from "./headers";

/** How many rows from the top of a list may hold its header row. */
export const HEADER_SEARCH_ROWS = 30;

/** Fields that make a header row a header row: the more, the likelier. */
const KEY_FIELDS = ["client", "numero", "montant", "echeance", "dateFacture", "debit", "credit"] as const;

/** How well a row reads as a header row: recognized fields, key fields counting double. */
export function headerRowScore(row: readonly unknown[]): number {
  // Headers are text: a row of numbers or dates is data, whatever it matches.
  let texts = 0;
  for (const cell of row) if (typeof cell === "string" && cell.trim() !== "") texts++;
  if (texts < 2) return 0;
  const { mapping } = detectColumns(row.map((cell) => (typeof cell === "string" ? cell : "")));
  let score = 0;
  for (const field of Object.keys(mapping)) score += (KEY_FIELDS as readonly string[]).includes(field) ? 2 : 1;
  return score;
}

/**
 * Index of the header row among `rows` (the first ones of a list), or 0 when
 * none reads better than the first. A header needs at least two recognized
 * key fields to win over the first row; on a tie the topmost row wins.
 */
export function findHeaderRow(rows: ReadonlyArray<readonly unknown[]>): number {
  let best = 0;
  let bestScore = rows.length > 0 ? headerRowScore(rows[0]) : 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS + 1);
  for (let i = 1; i < limit; i++) {
    const score = headerRowScore(rows[i]);
    if (score > bestScore && score >= 4) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Subtotal rows.

/** « Total », « Sous-total », « S/Total », « Total général », « Total client DUPONT », « Cumul ». */
const TOTAL_LABEL = /^(?:sous[\s-]?(?:totaux|total)|s\/\s?total|totaux|total|cumul|report|a reporter)(?:$|[\s:(.-])/;

function isTotalLabel(value: unknown): boolean {
  return typeof value === "string" && TOTAL_LABEL.test(normalizeWords(value));
}

function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export interface SubtotalRow {
  /** Index in the rows given. */
  readonly index: number;
  /** The label that made it a subtotal, as written. */
  readonly label: string;
}

/**
 * Rows that are subtotals, not invoices: a « total » label in some cell, no
 * invoice number (or the label in its place) and no date. « TotalEnergies »
 * with an invoice number stays an invoice.
 */
export function subtotalRows(rows: ReadonlyArray<readonly unknown[]>, mapping: ColumnMapping): SubtotalRow[] {
  const found: SubtotalRow[] = [];
  const datesAt = [mapping.echeance, mapping.dateFacture].filter((index): index is number => index !== undefined);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let label: string | undefined;
    for (const cell of row) {
      if (isTotalLabel(cell)) {
        label = (cell as string).trim();
        break;
      }
    }
    if (label === undefined) continue;
    const numero = mapping.numero === undefined ? undefined : row[mapping.numero];
    if (!isBlank(numero) && !isTotalLabel(numero)) continue;
    if (datesAt.some((index) => !isBlank(row[index]) && !isTotalLabel(row[index]))) continue;
    found.push({ index: i, label });
  }
  return found;
}
