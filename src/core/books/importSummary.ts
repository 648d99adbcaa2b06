/**
 * The import of a FEC summed up as one plain object: what `npm run fec --
 * --json` prints and what the pane's import report shows. Euros are numbers
 * (cents / 100); keys are French, as the command's users read them.
 */
import { formatDateIso } from "../calendar";
import type { Cents } from "../money";
import type { BooksDso } from "./dso";
import type { FecRead } from "./fec/readFec";
import { describeNotice, DSO_METHOD_LABELS } from "./messages/fr";
import type { OpenItemsResult } from "./openItems";

const euros = (cents: Cents): number => cents / 100;

export interface ImportSummary {
  readonly au: string;
  /** Net balance of the customer accounts (411/416) at the date: open debits minus unimputed credits, in euros. */
  readonly encours: number;
  /** Customer accounts whose net balance is not zero. */
  readonly clients: number;
  readonly comptesDebiteurs: number;
  readonly comptesCrediteurs: number;
  readonly facturesOuvertes: number;
  readonly montantOuvert: number;
  readonly creditsNonImputes: number;
  /** The terms due dates were computed with: a FEC has no due date, so they are assumed. */
  readonly conditions: string;
  readonly echeancesSupposees: boolean;
  readonly dso: null | {
    readonly methode: string;
    readonly mois: number;
    readonly chiffreAffaires: number;
    readonly jours: number | null;
    readonly joursMethodeSimple: number | null;
    readonly depasseLaPeriode: boolean;
  };
  readonly rapport: {
    readonly fichiers: FecRead["report"]["files"];
    readonly lignesLues: number;
    readonly lignesClients: number;
    readonly lignes: OpenItemsResult["counts"];
    readonly avis: ReadonlyArray<{
      readonly code: string;
      readonly message: string;
      readonly fichier?: string;
      readonly ligne?: number;
      readonly compte?: string;
      readonly nombre?: number;
      readonly montant?: number;
      readonly detail?: string;
    }>;
  };
}

export function summarizeImport(read: FecRead, items: OpenItemsResult, termsLabel: string, dso: BooksDso | undefined): ImportSummary {
  let open = 0;
  for (const item of items.open) open += item.remainingCents;
  let unimputed = 0;
  for (const credit of items.unimputedCredits) unimputed += credit.remainingCents;
  const notices = [...read.report.notices, ...items.notices];
  return {
    au: formatDateIso(items.at),
    encours: euros(items.balanceCents),
    clients: items.accounts.filter((a) => a.balanceCents !== 0).length,
    comptesDebiteurs: items.accounts.filter((a) => a.status === "debiteur").length,
    comptesCrediteurs: items.accounts.filter((a) => a.status === "crediteur").length,
    facturesOuvertes: items.open.length,
    montantOuvert: euros(open),
    creditsNonImputes: euros(unimputed),
    conditions: termsLabel,
    echeancesSupposees: items.open.some((i) => i.dueDateSource === "assumed"),
    dso: dso
      ? {
          methode: DSO_METHOD_LABELS[dso.basis],
          mois: dso.monthlyRevenue.length,
          chiffreAffaires: euros(dso.monthlyRevenue.reduce((s, c) => s + c, 0)),
          jours: dso.countBack ? Math.round(dso.countBack.days * 10) / 10 : null,
          joursMethodeSimple: dso.simple ? Math.round(dso.simple.days * 10) / 10 : null,
          depasseLaPeriode: dso.countBack?.exhausted ?? false,
        }
      : null,
    rapport: {
      fichiers: read.report.files,
      lignesLues: read.report.linesRead,
      lignesClients: read.report.customerLines,
      lignes: items.counts,
      avis: notices.map((n) => ({
        code: n.code,
        message: describeNotice(n),
        ...(n.source && { fichier: n.source.file, ligne: n.source.line }),
        ...(n.account !== undefined && { compte: n.account }),
        ...(n.count !== undefined && { nombre: n.count }),
        ...(n.cents !== undefined && { montant: euros(n.cents) }),
        ...(n.detail !== undefined && { detail: n.detail }),
      })),
    },
  };
}

