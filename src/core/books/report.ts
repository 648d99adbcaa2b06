/**
 * What an import says about the lines it read (issue 14): nothing is dropped
 * silently. Every line read ends as an open item, a settled one, or in a
 * notice with its reason. Notices carry a code and data, never prose: the
 * French wording lives in ./messages/fr.ts, so that the pane, the CLI and the
 * « Créances » sheet all say the same thing.
 */
import type { Cents } from "../money";
import type { LineSource } from "./types";

export type BookNoticeCode =
  // Reading a file (FEC)
  | "entete_introuvable" // no FEC header in the file: the file is not read
  | "entete_repete" // a header repeated (split files): skipped
  | "ligne_vide" // blank lines: skipped
  | "champs_manquants" // fewer fields than the header: line not read
  | "date_illisible"
  | "montant_illisible"
  | "sens_illisible"
  | "debit_et_credit" // both Debit and Credit filled: line not read
  | "montant_nul" // a zero line: nothing to collect, counted
  | "compte_vide" // no account number: not a customer line we can place
  | "autre_compte" // lines of other accounts (sales, VAT, bank…): counted only
  | "compte_418" // invoices still to issue: not chased
  | "compte_419" // customers' advances: a debt of the company, not chased
  // Open items
  | "apres_date" // lines dated after the chosen date: not counted at that date
  | "reclassement_douteux" // transfers 411 -> 416 (doubtful customers): the debts keep their invoices' dates
  | "lettrage_non_solde" // a lettered group that does not net: its lines are imputed like unlettered ones
  | "credit_non_impute" // a credit no open debit could take
  | "solde_crediteur" // an account whose credits exceed its debits: never chased
  // Names
  | "nom_nettoye" // control characters or broken encoding removed from a name
  | "noms_multiples" // two names on one account
  | "nom_sur_plusieurs_comptes"; // one name on two accounts

export interface BookNotice {
  readonly code: BookNoticeCode;
  /** The line concerned (the first one for a counted notice). */
  readonly source?: LineSource;
  readonly account?: string;
  /** How many lines the notice stands for (counted notices). */
  readonly count?: number;
  readonly cents?: Cents;
  /** The value at fault, names involved, the lettering code… */
  readonly detail?: string;
}

interface CountedEntry {
  line: number;
  detail: string | undefined;
  count: number;
  cents: number;
}

/**
 * Counted notices, one per code and file, standing for all their lines (the
 * first line of the file is named, whatever order the lines came in). Adding
 * allocates nothing: most lines of a FEC end here.
 */
export class NoticeCounter {
  private readonly byCode = new Map<BookNoticeCode, Map<string, CountedEntry>>();

  // Consecutive lines mostly end in the same notice of the same file: its entry is kept at hand.
  private lastCode: BookNoticeCode | undefined;
  private lastFile = "";
  private lastEntry: CountedEntry | undefined;

  add(code: BookNoticeCode, file: string, line: number, cents = 0, detail?: string): void {
    let entry = code === this.lastCode && file === this.lastFile ? this.lastEntry : undefined;
    if (entry === undefined) {
      let byFile = this.byCode.get(code);
      if (!byFile) this.byCode.set(code, (byFile = new Map()));
      entry = byFile.get(file);
      this.lastCode = code;
      this.lastFile = file;
      if (!entry) {
        byFile.set(file, (this.lastEntry = { line, detail, count: 1, cents }));
        return;
      }
      this.lastEntry = entry;
    }
    entry.count++;
    entry.cents += cents;
    if (line < entry.line) {
      entry.line = line;
      entry.detail = detail;
    }
  }

  notices(): BookNotice[] {
    const notices: BookNotice[] = [];
    for (const [code, byFile] of this.byCode) {
      for (const [file, { line, detail, count, cents }] of byFile) {
        notices.push({ code, source: { file, line }, count, ...(cents !== 0 && { cents }), ...(detail !== undefined && { detail }) });
      }
    }
    return notices;
  }
}
