/**
 * Pane speed (issue 4, "Speed"): the built pane (dist/) in Debian's Chromium
 * under the Office host double, on 2,000 and 20,000 selected invoice rows
 * (about 200 and 2,000 clients).
 *
 * For each size it prints:
 * - click → cases: from the click on « Analyser la sélection » to the
 *   per-client cases on screen (the summary line, role=status, and the first
 *   case card rendered; taken at the first animation frame that has both);
 * - read only: a bare Excel.run that loads the same range's values, the
 *   floor any pane pays to get the rows;
 * - the pane's own split (read / compute, from the summary's tooltip);
 * - the number of host round trips (window.__officeDouble.syncCount) of one
 *   analysis: it must be the same for 2,000 and 20,000 rows.
 * The first click of a fresh pane (cold: nothing compiled yet, what the user
 * gets each morning) and the median of warm re-analyses (« Actualiser »).
 *
 * Then recording one step at 5,000 rows (issue 15): from the click on
 * « Enregistrer dans le journal » to the case showing the step done, beside
 * the same bare read of the values, with the round trips it cost (≤ 2).
 *
 * Target: click → cases ≤ 1 s at 20,000 rows. Not asserted: printed, like
 * test/bench/run.mjs. Run `npm run build` first, then `node test/bench/pane.mjs`.
 *
 * Options (environment): PANE_BENCH_ROWS="2000,20000", PANE_BENCH_RUNS=5 (warm
 * runs), PANE_BENCH_PROFILE=file.cpuprofile (Chrome DevTools CPU profile of
 * the largest size's first click; build unminified to read it:
 * `npx webpack --mode production --no-optimization-minimize --output-path /tmp/d`
 * and RECOUVRE_DIST=/tmp/d).
 *
 * "Today" is fixed (16/03/2026, a semester whose rates are known) by
 * replacing Date before the page's scripts; timers, animation frames and
 * performance.now() stay real, so the timings are not disturbed.
 */
/* global URL, window, document, performance, requestAnimationFrame, MutationObserver, HTMLButtonElement, Excel -- the callbacks of page.evaluate run in the page */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import browserSupport from "../support/browser.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = process.env.RECOUVRE_DIST ?? join(root, "dist");
const doubleDir = join(root, "demo", "officeDouble");
const SIZES = (process.env.PANE_BENCH_ROWS ?? "2000,20000").split(",").map(Number);
const WARM_RUNS = Number(process.env.PANE_BENCH_RUNS ?? 5);
const TARGET_MS = 1000;
const PROFILE = process.env.PANE_BENCH_PROFILE;

/** 16 March 2026, noon local time. */
const TODAY = new Date(2026, 2, 16, 12);
const TODAY_SERIAL = (Date.UTC(2026, 2, 16) - Date.UTC(1899, 11, 30)) / 86_400_000;

if (!existsSync(join(dist, "taskpane.html"))) {
  console.error("dist/taskpane.html is missing: run `npm run build` first.");
  process.exit(1);
}

// ---------------------------------------------------------------------------
// The workbook: a French list, ten invoices per client, 95 % overdue (1 to 400
// days, so penalties cross semesters), the rest due in the coming weeks.

const HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Email", "Adresse", "Code postal", "Ville", "Conditions de paiement"];
const CITIES = [["75011", "Paris"], ["69003", "Lyon"], ["13001", "Marseille"], ["31000", "Toulouse"], ["44000", "Nantes"], ["59000", "Lille"], ["67000", "Strasbourg"], ["33000", "Bordeaux"]];
const KINDS = ["Boulangerie", "Garage", "Pharmacie", "Menuiserie", "Hôtel", "Transports", "Imprimerie", "Cabinet", "Librairie", "Société"];

function workbook(rows) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const data = [HEADERS];
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(i / 10);
    const [cp, ville] = CITIES[c % CITIES.length];
    const late = random() < 0.95 ? 1 + Math.floor(random() * 400) : -Math.floor(random() * 60) - 6;
    const due = TODAY_SERIAL - late;
    data.push([
      `${KINDS[c % KINDS.length]} ${String(c).padStart(4, "0")} SARL`,
      `FA-${String(i).padStart(6, "0")}`,
      due - 30,
      due,
      Math.round(random() * 2_000_000) / 100 + 50,
      `compta${c}@exemple.fr`,
      `${1 + (c % 120)} rue de la République`,
      cp,
      ville,
      "30 jours",
    ]);
  }
  return {
    sheets: [{ name: "Factures", data }],
    selection: { sheet: "Factures", address: `A2:J${rows + 1}` },
  };
}

// ---------------------------------------------------------------------------
// Server and browser, as test/e2e/harness.ts does it (nothing leaves the machine).

const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };
const doubleSource = ["excel-enums.js", "engine.js", "office-double.js"].map((f) => readFileSync(join(doubleDir, f), "utf8")).join("\n");

async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      let pathname = decodeURIComponent(new URL(req.url || "/", "http://127.0.0.1").pathname);
      if (pathname.endsWith("/")) pathname += "index.html";
      const file = normalize(join(dist, pathname));
      if (!file.startsWith(dist + sep)) return void res.writeHead(403).end();
      res.writeHead(200, { "content-type": MIME[extname(file)] || "application/octet-stream" }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, baseUrl: `http://127.0.0.1:${server.address().port}/` };
}

/** Fixes `new Date()` and `Date.now()` only; everything else keeps the real clock. */
const FIXED_DATE = (now) => {
  const Real = Date;
  function FixedDate(...args) {
    if (!new.target) return new Real(now).toString();
    return args.length === 0 ? new Real(now) : new Real(...args);
  }
  FixedDate.prototype = Real.prototype;
  FixedDate.now = () => now;
  FixedDate.parse = Real.parse;
  FixedDate.UTC = Real.UTC;
  globalThis.Date = FixedDate;
};

async function openPane(browser, baseUrl, state) {
  const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: "fr-FR", deviceScaleFactor: 1, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.addInitScript(FIXED_DATE, TODAY.getTime());
  const config = JSON.stringify({ state, token: "bench", displayLanguage: "fr-FR", theme: "light", latencyMs: 0, strictStartup: true });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: `window.__officeDoubleConfig = ${config};\n${doubleSource}` });
    }
    if (url.hostname === "127.0.0.1") return route.continue();
    return route.abort("blockedbyclient");
  });
  await page.goto(new URL("taskpane.html", baseUrl).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.__officeDouble?.ready, undefined, { timeout: 30_000 });
  await page.getByRole("button", { name: "Analyser la sélection" }).waitFor({ timeout: 30_000 });
  return { page, context, errors };
}

/**
 * One analysis, timed in the page: from the click event (capture phase) to
 * the first animation frame where the summary and a case card are in the DOM.
 */
async function analyse(page) {
  await page.evaluate(() => {
    const bench = (window.__bench = { start: 0, end: 0 });
    document.addEventListener("click", () => (bench.start = performance.now()), { capture: true, once: true });
    // A re-analysis starts with the list already shown: wait until the button has been disabled (loading) and enabled again.
    const again = document.querySelector('[role="status"]') !== null;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof HTMLButtonElement && r.target.disabled)) bench.sawLoading = true;
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
    bench.done = new Promise((resolve) => {
      const frame = () => {
        const summary = document.querySelector('[role="status"]');
        const card = document.querySelector('[role="article"]');
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Actualiser");
        if (summary && card && bench.start > 0 && button && !button.disabled && (!again || bench.sawLoading)) {
          bench.end = performance.now();
          observer.disconnect();
          resolve();
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  });
  await page.evaluate(() => window.__officeDouble.resetSyncCount());
  await page.getByRole("button", { name: /^(Analyser la sélection|Actualiser)$/ }).click();
  await page.evaluate(() => window.__bench.done);
  return page.evaluate(() => ({
    ms: window.__bench.end - window.__bench.start,
    syncs: window.__officeDouble.syncCount,
    syncCalls: window.__officeDouble.syncCalls,
    // The pane's own timings: the summary's tooltip (older builds showed them in the line below).
    split: document.querySelector('[role="status"]')?.getAttribute("title") || (/lecture \d+ ms · calcul \d+ ms/.exec(document.body.innerText)?.[0] ?? ""),
    summary: document.querySelector('[role="status"]')?.textContent ?? "",
    cards: document.querySelectorAll('[role="article"]').length,
  }));
}

/** The floor: one Excel.run loading the values of the rows the pane reads (header included). */
async function readOnly(page, rows) {
  return page.evaluate(async (address) => {
    const start = performance.now();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Factures").getRange(address);
      range.load("values");
      await context.sync();
      return range.values.length;
    });
    return performance.now() - start;
  }, `A1:J${rows + 1}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${Math.round(value)} ms`.padStart(8);

const { server, baseUrl } = await startServer();
const browser = await browserSupport.launchChromium();
const results = [];
try {
  for (const rows of SIZES) {
    const state = workbook(rows);
    // The floor, in a pane of its own so that its first read is as cold as the pane's.
    const bare = await openPane(browser, baseUrl, state);
    const reads = [];
    for (let i = 0; i <= WARM_RUNS; i++) reads.push(await readOnly(bare.page, rows));
    await bare.context.close();

    const { page, context, errors } = await openPane(browser, baseUrl, state);
    const profiling = PROFILE && rows === Math.max(...SIZES) ? await context.newCDPSession(page) : undefined;
    if (profiling) {
      await profiling.send("Profiler.enable");
      await profiling.send("Profiler.setSamplingInterval", { interval: 100 });
      await profiling.send("Profiler.start");
    }
    const cold = await analyse(page);
    if (profiling) {
      const { profile } = await profiling.send("Profiler.stop");
      writeFileSync(PROFILE, JSON.stringify(profile));
    }
    const warm = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await analyse(page));
    if (errors.length || bare.errors.length) throw new Error(`page errors at ${rows} rows:\n${[...bare.errors, ...errors].join("\n")}`);
    const counts = new Set([cold, ...warm].map((run) => run.syncs));
    results.push({ rows, cold, warm, reads, counts });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------------------
// Recording one step at RECORD_ROWS rows: the new journal row folds into the state, nothing is read again.

const RECORD_ROWS = Number(process.env.PANE_BENCH_RECORD_ROWS ?? 5000);

async function recordOnce(page) {
  // The first card on screen (the list is windowed: a client far down is not in the DOM).
  const card = page.getByRole("article").first();
  await card.getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Appel", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await page.evaluate(() => {
    const bench = (window.__record = { start: 0, end: 0 });
    document.addEventListener("click", () => (bench.start = performance.now()), { capture: true, once: true });
    const before = document.querySelectorAll('[role="dialog"]').length;
    bench.done = new Promise((resolve) => {
      const frame = () => {
        if (bench.start > 0 && document.querySelectorAll('[role="dialog"]').length < before) {
          bench.end = performance.now();
          resolve();
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    window.__officeDouble.resetSyncCount();
  });
  await dialog.getByRole("button", { name: "Enregistrer dans le journal" }).click();
  await page.evaluate(() => window.__record.done);
  return page.evaluate(() => ({ ms: window.__record.end - window.__record.start, syncs: window.__officeDouble.syncCount }));
}

const recording = await (async () => {
  const { server: recordServer, baseUrl: recordUrl } = await startServer();
  const recordBrowser = await browserSupport.launchChromium();
  try {
    const state = workbook(RECORD_ROWS);
    const bare = await openPane(recordBrowser, recordUrl, state);
    const reads = [];
    for (let i = 0; i <= WARM_RUNS; i++) reads.push(await readOnly(bare.page, RECORD_ROWS));
    await bare.context.close();
    const { page, context, errors } = await openPane(recordBrowser, recordUrl, state);
    await analyse(page);
    const runs = [];
    for (let i = 0; i <= WARM_RUNS; i++) runs.push(await recordOnce(page));
    if (errors.length) throw new Error(`page errors while recording:\n${errors.join("\n")}`);
    await context.close();
    return { runs, reads };
  } finally {
    await recordBrowser.close();
    recordServer.close();
  }
})();

console.log("Pane: click on « Analyser la sélection » → per-client cases on screen (Chromium, Office double, no host latency)\n");
/** The pane's tooltip "lecture 52 ms · calcul 414 ms" -> the rest is rendering (React, styles, layout) and waiting for a frame. */
function split(run) {
  const [read, compute] = (/(\d+) ms\D+(\d+) ms/.exec(run.split) ?? [0, NaN, NaN]).slice(1).map(Number);
  return { read, compute, render: run.ms - read - compute };
}
console.log("                    click → cases on screen      read only (bare Excel.run)     first click: pane's split");
console.log("    rows  clients    first click  warm median    first    warm median      read   compute   render     round trips");
for (const { rows, cold, warm, reads, counts } of results) {
  const clients = /^(\d[\d\s\u202f\u00a0]*) client/.exec(cold.summary)?.[1] ?? "?";
  const parts = split(cold);
  console.log(
    `  ${String(rows).padStart(6)}  ${String(clients).padStart(7)}    ${ms(cold.ms)}     ${ms(median(warm.map((r) => r.ms)))}   ${ms(reads[0])}    ${ms(median(reads.slice(1)))}     ${ms(parts.read)} ${ms(parts.compute)} ${ms(parts.render)}     ${[...counts].join("/")} (${cold.syncCalls} context.sync() calls)`,
  );
}
const warmRender = results.map(({ rows, warm }) => `${rows}: ${Math.round(median(warm.map((run) => split(run).render)))} ms`).join(", ");
console.log(`\n  render (warm median): ${warmRender}`);
const big = results.find((r) => r.rows === Math.max(...SIZES));
const syncCounts = new Set(results.flatMap((r) => [...r.counts]));
console.log(`  target: ≤ ${TARGET_MS} ms at ${big.rows} rows — first click ${Math.round(big.cold.ms)} ms: ${big.cold.ms <= TARGET_MS ? "met" : "NOT met"}`);
console.log(`  round trips per analysis: ${[...syncCounts].join(", ")} — ${syncCounts.size === 1 ? "constant" : "NOT constant"} across ${SIZES.join(" and ")} rows`);

const recordMs = median(recording.runs.map((run) => run.ms));
const recordRead = median(recording.reads.slice(1));
console.log(`\nRecording one action (« Appel ») at ${RECORD_ROWS} rows: click on « Enregistrer dans le journal » → dialog closed, case updated`);
console.log(`  first ${Math.round(recording.runs[0].ms)} ms, median ${Math.round(recordMs)} ms; read only (bare Excel.run of the values) ${Math.round(recordRead)} ms: ratio ${(recordMs / recordRead).toFixed(2)}`);
console.log(`  round trips per recording: ${[...new Set(recording.runs.map((run) => run.syncs))].join(", ")} (target ≤ 2); target ≤ 300 ms: ${recordMs <= 300 ? "met" : "NOT met"}`);
