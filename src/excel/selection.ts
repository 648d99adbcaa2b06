/**
 * Reads the user's invoice rows: the Excel table the selection sits in, or
 * the selected rows of a plain list. One read, a constant number of syncs
 * whatever the number of rows.
 *
 * The header row is found where it is (core/ledger/listLayout.ts): an export
 * pasted into a sheet or a table often starts with a title or a company name,
 * and its real header row lies a few rows down. Rows above it are ignored and
 * listed (rowsAboveHeader) so that the pane can say so.
 */
import { findHeaderRow, HEADER_SEARCH_ROWS } from "../core/ledger/listLayout";

export interface SheetBlock {
  readonly sheetName: string;
  /** Set when the rows come from an Excel table. */
  readonly tableName?: string;
  /** Header cells, as typed by the user. */
  readonly header: readonly unknown[];
  /** Data rows (values), in sheet order. */
  readonly rows: readonly unknown[][];
  /** 1-based Excel row number of rows[0], for messages ("ligne 12"). */
  readonly firstRowNumber: number;
  /** 1-based Excel row number of the header row. */
  readonly headerRowNumber?: number;
  /** 1-based numbers of the non-blank rows above the header row, ignored. */
  readonly rowsAboveHeader?: readonly number[];
}

export class SelectionError extends Error {}

/** Limits what one click may read: beyond it the pane would not stay responsive. */
export const MAX_ROWS = 200_000;

const isBlankRow = (row: readonly unknown[]) => row.every((cell) => cell === "" || cell === null || (typeof cell === "string" && cell.trim() === ""));

/** Sheet rows (1-based) of the non-blank rows among `rows`, the first being on sheet row `first`. */
function nonBlankRows(rows: readonly (readonly unknown[])[], first: number): number[] {
  const found: number[] = [];
  rows.forEach((row, i) => {
    if (!isBlankRow(row)) found.push(first + i);
  });
  return found;
}

export async function readSelectedRows(): Promise<SheetBlock> {
  return Excel.run(async (context) => {
    const selection = context.workbook.getSelectedRange();
    selection.load("rowIndex,rowCount,columnIndex,columnCount");
    const sheet = selection.worksheet;
    sheet.load("name");
    const tables = selection.getTables(false);
    tables.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount,columnIndex,columnCount");
    await context.sync();

    if (tables.items.length > 0) {
      const table = tables.items[0];
      const header = table.getHeaderRowRange().load("values");
      // An Excel table always has at least one (possibly blank) data row.
      const body = table.getDataBodyRange().load("values,rowIndex");
      await context.sync();
      // A table made over an export may hold the title rows above the real headers.
      const found = findHeaderRow([header.values[0], ...body.values.slice(0, HEADER_SEARCH_ROWS)]);
      if (found === 0) {
        return { sheetName: sheet.name, tableName: table.name, header: header.values[0], rows: body.values, firstRowNumber: body.rowIndex + 1 };
      }
      return {
        sheetName: sheet.name,
        tableName: table.name,
        header: body.values[found - 1],
        rows: body.values.slice(found),
        firstRowNumber: body.rowIndex + 1 + found,
        headerRowNumber: body.rowIndex + found,
        rowsAboveHeader: nonBlankRows([header.values[0], ...body.values.slice(0, found - 1)], body.rowIndex),
      };
    }

    if (used.isNullObject) throw new SelectionError("La feuille est vide : sélectionnez les lignes de votre liste de factures.");
    // The header row: the best match among the first rows of the used range.
    const zone = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, Math.min(used.rowCount, HEADER_SEARCH_ROWS + 1), used.columnCount).load("values");
    await context.sync();
    const found = findHeaderRow(zone.values);
    const headerIndex = used.rowIndex + found;
    // Selected rows below the header, intersected with the used rows, across every used column.
    const firstRow = Math.max(selection.rowIndex, headerIndex + 1);
    const lastRow = Math.min(selection.rowIndex + selection.rowCount, used.rowIndex + used.rowCount) - 1;
    if (lastRow < firstRow) {
      throw new SelectionError("Sélectionnez des lignes de factures sous la ligne d'en-tête (ou une cellule d'un tableau Excel).");
    }
    if (lastRow - firstRow + 1 > MAX_ROWS) {
      throw new SelectionError(`La sélection compte plus de ${MAX_ROWS.toLocaleString("fr-FR")} lignes : réduisez-la.`);
    }
    const body = sheet.getRangeByIndexes(firstRow, used.columnIndex, lastRow - firstRow + 1, used.columnCount).load("values");
    await context.sync();
    return {
      sheetName: sheet.name,
      header: zone.values[found],
      rows: body.values,
      firstRowNumber: firstRow + 1,
      ...(found > 0 && { headerRowNumber: headerIndex + 1, rowsAboveHeader: nonBlankRows(zone.values.slice(0, found), used.rowIndex + 1) }),
    };
  });
}
