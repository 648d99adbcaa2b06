/**
 * The headline of issue 14, over generated FEC-shaped ledgers: a collections
 * tool never chases an invoice that was paid. Invoices on 411 (an auxiliary
 * account on the collective account, or a customer sub-account), paid in
 * full or in part under the invoice's piece (some lettered), credit notes
 * « Avoir sur facture F-… », payments on account, transfers to 416 with
 * payments booked there, lines after the chosen date, other accounts.
 *
 *  - per account: open items minus unimputed credits == debits − credits;
 *  - an invoice its named credits settle by the date is never an open item,
 *    nor a line of a case built from the « Créances » table;
 *  - the command (readFecFiles + openItemsAt) and the pane's worker
 *    (importFec) give the same open items and balance.
 */
import fc from "fast-check";
import { itemCells, CREANCES_COLUMNS } from "../../../src/core/books/creancesTable";
import { importFec } from "../../../src/core/books/importFec";
import { openItemsAt, readFecFiles } from "../../../src/core/books";
import { DEFAULT_TERMS } from "../../../src/core/books/openItems";
import { toEpochDay } from "../../../src/core/calendar";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import { detectColumns } from "../../../src/core/ledger/headers";
import { readInvoices } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";

const HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
const START = toEpochDay(2024, 1, 1);
const AT = toEpochDay(2024, 10, 31);
const book = RateBook.builtIn();

const ymd = (day: number) => {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
};
const amount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

const invoiceArb = fc.record({
  customer: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 0, max: 330 }),
  cents: fc.integer({ min: 100, max: 500_000 }),
  /** What happens to it: paid in full (maybe lettered), in part, a credit note naming it, transferred to 416 then paid there, nothing. */
  fate: fc.constantFrom("paid", "paidLettered", "partial", "creditNote", "transferredPaid", "transferred", "open"),
  /** Days until the payment, the credit note or the transfer (then as long again to a payment on 416). */
  delay: fc.integer({ min: 1, max: 120 }),
  share: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
});
const ledgerArb = fc.record({
  subAccounts: fc.boolean(),
  invoices: fc.array(invoiceArb, { minLength: 1, maxLength: 25 }),
  onAccount: fc.array(fc.record({ customer: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 330 }), cents: fc.integer({ min: 100, max: 200_000 }) }), { maxLength: 4 }),
});
type Ledger = typeof ledgerArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly text: string;
  /** Customer identity -> debits − credits up to AT. */
  readonly balances: Map<string, number>;
  /** Pieces of invoices their named credits settle by AT. */
  readonly settled: Set<string>;
}

function build(ledger: Ledger): Built {
  const rows: string[] = [HEADER];
  const balances = new Map<string, number>();
  const settled = new Set<string>();
  let entry = 0;
  const who = (c: number) => (ledger.subAccounts ? { account: `411CLI${c}`, doubtful: `416CLI${c}`, aux: "" } : { account: "41100000", doubtful: "41600000", aux: `C${c}` });
  const identity = (c: number) => (ledger.subAccounts ? `411CLI${c}` : `C${c}`);
  const line = (journal: string, num: number, day: number, account: string, aux: string, c: number, piece: string, label: string, signed: number, lettering = "") => {
    rows.push([journal, journal, num, ymd(day), account, "Clients", aux, aux ? `CLIENT ${c}` : "", piece, ymd(day), label, signed > 0 ? amount(signed) : "0,00", signed < 0 ? amount(-signed) : "0,00", lettering, "", "", "", ""].join("\t"));
    if (day <= AT) balances.set(identity(c), (balances.get(identity(c)) ?? 0) + signed);
  };
  ledger.invoices.forEach((invoice, i) => {
    const { account, doubtful, aux } = who(invoice.customer);
    const piece = `F-${i + 1}`;
    const day = START + invoice.day;
    const later = day + invoice.delay;
    line("VE", ++entry, day, account, aux, invoice.customer, piece, `Facture ${piece}`, invoice.cents);
    rows.push(["VE", "VE", entry, ymd(day), "70600000", "Ventes", "", "", piece, ymd(day), `Facture ${piece}`, "0,00", amount(invoice.cents), "", "", "", "", ""].join("\t"));
    const part = Math.max(1, Math.min(invoice.cents - 1, Math.round(invoice.cents * invoice.share)));
    switch (invoice.fate) {
      case "paid":
      case "paidLettered": {
        const code = invoice.fate === "paidLettered" ? `L${i}` : "";
        if (code) rows[rows.length - 2] = rows[rows.length - 2].replace(/\t\t\t\t\t$/, `\t${code}\t\t\t\t`);
        line("BQ", ++entry, later, account, aux, invoice.customer, piece, `Virement ${piece}`, -invoice.cents, code);
        if (later <= AT) settled.add(piece);
        break;
      }
      case "partial":
        line("BQ", ++entry, later, account, aux, invoice.customer, piece, `Virement ${piece}`, -part);
        break;
      case "creditNote":
        line("VE", ++entry, later, account, aux, invoice.customer, `AV-${i + 1}`, `Avoir sur facture ${piece}`, -invoice.cents);
        if (later <= AT) settled.add(piece);
        break;
      case "transferred":
      case "transferredPaid": {
        const transfer = ++entry;
        line("OD", transfer, later, account, aux, invoice.customer, `TR-${i + 1}`, "Transfert clients douteux", -invoice.cents);
        line("OD", transfer, later, doubtful, aux, invoice.customer, `TR-${i + 1}`, "Transfert clients douteux", invoice.cents);
        if (invoice.fate === "transferredPaid") {
          line("BQ", ++entry, later + invoice.delay, doubtful, aux, invoice.customer, piece, `Reglement ${piece}`, -invoice.cents);
          if (later + invoice.delay <= AT) settled.add(piece);
        }
        break;
      }
      case "open":
        break;
    }
  });
  ledger.onAccount.forEach((payment, k) => {
    const { account, aux } = who(payment.customer);
    line("BQ", ++entry, START + payment.day, account, aux, payment.customer, `ACPT-${k + 1}`, "Acompte", -payment.cents);
  });
  return { text: rows.join("\n") + "\n", balances, settled };
}

describe("no paid invoice is ever chased (generated FEC ledgers)", () => {
  test("open items == debits − credits per account; an invoice settled by its own credits is never open nor in a case; the command and the pane agree", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const { text, balances, settled } = build(ledger);
        // The command's path.
        const read = readFecFiles([{ name: "g.txt", bytes: text }]);
        const result = openItemsAt(read.lines, AT, { terms: DEFAULT_TERMS });
        for (const account of result.accounts) {
          const open = result.open.filter((i) => i.account === account.account).reduce((s, i) => s + i.remainingCents, 0);
          const unimputed = result.unimputedCredits.filter((c) => c.account === account.account).reduce((s, c) => s + c.remainingCents, 0);
          expect(open - unimputed).toBe(balances.get(account.account) ?? 0);
          expect(account.balanceCents).toBe(balances.get(account.account) ?? 0);
        }
        expect(result.accounts.map((a) => a.account).sort()).toEqual([...balances.keys()].sort());
        for (const item of result.open) expect(settled.has(item.piece)).toBe(false);

        // The pane's worker: same open items, same balance.
        const summary = importFec({ files: [{ name: "g.txt", bytes: new TextEncoder().encode(text) }], asOf: AT, terms: DEFAULT_TERMS });
        expect(summary.open).toEqual(result.open);
        expect(summary.balanceCents).toBe(result.balanceCents);

        // The « Créances » table the pane writes, read back as a list: no settled invoice among the cases.
        const header = CREANCES_COLUMNS.map((column) => column.header);
        const tableRows = summary.open.map((item) => {
          const cells = itemCells(item, { asOf: AT, terms: DEFAULT_TERMS });
          return CREANCES_COLUMNS.map((column) => {
            const value = cells[column.id];
            return typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
          });
        });
        const list = readInvoices({ headers: header, rows: tableRows, mapping: detectColumns(header).mapping, firstSheetRow: 2 });
        expect(list.rejectedRows).toEqual([]);
        expect(list.invoices.reduce((s, invoice) => s + invoice.montant, 0)).toBe(summary.openCents);
        const cases = buildCases(list.invoices, deriveState([], DEFAULT_SCENARIO), { scenario: DEFAULT_SCENARIO, book, today: AT }).cases;
        for (const c of cases) for (const line of [...c.lines, ...c.disputed]) expect(settled.has(line.invoice.numero)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
