/**
 * npm run bench, FEC in Chromium (issue 14): the pane's import worker as
 * built (dist/fec-import.js) reads a 300,000-line FEC to open items, as a
 * ratio to a worker that merely decodes the same bytes and splits their
 * lines (and, second baseline, their fields), in the same page and the same
 * run. Target: ratio <= 3. Also the page's JS heap after the import (the
 * worker's memory is given back when it ends) and the size of the result the
 * worker posts back.
 *
 * The FEC is generated here, deterministically: sales to 2,000 customers on a
 * collective account, payments under the invoice's piece (some partial, most
 * lettered with their invoice), credit notes, purchases and bank lines.
 *
 *   npm run build && node test/bench/fecWorker.mjs
 */
/* global Buffer, URL, fetch, Blob, Worker, performance -- Node globals, and the page.evaluate callbacks run in the browser */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import browserSupport from "../support/browser.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
if (!existsSync(join(dist, "fec-import.js"))) {
  console.error("dist/fec-import.js is missing: run `npm run build` first.");
  process.exit(1);
}

const LINES = 300_000;
const CUSTOMERS = 2_000;
const HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

function generate() {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const amount = (cents) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
  const ymd = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
  const letters = (n) => String.fromCharCode(65 + Math.floor(n / 676) % 26, 65 + Math.floor(n / 26) % 26, 65 + (n % 26));
  const rows = [HEADER];
  const start = Math.floor(Date.UTC(2024, 0, 1) / 86_400_000);
  const open = [];
  let entry = 0;
  let lettering = 0;
  const line = (j, date, account, aux, name, piece, label, debit, credit, code = "") =>
    rows.push(`${j}\t${j}\t${entry}\t${date}\t${account}\t\t${aux}\t${name}\t${piece}\t${date}\t${label}\t${debit}\t${credit}\t${code}\t\t\t\t`);
  while (rows.length <= LINES) {
    entry++;
    const date = ymd(start + Math.floor((entry / LINES) * 2 * 365));
    const r = random();
    if (r < 0.4) {
      const c = Math.floor(random() * CUSTOMERS);
      const ht = 1000 + Math.floor(random() * 400_000);
      const tva = Math.round(ht / 5);
      const aux = `C${String(c).padStart(5, "0")}`;
      const at = rows.length;
      line("VE", date, "41100000", aux, `CLIENT ${c}`, `F${entry}`, "Facture", amount(ht + tva), "0,00");
      line("VE", date, "70600000", "", "", `F${entry}`, "Facture", "0,00", amount(ht));
      line("VE", date, "44571000", "", "", `F${entry}`, "Facture", "0,00", amount(tva));
      open.push({ aux, c, piece: `F${entry}`, cents: ht + tva, at });
    } else if (r < 0.7 && open.length > 0) {
      const invoice = open.splice(Math.floor(random() * open.length), 1)[0];
      const partial = random() < 0.15;
      const paid = partial ? Math.floor(invoice.cents / 2) : invoice.cents;
      // Most full payments are lettered with their invoice (the code goes back on the invoice's line).
      const code = !partial && random() < 0.8 ? letters(lettering++ % 17_576) : "";
      if (code) rows[invoice.at] = rows[invoice.at].replace(/\t\t\t\t\t$/, `\t${code}\t\t\t\t`);
      const credit = random() < 0.05;
      line(credit ? "VE" : "BQ", date, "41100000", invoice.aux, `CLIENT ${invoice.c}`, credit ? `AV${entry}` : invoice.piece, credit ? "Avoir" : "Virement", "0,00", amount(paid), code);
      line(credit ? "VE" : "BQ", date, credit ? "70600000" : "51200000", "", "", invoice.piece, "Contrepartie", amount(paid), "0,00");
    } else {
      const ht = 500 + Math.floor(random() * 200_000);
      line("AC", date, "60100000", "", "", `A${entry}`, "Achat", amount(ht), "0,00");
      line("AC", date, "40100000", "F0001", "FOURNISSEUR", `A${entry}`, "Achat", "0,00", amount(ht));
    }
  }
  return Buffer.from(rows.slice(0, LINES + 1).join("\r\n") + "\r\n", "utf8");
}

const fec = generate();
// FEC_WORKER_DUMP=path writes the generated FEC, to run it through something else.
if (process.env.FEC_WORKER_DUMP) (await import("node:fs")).writeFileSync(process.env.FEC_WORKER_DUMP, fec);
const PAGE = "<!doctype html><meta charset=utf-8><title>bench</title>";
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  if (path === "/bench.html") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  if (path === "/fec.txt") return res.writeHead(200, { "content-type": "application/octet-stream" }).end(fec);
  if (path === "/fec-import.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(join(dist, "fec-import.js")));
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await browserSupport.launchChromium({ args: ["--enable-precise-memory-info"] });

try {
  const page = await browser.newPage();
  await page.goto(base + "bench.html");
  const result = await page.evaluate(async ({ rounds, asOf }) => {
    const bytes = await (await fetch("/fec.txt")).arrayBuffer();
    // The baselines: a worker that only decodes and splits lines (or lines and fields).
    const baselineSource = `onmessage = (e) => {
      const text = new TextDecoder("utf-8").decode(new Uint8Array(e.data.bytes));
      const lines = text.split("\\n");
      let fields = 0;
      if (e.data.fields) for (const line of lines) fields += line.split("\\t").length;
      postMessage({ lines: lines.length, fields });
    };`;
    const baselineUrl = URL.createObjectURL(new Blob([baselineSource], { type: "text/javascript" }));
    const time = (url, message) =>
      new Promise((resolve, reject) => {
        const copy = bytes.slice(0);
        const worker = new Worker(url);
        const t0 = performance.now();
        worker.onmessage = (event) => {
          if (event.data && (event.data.type === "phase" || event.data.type === "progress")) return;
          const ms = performance.now() - t0;
          worker.terminate();
          if (event.data && event.data.type === "failed") reject(new Error(event.data.message));
          else resolve({ ms, data: event.data });
        };
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage({ ...message(copy) }, [copy]);
      });
    const samples = { lines: [], fields: [], full: [] };
    let summary;
    for (let round = 0; round <= rounds; round++) {
      const lines = await time(baselineUrl, (copy) => ({ bytes: copy, fields: false }));
      const fields = await time(baselineUrl, (copy) => ({ bytes: copy, fields: true }));
      const full = await time("/fec-import.js", (copy) => ({ files: [{ name: "bench.txt", bytes: copy }], asOf, terms: { kind: "days", days: 30 }, termsByAccount: [] }));
      summary = full.data.summary;
      if (round === 0) continue; // warm-up
      samples.lines.push(lines.ms);
      samples.fields.push(fields.ms);
      samples.full.push(full.ms);
    }
    const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
    return {
      samples,
      bytes: bytes.byteLength,
      heap,
      posted: JSON.stringify(summary).length,
      open: summary.open.length,
      customerLines: summary.customerLines,
      linesRead: summary.linesRead,
    };
  }, { rounds: 5, asOf: Math.floor(Date.UTC(2025, 11, 31) / 86_400_000) });

  const best = (list) => Math.min(...list);
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const fmt = (n, d = 1) => n.toFixed(d);
  const mb = (n) => `${fmt(n / 1048576)} Mo`;
  const { lines, fields, full } = result.samples;
  console.log(`FEC in Chromium (pane worker dist/fec-import.js): ${result.linesRead.toLocaleString("fr-FR")} lines, ${mb(result.bytes)}, ${result.customerLines} customer lines, ${result.open} open items`);
  console.log(`  worker: decode + split lines:          ${fmt(best(lines))} ms (median ${fmt(median(lines))})`);
  console.log(`  worker: decode + split lines + fields: ${fmt(best(fields))} ms (median ${fmt(median(fields))})`);
  console.log(`  worker: FEC -> open items + report:    ${fmt(best(full))} ms (median ${fmt(median(full))})`);
  console.log(`  ratio open items / split lines:  ${fmt(best(full) / best(lines), 2)} (target <= 3; medians ${fmt(median(full) / median(lines), 2)})`);
  console.log(`  ratio open items / split fields: ${fmt(best(full) / best(fields), 2)} (medians ${fmt(median(full) / median(fields), 2)})`);
  console.log(`  result posted to the pane: ${mb(result.posted)} as JSON; page JS heap afterwards: ${result.heap ? mb(result.heap) : "n/a"}`);
} finally {
  await browser.close();
  server.close();
}
