/**
 * Bench of the aging report (issue 7): 50,000 invoices over 2,000 clients,
 * the report built by the core and the "Balance âgée" sheet written by
 * src/excel/agingReport.ts, in Chromium against the in-page Office double
 * (demo/officeDouble), as the browser tests run it. Prints the times and
 * the number of host round trips (context.sync() carrying operations), which
 * must not depend on the size: 2 to create the sheet, 3 to refresh it.
 *
 *   node test/bench/report.mjs            (no build needed: the module is
 *                                          bundled here with webpack + ts-loader)
 *
 * Exit code 1 when the sync count differs between sizes. Times are
 * informative: the double applies each operation in JavaScript, real Excel
 * spends its own time (and Excel on the web caps a request at 5 MB).
 */
/* global window -- the page.evaluate callbacks run in the browser */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import browserSupport from "../support/browser.js";
import webpack from "webpack";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SIZES = [
  { invoices: 500, clients: 20 },
  { invoices: 50_000, clients: 2_000 },
];

async function bundle(entry) {
  const out = mkdtempSync(join(tmpdir(), "recouvre-bench-report-"));
  try {
    const compiler = webpack({
      mode: "production",
      devtool: false,
      context: root,
      entry: join(root, entry),
      output: { path: out, filename: "bundle.js", globalObject: "globalThis" },
      resolve: { extensions: [".ts", ".tsx", ".js"] },
      module: {
        rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: join(root, "tsconfig.json") } } }],
      },
      optimization: { splitChunks: false, runtimeChunk: false },
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    });
    await new Promise((resolve, reject) =>
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error) reject(error);
        else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      }),
    );
    return readFileSync(join(out, "bundle.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function officeDouble() {
  const dir = join(root, "demo", "officeDouble");
  const config = { state: { sheets: [{ name: "Factures", data: [["Client", "Montant"]] }] }, strictStartup: false, latencyMs: 0 };
  return `window.__officeDoubleConfig = ${JSON.stringify(config)};\n` + ["excel-enums.js", "engine.js", "office-double.js"].map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
}

const code = await bundle("test/e2e/agingReportEntry.ts");
const browser = await browserSupport.launchChromium();
const rows = [];
try {
  for (const size of SIZES) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="container"></div></body></html>');
    await page.addScriptTag({ content: officeDouble() });
    await page.waitForFunction(() => window.__officeDouble && window.__officeDouble.ready);
    await page.addScriptTag({ content: code });
    for (const [pass, asOf] of [
      ["create", "2025-03-31"],
      ["refresh", "2025-04-30"],
    ]) {
      const result = await page.evaluate(
        async ({ size, asOf }) => {
          window.__officeDouble.resetSyncCount();
          const run = await window.recouvreReport.runSample({ ...size, asOf, monthlyRevenue: new Array(12).fill(150_000_000) });
          return { ...run, syncCount: window.__officeDouble.syncCount };
        },
        { size, asOf },
      );
      rows.push({
        invoices: size.invoices,
        clients: result.clients,
        pass,
        "cases (ms)": Math.round(result.journalMs + result.linesMs),
        "report (ms)": Math.round(result.reportMs),
        "write (ms)": Math.round(result.writeMs),
        "syncs (double)": result.syncCount,
        "syncs (module)": result.result.syncs,
        sheet: result.result.sheetName,
      });
    }
    await page.close();
  }
} finally {
  await browser.close();
}

console.log(
  "\nAging report in Chromium, against the Office double. cases: journal folded + buildCases + report lines (core);" +
    " report: balance âgée and indicators (core); write: the sheet, its table and charts (excel/agingReport.ts).",
);
console.table(rows);
const byPass = (pass) => new Set(rows.filter((r) => r.pass === pass).map((r) => r["syncs (double)"]));
const constant = byPass("create").size === 1 && byPass("refresh").size === 1;
console.log(constant ? "Sync count constant across sizes: OK" : "Sync count depends on the size: FAILED");
process.exitCode = constant ? 0 : 1;
