/**
 * Bench of the per-column reading of amounts and dates (issue 14 §3): a
 * 100,000-row export typed as text (« 1.250,50 », « (50,00) », « 15/03/2025 »).
 * Deciding each column's convention costs one pass over the column; the
 * ratios below compare, in the same run:
 *   - column readers (decide, then read every cell) against reading the same
 *     cells one by one with no column (the lone-cell readers);
 *   - readInvoices on the text export against the same list as Excel numbers.
 *
 *   node --expose-gc test/bench/columns.mjs     (builds src/core with buildLib)
 *
 * Times are informative (a loaded machine moves them); the ratios are what
 * to watch: deciding a column should stay a small fraction of reading it.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildLib } from "./buildLib.mjs";

const require = createRequire(import.meta.url);
const lib = buildLib();
const columns = require(join(lib, "src/core/ledger/columnReaders.js"));
const { readInvoices } = require(join(lib, "src/core/ledger/invoiceRow.js"));
const { detectColumns } = require(join(lib, "src/core/ledger/headers.js"));

const ROWS = 100_000;
const pad = (n) => String(n).padStart(2, "0");
const frAmount = (cents) => {
  const euros = String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const text = `${euros},${pad(Math.abs(cents) % 100)}`;
  return cents < 0 ? `(${text})` : text;
};
const textRows = [];
const numberRows = [];
for (let i = 0; i < ROWS; i++) {
  const cents = i % 17 === 0 ? -((i * 37) % 50_000) - 1 : 1_000 + ((i * 7919) % 5_000_000);
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  const serial = 45658 + (i % 700);
  textRows.push([`Client ${i % 2_000}`, `F-${i}`, `${pad(day)}/${pad(month)}/2025`, `${pad(day)}/${pad(month)}/2026`, frAmount(Math.abs(cents))]);
  numberRows.push([`Client ${i % 2_000}`, `F-${i}`, serial, serial + 30, Math.abs(cents) / 100]);
}

function time(label, fn, rounds = 5) {
  fn(); // warm-up
  const times = [];
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(58)} ${median.toFixed(1).padStart(8)} ms`);
  return median;
}

let sink = 0;
const lone = time(`lone-cell readers, ${ROWS} amounts + ${ROWS} dates`, () => {
  for (const row of textRows) {
    sink += columns.readSignedAmount(row[4]);
    sink += columns.readDateIn(row[2]);
  }
});
const perColumn = time(`column readers (decide + read), same cells`, () => {
  const amount = columns.signedAmountColumn(textRows, 4);
  const date = columns.dateColumn(textRows, 2);
  for (const row of textRows) {
    sink += amount.read(row[4]);
    sink += date.read(row[2]);
  }
});
const decideOnly = time(`deciding the two columns only`, () => {
  sink += columns.amountConventionOf(textRows, 4).mixed ? 1 : 0;
  sink += columns.dateConventionOf(textRows, 2).ambiguous;
});

const headers = ["Client", "N° facture", "Date facture", "Échéance", "Montant"];
const mapping = detectColumns(headers).mapping;
const asNumbers = time(`readInvoices, ${ROWS} rows as Excel numbers`, () => {
  sink += readInvoices({ headers, rows: numberRows, mapping, firstSheetRow: 2 }).invoices.length;
});
const asText = time(`readInvoices, ${ROWS} rows as export text`, () => {
  sink += readInvoices({ headers, rows: textRows, mapping, firstSheetRow: 2 }).invoices.length;
});

console.log(`ratio column readers / lone-cell readers: ${(perColumn / lone).toFixed(2)}x (deciding: ${((decideOnly / perColumn) * 100).toFixed(0)} % of it)`);
console.log(`ratio readInvoices text / numbers: ${(asText / asNumbers).toFixed(2)}x`);
if (sink === 42) console.log("");
