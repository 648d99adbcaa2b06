/**
 * npm run bench, FEC part (issue 14): a 300,000-line FEC, generated here
 * deterministically (sales, payments, purchases, bank; about a third of the
 * lines on customer accounts), read to open items at a date, as a ratio to
 * merely reading it: decoding its bytes and splitting its lines (and, second
 * baseline, its fields), in the same run. Target: ratio <= 3. Also the peak
 * memory (resident set) and the heap the result holds.
 *
 * Runs core compiled by test/bench/buildLib.mjs (transpile only, as webpack
 * does); `node --expose-gc test/bench/fec.mjs`.
 */
import { createRequire } from "node:module";
import { TextDecoder, TextEncoder } from "node:util";
import { join } from "node:path";
import { buildLib } from "./buildLib.mjs";

const require = createRequire(import.meta.url);
const lib = buildLib();
const { readFec, openItemsAt } = require(join(lib, "src/core/books/index.js"));
const { toEpochDay } = require(join(lib, "src/core/calendar.js"));

const LINES = 300_000;
const CUSTOMERS = 2_000;
const HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const amount = (cents) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
const ymd = (day) => {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
};

function generate() {
  const rows = [HEADER];
  const start = toEpochDay(2024, 1, 1);
  let entry = 0;
  const open = []; // [customer, piece, cents] invoices not yet paid
  while (rows.length <= LINES) {
    entry++;
    const day = start + Math.floor((entry / LINES) * 3 * 365);
    const date = ymd(day);
    const r = random();
    if (r < 0.4) {
      // A sale: customer debit, revenue and VAT credits.
      const c = Math.floor(random() * CUSTOMERS);
      const ht = 1000 + Math.floor(random() * 500_000);
      const tva = Math.round(ht / 5);
      const piece = `F${entry}`;
      const aux = `C${String(c).padStart(5, "0")}`;
      rows.push(`VE\tVentes\t${entry}\t${date}\t41100000\tClients\t${aux}\tCLIENT ${c} SARL\t${piece}\t${date}\tFacture ${piece}\t${amount(ht + tva)}\t0,00\t\t\t\t\t`);
      rows.push(`VE\tVentes\t${entry}\t${date}\t70600000\tPrestations\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${amount(ht)}\t\t\t\t\t`);
      rows.push(`VE\tVentes\t${entry}\t${date}\t44571000\tTVA collectee\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${amount(tva)}\t\t\t\t\t`);
      open.push([aux, c, piece, ht + tva]);
    } else if (r < 0.7 && open.length > 0) {
      // A payment, under the invoice's piece, sometimes partial.
      const [aux, c, piece, cents] = open.splice(Math.floor(random() * open.length), 1)[0];
      const paid = random() < 0.15 ? Math.floor(cents / 2) : cents;
      rows.push(`BQ\tBanque\t${entry}\t${date}\t41100000\tClients\t${aux}\tCLIENT ${c} SARL\t${piece}\t${date}\tVirement ${piece}\t0,00\t${amount(paid)}\t\t\t\t\t`);
      rows.push(`BQ\tBanque\t${entry}\t${date}\t51200000\tBanque\t\t\t${piece}\t${date}\tVirement ${piece}\t${amount(paid)}\t0,00\t\t\t\t\t`);
    } else {
      // A purchase: expense, VAT, supplier.
      const ht = 500 + Math.floor(random() * 200_000);
      const tva = Math.round(ht / 5);
      rows.push(`AC\tAchats\t${entry}\t${date}\t60100000\tAchats\t\t\tA${entry}\t${date}\tFacture fournisseur\t${amount(ht)}\t0,00\t\t\t\t\t`);
      rows.push(`AC\tAchats\t${entry}\t${date}\t44566000\tTVA deductible\t\t\tA${entry}\t${date}\tFacture fournisseur\t${amount(tva)}\t0,00\t\t\t\t\t`);
      rows.push(`AC\tAchats\t${entry}\t${date}\t40100000\tFournisseurs\tF0001\tFOURNISSEUR\tA${entry}\t${date}\tFacture fournisseur\t0,00\t${amount(ht + tva)}\t\t\t\t\t`);
    }
  }
  return new TextEncoder().encode(rows.slice(0, LINES + 1).join("\r\n") + "\r\n");
}

const bytes = generate();
if (process.env.FEC_BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.FEC_BENCH_DUMP, bytes);
const at = toEpochDay(2026, 12, 31);

function readOnly() {
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.split("\n").length;
}
function readAndSplitFields() {
  const text = new TextDecoder("utf-8").decode(bytes);
  let fields = 0;
  for (const line of text.split("\n")) fields += line.split("\t").length;
  return fields;
}
let result;
function toOpenItems() {
  const read = readFec(bytes, "bench.txt");
  result = openItemsAt(read.lines, at);
  return result.open.length;
}

function once(fn) {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const ROUNDS = 7;
const samples = [[], [], []];
for (let round = 0; round < ROUNDS + 1; round++) {
  const times = [once(readOnly), once(readAndSplitFields), once(toOpenItems)];
  if (round > 0) times.forEach((t, i) => samples[i].push(t)); // round 0 warms up
}
const [lines, fields, full] = samples.map((list) => ({ best: Math.min(...list), median: median(list) }));

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
result = undefined;
globalThis.gc?.();
const heapWithout = process.memoryUsage().heapUsed;
toOpenItems();
globalThis.gc?.();
const heapWith = process.memoryUsage().heapUsed;

const fmt = (n, d = 1) => n.toFixed(d);
const mb = (n) => `${fmt(n / 1048576)} Mo`;
console.log(`FEC bench: ${LINES.toLocaleString("fr-FR")} lines, ${mb(bytes.length)}, ${result.counts.lines} customer lines, ${result.open.length} open items, ${result.accounts.length} accounts`);
console.log(`  read + split lines:          ${fmt(lines.best)} ms (median ${fmt(lines.median)})`);
console.log(`  read + split lines + fields: ${fmt(fields.best)} ms (median ${fmt(fields.median)})`);
console.log(`  FEC -> open items:           ${fmt(full.best)} ms (median ${fmt(full.median)})`);
console.log(`  ratio open items / read + split lines:  ${fmt(full.best / lines.best, 2)} (target <= 3; medians ${fmt(full.median / lines.median, 2)})`);
console.log(`  ratio open items / read + split fields: ${fmt(full.best / fields.best, 2)} (medians ${fmt(full.median / fields.median, 2)})`);
console.log(`  peak memory (resident set, whole run): ${mb(process.resourceUsage().maxRSS * 1024)}; heap held by the result: ${mb(heapWith - heapWithout)} (heap before ${mb(heapBefore)})`);
