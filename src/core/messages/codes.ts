/**
 * Every message core can give, as a code with its parameters. Core returns
 * these, never a sentence; a catalogue per language (fr.ts, en.ts) writes
 * them. Adding a message: add its code and parameter shape here, then its
 * text in both catalogues (the compiler lists the one you forgot).
 */
import type { EpochDay, SemesterIndex } from "../calendar";
import type { RateKind } from "../rates/kinds";

/** A formula argument's name and the value the user gave it (quoted in the message). */
interface Arg {
  readonly name: string;
  readonly value: unknown;
}

/** A computed date that would pass 31/12/9999, by what it is. */
export type LateDate = "prescription" | "dueDate";

export interface MessageParams {
  // A formula's arguments (functions/coerce.ts, through core/read).
  "arg.inputError": { readonly name: string; readonly error: string };
  "arg.notAccepted": Arg;
  "arg.missing": { readonly name: string };
  "arg.rangeTooSmall": { readonly name: string; readonly rows: number; readonly cols: number };
  "arg.singleDate": { readonly name: string };
  "arg.notADate": Arg;
  "arg.dateOutOfRange": Arg;
  "arg.notAnAmount": Arg;
  "arg.amountNegative": Arg;
  "arg.amountNotCents": Arg;
  "arg.notARate": Arg;
  "arg.rateNegative": Arg;
  "arg.rateAbove100": Arg;
  "arg.rateTooPrecise": Arg;
  "arg.notABoolean": Arg;
  "arg.notANumber": Arg;
  "arg.numberNegative": Arg;
  "arg.notDays": Arg;
  "arg.notTerms": Arg & { readonly forms: string };
  "arg.notAStep": Arg & { readonly steps: readonly string[] };
  "arg.notWholeDays": Arg;
  "arg.bounds": { readonly name: string; readonly problem: Message };
  "arg.pastLastDate": { readonly name: string; readonly what: LateDate };
  "aging.sizeMismatch": { readonly amounts: readonly [number, number]; readonly dues: readonly [number, number] };
  "aging.missingValue": { readonly name: string; readonly index: number; readonly byRow: boolean };
  "dso.revenueNotPositive": { readonly name: string };
  "dso.daysNotWhole": { readonly name: string };
  "dso.outOfRange": Record<string, never>;
  // Aging bounds (core/aging.ts).
  "bounds.none": Record<string, never>;
  "bounds.tooMany": { readonly max: number };
  "bounds.notPositive": { readonly value: number };
  "bounds.notIncreasing": Record<string, never>;
  // Rates (core/rates).
  "rate.missing": { readonly kind: RateKind; readonly semester: SemesterIndex; readonly enterable: boolean };
  // One cell of the list (core/ledger): the reason, never the value (shown next to it).
  "cell.amountExpected": Record<string, never>;
  "cell.amountUnreadable": Record<string, never>;
  "cell.amountNotCents": Record<string, never>;
  "cell.amountTooLarge": Record<string, never>;
  "cell.amountAmbiguous": Record<string, never>;
  "cell.amountAmbiguousMixed": Record<string, never>;
  "cell.amountNegative": Record<string, never>;
  "cell.dateExpected": Record<string, never>;
  "cell.dateOutOfRange": Record<string, never>;
  "cell.dateUnreadable": Record<string, never>;
  "cell.dateAmbiguousMixed": Record<string, never>;
  "cell.dateNonexistent": { readonly year: number; readonly month: number; readonly day: number };
  "cell.rateUnreadable": Record<string, never>;
  "cell.rateExpected": Record<string, never>;
  "cell.rateNegative": Record<string, never>;
  "cell.rateAbove100": Record<string, never>;
  "cell.rateTooPrecise": Record<string, never>;
  "cell.textExpected": Record<string, never>;
  "cell.textNotBoolean": Record<string, never>;
  "cell.flagExpected": Record<string, never>;
  "cell.sirenExpected": Record<string, never>;
  "cell.emailInvalid": Record<string, never>;
  "cell.termsUnknown": { readonly forms: string };
  "cell.termsDays": Record<string, never>;
  "cell.creditWithoutDate": Record<string, never>;
  // A whole column of the list (core/ledger/columnReaders.ts).
  "column.datesUndecided": { readonly count: number };
  "column.datesMonthFirst": Record<string, never>;
  "column.datesMixed": Record<string, never>;
  "column.amountsMixed": Record<string, never>;
  // A row of the list (core/ledger/invoiceRow.ts).
  "row.clientMissing": Record<string, never>;
  "row.numberMissing": Record<string, never>;
  "row.amountMissing": Record<string, never>;
  "row.unusable": Record<string, never>;
  "row.duplicate": { readonly earlierRow: number };
  "row.clientNoLetter": Record<string, never>;
  "row.numberSemicolon": Record<string, never>;
  "row.consumerAndPublic": Record<string, never>;
  "row.dueDateMissing": { readonly hasTermsColumn: boolean };
  "row.dueBeforeInvoice": Record<string, never>;
  "row.negativeHT": Record<string, never>;
  // Words core puts in tables and labels.
  "label.notDue": Record<string, never>;
  "label.bucket": { readonly from: number; readonly to: number };
  "label.bucketOver": { readonly from: number };
  "label.total": Record<string, never>;
  "label.agingTitle": Record<string, never>;
  "label.semester": { readonly semester: SemesterIndex };
  "label.longDate": { readonly day: EpochDay };
  "label.rateKind": { readonly kind: RateKind };
}

export type MessageCode = keyof MessageParams;

/** A message: its code and that code's parameters. */
export type Message = { readonly [C in MessageCode]: { readonly code: C; readonly params: MessageParams[C] } }[MessageCode];

type NoParams<C extends MessageCode> = MessageParams[C] extends Record<string, never> ? C : never;
type CodeWithoutParams = { [C in MessageCode]: NoParams<C> }[MessageCode];

/** Builds a message; codes without parameters need none. */
export function message<C extends CodeWithoutParams>(code: C): Message;
export function message<C extends MessageCode>(code: C, params: MessageParams[C]): Message;
export function message(code: MessageCode, params: object = {}): Message {
  return { code, params } as Message;
}
