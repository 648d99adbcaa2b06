/**
 * A FEC import as the pane runs it (in a Web Worker): the files read by the
 * FEC reader, the open items at the chosen date, and a report of what was
 * read, imputed and left aside, with the reason for each line left aside.
 *
 * Everything here is data: the pane lays it out, the French wording of each
 * notice comes from the reader's catalogue (messages/fr.ts).
 */
import type { EpochDay } from "../calendar";
import type { Cents } from "../money";
import type { PaymentTerms } from "../terms";
import { dsoFromBooks, type BooksDso } from "./dso";
import { readFecFiles, type FecFileReport, type FecInput, type FecReadProgress } from "./fec/readFec";
import { describeNotice, NOTICE_TITLES } from "./messages/fr";
import { openItemsAt, type OpenItemsCounts } from "./openItems";
import type { BookNotice, BookNoticeCode } from "./report";
import type { OpenItem } from "./types";

export interface FecImportInput {
  /** The parts of one FEC (a split file repeats its header), or one file. */
  readonly files: readonly FecInput[];
  readonly asOf: EpochDay;
  /** Terms for due dates the FEC does not give (all of them): assumed, and shown so. */
  readonly terms: PaymentTerms;
  /** Terms a client's rows of the « Créances » table already give. */
  readonly termsByAccount?: ReadonlyMap<string, PaymentTerms>;
}

export type FecImportStep = "lecture" | "creances";

/** Notices of one kind: how many lines, how much, and each notice described. */
export interface NoticeGroup {
  readonly code: BookNoticeCode;
  readonly title: string;
  /** Lines (or accounts, groups) the notices stand for. */
  readonly count: number;
  readonly cents: Cents;
  readonly details: readonly string[];
}

export interface FecImportSummary {
  readonly asOf: EpochDay;
  readonly files: readonly FecFileReport[];
  readonly linesRead: number;
  /** Lines of customer accounts (411, 416). */
  readonly customerLines: number;
  readonly counts: OpenItemsCounts;
  readonly open: readonly OpenItem[];
  readonly openCents: Cents;
  /** Open debits minus unimputed credits: the net balance of the customer accounts. */
  readonly balanceCents: Cents;
  /** Accounts that owe something / whose credits exceed their debits. */
  readonly debtorAccounts: number;
  readonly creditorAccounts: number;
  readonly unimputedCents: Cents;
  /** DSO from the revenue the FEC records (undefined when it records none); its method is DSO_METHOD_LABELS[dso.basis]. */
  readonly dso?: BooksDso;
  /** Reading and imputation notices, grouped by kind, in the catalogue's order. */
  readonly notices: readonly NoticeGroup[];
}

const CODE_ORDER = Object.keys(NOTICE_TITLES) as BookNoticeCode[];

export function groupNotices(notices: readonly BookNotice[]): NoticeGroup[] {
  const groups = new Map<BookNoticeCode, { count: number; cents: number; details: string[] }>();
  for (const notice of notices) {
    let group = groups.get(notice.code);
    if (!group) groups.set(notice.code, (group = { count: 0, cents: 0, details: [] }));
    group.count += notice.count ?? 1;
    group.cents += notice.cents ?? 0;
    group.details.push(describeNotice(notice));
  }
  return CODE_ORDER.filter((code) => groups.has(code)).map((code) => {
    const group = groups.get(code)!;
    return { code, title: NOTICE_TITLES[code], count: group.count, cents: group.cents, details: group.details };
  });
}

/**
 * Reads the files and computes the open items; `step` is told when each
 * phase starts, `reading` how far the reading is, chunk of lines by chunk.
 */
export function importFec(input: FecImportInput, step: (phase: FecImportStep) => void = () => undefined, reading?: FecReadProgress): FecImportSummary {
  step("lecture");
  const read = readFecFiles(input.files, reading);
  step("creances");
  const result = openItemsAt(read.lines, input.asOf, { terms: input.terms, ...(input.termsByAccount && { termsByAccount: input.termsByAccount }) });
  let openCents = 0;
  for (const item of result.open) openCents += item.remainingCents;
  let unimputedCents = 0;
  for (const credit of result.unimputedCredits) unimputedCents += credit.remainingCents;
  const dso = dsoFromBooks(read.sales, result.balanceCents, input.asOf);
  return {
    asOf: input.asOf,
    files: read.report.files,
    linesRead: read.report.linesRead,
    customerLines: read.report.customerLines,
    counts: result.counts,
    open: result.open,
    openCents,
    balanceCents: result.balanceCents,
    debtorAccounts: result.accounts.filter((account) => account.status === "debiteur").length,
    creditorAccounts: result.accounts.filter((account) => account.status === "crediteur").length,
    unimputedCents,
    ...(dso && { dso }),
    notices: groupNotices([...read.report.notices, ...result.notices]),
  };
}
