/**
 * Open items for the re-import tests, and a stand-in for what Excel does with
 * the cells the plan writes: a leading apostrophe marks literal text and is
 * not stored, null leaves the cell as it was, appended rows go at the bottom.
 */
import { toEpochDay } from "../../../src/core/calendar";
import type { ExistingCreances, ReimportPlan } from "../../../src/core/books/reimport";
import type { OpenItem } from "../../../src/core/books/types";

export const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return toEpochDay(y, m, d);
};

export function item(account: string, piece: string, date: string, originalCents: number, remainingCents = originalCents, line = 1, name = `Client ${account}`): OpenItem {
  // As the reader gives them: a FEC has no due date, the reader assumes one (30 days here).
  return {
    account,
    name,
    piece,
    date: day(date),
    dueDate: day(date) + 30,
    dueDateSource: "assumed",
    assumedTerms: "30 jours",
    kind: "facture",
    originalCents,
    remainingCents,
    settlements: [],
    sources: [{ file: "FEC.txt", line }],
  };
}

/** How Excel stores a written cell: "'x" is the text "x". */
function stored(cell: unknown): unknown {
  return typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** The table after the plan is written, as Range.values would read it back. */
export function applyPlan(existing: ExistingCreances | undefined, plan: ReimportPlan): ExistingCreances {
  const width = plan.header.length;
  const rows = (existing?.rows ?? []).map((row, i) => {
    const out: unknown[] = [];
    for (let c = 0; c < width; c++) {
      const write = plan.updates[i][c];
      out.push(write === null ? (c < row.length ? row[c] : "") : stored(write));
    }
    return out;
  });
  for (const row of plan.additions) rows.push(row.map(stored));
  return { header: plan.header.map(stored), rows };
}

/** Cells of a column, by header. */
export function columnOf(table: ExistingCreances, header: string): unknown[] {
  const index = table.header.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return table.rows.map((row) => row[index]);
}

/** Adds a column of the user's at the right, with one value per row. */
export function withUserColumn(table: ExistingCreances, header: string, values: (row: readonly unknown[], index: number) => unknown): ExistingCreances {
  return { header: [...table.header, header], rows: table.rows.map((row, i) => [...row, values(row, i)]) };
}
