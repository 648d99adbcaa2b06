/**
 * Open items at a date, from the lines of the books (issue 14). Entry point
 * for every reader: the FEC (./fec), an export or a hand-kept list.
 *
 *   const { open, unimputedCredits, accounts, notices } = openItemsAt(lines, day, { terms });
 *
 * Per account (the customer's identity; names are labels):
 *  0. transfers 411 -> 416 are set aside (./reclassify.ts): the debts keep
 *     their invoices' dates;
 *  1. lines dated after `at` are left out (counted in a notice);
 *  2. a lettered group (account, ledger account, code) whose lines net to
 *     zero is settled: its debits are settled by its credits, dated;
 *     a group that does not net is reported and its lines are imputed like
 *     unlettered ones (a group completed after `at` does not net at `at`:
 *     that is normal and not reported);
 *  3. the other credits are imputed (./impute): to the piece they name, then
 *     to the oldest open debits; what is left is an unimputed credit;
 *  4. an account whose credits exceed its debits is « créditeur »: no open
 *     item, never chased.
 * Every line ends as an open item, a settled one, a (partly) imputed or
 * unimputed credit, or in a notice: `counts` adds up to the lines given.
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import { describePaymentTerms, dueDate, type PaymentTerms } from "../terms";
import { impute, type DebitState } from "./impute";
import { accountNames, cleanName } from "./names";
import { findReclassifications } from "./reclassify";
import { NoticeCounter, type BookNotice } from "./report";
import type { AccountBalance, BookLine, LineSource, OpenItem, UnimputedCredit } from "./types";

/** The terms a FEC import assumes when the user chooses none (L441-10 I default). */
export const DEFAULT_TERMS: PaymentTerms = { kind: "days", days: 30 };

export interface OpenItemsOptions {
  /** Terms for lines without a due date (assumed, and shown so). Default 30 days. */
  readonly terms?: PaymentTerms;
  /** Per-account terms (a terms column kept per client), before `terms`. */
  readonly termsByAccount?: ReadonlyMap<string, PaymentTerms>;
}

export interface OpenItemsCounts {
  /** Lines given. */
  readonly lines: number;
  readonly afterDate: number;
  /** Debit lines still (partly) owed / fully settled at the date. */
  readonly openDebits: number;
  readonly settledDebits: number;
  /** Credit lines wholly imputed / with something left unimputed. */
  readonly imputedCredits: number;
  readonly unimputedCredits: number;
  /** Lines of transfers 411 -> 416: a reclassification, neither debt nor payment. */
  readonly reclassified: number;
}

export interface OpenItemsResult {
  readonly at: EpochDay;
  /** Debits still owed, by account then date. */
  readonly open: OpenItem[];
  /** Debits settled by the date (remainingCents 0), kept for re-imports and penalties on late payments. */
  readonly settled: OpenItem[];
  readonly unimputedCredits: UnimputedCredit[];
  /** Every account with a line up to the date, sorted by account. */
  readonly accounts: AccountBalance[];
  /** Open debits minus unimputed credits, in cents: the net balance of the accounts. */
  readonly balanceCents: Cents;
  readonly counts: OpenItemsCounts;
  readonly notices: BookNotice[];
}

interface SpellingCount {
  readonly name: string;
  count: number;
  /** Its first line. */
  source: LineSource;
}

interface AccountEntry {
  readonly lines: BookLine[];
  readonly names: Map<string, SpellingCount>;
  last: SpellingCount | undefined;
}

function compareSources(a: LineSource, b: LineSource): number {
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line;
}

function groupKey(line: BookLine): string {
  return `${line.ledgerAccount ?? ""}\u0000${line.lettering}`;
}

export function openItemsAt(lines: readonly BookLine[], at: EpochDay, options: OpenItemsOptions = {}): OpenItemsResult {
  const defaultTerms = options.terms ?? DEFAULT_TERMS;
  const counter = new NoticeCounter();
  const notices: BookNotice[] = [];
  const byAccount = new Map<string, AccountEntry>();
  const namesByAccount = new Map<string, Map<string, number>>();
  const cleanedAccounts = new Map<string, BookNotice>();
  // Lettered groups that net over every line given (also after `at`): one that does not is reported.
  const groupTotals = new Map<string, number>();
  let afterDate = 0;
  const reclassification = findReclassifications(lines);
  const accountOf = reclassification.accountOf;
  const reclassified = reclassification.lines;
  let reclassifiedCount = 0;

  for (const line of lines) {
    const account = accountOf.size === 0 ? line.account : (accountOf.get(line.account) ?? line.account);
    if (line.lettering) {
      const key = `${account}\u0000${groupKey(line)}`;
      groupTotals.set(key, (groupTotals.get(key) ?? 0) + line.signedCents);
    }
    if (line.date > at) {
      afterDate++;
      counter.add("apres_date", line.source.file, line.source.line, line.signedCents);
      continue;
    }
    if (reclassified.size > 0 && reclassified.has(line)) {
      reclassifiedCount++;
      if (line.signedCents > 0) counter.add("reclassement_douteux", line.source.file, line.source.line, line.signedCents);
    }
    let entry = byAccount.get(account);
    if (!entry) byAccount.set(account, (entry = { lines: [], names: new Map(), last: undefined }));
    entry.lines.push(line);
    // Names are counted as written and cleaned once per distinct spelling, after the loop.
    // An account's lines mostly repeat one spelling: compared to the last one before any hashing.
    let seen = entry.last !== undefined && entry.last.name === line.name ? entry.last : entry.names.get(line.name);
    if (!seen) entry.names.set(line.name, (seen = { name: line.name, count: 0, source: line.source }));
    seen.count++;
    if (compareSources(line.source, seen.source) < 0) seen.source = line.source;
    entry.last = seen;
  }
  for (const [account, { names }] of byAccount) {
    const counts = new Map<string, number>();
    let damaged: BookNotice | undefined;
    for (const [raw, { count, source }] of names) {
      const clean = cleanName(raw);
      counts.set(clean.name, (counts.get(clean.name) ?? 0) + count);
      if (clean.cleaned && (!damaged || compareSources(source, damaged.source as LineSource) < 0)) {
        damaged = { code: "nom_nettoye", account, source, detail: `${raw} -> ${clean.name}` };
      }
    }
    namesByAccount.set(account, counts);
    if (damaged) cleanedAccounts.set(account, damaged);
  }
  const { labels, notices: nameNotices } = accountNames(namesByAccount);
  for (const account of [...cleanedAccounts.keys()].sort()) notices.push(cleanedAccounts.get(account) as BookNotice);

  const open: OpenItem[] = [];
  const settled: OpenItem[] = [];
  const unimputedCredits: UnimputedCredit[] = [];
  const accounts: AccountBalance[] = [];
  let balanceCents = 0;
  let openDebits = 0;
  let settledDebits = 0;
  let imputedCredits = 0;
  let unimputedCount = 0;

  for (const account of [...byAccount.keys()].sort()) {
    const accountLines = (byAccount.get(account) as { lines: BookLine[] }).lines;
    const name = labels.get(account) ?? "";
    const terms = options.termsByAccount?.get(account) ?? defaultTerms;
    const termsLabel = describePaymentTerms(terms);

    // Lettered groups at the date; the other lines split into debits and credits.
    let groups: Map<string, BookLine[]> | undefined;
    const looseDebits: BookLine[] = [];
    const looseCredits: BookLine[] = [];
    let balance = 0;
    for (const line of accountLines) {
      balance += line.signedCents;
      // A transfer's lines net to zero in the balance and are no debt nor payment of their own.
      if (reclassified.size > 0 && reclassified.has(line)) continue;
      if (!line.lettering) (line.signedCents > 0 ? looseDebits : looseCredits).push(line);
      else {
        const key = groupKey(line);
        if (!groups) groups = new Map();
        const group = groups.get(key);
        if (group) group.push(line);
        else groups.set(key, [line]);
      }
    }
    let states: DebitState[] = [];
    const sortedGroups = groups ? [...groups.keys()].sort() : [];
    for (const key of sortedGroups) {
      const group = (groups as Map<string, BookLine[]>).get(key) as BookLine[];
      let sum = 0;
      for (const line of group) sum += line.signedCents;
      if (sum === 0) {
        const { debits } = impute(group.filter((l) => l.signedCents > 0), group.filter((l) => l.signedCents < 0));
        states.push(...debits);
        imputedCredits += group.filter((l) => l.signedCents < 0).length;
        continue;
      }
      if (groupTotals.get(`${account}\u0000${key}`) !== 0) {
        const first = group.reduce((a, b) => (compareSources(b.source, a.source) < 0 ? b : a));
        notices.push({ code: "lettrage_non_solde", account, source: first.source, cents: sum, detail: group[0].lettering });
      }
      for (const line of group) (line.signedCents > 0 ? looseDebits : looseCredits).push(line);
    }
    const { debits, credits } = impute(looseDebits, looseCredits);
    states = states.length === 0 ? debits : states.concat(debits);
    for (const credit of credits) {
      if (credit.remaining === 0) {
        imputedCredits++;
        continue;
      }
      unimputedCount++;
      const line = credit.line;
      unimputedCredits.push({
        account, name, piece: line.piece, date: line.date, kind: line.kind,
        originalCents: -line.signedCents, remainingCents: credit.remaining, source: line.source,
      });
    }

    states.sort((a, b) => a.line.date - b.line.date || compareSources(a.line.source, b.line.source));
    for (const state of states) {
      const line = state.line;
      const hasSourceDue = line.dueDate !== undefined;
      // One shape for every item (absent values undefined).
      const item: OpenItem = {
        account,
        name,
        piece: line.piece,
        // The document's date when the line has one (an opening entry detailed per invoice keeps the invoice's date).
        date: line.documentDate ?? line.date,
        dueDate: hasSourceDue ? line.dueDate : dueDate(line.documentDate ?? line.date, terms),
        dueDateSource: hasSourceDue ? "source" : "assumed",
        assumedTerms: hasSourceDue ? undefined : termsLabel,
        kind: line.kind,
        originalCents: line.signedCents,
        remainingCents: state.remaining,
        settlements: state.settlements,
        lettering: line.lettering || undefined,
        sources: [line.source],
      };
      if (state.remaining > 0) {
        open.push(item);
        openDebits++;
      } else {
        settled.push(item);
        settledDebits++;
      }
    }
    const status = balance > 0 ? "debiteur" : balance < 0 ? "crediteur" : "solde";
    if (status === "crediteur") notices.push({ code: "solde_crediteur", account, cents: balance });
    accounts.push({ account, name, balanceCents: balance, status, nameCleaned: cleanedAccounts.has(account) });
    balanceCents += balance;
  }
  if (unimputedCount > 0) {
    let cents = 0;
    for (const credit of unimputedCredits) cents += credit.remainingCents;
    notices.push({ code: "credit_non_impute", count: unimputedCount, cents });
  }

  return {
    at,
    open,
    settled,
    unimputedCredits,
    accounts,
    balanceCents,
    counts: { lines: lines.length, afterDate, openDebits, settledDebits, imputedCredits, unimputedCredits: unimputedCount, reclassified: reclassifiedCount },
    notices: [...counter.notices(), ...notices, ...nameNotices],
  };
}
