/**
 * What goes wrong in one cell, before it becomes an Excel error. A Problem
 * holds a message code with its parameters, not a sentence: excelError.ts
 * writes it in Office's display language when the cell is made, once per
 * distinct Problem of a call. Kept free of the CustomFunctions global so that
 * coercion and broadcasting can be tested without Excel.
 */
import { message, textOf, type LateDate, type Language, type Message } from "../core/messages";
import type { MissingRate } from "../core/rates/rateBook";

export type ProblemCode = "value" | "na";

export class Problem {
  constructor(
    readonly code: ProblemCode,
    readonly said: Message,
  ) {}

  /** The message in a language. */
  text(language: Language): string {
    return textOf(this.said, language);
  }

  /** The French message (French is the default language; tests read it). */
  get message(): string {
    return this.text("fr");
  }
}

export function valueProblem(said: Message): Problem {
  return new Problem("value", said);
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
    problem = new Problem("na", missing.said);
    missingProblems.set(missing, problem);
  }
  lastMissing = missing;
  lastMissingProblem = problem;
  return problem;
}

/** A date a formula computes, named by the argument it comes from (kernels.ts declares them). */
export interface ComputedDate {
  readonly name: string;
  readonly what: LateDate;
}

const dateLimitProblems = new Map<ComputedDate, Problem>();

/** A computed date past 31/12/9999, which Excel cannot show: one Problem per kind of computed date. */
export function pastLastDateProblem(past: ComputedDate): Problem {
  let problem = dateLimitProblems.get(past);
  if (problem === undefined) {
    problem = valueProblem(message("arg.pastLastDate", { name: past.name, what: past.what }));
    dateLimitProblems.set(past, problem);
  }
  return problem;
}
