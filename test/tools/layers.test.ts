/**
 * The layer rules of eslint.config.mjs (tools/eslintLayers.mjs) fire: ESLint
 * lints small texts as if they sat at given paths of src/ and must report
 * each forbidden import or Office global, and nothing on the allowed ones.
 * ESLint runs in a child Node (its flat config is an ES module, which jest's
 * CommonJS sandbox cannot import).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

interface Case {
  readonly filePath: string;
  readonly code: string;
}
interface Finding {
  readonly filePath: string;
  readonly rules: string[];
}

const ROOT = path.resolve(__dirname, "../..");

const LINT = `
import { ESLint } from "eslint";
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
  out.push({ filePath: c.filePath, rules: result.messages.map((m) => m.ruleId ?? m.message) });
}
process.stdout.write(JSON.stringify(out));
`;

function lint(cases: readonly Case[]): Finding[] {
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", LINT, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout) as Finding[];
}

const uses = (name: string) => `export const used = ${name};\n`;
const imports = (from: string) => `import * as m from "${from}";\n${uses("m")}`;

const forbidden: [string, Case, string][] = [
  ["core importing the pane", { filePath: "src/core/escalation/layerFixture.ts", code: imports("../../taskpane/i18n") }, "no-restricted-imports"],
  ["core importing the Excel adapters", { filePath: "src/core/layerFixture.ts", code: imports("../excel/gateway") }, "no-restricted-imports"],
  ["core three folders deep importing the pane", { filePath: "src/core/books/fec/layerFixture.ts", code: imports("../../../taskpane/i18n") }, "no-restricted-imports"],
  ["core importing React", { filePath: "src/core/layerFixture.ts", code: imports("react") }, "no-restricted-imports"],
  ["core importing pdf-lib", { filePath: "src/core/letters/layerFixture.ts", code: imports("pdf-lib") }, "no-restricted-imports"],
  ["core reading Office", { filePath: "src/core/layerFixture.ts", code: uses("Office.context") }, "no-restricted-globals"],
  ["mail importing the formulas", { filePath: "src/mail/layerFixture.ts", code: imports("../functions/params") }, "no-restricted-imports"],
  ["the pane importing the formulas", { filePath: "src/taskpane/cases/layerFixture.ts", code: imports("../../functions/coerce") }, "no-restricted-imports"],
  ["the pane importing an Excel internal", { filePath: "src/taskpane/cases/layerFixture.ts", code: imports("../../excel/journalSheet") }, "no-restricted-imports"],
  ["the pane's entry importing an Excel internal", { filePath: "src/taskpane/layerFixture.tsx", code: imports("../excel/userRatesStore") }, "no-restricted-imports"],
  ["the pane calling Excel.run", { filePath: "src/taskpane/layerFixture.tsx", code: uses("Excel.run") }, "no-restricted-globals"],
  ["sending calling Office", { filePath: "src/sending/layerFixture.ts", code: uses("Office.context.document") }, "no-restricted-globals"],
  ["documents importing MSAL", { filePath: "src/documents/layerFixture.ts", code: imports("@azure/msal-browser") }, "no-restricted-imports"],
  ["a new folder importing the formulas", { filePath: "src/state/layerFixture.ts", code: imports("../functions/kernels") }, "no-restricted-imports"],
];

const allowed: [string, Case][] = [
  ["core importing core and zod", { filePath: "src/core/escalation/layerFixture.ts", code: `${imports("../calendar")}import { z } from "zod";\nimport { sha256 } from "@noble/hashes/sha2";\nexport const more = [z, sha256];\n` }],
  ["the formulas importing themselves and core", { filePath: "src/functions/layerFixture.ts", code: `${imports("./params")}import * as c from "../core/calendar";\nexport const c2 = c;\n` }],
  ["the pane through the gateway and the host", { filePath: "src/taskpane/cases/layerFixture.ts", code: `${imports("../../excel/gateway")}import * as h from "../../excel/host";\nexport const h2 = h;\n` }],
  ["the Excel adapters calling Excel.run", { filePath: "src/excel/layerFixture.ts", code: uses("Excel.run") }],
  ["the ribbon calling Office.actions", { filePath: "src/commands/layerFixture.ts", code: uses("Office.actions") }],
  ["auth importing MSAL", { filePath: "src/auth/layerFixture.ts", code: imports("@azure/msal-browser") }],
  ["sending importing the Excel adapters", { filePath: "src/sending/layerFixture.ts", code: imports("../excel/journalSheet") }],
];

describe("layer rules (eslint.config.mjs)", () => {
  const findings = lint([...forbidden.map(([, c]) => c), ...allowed.map(([, c]) => c)]);

  test.each(forbidden.map(([name, , rule], i) => [name, rule, i] as const))("reported: %s (%s)", (_name, rule, i) => {
    expect(findings[i].rules).toContain(rule);
  });

  test.each(allowed.map(([name], i) => [name, forbidden.length + i] as const))("allowed: %s", (_name, i) => {
    expect(findings[i].rules).toEqual([]);
  });
});
