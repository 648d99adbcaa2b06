/**
 * How a letter states its rates: each rate with two decimals (« 14,50 % »,
 * as « 13,15 % » beside it), the successive semester rates of a penalty
 * joined by « puis » (a change over time), the public buyer's rates, one per
 * invoice, joined by « ou » (they are not a change over time), and the
 * sentence that explains the rate (« taux de refinancement … majoré de 10
 * points, soit … »), with the procedure that follows a refusal to pay.
 */
import { semesterLabel, semesterOf, type EpochDay } from "../calendar";
import type { DebtorKind } from "../escalation/claim";
import type { InvoiceLine } from "../escalation/workflow";
import { moratoryRate, MORATORY_MARGIN, PENALTY_MARGIN } from "../interest";
import { NBSP, RATE_SCALE } from "../money";
import type { RateKind } from "../rates/kinds";
import { MissingRate, type RateBook } from "../rates/rateBook";
import { typo } from "./wordingParts";

/** « 14,50 % »: two decimals at least, more only when the rate has them (never rounded away). */
export function rateText(millionths: number): string {
  const hundredths = millionths / 100;
  const digits = Number.isInteger(hundredths) ? 2 : Number.isInteger(millionths / 10) ? 3 : 4;
  return `${(millionths / 10_000).toFixed(digits).replace(".", ",")}${NBSP}%`;
}

/** « a, b puis c »: successive rates of one period, in time order. */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} puis ${items[items.length - 1]}`;
}

/** « a, b ou c »: rates that differ from one invoice to another, not over time. */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ou ${items[items.length - 1]}`;
}

/** Distinct successive rates (millionths) of the semesters met by the days (start, end], plus a margin. */
function semesterRates(book: RateBook, kind: RateKind, start: EpochDay, end: EpochDay, margin: number): number[] | undefined {
  const out: number[] = [];
  for (let semester = semesterOf(start + 1); semester <= semesterOf(end); semester++) {
    const rate = book.rate(kind, semester);
    if (rate === undefined) return undefined;
    if (out[out.length - 1] !== rate + margin) out.push(rate + margin);
  }
  return out;
}

export interface LineRates {
  readonly rates: number[];
  readonly contractual: boolean;
}

export function lineRates(line: InvoiceLine, book: RateBook, letterDate: EpochDay): LineRates | undefined {
  const due = line.invoice.echeance;
  if (line.interestKind === "interetsLegaux") {
    const notice = line.state?.formalNoticeDate;
    if (notice !== undefined && notice < letterDate) {
      const rates = semesterRates(book, "legalAutres", notice, letterDate, 0);
      return rates && { rates, contractual: false };
    }
    const rate = book.rateOn("legalAutres", letterDate);
    return rate instanceof MissingRate ? undefined : { rates: [rate], contractual: false };
  }
  if (letterDate <= due) return { rates: [], contractual: false };
  if (line.interestKind === "interetsMoratoires") {
    const rate = moratoryRate(book, due);
    return rate instanceof MissingRate ? undefined : { rates: [rate], contractual: false };
  }
  if (line.invoice.tauxContractuel !== undefined) return { rates: [line.invoice.tauxContractuel], contractual: true };
  const rates = semesterRates(book, "bce", due, letterDate, PENALTY_MARGIN);
  return rates && { rates, contractual: false };
}

export const INTEREST_LABELS: Readonly<Record<DebtorKind, string>> = {
  professionnel: typo("Pénalités de retard (art. L441-10 C. com.)"),
  acheteurPublic: typo("Intérêts moratoires (art. L2192-13 et R2192-31 CCP)"),
  particulier: typo("Intérêts au taux légal depuis la mise en demeure (art. 1231-6 C. civ.)"),
};

export function basePenalites(variant: DebtorKind, perLine: ReadonlyArray<LineRates | undefined>, letterDate: EpochDay, book: RateBook): string {
  const distinct = (list: number[]) => [...new Set(list)].map(rateText);
  if (variant === "particulier") {
    const rate = book.rateOn("legalAutres", letterDate);
    return rate instanceof MissingRate
      ? "taux de l'intérêt légal en vigueur"
      : `taux de l'intérêt légal (${rateText(rate)} au ${semesterLabel(semesterOf(letterDate))})`;
  }
  const known = perLine.filter((r): r is LineRates => r !== undefined && r.rates.length > 0);
  if (variant === "acheteurPublic") {
    const rates = distinct(known.flatMap((r) => r.rates));
    const soit = rates.length ? `, soit ${joinOr(rates)}${rates.length > 1 ? " selon la facture" : ""}` : "";
    return `taux de refinancement de la Banque centrale européenne en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de ${MORATORY_MARGIN / (RATE_SCALE / 100)} points${soit}`;
  }
  const legal = distinct(known.filter((r) => !r.contractual).flatMap((r) => r.rates));
  const contract = distinct(known.filter((r) => r.contractual).flatMap((r) => r.rates));
  const legalText = `taux de refinancement de la Banque centrale européenne majoré de ${PENALTY_MARGIN / (RATE_SCALE / 100)} points${
    legal.length ? `, soit ${joinFr(legal)}${legal.length > 1 ? " selon le semestre" : ""}` : ""
  }`;
  if (contract.length === 0) return legalText;
  const contractText = `taux contractuel de ${contract.join(" ou ")}`;
  return legal.length === 0 ? contractText : `${legalText} (${contractText} pour les factures qui le prévoient)`;
}

export function consequencesOf(variant: DebtorKind, procedure: string | undefined): { procedure: string; consequences: string } {
  if (variant === "acheteurPublic") {
    return {
      procedure: "référé-provision devant le tribunal administratif",
      consequences: typo(
        "notamment en saisissant le juge des référés du tribunal administratif d'une demande de provision (art. R541-1 du Code de justice administrative)"),
    };
  }
  if (procedure === "injonctionDePayer") {
    return {
      procedure: "injonction de payer",
      consequences: typo(
        "notamment par une requête en injonction de payer devant le tribunal compétent (art. 1405 et suivants du Code de procédure civile)"),
    };
  }
  return {
    procedure: "procédure simplifiée de recouvrement des petites créances",
    consequences: typo(
      "notamment par la procédure simplifiée de recouvrement des petites créances, mise en œuvre par un commissaire de justice (art. L125-1 du Code des procédures civiles d'exécution), ou par une requête en injonction de payer (art. 1405 et suivants du Code de procédure civile)",
    ),
  };
}

