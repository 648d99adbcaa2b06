/**
 * A stand-in for the CustomFunctions global Excel provides. Import this file
 * before src/functions/* in any test that turns problems into Excel errors.
 */

import { ERROR_CODES, FakeExcelError } from "../support/excelRuntime";

export { ERROR_CODES, FakeExcelError };

const fake = {
  Error: FakeExcelError,
  ErrorCode: ERROR_CODES,
  associate(): void {},
};

(globalThis as unknown as { CustomFunctions: typeof fake }).CustomFunctions = fake;

export function isExcelError(value: unknown): value is FakeExcelError {
  return value instanceof FakeExcelError;
}

/** Asserts an Excel error with that code whose message contains every fragment. */
export function expectExcelError(value: unknown, code: "#VALUE!" | "#N/A", ...fragments: string[]): void {
  expect(value).toBeInstanceOf(FakeExcelError);
  const error = value as FakeExcelError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** The error a function threw (aggregates throw their error rather than spill it). */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw an Excel error");
}
