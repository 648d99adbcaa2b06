/**
 * The RateBook the formulas compute with.
 *
 * Excel's shared runtime loads the functions, the task pane and the ribbon
 * commands as separate bundles in one JavaScript realm. The holder lives on
 * globalThis under a registered symbol so that every bundle sees the same
 * book: when the pane saves a user rate, the formulas compute with it.
 */
import { RateBook } from "../core/rates/rateBook";

interface Holder {
  book: RateBook;
  readonly listeners: Set<(book: RateBook) => void>;
}

const KEY = Symbol.for("recouvre.currentRateBook");

function holder(): Holder {
  const scope = globalThis as unknown as Record<symbol, Holder | undefined>;
  let found = scope[KEY];
  if (!found) {
    found = { book: RateBook.builtIn(), listeners: new Set() };
    scope[KEY] = found;
  }
  return found;
}

export function currentRateBook(): RateBook {
  return holder().book;
}

export function setCurrentRateBook(book: RateBook): void {
  const h = holder();
  h.book = book;
  for (const listener of h.listeners) listener(book);
}

export function onRateBookChange(listener: (book: RateBook) => void): () => void {
  const h = holder();
  h.listeners.add(listener);
  return () => h.listeners.delete(listener);
}
