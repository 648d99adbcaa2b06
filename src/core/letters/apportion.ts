/**
 * Shares of a total in cents across parts known exactly, so that the shares
 * printed add up to the total to the cent (largest-remainder apportionment).
 *
 * Each part is an exact fraction weight / denominator of a cent (interest of
 * one period: base x rate x days over 1e6 x 365). Each share starts at the
 * part rounded down; the cents still missing to reach the total go one each to
 * the parts with the largest dropped fractions (earliest part first on a tie).
 * When the total is the exact sum rounded once, every share is its part
 * rounded down or up: no share is off by a cent or more.
 *
 * A total that is not the one rounding of the exact sum (a claim rounded part
 * by part, see escalation/claim.ts) is reached the same way: extra cents go
 * round again in the same order, cents to take back come off the parts with
 * the smallest fractions, never below zero. How far such a total may stray
 * is the caller's rule (decompte.ts).
 */
import type { Cents } from "../money";

export function apportionCents(weights: readonly bigint[], denominator: bigint, total: Cents): Cents[] {
  if (denominator <= 0n) throw new RangeError("apportionCents : dénominateur non positif");
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`apportionCents : total invalide (${total})`);
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new RangeError("apportionCents : un total non nul sans période");
    return [];
  }
  const shares = weights.map((w) => {
    if (w < 0n) throw new RangeError("apportionCents : poids négatif");
    return Number(w / denominator);
  });
  const remainders = weights.map((w) => w % denominator);
  // Parts by dropped fraction, largest first; ties keep the earlier part first.
  const order = [...shares.keys()].sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
  let missing = total - shares.reduce((sum, share) => sum + share, 0);
  // Missing cents go one per part, largest fraction first, round again if need be;
  // cents to take back come off the smallest fractions, never below zero.
  for (let k = 0; missing > 0; k = (k + 1) % n, missing--) shares[order[k]] += 1;
  for (let k = n - 1, untouched = 0; missing < 0; k = k === 0 ? n - 1 : k - 1) {
    if (shares[order[k]] === 0) {
      if (++untouched >= n) throw new RangeError("apportionCents : total impossible à répartir sans part négative");
      continue;
    }
    shares[order[k]] -= 1;
    missing++;
    untouched = 0;
  }
  return shares;
}
