/**
 * Reads the user's invoice rows: the Excel table the selection sits in, or
 * the selected rows of a plain list whose header is the first row of the
 * sheet's used range. One read, a constant number of syncs whatever the
 * number of rows.
 */

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
}

export class SelectionError extends Error {}

/** Limits what one click may read: beyond it the pane would not stay responsive. */
export const MAX_ROWS = 200_000;

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
      return {
        sheetName: sheet.name,
        tableName: table.name,
        header: header.values[0],
        rows: body.values,
        firstRowNumber: body.rowIndex + 1,
      };
    }

    if (used.isNullObject) throw new SelectionError("La feuille est vide : sélectionnez les lignes de votre liste de factures.");
    // Selected rows intersected with the used rows, across every used column.
    const headerIndex = used.rowIndex;
    const firstRow = Math.max(selection.rowIndex, headerIndex + 1);
    const lastRow = Math.min(selection.rowIndex + selection.rowCount, used.rowIndex + used.rowCount) - 1;
    if (lastRow < firstRow) {
      throw new SelectionError("Sélectionnez des lignes de factures sous la ligne d'en-tête (ou une cellule d'un tableau Excel).");
    }
    if (lastRow - firstRow + 1 > MAX_ROWS) {
      throw new SelectionError(`La sélection compte plus de ${MAX_ROWS.toLocaleString("fr-FR")} lignes : réduisez-la.`);
    }
    const header = sheet.getRangeByIndexes(headerIndex, used.columnIndex, 1, used.columnCount).load("values");
    const body = sheet.getRangeByIndexes(firstRow, used.columnIndex, lastRow - firstRow + 1, used.columnCount).load("values");
    await context.sync();
    return { sheetName: sheet.name, header: header.values[0], rows: body.values, firstRowNumber: firstRow + 1 };
  });
}
