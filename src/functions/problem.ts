/**
 * What goes wrong in one cell, before it becomes an Excel error. Kept free
 * of the CustomFunctions global so that coercion and broadcasting can be
 * tested without Excel; excelError.ts turns it into the real thing.
 */
export type ProblemCode = "value" | "na";

export class Problem {
  constructor(
    readonly code: ProblemCode,
    readonly message: string,
  ) {}
}

export function valueProblem(message: string): Problem {
  return new Problem("value", message);
}
