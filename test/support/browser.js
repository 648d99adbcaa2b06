/**
 * Which Chromium the browser tests, the benches and `npm run screenshots`
 * drive with playwright-core: the one place that decides.
 *
 *  1. CHROMIUM_PATH, when set: that executable.
 *  2. Debian's chromium (/usr/bin/chromium), when the machine has it.
 *  3. Otherwise the Chromium shipped inside the npm package
 *     @sparticuz/chromium (a development dependency): its brotli-compressed
 *     binary is unpacked once into the system's temporary folder and reused.
 *     It needs no install script (npm 11 runs none here) and only the
 *     system's libnss3, so `npm ci` alone is enough on a Linux x64 machine.
 *
 * RECOUVRE_BROWSER=bundled forces 3 (to prove the fallback on a machine that
 * has Debian's chromium); RECOUVRE_BROWSER=system forbids it.
 *
 * CommonJS on purpose: Jest (TypeScript tests) and the plain Node scripts
 * (.mjs) both load it as it is, without a build.
 */
"use strict";
const { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { pipeline } = require("node:stream/promises");
const { createBrotliDecompress } = require("node:zlib");

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const BUNDLED_PACKAGE = "@sparticuz/chromium";

/** Flags for every launch: headless, no sandbox (root in CI), nothing fetched from outside. */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

/** The package's folder and version, or null when it is not installed. */
function bundledPackage() {
  let main;
  try {
    main = require.resolve(BUNDLED_PACKAGE);
  } catch {
    return null;
  }
  // main is <package>/build/cjs/index.cjs
  const root = path.resolve(path.dirname(main), "..", "..");
  const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version;
  return { root, version };
}

/**
 * Unpacks the package's chromium.br once per version into the temporary
 * folder. Several Jest workers may start together: each writes its own
 * partial file and renames it into place (atomic), so none ever runs a
 * half-written binary.
 */
async function unpackBundledChromium() {
  const pkg = bundledPackage();
  if (!pkg) {
    throw new Error(
      `Aucun Chromium : ni ${DEBIAN_CHROMIUM} ni le paquet npm ${BUNDLED_PACKAGE} (lancez \`npm ci\`, ou apt-get install -y chromium, ou CHROMIUM_PATH=/chemin/vers/chrome).`,
    );
  }
  const dir = path.join(tmpdir(), `recouvre-chromium-${pkg.version}`);
  const executable = path.join(dir, "chromium");
  if (existsSync(executable)) return executable;
  mkdirSync(dir, { recursive: true });
  const partial = `${executable}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(createReadStream(path.join(pkg.root, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, executable);
  } finally {
    rmSync(partial, { force: true });
  }
  return executable;
}

/**
 * The Chromium to launch and where it comes from.
 * @returns {Promise<{ executablePath: string, source: "CHROMIUM_PATH" | "debian" | "npm" }>}
 */
async function resolveChromium(env = process.env) {
  const wanted = (env.RECOUVRE_BROWSER || "").trim().toLowerCase();
  if (wanted !== "" && wanted !== "bundled" && wanted !== "system") {
    throw new Error(`RECOUVRE_BROWSER=${env.RECOUVRE_BROWSER} : valeurs possibles « bundled » (Chromium du paquet npm) ou « system ».`);
  }
  if (wanted !== "bundled") {
    if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: "debian" };
    if (wanted === "system") throw new Error(`RECOUVRE_BROWSER=system mais ${DEBIAN_CHROMIUM} est absent (apt-get install -y chromium).`);
  }
  return { executablePath: await unpackBundledChromium(), source: "npm" };
}

/** Launches the chosen Chromium headless with playwright-core. */
async function launchChromium(options = {}) {
  const { chromium } = require("playwright-core");
  const { executablePath } = await resolveChromium();
  return chromium.launch({ ...options, executablePath, args: [...CHROMIUM_ARGS, ...(options.args || [])] });
}

module.exports = { CHROMIUM_ARGS, DEBIAN_CHROMIUM, resolveChromium, launchChromium };
