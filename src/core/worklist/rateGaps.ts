/**
 * One banner for a missing rate, not one warning per case: the distinct
 * semesters the cases lack, the last day counted for each, and how many
 * cases show a lower bound because of it.
 */
import type { ClientCase, MissingRateRef } from "../escalation/workflow";
import { semesterStart, type EpochDay } from "../calendar";

export interface RateGap extends MissingRateRef {
  /** The day before the semester: penalties are counted up to it. */
  readonly lastKnownDay: EpochDay;
  readonly cases: number;
}

export function rateGaps(cases: readonly ClientCase[]): RateGap[] {
  const gaps = new Map<string, RateGap>();
  for (const c of cases) {
    for (const ref of c.missingRateRefs) {
      const key = `${ref.kind}:${ref.semester}`;
      const known = gaps.get(key);
      gaps.set(key, known ? { ...known, cases: known.cases + 1 } : { ...ref, lastKnownDay: semesterStart(ref.semester) - 1, cases: 1 });
    }
  }
  return [...gaps.values()].sort((a, b) => a.semester - b.semester || (a.kind < b.kind ? -1 : 1));
}
