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
 * The row schema is built once, at load, and reused for every row: 20,000
 * rows cost 20,000 parses, not 20,000 schema constructions.
 */
import { z } from "zod";
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { ACCEPTED_TERMS_FORMS, dueDate, parsePaymentTerms, termsFromDays, type PaymentTerms } from "../terms";
import { clientKeyOf, invoiceKeyOf } from "./clientKey";
import { imputeListCredits, type CreditBalance, type ListCredit } from "./listCredits";
import { CREDIT_WITHOUT_DATE } from "./messages/fr";
import {
  CellError,
  isBlankCell,
  readEmail,
  readFlag,
  readPostcode,
  readRate,
  readSiren,
  readText,
  type CellRead,
} from "./cells";
import { dateColumn, debitMinusCredit, signedAmountColumn, type ColumnRows } from "./columnReaders";
import { LEDGER_FIELDS, type ColumnMapping, type LedgerField } from "./headers";

export interface Invoice {
  /** 1-based Excel row number, for messages and for going back to the cell. */
  readonly sheetRow: number;
  readonly client: string;
  /** clientKeyOf(client): groups rows into cases and ties the journal to them. */
  readonly clientKey: string;
  readonly numero: string;
  readonly dateFacture?: EpochDay;
  readonly echeance: EpochDay;
  /** "conditions": the due date was blank and computed from dateFacture + terms. */
  readonly echeanceSource: "colonne" | "conditions";
  /** Amount still owed according to the list, in cents (0: nothing left), net of the list's credits imputed on it. */
  readonly montant: Cents;
  /** The amount before VAT, when the list has a « Montant HT » column (letters print it beside the TTC). */
  readonly montantHT?: Cents;
  /** The amount as the list gave it, when credits of the list were imputed on it. */
  readonly montantInitial?: Cents;
  /** Credits of the list (credit notes, payments) imputed on it, in date order: penalties run on what was unpaid day by day. */
  readonly settlements?: ReadonlyArray<{ readonly date: EpochDay; readonly cents: Cents; readonly numero: string; readonly sheetRow: number }>;
  readonly datePaiement?: EpochDay;
  readonly email?: string;
  readonly contact?: string;
  readonly adresse?: string;
  readonly codePostal?: string;
  readonly ville?: string;
  /** 9 digits; a SIRET is cut to its SIREN. */
  readonly siren?: string;
  /** Payment terms as typed, and as understood. */
  readonly conditions?: string;
  readonly terms?: PaymentTerms;
  readonly particulier: boolean;
  readonly acheteurPublic: boolean;
  /** Contractual penalty rate in millionths (RATE_SCALE). */
  readonly tauxContractuel?: number;
}

export interface RowProblem {
  readonly sheetRow: number;
  readonly field: LedgerField;
  /** The header of the column, as the user wrote it. */
  readonly column: string;
  /** The cell as Excel gave it (see cellDisplay for showing it). */
  readonly value: unknown;
  /** Why, in French. */
  readonly reason: string;
  /** True: the row is left out. False: the invoice is kept without this cell. */
  readonly blocking: boolean;
}

export interface LedgerReadResult {
  /** Invoices, net of the credits imputed on them. */
  readonly invoices: Invoice[];
  /** Rows with a negative amount: credits of their client, imputed on its invoices (listCredits.ts). */
  readonly credits: ListCredit[];
  /** Clients whose credits exceed their invoices: owed money, never chased. */
  readonly creditBalances: CreditBalance[];
  /** Every problem, blocking or not, in row order. */
  readonly problems: RowProblem[];
  /** Sheet rows left out because of a blocking problem. */
  readonly rejectedRows: number[];
  /** Rows with no value at all, skipped. */
  readonly blankRows: number;
  /** What reading a whole column decided and the user should know (« dates lues mois/jour »). */
  readonly columnNotices: readonly ColumnNotice[];
}

export interface ColumnNotice {
  readonly field: LedgerField;
  /** The header of the column, as the user wrote it. */
  readonly column: string;
  readonly notice: string;
}

export interface LedgerReadInput {
  readonly headers: readonly unknown[];
  readonly rows: ReadonlyArray<readonly unknown[]>;
  readonly mapping: ColumnMapping;
  /** Sheet row of rows[0] (1-based); rows are consecutive unless sheetRows is given. */
  readonly firstSheetRow: number;
  /** Sheet row of each row, when they are not consecutive (filtered table). */
  readonly sheetRows?: readonly number[];
}

// ---------------------------------------------------------------------------
// The row schema.

/** Débit and Crédit columns are not read on their own: they make the row's montant. */
type Cells = { [F in Exclude<LedgerField, "debit" | "credit">]: unknown };

interface FieldProblem {
  readonly field: LedgerField;
  readonly reason: string;
  readonly blocking: boolean;
}

/** A zod field that never fails by itself: it hands its reading to the row check. */
function cell<T>(read: (value: unknown) => CellRead<T>) {
  return z.unknown().transform(read);
}

/**
 * A list repeats the same few wordings ("30 jours") and client names on
 * thousands of rows: their readings are remembered (pure functions, so the
 * cache changes nothing but time). Bounded so that it cannot grow without end.
 */
function memo<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      result = compute(text);
      cache.set(text, result);
    }
    return result as T;
  };
}

/** A cell already read by its column's reader (columnReaders.ts). */
function readCell<T>() {
  return z.unknown() as unknown as z.ZodType<CellRead<T>>;
}

const TERMS_NOT_UNDERSTOOD = new CellError(`conditions de paiement non reconnues. Formes acceptées : ${ACCEPTED_TERMS_FORMS}`);
const termsOfText = memo((text: string): PaymentTerms | CellError => parsePaymentTerms(text) ?? TERMS_NOT_UNDERSTOOD);
const clientKeyOfName = memo(clientKeyOf);

function readTerms(value: unknown): CellRead<PaymentTerms> {
  if (typeof value === "number") {
    return termsFromDays(value) ?? new CellError("nombre de jours entre 0 et 3650 attendu");
  }
  const text = readText(value);
  if (text === undefined) return undefined;
  if (text instanceof CellError) return text;
  return termsOfText(text);
}

const INVOICE_NUMBER_SEPARATOR = ";";

const ROW_SCHEMA = z
  .object({
    client: cell(readText),
    numero: cell(readText),
    // Amounts and dates are read before the schema, by their column's reader.
    dateFacture: readCell<EpochDay>(),
    echeance: readCell<EpochDay>(),
    montant: readCell<Cents>(),
    montantHT: readCell<Cents>(),
    datePaiement: readCell<EpochDay>(),
    email: cell(readEmail),
    contact: cell(readText),
    adresse: cell(readText),
    codePostal: cell(readPostcode),
    ville: cell(readText),
    siren: cell(readSiren),
    conditions: cell(readTerms),
    conditionsText: cell(readText),
    particulier: cell(readFlag),
    acheteurPublic: cell(readFlag),
    tauxContractuel: cell(readRate),
    sheetRow: z.number(),
    hasTermsColumn: z.boolean(),
  })
  .transform((read, ctx) => {
    const problems: FieldProblem[] = [];
    const blocking = (field: LedgerField, reason: string) => problems.push({ field, reason, blocking: true });
    const warning = (field: LedgerField, reason: string) => problems.push({ field, reason, blocking: false });
    /** A cell that could not be read: blocking or dropped with a warning. */
    function value<T>(field: LedgerField, result: CellRead<T>, isBlocking: boolean): T | undefined {
      if (!(result instanceof CellError)) return result;
      (isBlocking ? blocking : warning)(field, result.reason);
      return undefined;
    }

    const client = value("client", read.client, true);
    const clientKey = client === undefined ? "" : clientKeyOfName(client);
    if (client === undefined && !(read.client instanceof CellError)) blocking("client", "client manquant");
    else if (client !== undefined && clientKey === "") blocking("client", "nom de client sans lettre ni chiffre");

    const numero = value("numero", read.numero, true);
    if (numero === undefined && !(read.numero instanceof CellError)) blocking("numero", "numéro de facture manquant");
    else if (numero?.includes(INVOICE_NUMBER_SEPARATOR)) {
      blocking("numero", "un numéro de facture ne peut pas contenir « ; » (séparateur des factures dans le journal)");
    }

    const montant = value("montant", read.montant, true);
    if (montant === undefined && !(read.montant instanceof CellError)) blocking("montant", "montant manquant");
    // A negative amount is a credit of the client (credit note, payment): no due date needed, a date is.
    const isCredit = montant !== undefined && montant < 0;

    const dateFacture = value("dateFacture", read.dateFacture, true);
    const datePaiement = value("datePaiement", read.datePaiement, true);
    const particulier = value("particulier", read.particulier, true) ?? false;
    const acheteurPublic = value("acheteurPublic", read.acheteurPublic, true) ?? false;
    if (particulier && acheteurPublic) blocking("acheteurPublic", "une ligne ne peut être à la fois « particulier » et « acheteur public »");
    const tauxContractuel = value("tauxContractuel", read.tauxContractuel, true);
    // An unreadable or negative HT is dropped with a warning: it is printed, never computed on.
    const montantHTRead = value("montantHT", read.montantHT, false);
    if (montantHTRead !== undefined && montantHTRead < 0) warning("montantHT", "montant HT négatif : ignoré");
    const montantHT = montantHTRead !== undefined && montantHTRead >= 0 ? montantHTRead : undefined;

    // The due date: typed, or computed from the invoice date and the terms.
    const echeanceTyped = value("echeance", read.echeance, true);
    const termsNeeded = !isCredit && echeanceTyped === undefined && !(read.echeance instanceof CellError);
    // Unreadable terms only matter when they are needed for the due date.
    const terms = value("conditions", read.conditions, termsNeeded);
    let echeance = echeanceTyped;
    let echeanceSource: Invoice["echeanceSource"] = "colonne";
    if (termsNeeded) {
      if (dateFacture !== undefined && terms !== undefined) {
        echeance = dueDate(dateFacture, terms);
        echeanceSource = "conditions";
      } else if (!(read.conditions instanceof CellError) && !(read.dateFacture instanceof CellError)) {
        blocking(
          "echeance",
          read.hasTermsColumn
            ? "échéance manquante : saisissez-la, ou la date de facture et les conditions de paiement pour la calculer"
            : "échéance manquante : saisissez-la, ou ajoutez une colonne « Conditions de paiement » pour la calculer",
        );
      }
    }
    if (echeance !== undefined && dateFacture !== undefined && echeance < dateFacture) {
      warning("echeance", "échéance antérieure à la date de facture : vérifiez les dates");
    }

    const email = value("email", read.email, false);
    const contact = value("contact", read.contact, false);
    const adresse = value("adresse", read.adresse, false);
    const codePostal = value("codePostal", read.codePostal, false);
    const ville = value("ville", read.ville, false);
    const siren = value("siren", read.siren, false);

    const creditDate = datePaiement ?? dateFacture ?? echeance;
    if (isCredit && creditDate === undefined && !problems.some((problem) => problem.blocking)) {
      blocking("dateFacture", CREDIT_WITHOUT_DATE);
    }
    const rejected = problems.some((problem) => problem.blocking);
    if (!rejected && isCredit && client !== undefined && numero !== undefined && creditDate !== undefined) {
      const credit: ListCredit = { sheetRow: read.sheetRow, client, clientKey, numero, date: creditDate, montant: -montant };
      return { credit, warnings: problems };
    }
    if (rejected || client === undefined || numero === undefined || montant === undefined || echeance === undefined) {
      for (const problem of problems) {
        ctx.issues.push({ code: "custom", path: [problem.field], message: problem.reason, input: undefined, params: { blocking: problem.blocking } });
      }
      if (problems.length === 0) ctx.issues.push({ code: "custom", path: ["client"], message: "ligne inutilisable", input: undefined, params: { blocking: true } });
      return z.NEVER;
    }
    const invoice: Invoice = {
      sheetRow: read.sheetRow,
      client,
      clientKey,
      numero,
      echeance,
      echeanceSource,
      montant,
      particulier,
      acheteurPublic,
      ...(dateFacture !== undefined && { dateFacture }),
      ...(montantHT !== undefined && { montantHT }),
      ...(datePaiement !== undefined && { datePaiement }),
      ...(email !== undefined && { email }),
      ...(contact !== undefined && { contact }),
      ...(adresse !== undefined && { adresse }),
      ...(codePostal !== undefined && { codePostal }),
      ...(ville !== undefined && { ville }),
      ...(siren !== undefined && { siren }),
      ...(typeof read.conditionsText === "string" && { conditions: read.conditionsText }),
      ...(terms !== undefined && { terms }),
      ...(tauxContractuel !== undefined && { tauxContractuel }),
    };
    return { invoice, warnings: problems };
  });

type RowReading = { invoice: Invoice; credit?: undefined; warnings: FieldProblem[] } | { invoice?: undefined; credit: ListCredit; warnings: FieldProblem[] };

// ---------------------------------------------------------------------------

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
  const rowProblem = (row: readonly unknown[], sheetRow: number, field: LedgerField, reason: string, blocking: boolean): RowProblem => ({
    sheetRow,
    field,
    column: headerText[field],
    value: at(row, c[field]),
    reason,
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
      sheetRow,
      hasTermsColumn,
    } satisfies Cells & { sheetRow: number; hasTermsColumn: boolean; conditionsText: unknown });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const blocking = (issue as { params?: { blocking?: boolean } }).params?.blocking ?? true;
        const field = issue.path[0] === "montant" ? amount.field : (issue.path[0] as LedgerField);
        problems.push(rowProblem(row, sheetRow, field, issue.message, blocking));
      }
      rejectedRows.push(sheetRow);
      continue;
    }
    const { invoice, credit, warnings } = parsed.data as RowReading;
    for (const warning of warnings) problems.push(rowProblem(row, sheetRow, warning.field, warning.reason, false));
    if (credit) {
      credits.push(credit);
      continue;
    }
    const key = invoiceKeyOf(invoice.clientKey, invoice.numero);
    const earlier = firstRowOfKey.get(key);
    if (earlier !== undefined) {
      problems.push(rowProblem(row, sheetRow, "numero", `facture en double : même client et même numéro qu'à la ligne ${earlier}`, true));
      rejectedRows.push(sheetRow);
      continue;
    }
    firstRowOfKey.set(key, sheetRow);
    invoices.push(invoice);
  }
  const imputed = imputeListCredits(invoices, credits);
  return { invoices: imputed.invoices, credits, creditBalances: imputed.creditBalances, problems, rejectedRows, blankRows, columnNotices };
}
