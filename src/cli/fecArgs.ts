/**
 * The arguments of `npm run fec -- <fichier…> --au AAAA-MM-JJ [--json]
 * [--conditions "45 jours fin de mois"] [--mois 12] [--ca ht|ttc]`. Pure: errors are thrown as
 * UsageError with the French message the command prints.
 */
import { isValidCivilDate, toEpochDay, type EpochDay } from "../core/calendar";
import { ACCEPTED_TERMS_FORMS, parsePaymentTerms, type PaymentTerms } from "../core/terms";
import type { BooksRevenueBasis } from "../core/books";

export class UsageError extends Error {}

export const USAGE =
  "Usage : npm run fec -- <fichier FEC…> --au AAAA-MM-JJ [--json] [--conditions \"30 jours\"] [--mois 12] [--ca ttc|ht]";

export interface FecArgs {
  readonly files: string[];
  readonly at: EpochDay;
  readonly json: boolean;
  readonly terms?: PaymentTerms;
  readonly months: number;
  readonly basis?: BooksRevenueBasis;
}

function isoDay(text: string): EpochDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCivilDate(year, month, day) ? toEpochDay(year, month, day) : undefined;
}

export function parseFecArgs(argv: readonly string[]): FecArgs {
  const files: string[] = [];
  let at: EpochDay | undefined;
  let json = false;
  let terms: PaymentTerms | undefined;
  let months = 12;
  let basis: BooksRevenueBasis | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`valeur manquante après ${arg}`);
      return next;
    };
    if (arg === "--json") json = true;
    else if (arg === "--au") {
      const text = value();
      at = isoDay(text);
      if (at === undefined) throw new UsageError(`date --au illisible ou inexistante : « ${text} » (AAAA-MM-JJ attendu)`);
    } else if (arg === "--conditions") {
      const text = value();
      terms = parsePaymentTerms(text);
      if (!terms) throw new UsageError(`conditions de paiement non reconnues : « ${text} ». Formes acceptées : ${ACCEPTED_TERMS_FORMS}`);
    } else if (arg === "--mois") {
      months = Number(value());
      if (!Number.isInteger(months) || months < 1 || months > 24) throw new UsageError("--mois : un nombre de mois entre 1 et 24 est attendu");
    } else if (arg === "--ca") {
      const text = value();
      if (text !== "ttc" && text !== "ht") throw new UsageError("--ca : « ttc » ou « ht » attendu");
      basis = text === "ttc" ? "ttc_comptes_clients" : "ht_classe_70";
    } else if (arg.startsWith("--")) throw new UsageError(`option inconnue : ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError("aucun fichier FEC indiqué");
  if (at === undefined) throw new UsageError("la date --au AAAA-MM-JJ est obligatoire");
  return { files, at, json, months, ...(terms && { terms }), ...(basis && { basis }) };
}
