/**
 * English texts of core's messages, for an Excel displayed in English. The
 * names of French procedures and legal articles stay as they are.
 */
import type { RateKind } from "../rates/kinds";
import type { Catalogue } from "./catalogue";
import { longDate, monthName, quotedValue, semesterName } from "./language";

const RATE_KIND_LABELS_EN: Readonly<Record<RateKind, string>> = {
  bce: "ECB rate (main refinancing operations)",
  legalParticulier: "statutory interest rate (consumer creditor)",
  legalAutres: "statutory interest rate (other cases)",
};

const q = (value: unknown) => quotedValue(value, "en");
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const DATE_RANGE = "between 01/01/1900 and 31/12/9999";

export const EN: Catalogue = {
  "arg.inputError": ({ name, error }) => `${name}: the cell holds an error (${error})`,
  "arg.notAccepted": ({ name, value }) => `${name}: ${q(value)} is not an accepted value`,
  "arg.missing": ({ name }) => `${name}: value missing`,
  "arg.rangeTooSmall": ({ name, rows, cols }) =>
    `${name}: a range of ${rows} row(s) by ${cols} column(s), smaller than the other arguments`,
  "arg.singleDate": ({ name }) => `${name}: one date is expected, not a range`,
  "arg.notADate": ({ name, value }) => `${name}: ${q(value)} is not a date (dd/mm/yyyy or yyyy-mm-dd)`,
  "arg.dateOutOfRange": ({ name, value }) => `${name}: ${q(value)} is not a date ${DATE_RANGE}`,
  "arg.notAnAmount": ({ name, value }) => `${name}: ${q(value)} is not an amount`,
  "arg.amountNegative": ({ name, value }) => `${name}: ${q(value)} is negative; a credit note is not an overdue invoice`,
  "arg.amountNotCents": ({ name, value }) => `${name}: ${q(value)} is not an amount to the cent (round it with ROUND)`,
  "arg.notARate": ({ name, value }) => `${name}: ${q(value)} is not a rate (e.g. 12.15% or 0.1215)`,
  "arg.rateNegative": ({ name, value }) => `${name}: ${q(value)}: a rate cannot be negative`,
  "arg.rateAbove100": ({ name, value }) =>
    `${name}: ${q(value)} is above 100%; write the rate as a percentage (12.15%) or a fraction (0.1215)`,
  "arg.rateTooPrecise": ({ name, value }) => `${name}: ${q(value)}: at most four decimals as a percentage`,
  "arg.notABoolean": ({ name, value }) => `${name}: ${q(value)}: TRUE or FALSE expected`,
  "arg.notANumber": ({ name, value }) => `${name}: ${q(value)} is not a number`,
  "arg.numberNegative": ({ name, value }) => `${name}: ${q(value)} cannot be negative`,
  "arg.notDays": ({ name, value }) => `${name}: ${q(value)} is not a number of days between 0 and 3650`,
  "arg.notTerms": ({ name, value, forms }) => `${name}: ${q(value)} is not a known payment term. Accepted forms: ${forms}`,
  "arg.notAStep": ({ name, value, steps }) => `${name}: ${q(value)} is not a known step (${steps.join(", ")})`,
  "arg.notWholeDays": ({ name, value }) => `${name}: ${q(value)} is not a whole number of days`,
  "arg.bounds": ({ name, problem }, say) => `${name}: ${say(problem)}`,
  "arg.pastLastDate": ({ name, what }) =>
    `${name}: ${what === "prescription" ? "the limitation date" : "the computed due date"} is after 31/12/9999`,
  "aging.sizeMismatch": ({ amounts, dues }) =>
    `amounts (${amounts[0]} × ${amounts[1]}) and due dates (${dues[0]} × ${dues[1]}) must be the same size`,
  "aging.missingValue": ({ name, index, byRow }) => `${name}, ${byRow ? "row" : "column"} ${index}: value missing`,
  "dso.revenueNotPositive": ({ name }) => `${name}: must be greater than zero`,
  "dso.daysNotWhole": ({ name }) => `${name}: a whole number of days is expected (365 by default)`,
  "dso.outOfRange": () => "DSO: receivables too large for the revenue (result out of range)",
  "bounds.none": () => "at least one bound is needed (e.g. 30; 60; 90)",
  "bounds.tooMany": ({ max }) => `at most ${max} bounds`,
  "bounds.notPositive": ({ value }) => `“${value}” is not a positive whole number of days`,
  "bounds.notIncreasing": () => "bounds must be strictly increasing (e.g. 30; 60; 90)",
  "rate.missing": ({ kind, semester, enterable }) => {
    const what = `${capitalize(RATE_KIND_LABELS_EN[kind])} for the ${semesterName(semester, "en")}`;
    return enterable
      ? `${what} unknown: enter it in the Recouvre pane, “Rates” tab.`
      : `${what}: older than Recouvre's tables (ECB rate since 2012, statutory rate since 2015), nothing can be computed.`;
  },
  "cell.amountExpected": () => "amount expected",
  "cell.amountUnreadable": () => "unreadable amount",
  "cell.amountNotCents": () => "amount not to the cent (round it)",
  "cell.amountTooLarge": () => "amount too large (100 billion euros at most)",
  "cell.amountAmbiguous": () =>
    "ambiguous amount: a dot or comma followed by 3 digits may separate thousands or decimals, and no other value of the column decides; write 12500 or 12.50",
  "cell.amountAmbiguousMixed": () =>
    "ambiguous amount: the column uses both the dot and the comma as decimal separator; write this amount without a thousands separator",
  "cell.amountNegative": () => "negative amount: a credit note is not a debt to chase; apply it to its invoice",
  "cell.dateExpected": () => "a date is expected",
  "cell.dateOutOfRange": () => "date outside 01/01/1900 - 31/12/9999",
  "cell.dateUnreadable": () => "unreadable date: dd/mm/yyyy or yyyy-mm-dd expected (4-digit years)",
  "cell.dateAmbiguousMixed": () =>
    "ambiguous date: the column holds day/month (25/08) and month/day (08/25) dates; write this one as yyyy-mm-dd",
  "cell.dateNonexistent": ({ year, month, day }) =>
    month < 1 || month > 12 ? `no such date: there is no month ${month}` : `${day} ${monthName(month, "en")} ${year} does not exist`,
  "cell.rateUnreadable": () => "unreadable rate",
  "cell.rateExpected": () => "rate expected",
  "cell.rateNegative": () => "a rate cannot be negative",
  "cell.rateAbove100": () => "rate above 100%: write it as a percentage (12%) or a fraction (0.12)",
  "cell.rateTooPrecise": () => "at most four decimals as a percentage",
  "cell.textExpected": () => "text expected",
  "cell.textNotBoolean": () => "text expected, not TRUE/FALSE",
  "cell.flagExpected": () => "yes/no expected (TRUE/FALSE, x, 1/0)",
  "cell.sirenExpected": () => "SIREN (9 digits) or SIRET (14 digits) expected",
  "cell.emailInvalid": () => "invalid e-mail address",
  "cell.termsUnknown": ({ forms }) => `payment terms not recognised. Accepted forms: ${forms}`,
  "cell.termsDays": () => "a number of days between 0 and 3650 expected",
  "cell.creditWithoutDate": () => "date missing: a credit note or a payment (negative amount) needs a date to be applied",
  "column.datesUndecided": ({ count }) =>
    `${count} date(s) such as 03/04/2025 could be day/month or month/day, and no date of the column decides: read day/month (French usage); check them`,
  "column.datesMonthFirst": () => "dates read month/day (US format): the column holds dates such as 8/25/2013",
  "column.datesMixed": () => "the column mixes day/month and month/day dates: ambiguous dates are refused",
  "column.amountsMixed": () => "the column mixes the dot and the comma as decimal separator: ambiguous amounts are refused",
  "row.clientMissing": () => "customer missing",
  "row.numberMissing": () => "invoice number missing",
  "row.amountMissing": () => "amount missing",
  "row.unusable": () => "unusable row",
  "row.duplicate": ({ earlierRow }) => `duplicate invoice: same customer and number as row ${earlierRow}`,
  "row.clientNoLetter": () => "customer name without any letter or digit",
  "row.numberSemicolon": () => "an invoice number cannot contain “;” (it separates invoices in the journal)",
  "row.consumerAndPublic": () => "a row cannot be both “consumer” and “public buyer”",
  "row.dueDateMissing": ({ hasTermsColumn }) =>
    hasTermsColumn
      ? "due date missing: enter it, or the invoice date and the payment terms to compute it"
      : "due date missing: enter it, or add a “Payment terms” column to compute it",
  "row.dueBeforeInvoice": () => "due date before the invoice date: check the dates",
  "row.negativeHT": () => "negative amount before VAT: ignored",
  "label.notDue": () => "Not due",
  "label.bucket": ({ from, to }) => `${from}-${to} d`,
  "label.bucketOver": ({ from }) => `> ${from} d`,
  "label.total": () => "Total",
  "label.agingTitle": () => "Aged balance",
  "label.semester": ({ semester }) => semesterName(semester, "en"),
  "label.longDate": ({ day }) => longDate(day, "en"),
  "label.rateKind": ({ kind }) => RATE_KIND_LABELS_EN[kind],
};
