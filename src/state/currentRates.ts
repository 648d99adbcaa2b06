/**
 * The RateBook the formulas (and the pane, and the ribbon) compute with.
 *
 * Excel's shared runtime loads the functions, the task pane and the ribbon
 * commands as separate bundles in one JavaScript realm, and each bundle has
 * its own copy of the engine's classes. So what the bundles share is plain
 * data — the user's rates, on globalThis under a registered symbol, with a
 * version number — and each bundle builds its own RateBook from it. A
 * RateBook (or a MissingRate it returns) never crosses from one bundle to
 * another, where `instanceof` would not recognise it.
 *
 * It lives in src/state, not src/functions: it is the add-in's state (the
 * pane writes it, the ribbon and the formulas read it), and not src/core,
 * which holds no mutable runtime state and knows no globalThis. Pure data
 * and no Office.js: every bundle may import it.
 */
import { RateBook } from "../core/rates/rateBook";
import type { UserRates } from "../core/rates/userRates";

interface SharedRates {
  userRates: UserRates | undefined;
  version: number;
  readonly listeners: Set<() => void>;
}

const KEY = Symbol.for("recouvre.sharedUserRates");

function shared(): SharedRates {
  const scope = globalThis as unknown as Record<symbol, SharedRates | undefined>;
  let found = scope[KEY];
  if (!found) {
    found = { userRates: undefined, version: 0, listeners: new Set() };
    scope[KEY] = found;
  }
  return found;
}

/** This bundle's book, rebuilt only when the shared rates changed. */
let cache: { version: number; book: RateBook } | undefined;

export function currentRateBook(): RateBook {
  const rates = shared();
  if (cache?.version !== rates.version) cache = { version: rates.version, book: RateBook.create(rates.userRates) };
  return cache.book;
}

/** Validated user rates (see validateUserRates) for every bundle of the runtime. */
export function setCurrentUserRates(userRates: UserRates | undefined): void {
  const rates = shared();
  rates.userRates = userRates;
  rates.version += 1;
  for (const listener of rates.listeners) listener();
}

/** Calls `listener` with this bundle's new book whenever the rates change. */
export function onRateBookChange(listener: (book: RateBook) => void): () => void {
  const notify = () => listener(currentRateBook());
  const rates = shared();
  rates.listeners.add(notify);
  return () => rates.listeners.delete(notify);
}
