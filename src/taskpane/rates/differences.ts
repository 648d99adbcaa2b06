/**
 * The lines the Taux tab shows when official rates have replaced rates the
 * user had entered with other figures (core/rates/superseded.ts).
 */
import { semesterLabel } from "../../core/calendar";
import { formatRateFr, RATE_SCALE } from "../../core/money";
import type { RateBook } from "../../core/rates/rateBook";
import { supersededUserRates } from "../../core/rates/superseded";
import type { Strings } from "../i18n";

export function supersededLines(book: RateBook, t: Strings): string[] {
  return supersededUserRates(book).map((entry) => {
    const rate = entry.kind === "bce" ? t.ratesEcb : entry.kind === "legalParticulier" ? t.ratesLegalPrivate : t.ratesLegalOther;
    const percent = (millionths: number) => formatRateFr(millionths / RATE_SCALE);
    return t.ratesSupersededLine(semesterLabel(entry.semester), rate, percent(entry.official), percent(entry.user), entry.userSource);
  });
}
