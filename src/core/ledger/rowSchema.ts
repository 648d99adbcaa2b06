/**
 * The schema of one row of the user's list, built once at load and reused
 * for every row: each cell read by its reader (cells.ts, or its column's,
 * columnReaders.ts), then the row checked as a whole into an Invoice, a
 * credit (negative amount) or the problems that keep it out.
 */
import { z } from "zod";
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { ACCEPTED_TERMS_FORMS, dueDate, parsePaymentTerms, termsFromDays, type PaymentTerms } from "../terms";
import { clientKeyOf } from "./clientKey";
import { creditRefersTo, type ListCredit } from "./listCredits";
import { cellError } from "./cellError";
import { message, type Message } from "../messages";
import { CellError, readEmail, readFlag, readPostcode, readRate, readSiren, readText, type CellRead } from "./cells";
import type { Invoice } from "./invoice";
import type { LedgerField } from "./headers";

// The row schema.

/** Débit and Crédit columns are not read on their own: they make the row's montant. */
export type Cells = { [F in Exclude<LedgerField, "debit" | "credit">]: unknown };

export interface FieldProblem {
  readonly field: LedgerField;
  readonly said: Message;
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

const TERMS_NOT_UNDERSTOOD = new CellError(message("cell.termsUnknown", { forms: ACCEPTED_TERMS_FORMS }));
const termsOfText = memo((text: string): PaymentTerms | CellError => parsePaymentTerms(text) ?? TERMS_NOT_UNDERSTOOD);
const clientKeyOfName = memo(clientKeyOf);

function readTerms(value: unknown): CellRead<PaymentTerms> {
  if (typeof value === "number") {
    return termsFromDays(value) ?? cellError("cell.termsDays");
  }
  const text = readText(value);
  if (text === undefined) return undefined;
  if (text instanceof CellError) return text;
  return termsOfText(text);
}

const INVOICE_NUMBER_SEPARATOR = ";";

export const ROW_SCHEMA = z
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
    factureOrigine: cell(readText),
    echeanceSupposee: cell(readFlag),
    sheetRow: z.number(),
    hasTermsColumn: z.boolean(),
  })
  .transform((read, ctx) => {
    const problems: FieldProblem[] = [];
    const blocking = (field: LedgerField, said: Message) => problems.push({ field, said, blocking: true });
    const warning = (field: LedgerField, said: Message) => problems.push({ field, said, blocking: false });
    /** A cell that could not be read: blocking or dropped with a warning. */
    function value<T>(field: LedgerField, result: CellRead<T>, isBlocking: boolean): T | undefined {
      if (!(result instanceof CellError)) return result;
      (isBlocking ? blocking : warning)(field, result.said);
      return undefined;
    }

    const client = value("client", read.client, true);
    const clientKey = client === undefined ? "" : clientKeyOfName(client);
    if (client === undefined && !(read.client instanceof CellError)) blocking("client", message("row.clientMissing"));
    else if (client !== undefined && clientKey === "") blocking("client", message("row.clientNoLetter"));

    const numero = value("numero", read.numero, true);
    if (numero === undefined && !(read.numero instanceof CellError)) blocking("numero", message("row.numberMissing"));
    else if (numero?.includes(INVOICE_NUMBER_SEPARATOR)) {
      blocking("numero", message("row.numberSemicolon"));
    }

    const montant = value("montant", read.montant, true);
    if (montant === undefined && !(read.montant instanceof CellError)) blocking("montant", message("row.amountMissing"));
    // A negative amount is a credit of the client (credit note, payment): no due date needed, a date is.
    const isCredit = montant !== undefined && montant < 0;

    const dateFacture = value("dateFacture", read.dateFacture, true);
    const datePaiement = value("datePaiement", read.datePaiement, true);
    const particulier = value("particulier", read.particulier, true) ?? false;
    const acheteurPublic = value("acheteurPublic", read.acheteurPublic, true) ?? false;
    if (particulier && acheteurPublic) blocking("acheteurPublic", message("row.consumerAndPublic"));
    const tauxContractuel = value("tauxContractuel", read.tauxContractuel, true);
    // An unreadable or negative HT is dropped with a warning: it is printed, never computed on.
    const montantHTRead = value("montantHT", read.montantHT, false);
    if (montantHTRead !== undefined && montantHTRead < 0) warning("montantHT", message("row.negativeHT"));
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
        blocking("echeance", message("row.dueDateMissing", { hasTermsColumn: read.hasTermsColumn }));
      }
    }
    if (echeance !== undefined && dateFacture !== undefined && echeance < dateFacture) {
      warning("echeance", message("row.dueBeforeInvoice"));
    }

    const email = value("email", read.email, false);
    const contact = value("contact", read.contact, false);
    const adresse = value("adresse", read.adresse, false);
    const codePostal = value("codePostal", read.codePostal, false);
    const ville = value("ville", read.ville, false);
    const siren = value("siren", read.siren, false);

    const creditDate = datePaiement ?? dateFacture ?? echeance;
    if (isCredit && creditDate === undefined && !problems.some((problem) => problem.blocking)) {
      blocking("dateFacture", message("cell.creditWithoutDate"));
    }
    const rejected = problems.some((problem) => problem.blocking);
    if (!rejected && isCredit && client !== undefined && numero !== undefined && creditDate !== undefined) {
      const refersTo = creditRefersTo(value("factureOrigine", read.factureOrigine, false), numero);
      const credit: ListCredit = { sheetRow: read.sheetRow, client, clientKey, numero, date: creditDate, montant: -montant, ...(refersTo !== undefined && { refersTo }) };
      return { credit, warnings: problems };
    }
    if (rejected || client === undefined || numero === undefined || montant === undefined || echeance === undefined) {
      for (const problem of problems) {
        ctx.issues.push({ code: "custom", path: [problem.field], message: problem.said.code, input: undefined, params: { blocking: problem.blocking, said: problem.said } });
      }
      if (problems.length === 0) ctx.issues.push({ code: "custom", path: ["client"], message: "row.unusable", input: undefined, params: { blocking: true, said: message("row.unusable") } });
      return z.NEVER;
    }
    const invoice: Invoice = {
      sheetRow: read.sheetRow,
      client,
      clientKey,
      numero,
      echeance,
      echeanceSource,
      ...(echeanceSource === "colonne" && value("echeanceSupposee", read.echeanceSupposee, false) === true && { echeanceAssumed: true as const }),
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

export type RowReading = { invoice: Invoice; credit?: undefined; warnings: FieldProblem[] } | { invoice?: undefined; credit: ListCredit; warnings: FieldProblem[] };
