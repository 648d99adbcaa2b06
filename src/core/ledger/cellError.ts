/** A cell that could not be read, with why as a message (see cells.ts). */
import { message, textOf, type Message, type MessageCode, type MessageParams } from "../messages";

type Plain = { [C in MessageCode]: MessageParams[C] extends Record<string, never> ? C : never }[MessageCode];

export class CellError {
  constructor(readonly said: Message) {}

  /** The reason in French (the default language): tests and French-only texts read it. */
  get reason(): string {
    return textOf(this.said, "fr");
  }
}

/** One CellError per parameterless code: they carry nothing else, so they are shared. */
const PLAIN = new Map<MessageCode, CellError>();
export function cellError(code: Plain): CellError {
  let known = PLAIN.get(code);
  if (known === undefined) {
    known = new CellError(message(code));
    PLAIN.set(code, known);
  }
  return known;
}

/** The value, undefined for a blank cell, or why it cannot be read. */
export type CellRead<T> = T | undefined | CellError;
