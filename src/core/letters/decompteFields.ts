/**
 * The décompte des intérêts of one invoice as merge fields: the {#periodes}
 * loop of a {#factures} item (du, au, jours, taux, base, montant) and the
 * {#avec_periodes} condition. The periods add up to the invoice's
 * {penalites} to the cent: the total apportioned is the case's own (claim.ts
 * rounds each payment's part on its own; see decompte.ts).
 */
import { formatDateFr, type EpochDay } from "../calendar";
import type { InvoiceLine } from "../escalation/workflow";
import { formatCentsFr } from "../money";
import { MissingRate, type RateBook } from "../rates/rateBook";
import type { FieldItem } from "./blocks";
import { interestStatement, type InterestStatement } from "./decompte";
import { rateText } from "./rateTexts";

function contract(line: InvoiceLine): { contractRate?: number } {
  return line.interestKind === "penalites" && line.invoice.tauxContractuel !== undefined ? { contractRate: line.invoice.tauxContractuel } : {};
}

/** The statement behind an invoice line's interest, or undefined when there is none to state. */
export function statementOfLine(line: InvoiceLine, book: RateBook, letterDate: EpochDay): InterestStatement | undefined {
  if (line.interest === undefined || line.interest === 0) return undefined;
  const payments = line.state?.payments ?? [];
  const start = line.interestKind === "interetsLegaux" ? line.state?.formalNoticeDate : line.invoice.echeance;
  if (start === undefined) return undefined;
  const settlements = payments.map((p) => ({ date: p.date, cents: p.amount }));
  const principal = line.amountDue + payments.reduce((sum, p) => sum + p.amount, 0);
  // The case's interest is the authority; a décompte that cannot add up to it
  // (a case computed under other rates) is left out rather than printed wrong.
  const exact = interestStatement({ book, kind: line.interestKind, principal, start, end: letterDate, settlements, ...contract(line) });
  if (exact instanceof MissingRate || Math.abs(exact.exactTotal - line.interest) > settlements.length + 1) return undefined;
  const statement = interestStatement({
    book,
    kind: line.interestKind,
    principal,
    start,
    end: letterDate,
    settlements,
    ...contract(line),
    total: line.interest,
  });
  return statement instanceof MissingRate ? undefined : statement;
}

export function decompteFieldsOf(line: InvoiceLine, book: RateBook, letterDate: EpochDay): { periodes: FieldItem[]; avec_periodes: boolean } {
  const statement = statementOfLine(line, book, letterDate);
  const periodes = (statement?.periods ?? []).map((p) => ({
    du: formatDateFr(p.from),
    au: formatDateFr(p.to),
    jours: String(p.days),
    taux: rateText(p.rate),
    base: formatCentsFr(p.base),
    montant: formatCentsFr(p.cents),
  }));
  return { periodes, avec_periodes: periodes.length > 0 };
}
