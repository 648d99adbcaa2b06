/**
 * A list's amount with its sign (issue 14): a negative amount is a credit of
 * the client (credit note, payment, payment on account), imputed on its
 * invoices, not a row problem. The unsigned reading stays cells.readAmount's.
 */
import type { Cents } from "../money";
import { readAmount, type CellRead } from "./cells";

function negate(read: CellRead<Cents>): CellRead<Cents> {
  return typeof read === "number" ? (read === 0 ? 0 : -read) : read;
}

export function readSignedAmount(value: unknown): CellRead<Cents> {
  if (typeof value === "number" && value < 0) return negate(readAmount(-value));
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("-")) return negate(readAmount(text.slice(1)));
  }
  // A reader that already returns signed cents (« (50,00) », « 50,00- ») passes through.
  return readAmount(value);
}
