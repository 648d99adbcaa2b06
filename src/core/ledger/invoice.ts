/**
 * What the user's invoice list reads into (invoiceRow.ts reads it): the
 * invoices, the rows left out with their reasons, the credits imputed, and
 * what the columns' readers noticed.
 */
import type { EpochDay } from "../calendar";
import type { Message } from "../messages";
import type { Cents } from "../money";
import type { PaymentTerms } from "../terms";
import type { CreditBalance, ListCredit } from "./listCredits";
import type { ColumnMapping, LedgerField } from "./headers";

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
  /** The row says its due date was assumed from default terms (« Échéance supposée » of the Créances table): the case shows it. */
  readonly echeanceAssumed?: true;
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
  /** Why, as a message (worded in the user's language by the catalogues). */
  readonly said: Message;
  /** Why, in French (the default language; French-only texts and tests read it). */
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
