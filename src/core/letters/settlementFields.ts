/**
 * What was billed and what came off it, as merge fields: per invoice its HT
 * and TTC amounts (HT when the list has a « Montant HT » column), and the
 * loops {#avoirs} (credit notes) and {#reglements} (payments on account and
 * partial payments) of the letter.
 *
 * Where they come from: the list's credits imputed on the invoice (a credit
 * note, a payment, a payment on account: listCredits.ts) and the payments the
 * journal records. The figures always reconcile to the cent, per invoice and
 * in total: billed − credit notes − payments = amount due ({montant},
 * {total_principal}). When the journal's payments do not explain on their own
 * what separates the list's amount from the amount due (a list updated after
 * a payment was recorded), one line states that difference, « Règlements
 * enregistrés au journal », rather than a guessed breakdown.
 *
 * Which credit is a credit note: a number starting with « AV », or holding
 * « AVOIR »; a payment dated before the invoice is a payment on account
 * (« Acompte »), any other a partial payment.
 */
import { formatDateFr, type EpochDay } from "../calendar";
import type { InvoiceLine } from "../escalation/workflow";
import { formatCentsFr, type Cents } from "../money";
import type { FieldItem } from "./blocks";

export type DeductionKind = "avoir" | "acompte" | "reglement";

export interface Deduction {
  readonly kind: DeductionKind;
  readonly invoice: string;
  /** The credit's own number (list) or « — » (journal). */
  readonly piece: string;
  readonly date: EpochDay;
  readonly cents: Cents;
}

export interface LineSettlement {
  /** What the invoice was billed, TTC: the list's amount before its credits. */
  readonly billed: Cents;
  readonly ht?: Cents;
  readonly deductions: readonly Deduction[];
}

const CREDIT_NOTE = /^AV|AVOIR/;

export function deductionKind(piece: string, date: EpochDay, invoiceDate: EpochDay | undefined): DeductionKind {
  const key = piece.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
  if (CREDIT_NOTE.test(key)) return "avoir";
  return invoiceDate !== undefined && date < invoiceDate ? "acompte" : "reglement";
}

/** Billed, HT and deductions of one line; billed − deductions = line.amountDue exactly. */
export function lineSettlement(line: InvoiceLine): LineSettlement {
  const { invoice } = line;
  const billed = invoice.montantInitial ?? invoice.montant;
  const fromList: Deduction[] = (invoice.settlements ?? []).map((s) => ({
    kind: deductionKind(s.numero, s.date, invoice.dateFacture),
    invoice: invoice.numero,
    piece: s.numero,
    date: s.date,
    cents: s.cents,
  }));
  const afterList = billed - fromList.reduce((sum, d) => sum + d.cents, 0);
  const byJournal = afterList - line.amountDue;
  const journalPayments = line.state?.payments ?? [];
  const fromJournal: Deduction[] = [];
  if (byJournal > 0) {
    const listed = journalPayments.reduce((sum, p) => sum + p.amount, 0);
    if (listed === byJournal) {
      for (const p of journalPayments) {
        fromJournal.push({ kind: deductionKind("", p.date, invoice.dateFacture), invoice: invoice.numero, piece: "—", date: p.date, cents: p.amount });
      }
    } else {
      const last = journalPayments.reduce<EpochDay | undefined>((max, p) => (max === undefined || p.date > max ? p.date : max), undefined);
      fromJournal.push({ kind: "reglement", invoice: invoice.numero, piece: "journal", date: last ?? line.invoice.echeance, cents: byJournal });
    }
  }
  const deductions = [...fromList, ...fromJournal].sort((a, b) => a.date - b.date);
  return { billed: byJournal < 0 ? line.amountDue : billed, ...(invoice.montantHT !== undefined && { ht: invoice.montantHT }), deductions: byJournal < 0 ? [] : deductions };
}

const NATURE: Readonly<Record<DeductionKind, string>> = { avoir: "Avoir", acompte: "Acompte", reglement: "Règlement partiel" };

function item(d: Deduction): FieldItem {
  return {
    nature: d.piece === "journal" ? "Règlements enregistrés au journal" : NATURE[d.kind],
    piece: d.piece === "journal" ? "—" : d.piece,
    date: formatDateFr(d.date),
    montant: formatCentsFr(d.cents),
    facture: d.invoice,
  };
}

/** Fields of one {#factures} item. */
export function invoiceSettlementFields(s: LineSettlement) {
  const deducted = s.deductions.reduce((sum, d) => sum + d.cents, 0);
  return {
    montant_facture: formatCentsFr(s.billed),
    // TTC is said only when the HT is known: then the list's amount is the TTC beside it.
    montant_ht: s.ht === undefined ? "—" : formatCentsFr(s.ht),
    montant_ttc: s.ht === undefined ? "—" : formatCentsFr(s.billed),
    deductions: formatCentsFr(deducted),
    avec_deductions: deducted > 0,
  };
}

/** Letter-level fields: the loops and their totals. */
export function letterSettlementFields(settlements: readonly LineSettlement[]) {
  const all = settlements.flatMap((s) => s.deductions);
  const avoirs = all.filter((d) => d.kind === "avoir");
  const reglements = all.filter((d) => d.kind !== "avoir");
  const sum = (list: readonly Deduction[]) => list.reduce((total, d) => total + d.cents, 0);
  const withHt = settlements.length > 0 && settlements.every((s) => s.ht !== undefined);
  return {
    avoirs: avoirs.map(item),
    reglements: reglements.map(item),
    total_avoirs: formatCentsFr(sum(avoirs)),
    total_reglements: formatCentsFr(sum(reglements)),
    total_facture: formatCentsFr(settlements.reduce((total, s) => total + s.billed, 0)),
    total_ht: withHt ? formatCentsFr(settlements.reduce((total, s) => total + (s.ht ?? 0), 0)) : "",
    avec_avoirs: avoirs.length > 0,
    avec_reglements: reglements.length > 0,
    avec_deductions: all.length > 0,
    avec_ht: withHt,
  };
}
