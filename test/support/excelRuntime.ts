/**
 * Loads the built dist/functions.js the way Excel's custom-functions runtime
 * does: in a fresh context where the only host global is CustomFunctions (no
 * DOM, no Office.onReady), and returns the functions it registered by id.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const DIST = join(__dirname, "..", "..", "dist");

/** What CustomFunctions.Error is to the tests: a code and the French message. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.message = message ?? "";
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type RegisteredFunction = (...args: unknown[]) => unknown;

export interface LoadedRuntime {
  readonly functions: ReadonlyMap<string, RegisteredFunction>;
  readonly context: vm.Context;
}

export function loadFunctionsBundle(extraGlobals: Record<string, unknown> = {}): LoadedRuntime {
  const functions = new Map<string, RegisteredFunction>();
  const CustomFunctions = {
    Error: FakeExcelError,
    ErrorCode: ERROR_CODES,
    associate(id: string | Record<string, RegisteredFunction>, fn?: RegisteredFunction) {
      if (typeof id === "string") {
        if (functions.has(id)) throw new Error(`${id} associé deux fois`);
        functions.set(id, fn as RegisteredFunction);
      } else for (const [key, value] of Object.entries(id)) functions.set(key, value);
    },
  };
  const context = vm.createContext({ CustomFunctions, ...extraGlobals });
  const source = readFileSync(join(DIST, "functions.js"), "utf8");
  vm.runInContext(source, context, { filename: "functions.js" });
  return { functions, context };
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  options?: { volatile?: boolean };
  parameters: Array<{ name: string; description?: string; optional?: boolean; dimensionality?: string }>;
  result: { dimensionality?: string };
}

export function readFunctionsJson(): { functions: FunctionMetadata[] } {
  return JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
}
