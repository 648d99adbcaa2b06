/**
 * Money as integer cents.
 *
 * Every amount the engine handles is a whole number of cents. Interest is an
 * exact fraction numerator / denominator of cents and is rounded once, at the
 * end, half away from zero. Numbers stay in the safe-integer range on the fast
 * path; larger products fall back to BigInt rather than lose a cent.
 */

export type Cents = number;

/** Largest amount accepted: 100 billion euros, far above any invoice. */
export const MAX_CENTS = 10_000_000_000_000;

/**
 * Euros (as a cell holds them) to cents. Refuses amounts with a fraction of a
 * cent: 12.345 € is not an invoice amount and rounding it would be a guess.
 * A tolerance of 1e-6 cent absorbs binary noise (0.1 + 0.2 style).
 */
export function eurosToCents(euros: number): Cents | undefined {
  const scaled = euros * 100;
  const cents = Math.round(scaled);
  const noise = scaled - cents;
  // Binary noise grows with the magnitude: allow a few ulps, never a real fraction of a cent.
  if (noise > 1e-6 || noise < -1e-6) {
    if (!(Math.abs(noise) <= Math.abs(scaled) * 8 * Number.EPSILON)) return undefined;
  }
  if (!(Math.abs(cents) <= MAX_CENTS)) return undefined;
  return cents === 0 ? 0 : cents; // no negative zero
}

export function centsToEuros(cents: Cents): number {
  return cents / 100;
}

/**
 * round(numerator / denominator) half away from zero, exactly, for safe
 * integers with a positive denominator.
 */
export function roundDivide(numerator: number, denominator: number): number {
  if (Math.abs(numerator) > Number.MAX_SAFE_INTEGER) {
    return Number(roundDivideBig(BigInt(numerator), BigInt(denominator)));
  }
  if (numerator >= 0) return roundDivideNatural(numerator, denominator);
  const q = roundDivideNatural(-numerator, denominator);
  return q === 0 ? 0 : -q; // no negative zero: -1/3 rounds to 0, not -0
}

/**
 * roundDivide for a numerator known to be a safe integer >= 0: small enough
 * for the engine to inline in a loop over 100,000 rows.
 */
export function roundDivideNatural(numerator: number, denominator: number): number {
  let q = Math.floor(numerator / denominator);
  let r = numerator - q * denominator;
  // Float division may be one off near an integer: correct with the remainder.
  if (r < 0) {
    q -= 1;
    r += denominator;
  } else if (r >= denominator) {
    q += 1;
    r -= denominator;
  }
  return 2 * r >= denominator ? q + 1 : q;
}

export function roundDivideBig(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const r = n - q * denominator;
  if (2n * r >= denominator) q += 1n;
  return negative ? -q : q;
}

/**
 * Interest in cents for `amount` cents at `rateDays` (sum over the days of
 * the rate in millionths, see rates) over a 365-day year:
 * amount x rateDays / (1e6 x 365), rounded once.
 */
export const RATE_SCALE = 1_000_000;
export const YEAR_DAYS = 365;
/** Interest in cents = amount x rateDays / INTEREST_DENOMINATOR. */
export const INTEREST_DENOMINATOR = RATE_SCALE * YEAR_DAYS;

export function interestCents(amount: Cents, rateDays: number): Cents {
  const product = amount * rateDays;
  if (product <= Number.MAX_SAFE_INTEGER) return roundDivide(product, INTEREST_DENOMINATOR);
  return Number(roundDivideBig(BigInt(amount) * BigInt(rateDays), BigInt(INTEREST_DENOMINATOR)));
}

// ---------------------------------------------------------------------------
// French formatting: "1 234,56 €" with a narrow no-break space (U+202F)
// between thousands and a no-break space (U+00A0) before the euro sign, as
// French typography and Intl's fr-FR locale write it.

export const NARROW_NBSP = "\u202f";
export const NBSP = "\u00a0";

export function formatCentsFr(cents: Cents, withSymbol = true): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0");
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
  return `${negative ? "-" : ""}${grouped},${fraction}${withSymbol ? `${NBSP}€` : ""}`;
}

/** "12,15 %" for a fraction 0.1215. */
export function formatRateFr(fraction: number): string {
  const percent = Math.round(fraction * 1e6) / 1e4;
  return `${String(percent).replace(".", ",")}${NBSP}%`;
}
