/**
 * The books (issue 14): the public entry points.
 *
 *   const fec = readFec(bytes, "123456789FEC20241231.txt");   // or readFecFiles(parts)
 *   const items = openItemsAt(fec.lines, day, { terms });     // open, settled, unimputed credits, accounts
 *   describeNotice(notice)                                   // French text of a report line
 *
 * Amounts are integer cents, dates epoch days (../calendar).
 */
export * from "./types";
export type { BookNotice, BookNoticeCode } from "./report";
export { openItemsAt, DEFAULT_TERMS, type OpenItemsOptions, type OpenItemsResult, type OpenItemsCounts } from "./openItems";
export { cleanName } from "./names";
export { readFec, readFecFiles, isLineNotice, type FecInput, type FecRead, type FecReport, type FecFileReport, type DailySales } from "./fec/readFec";
export { describeNotice, NOTICE_TITLES, DSO_METHOD_LABELS } from "./messages/fr";
export { dsoFromBooks, monthlyRevenueOf, type BooksDso, type BooksRevenueBasis } from "./dso";
export { summarizeImport, type ImportSummary } from "./importSummary";
