/**
 * Bundles a browser entry of the aging-report tests (src/excel/agingReport.ts
 * and the core it needs, zod included) into one script, with webpack's Node
 * API and ts-loader in transpileOnly mode, as the real build does: no
 * dist/ needed. The script is returned as text for page.addScriptTag.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..", "..");

export async function bundleForBrowser(entry: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "recouvre-report-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      context: ROOT,
      entry: path.resolve(ROOT, entry),
      output: { path: outDir, filename: "bundle.js", globalObject: "globalThis" },
      resolve: { extensions: [".ts", ".tsx", ".js"] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } },
          },
        ],
      },
      optimization: { splitChunks: false, runtimeChunk: false },
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    });
    await new Promise<void>((resolve, reject) => {
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    });
    return readFileSync(path.join(outDir, "bundle.js"), "utf8");
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
