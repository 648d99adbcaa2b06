/**
 * What goes wrong in one cell, before it becomes an Excel error. Kept free
 * of the CustomFunctions global so that coercion and broadcasting can be
 * tested without Excel; excelError.ts turns it into the real thing.
 */
import type { MissingRate } from "../core/rates/rateBook";

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

/**
 * The Problem of a MissingRate: one per MissingRate (the RateBook keeps one
 * per kind and semester), so a column lacking the same semester on every row
 * carries one message. The last one asked is kept at hand: rows failing alike
 * come in runs.
 */
const missingProblems = new WeakMap<MissingRate, Problem>();
let lastMissing: MissingRate | undefined;
let lastMissingProblem: Problem | undefined;

export function missingRateProblem(missing: MissingRate): Problem {
  if (missing === lastMissing) return lastMissingProblem as Problem;
  let problem = missingProblems.get(missing);
  if (problem === undefined) {
    problem = new Problem("na", missing.message);
    missingProblems.set(missing, problem);
  }
  lastMissing = missing;
  lastMissingProblem = problem;
  return problem;
}

const dateLimitProblems = new Map<string, Problem>();

/** A computed date past 31/12/9999, which Excel cannot show: one Problem per wording. */
export function pastLastDateProblem(what: string): Problem {
  let problem = dateLimitProblems.get(what);
  if (problem === undefined) {
    problem = valueProblem(`${what} dépasse le 31/12/9999`);
    dateLimitProblems.set(what, problem);
  }
  return problem;
}
