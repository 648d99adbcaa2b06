/** A cell that could not be read, with its French reason (see cells.ts). */
export class CellError {
  constructor(readonly reason: string) {}
}

/** The value, undefined for a blank cell, or why it cannot be read. */
export type CellRead<T> = T | undefined | CellError;
