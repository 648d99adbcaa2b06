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
import { TextDecoder } from "node:util";
import { join } from "node:path";
import { buildLib } from "./buildLib.mjs";
import { generateFec } from "./fecSample.mjs";

const require = createRequire(import.meta.url);
const lib = buildLib();
const { readFec, openItemsAt } = require(join(lib, "src/core/books/index.js"));
const { toEpochDay } = require(join(lib, "src/core/calendar.js"));

const LINES = 300_000;

const bytes = generateFec(LINES);
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
