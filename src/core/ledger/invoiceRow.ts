/**
 * One row of the user's invoice list -> an Invoice, or the reasons it cannot
 * be one.
 *
 * A row that cannot be used is reported (row number, column, value, French
 * reason) and left out of every action; it is never dropped silently. Only
 * rows with no value at all are skipped. Problems are "blocking" when the row
 * cannot be used (no client, unreadable amount or date...) and non-blocking
 * when a descriptive cell is wrong (an e-mail, a SIREN): the invoice is kept
 * without that cell and the user is told.
 *
 * The row schema (rowSchema.ts) is built once, at load, and reused for every row: 20,000
 * rows cost 20,000 parses, not 20,000 schema constructions.
 */
import type { Cents } from "../money";
import { message, textOf, type Message } from "../messages";
import { invoiceKeyOf } from "./clientKey";
import { imputeListCredits, type ListCredit } from "./listCredits";
import { isBlankCell, type CellRead } from "./cells";
import { dateColumn, debitMinusCredit, signedAmountColumn, type ColumnRows } from "./columnReaders";
import { LEDGER_FIELDS, type LedgerField } from "./headers";
import { ROW_SCHEMA, type Cells, type RowReading } from "./rowSchema";
import type { ColumnNotice, Invoice, LedgerReadInput, LedgerReadResult, RowProblem } from "./invoice";

export type * from "./invoice";

function isBlankRow(row: readonly unknown[]): boolean {
  for (const value of row) if (!isBlankCell(value)) return false;
  return true;
}

/**
 * Validates the data rows of a list. Rows with no value at all are skipped;
 * every other row gives an Invoice, a credit (negative amount: imputed on the
 * client's invoices, see listCredits.ts) or at least one blocking RowProblem. Two
 * rows with the same client and invoice number: the later one is refused,
 * since the journal could not tell their histories apart.
 */
export function readInvoices(input: LedgerReadInput): LedgerReadResult {
  const { headers, rows, mapping } = input;
  const hasTermsColumn = mapping.conditions !== undefined;
  // Column indexes, -1 when unmapped: read once, not per row.
  const c = Object.fromEntries(LEDGER_FIELDS.map((field) => [field, mapping[field] ?? -1])) as Record<LedgerField, number>;
  const at = (row: readonly unknown[], index: number): unknown => (index < 0 ? undefined : row[index]);
  const headerText = Object.fromEntries(
    LEDGER_FIELDS.map((field) => {
      const text = c[field] < 0 ? undefined : headers[c[field]];
      return [field, text === undefined || text === null ? "" : String(text)];
    }),
  ) as Record<LedgerField, string>;
  const rowProblem = (row: readonly unknown[], sheetRow: number, field: LedgerField, said: Message, blocking: boolean): RowProblem => ({
    sheetRow,
    field,
    column: headerText[field],
    value: at(row, c[field]),
    said,
    reason: textOf(said, "fr"),
    blocking,
  });

  // Each amount and date column's convention is decided once, over the whole column.
  const columnNotices: ColumnNotice[] = [];
  const columnReader = <T>(field: LedgerField, make: (rows: ColumnRows, column: number) => { read: (value: unknown) => CellRead<T>; notice?: string }) => {
    const reader = make(rows, c[field]);
    if (reader.notice !== undefined) columnNotices.push({ field, column: headerText[field], notice: reader.notice });
    return (row: readonly unknown[]) => reader.read(at(row, c[field]));
  };
  const readDateFacture = columnReader("dateFacture", dateColumn);
  const readEcheance = columnReader("echeance", dateColumn);
  const readMontantColumn = columnReader("montant", signedAmountColumn);
  const readDebit = columnReader("debit", signedAmountColumn);
  const readCredit = columnReader("credit", signedAmountColumn);
  // Without a montant column, Débit − Crédit is the row's signed amount.
  const fromDebitCredit = c.montant < 0 && (c.debit >= 0 || c.credit >= 0);
  const readMontant = (row: readonly unknown[]): { read: CellRead<Cents>; field: LedgerField } =>
    fromDebitCredit ? debitMinusCredit(readDebit(row), readCredit(row)) : { read: readMontantColumn(row), field: "montant" };
  const readDatePaiement = columnReader("datePaiement", dateColumn);
  const readMontantHT = columnReader("montantHT", signedAmountColumn);

  const invoices: Invoice[] = [];
  const credits: ListCredit[] = [];
  const problems: RowProblem[] = [];
  const rejectedRows: number[] = [];
  const firstRowOfKey = new Map<string, number>();
  let blankRows = 0;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const sheetRow = input.sheetRows?.[i] ?? input.firstSheetRow + i;
    if (isBlankRow(row)) {
      blankRows++;
      continue;
    }
    // One object literal with every key: every row has the same shape.
    const conditions = at(row, c.conditions);
    const amount = readMontant(row);
    const parsed = ROW_SCHEMA.safeParse({
      client: at(row, c.client),
      numero: at(row, c.numero),
      dateFacture: readDateFacture(row),
      echeance: readEcheance(row),
      // Signed: a negative amount is a credit of the client (issue 14), imputed below.
      montant: amount.read,
      montantHT: readMontantHT(row),
      datePaiement: readDatePaiement(row),
      email: at(row, c.email),
      contact: at(row, c.contact),
      adresse: at(row, c.adresse),
      codePostal: at(row, c.codePostal),
      ville: at(row, c.ville),
      siren: at(row, c.siren),
      conditions,
      conditionsText: conditions,
      particulier: at(row, c.particulier),
      acheteurPublic: at(row, c.acheteurPublic),
      tauxContractuel: at(row, c.tauxContractuel),
      factureOrigine: at(row, c.factureOrigine),
      echeanceSupposee: at(row, c.echeanceSupposee),
      sheetRow,
      hasTermsColumn,
    } satisfies Cells & { sheetRow: number; hasTermsColumn: boolean; conditionsText: unknown });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const params = (issue as { params?: { blocking?: boolean; said?: Message } }).params;
        const blocking = params?.blocking ?? true;
        const said = params?.said ?? message("row.unusable");
        const field = issue.path[0] === "montant" ? amount.field : (issue.path[0] as LedgerField);
        problems.push(rowProblem(row, sheetRow, field, said, blocking));
      }
      rejectedRows.push(sheetRow);
      continue;
    }
    const { invoice, credit, warnings } = parsed.data as RowReading;
    for (const warning of warnings) problems.push(rowProblem(row, sheetRow, warning.field, warning.said, false));
    if (credit) {
      credits.push(credit);
      continue;
    }
    const key = invoiceKeyOf(invoice.clientKey, invoice.numero);
    const earlier = firstRowOfKey.get(key);
    if (earlier !== undefined) {
      problems.push(rowProblem(row, sheetRow, "numero", message("row.duplicate", { earlierRow: earlier }), true));
      rejectedRows.push(sheetRow);
      continue;
    }
    firstRowOfKey.set(key, sheetRow);
    invoices.push(invoice);
  }
  const imputed = imputeListCredits(invoices, credits);
  return { invoices: imputed.invoices, credits, creditBalances: imputed.creditBalances, problems, rejectedRows, blankRows, columnNotices };
}
