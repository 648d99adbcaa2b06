/**
 * The layers of src/, as ESLint rules (eslint.config.mjs spreads them):
 *
 * - src/core imports nothing outside src/core, and of packages only the pure
 *   ones listed in CORE_PACKAGES (no React, Office, MSAL, DOM libraries).
 * - Nothing outside src/functions imports from src/functions.
 * - Only src/excel, src/commands and src/auth touch Office.js: the Office,
 *   Excel, OfficeRuntime and OfficeExtension globals (src/functions keeps the
 *   CustomFunctions runtime it registers with); only src/auth imports MSAL.
 * - src/taskpane reaches src/excel through the gateway (excel/gateway.ts)
 *   and the host's facts (excel/host.ts: language, theme, readiness) only.
 *
 * Imports are relative, so whether "../../excel/x" leaves a folder depends on
 * how deep the importing file sits: the rules are written per folder and per
 * depth (one flat-config block each, since a later block replaces a rule's
 * options instead of adding to them). test/layers.test.ts runs ESLint on
 * files that break each rule and expects each to be reported.
 */

/** Packages core may import: pure computation, no platform. */
const CORE_PACKAGES = ["zod", "@noble/hashes"];
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeRuntime", "OfficeExtension"];
const OFFICE_FOLDERS = ["excel", "commands", "auth"];
const MAX_DEPTH = 5;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** An import path that reaches src/<folder> from a file `depth` folders below src. */
const toSrcFolder = (depth, folder) => `^(\\.\\./){${depth}}${escape(folder)}(/|$)`;

function importPatterns(top, depth) {
  const patterns = [];
  if (top === "core") {
    patterns.push({ regex: `^(\\.\\./){${depth}}`, message: "src/core n'importe rien hors de src/core : la règle ou le calcul va dans core, l'adaptation hors de core." });
    const allowed = CORE_PACKAGES.map((name) => `${escape(name)}(/|$)`).join("|");
    patterns.push({ regex: `^(?!\\.{1,2}/)(?!(${allowed}))`, message: `src/core n'importe que des paquets purs (${CORE_PACKAGES.join(", ")}) : ni React, ni Office, ni DOM.` });
  }
  if (top !== "functions") {
    patterns.push({
      regex: `${toSrcFolder(depth, "functions")}`,
      message: "Rien hors de src/functions n'importe src/functions : ce qui est partagé va dans core (règles) ou dans l'état du complément.",
    });
  }
  if (top === "taskpane") {
    patterns.push({ regex: `^(\\.\\./){${depth}}excel/(?!(gateway|host)$)`, message: "Le volet passe par excel/gateway.ts (ou excel/host.ts) : il n'importe pas les modules internes de src/excel." });
  }
  if (top !== "auth") patterns.push({ regex: "^@azure/msal", message: "MSAL reste dans src/auth." });
  if (!OFFICE_FOLDERS.includes(top)) patterns.push({ regex: "^@microsoft/office-js", message: "Office.js reste dans src/excel, src/commands et src/auth." });
  return patterns;
}

function restrictedGlobals(top) {
  if (top === "core") return ["Office", "Excel", "CustomFunctions", "OfficeRuntime", "OfficeExtension", "window", "document", "localStorage"];
  if (OFFICE_FOLDERS.includes(top)) return [];
  return OFFICE_GLOBALS.map((name) => ({ name, message: "Office.js ne s'appelle que depuis src/excel, src/commands et src/auth (le volet passe par le gateway)." }));
}

function block(top, depth) {
  const folder = top === "*" ? "*" : top;
  const files = [`src/${folder}/${"*/".repeat(depth - 1)}*.{ts,tsx}`];
  const globals = restrictedGlobals(top);
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: importPatterns(top, depth) }],
      ...(globals.length ? { "no-restricted-globals": ["error", ...globals] } : { "no-restricted-globals": "off" }),
    },
  };
}

const TOPS = ["core", "functions", "taskpane", "auth", ...OFFICE_FOLDERS.filter((f) => f !== "auth")];
const depths = Array.from({ length: MAX_DEPTH }, (_, i) => i + 1);

/** Every folder first (src/state, src/mail…), then the folders with rules of their own. */
export const layerRules = [...depths.map((depth) => block("*", depth)), ...TOPS.flatMap((top) => depths.map((depth) => block(top, depth)))];
