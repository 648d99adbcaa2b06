/**
 * The FEC header line (A47 A-1 VII): field names, in any case, padded or not,
 * separated by a tab or « | ». The 18 fields, Montant + Sens instead of Debit
 * and Credit (VII 2°), the 21-field BA and 22-field BNC variants (VIII).
 */
import { fieldText } from "./fields";

export type FecField =
  | "journalcode" | "journallib" | "ecriturenum" | "ecrituredate" | "comptenum" | "comptelib"
  | "compauxnum" | "compauxlib" | "pieceref" | "piecedate" | "ecriturelib" | "debit" | "credit"
  | "ecriturelet" | "datelet" | "validdate" | "montantdevise" | "idevise" | "montant" | "sens"
  | "datergl" | "modergl" | "natop" | "idclient";

const KNOWN = new Set<string>([
  "journalcode", "journallib", "ecriturenum", "ecrituredate", "comptenum", "comptelib", "compauxnum", "compauxlib",
  "pieceref", "piecedate", "ecriturelib", "debit", "credit", "ecriturelet", "datelet", "validdate", "montantdevise",
  "idevise", "montant", "sens", "datergl", "modergl", "natop", "idclient",
]);
/** Spellings seen beside the arrêté's (DateRglt for DateRgl). */
const ALIASES: Record<string, FecField> = { datereglt: "datergl", daterglt: "datergl", moderglt: "modergl", modereglt: "modergl" };

export type FecSeparator = "\t" | "|";

export interface FecHeader {
  readonly separator: FecSeparator;
  /** Number of fields of the header. */
  readonly width: number;
  /** Index of each field present. */
  readonly index: Partial<Record<FecField, number>>;
  readonly amounts: "debit_credit" | "montant_sens";
  /** "18", "21" or "22" when the header is one of the arrêté's forms, else "autre". */
  readonly variant: "18" | "21" | "22" | "autre";
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The header of a line, or undefined when the line is not a FEC header. */
export function readFecHeader(line: string): FecHeader | undefined {
  const tabs = line.split("\t").length;
  const pipes = line.split("|").length;
  const separator: FecSeparator = tabs >= pipes ? "\t" : "|";
  const names = line.split(separator);
  const index: Partial<Record<FecField, number>> = {};
  let known = 0;
  names.forEach((raw, i) => {
    const name = normalize(fieldText(raw, 0, raw.length));
    const field = (ALIASES[name] ?? (KNOWN.has(name) ? name : undefined)) as FecField | undefined;
    if (field !== undefined && index[field] === undefined) {
      index[field] = i;
      known++;
    }
  });
  const hasDebitCredit = index.debit !== undefined && index.credit !== undefined;
  const hasMontantSens = index.montant !== undefined && index.sens !== undefined;
  if (known < 5 || index.ecrituredate === undefined || index.comptenum === undefined || !(hasDebitCredit || hasMontantSens)) return undefined;
  const base = known - (index.datergl !== undefined ? 1 : 0) - (index.modergl !== undefined ? 1 : 0) - (index.natop !== undefined ? 1 : 0) - (index.idclient !== undefined ? 1 : 0);
  const extra = known - base;
  const named = names.filter((name) => name.trim() !== "").length;
  const variant = base === 18 && named === known ? (extra === 0 ? "18" : extra === 3 && index.idclient === undefined ? "21" : extra === 4 ? "22" : "autre") : "autre";
  return { separator, width: names.length, index, amounts: hasDebitCredit ? "debit_credit" : "montant_sens", variant };
}
