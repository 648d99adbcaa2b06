/**
 * User rates the official tables have since received: the official figure
 * is used (RateBook.create skips the entry), and where the user had typed
 * something else the Taux tab says so, semester by semester.
 */
import { parseSemesterKey, type SemesterIndex } from "../calendar";
import { RATE_SCALE } from "../money";
import { RATE_KINDS, type RateKind } from "./kinds";
import type { RateBook } from "./rateBook";

export interface SupersededRate {
  readonly semester: SemesterIndex;
  readonly kind: RateKind;
  /** Both in millionths (RATE_SCALE). */
  readonly user: number;
  readonly official: number;
  /** Where the user said the figure came from, if they did. */
  readonly userSource: string | undefined;
}

/** The user's entries that differ from the official rate now known for their semester, in semester order. */
export function supersededUserRates(book: RateBook): SupersededRate[] {
  const found: SupersededRate[] = [];
  for (const [key, entry] of Object.entries(book.userRates?.semestres ?? {})) {
    const semester = parseSemesterKey(key);
    if (semester === undefined) continue;
    for (const kind of RATE_KINDS) {
      const fraction = entry[kind];
      const official = book.rate(kind, semester);
      if (fraction === undefined || official === undefined || book.origin(kind, semester) !== "officiel") continue;
      const user = Math.round(fraction * RATE_SCALE);
      if (user !== official) found.push({ semester, kind, user, official, userSource: entry.source });
    }
  }
  return found.sort((a, b) => a.semester - b.semester || RATE_KINDS.indexOf(a.kind) - RATE_KINDS.indexOf(b.kind));
}
