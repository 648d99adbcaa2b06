/**
 * Compiles src/core and src/documents to CommonJS (their JSON data copied) under
 * test-output/bench-build with the project's own TypeScript (transpile only,
 * no bundler), so that plain `node` scripts can load them. Returns the
 * directory; modules resolve their packages from the project's node_modules.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if ((name.endsWith(".ts") && !name.endsWith(".d.ts")) || name.endsWith(".json")) yield path;
  }
}

export function buildLib() {
  const out = join(root, "test-output", "bench-build");
  rmSync(out, { recursive: true, force: true });
  for (const part of ["src/core", "src/documents"]) {
    for (const file of sources(join(root, part))) {
      // Data (the rate tables) is copied as it is: the compiled modules require it.
      if (file.endsWith(".json")) {
        const target = join(out, relative(root, file));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, readFileSync(file));
        continue;
      }
      const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, ".js");
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  return out;
}
