/**
 * The parameters of the RECOUVRE.* formulas (name, coercion, required) and
 * the small conversions of their results. A formula's parameters are a typed
 * tuple (params(...)): its computation receives each value with the type its
 * coercer gives (an optional one may be undefined), not positions cast by hand.
 */
import { epochDayToSerial, MAX_EPOCH_DAY, type EpochDay } from "../core/calendar";
import { DEFAULT_SCENARIO, findStepIndex } from "../core/escalation/scenario";
import { centsToEuros, RATE_SCALE, type Cents } from "../core/money";
import { MissingRate } from "../core/rates/rateBook";
import { message } from "../core/messages";
import { broadcast, type CellResult, type Param } from "./broadcast";
import type { ColumnPath } from "./columns";
import { BLANK, coerceNumber, coerceText, shown, type Coerced } from "./coerce";
import { toExcelCell } from "./excelError";
import { missingRateProblem, pastLastDateProblem, valueProblem, type ComputedDate } from "./problem";

/** A parameter whose coercer gives a T; `Required` says whether a blank cell is missing or omitted. */
export interface TypedParam<T, Required extends boolean> extends Param {
  readonly coerce: (raw: unknown, name: string) => Coerced<T>;
  readonly required: Required;
}

/** What a computation receives for a parameter: its value, undefined when optional and omitted. */
type ValueOf<P> = P extends TypedParam<infer T, infer Required> ? (Required extends true ? T : T | undefined) : never;
/** The values of a formula's parameters, position by position. */
export type Values<Params extends readonly Param[]> = { readonly [K in keyof Params]: ValueOf<Params[K]> };

export const required = <T>(name: string, coerce: (raw: unknown, name: string) => Coerced<T>): TypedParam<T, true> => ({
  name,
  coerce,
  required: true,
});
export const optional = <T>(name: string, coerce: (raw: unknown, name: string) => Coerced<T>): TypedParam<T, false> => ({
  name,
  coerce,
  required: false,
});
/** A parameter without a number rule whose distinct values the column path indexes (columns.ts). */
export const interned = <P extends Param>(param: P): P => ({ ...param, interned: true });

/** A formula's parameters, as a tuple that keeps each one's type. */
export const params = <Params extends Param[]>(...list: Params): Params => list;

/** A formula over its parameters, through broadcast(), its column path if it has one. */
export function run<Params extends readonly Param[], Context>(
  args: unknown[],
  parameters: Params,
  compute: (values: Values<Params>) => CellResult,
  columnPath?: ColumnPath<Context>,
): unknown[][] {
  // The one place the values are typed: broadcast() fills them in the order and with the coercers of `parameters`.
  return broadcast(args, parameters, compute as (values: unknown[]) => CellResult, toExcelCell, columnPath);
}

export function euros(result: Cents | MissingRate): CellResult {
  return result instanceof MissingRate ? missingRateProblem(result) : centsToEuros(result);
}

/** A computed date as a serial; past 31/12/9999 Excel has no date to show, so it is an error. */
export function dateSerial(day: EpochDay, what: ComputedDate): CellResult {
  return day > MAX_EPOCH_DAY ? pastLastDateProblem(what) : epochDayToSerial(day);
}

export function rateFraction(result: number | MissingRate): CellResult {
  return result instanceof MissingRate ? missingRateProblem(result) : result / RATE_SCALE;
}

/** A period of 0 days means nothing: it is the 0 Excel desktop passes for a blank cell, so "omitted". */
export function coercePeriodDays(raw: unknown, name: string): Coerced<number> {
  const days = coerceNumber(raw, name);
  return days === 0 ? undefined : days;
}

/** A step of the default scenario by its label, as its index. */
export function coerceStep(raw: unknown, name: string): Coerced<number> {
  if (raw === 0) return BLANK; // Excel desktop passes 0 for a blank cell; no step is named 0
  const text = coerceText(raw, name);
  if (typeof text !== "string") return text;
  const index = findStepIndex(DEFAULT_SCENARIO, text);
  if (index === undefined) {
    return valueProblem(message("arg.notAStep", { name, value: shown(raw), steps: DEFAULT_SCENARIO.map((s) => s.label) }));
  }
  return index;
}
