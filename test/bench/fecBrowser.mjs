/**
 * npm run bench, FEC part in Chromium (issue 14): the same 300,000-line FEC
 * as test/bench/fec.mjs, read to open items in Debian's Chromium, as a ratio
 * to reading and splitting its lines (and fields) in the same page. Bundled
 * here with webpack + ts-loader (no build needed). Not asserted: printed.
 */
/* global window -- the page.evaluate callbacks run in the browser */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import browserSupport from "../support/browser.js";
import webpack from "webpack";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LINES = 300_000;
const ROUNDS = 5;
const AT = 20818; // 31/12/2026

async function bundle(entry) {
  const out = mkdtempSync(join(tmpdir(), "recouvre-bench-fec-"));
  try {
    const compiler = webpack({
      mode: "production",
      devtool: false,
      context: root,
      entry: join(root, entry),
      output: { path: out, filename: "bundle.js", globalObject: "globalThis" },
      resolve: { extensions: [".ts", ".js", ".mjs"] },
      module: {
        rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: join(root, "tsconfig.json") } } }],
      },
      // As the add-in's bundles are built (webpack.config.js): no inlining of single-use functions.
      optimization: { splitChunks: false, runtimeChunk: false, minimizer: [] },
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

const code = await bundle("test/bench/fecBrowserEntry.mjs");
const browser = await browserSupport.launchChromium({ args: ["--enable-precise-memory-info", "--js-flags=--expose-gc"] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: code });
  const run = await page.evaluate(({ lines, rounds, at }) => window.recouvreFecBench.run(lines, rounds, at), { lines: LINES, rounds: ROUNDS, at: AT });
  const stats = run.samples.map((list) => ({ best: Math.min(...list), median: [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] }));
  const [lines, fields, full] = stats;
  const fmt = (n, d = 1) => n.toFixed(d);
  console.log(`\nFEC bench in Chromium: ${LINES} lines, ${fmt(run.bytes / 1048576)} Mo, ${run.customerLines} customer lines, ${run.open} open items`);
  console.log(`  read + split lines:          ${fmt(lines.best)} ms (median ${fmt(lines.median)})`);
  console.log(`  read + split lines + fields: ${fmt(fields.best)} ms (median ${fmt(fields.median)})`);
  console.log(`  FEC -> open items:           ${fmt(full.best)} ms (median ${fmt(full.median)})`);
  console.log(`  ratio open items / read + split lines:  ${fmt(full.best / lines.best, 2)} (target <= 3; medians ${fmt(full.median / lines.median, 2)})`);
  console.log(`  ratio open items / read + split fields: ${fmt(full.best / fields.best, 2)} (medians ${fmt(full.median / fields.median, 2)})`);
  console.log(`  heap held by the result (performance.memory): ${fmt(run.heapHeld / 1048576)} Mo`);
} finally {
  await browser.close();
}
