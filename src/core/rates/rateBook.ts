/**
 * One place to ask "which rate applies on this day?".
 *
 * A RateBook joins the official tables (ecb.ts, legal.ts) and the rates the
 * user supplied for later semesters. Rates are integers in millionths
 * (RATE_SCALE): 12.15 % = 121 500. A semester nobody knows is reported as a
 * MissingRate, never filled in.
 *
 * For speed, each kind keeps a cumulative table over its known contiguous
 * days: cumulative[d] = sum of the daily rate from the first known day to d.
 * The sum of rates over any late period is then two reads, so 100,000
 * penalties crossing several semesters cost 100,000 subtractions.
 */
import { message, textOf, type Message } from "../messages";
import { parseSemesterKey, semesterOf, semesterStart, type EpochDay, type SemesterIndex } from "../calendar";
import { RATE_SCALE } from "../money";
import { ECB_SEMESTER_BP } from "./ecb";
import { LEGAL_SEMESTER_BP } from "./legal";
import { RATE_KINDS, type RateKind } from "./kinds";
import type { UserRates } from "./userRates";

export type RateOrigin = "officiel" | "utilisateur";

/** A rate the add-in does not know: the formulas answer #N/A with its message. */
export class MissingRate {
  /** What to tell the user (worded by the message catalogues). */
  readonly said: Message;
  constructor(
    readonly kind: RateKind,
    readonly semester: SemesterIndex,
    /** False for a semester older than the official tables: the user cannot supply it. */
    readonly enterable = true,
  ) {
    this.said = message("rate.missing", { kind, semester, enterable });
  }

  /** The message in French (the default language). */
  get message(): string {
    return textOf(this.said, "fr");
  }
}

const BP_TO_MILLIONTHS = RATE_SCALE / 10_000;

/** The official tables, in basis points per semester key (ecb.ts, legal.ts). */
export interface OfficialTables {
  readonly ecb: Readonly<Record<string, number>>;
  readonly legal: Readonly<Record<string, { readonly particulier: number; readonly autres: number }>>;
}

/** The tables built into this version; tests pass others to play a later update of the data. */
export const BUILT_IN_TABLES: OfficialTables = { ecb: ECB_SEMESTER_BP, legal: LEGAL_SEMESTER_BP };

function builtInTable(kind: RateKind, official: OfficialTables): Map<SemesterIndex, number> {
  const table = new Map<SemesterIndex, number>();
  if (kind === "bce") {
    for (const [key, bp] of Object.entries(official.ecb)) table.set(parseSemesterKey(key)!, bp * BP_TO_MILLIONTHS);
  } else {
    for (const [key, row] of Object.entries(official.legal)) {
      table.set(parseSemesterKey(key)!, (kind === "legalParticulier" ? row.particulier : row.autres) * BP_TO_MILLIONTHS);
    }
  }
  return table;
}

interface KindTable {
  readonly rates: ReadonlyMap<SemesterIndex, number>;
  readonly origins: ReadonlyMap<SemesterIndex, RateOrigin>;
  /** First and last semester of the contiguous known run starting at the first official one. */
  readonly firstSemester: SemesterIndex;
  readonly lastSemester: SemesterIndex;
  /** Day before the first known day: cumulative[0] = 0 stands for it. */
  readonly baseDay: EpochDay;
  readonly cumulative: Float64Array;
  /** The semester right after the run, the first one missing: its first day, and the first day after it. */
  readonly gapStart: EpochDay;
  readonly gapEnd: EpochDay;
}

function buildKindTable(rates: Map<SemesterIndex, number>, origins: Map<SemesterIndex, RateOrigin>): KindTable {
  const firstSemester = Math.min(...rates.keys());
  let lastSemester = firstSemester;
  while (rates.has(lastSemester + 1)) lastSemester += 1;
  const baseDay = semesterStart(firstSemester) - 1;
  const endDay = semesterStart(lastSemester + 1) - 1;
  const cumulative = new Float64Array(endDay - baseDay + 1);
  let total = 0;
  for (let semester = firstSemester; semester <= lastSemester; semester++) {
    const rate = rates.get(semester)!;
    const from = semesterStart(semester) - baseDay;
    const to = semesterStart(semester + 1) - 1 - baseDay;
    for (let i = from; i <= to; i++) {
      total += rate;
      cumulative[i] = total;
    }
  }
  return {
    rates,
    origins,
    firstSemester,
    lastSemester,
    baseDay,
    cumulative,
    gapStart: semesterStart(lastSemester + 1),
    gapEnd: semesterStart(lastSemester + 2),
  };
}

export class RateBook {
  private readonly tables: Readonly<Record<RateKind, KindTable>>;
  /**
   * One MissingRate per kind and semester: a column whose every row lacks
   * the same semester gets the same object, its message written once.
   */
  private readonly missingRates = new Map<number, MissingRate>();
  /** gapAfterTables per kind, at hand: an open column asks it on every row. */
  private readonly gaps: Partial<Record<RateKind, MissingRate>> = {};

  private constructor(
    tables: Record<RateKind, KindTable>,
    /** The user rates this book was built with (as stored). */
    readonly userRates: UserRates | undefined,
  ) {
    this.tables = tables;
  }

  static builtIn(): RateBook {
    return RateBook.create(undefined);
  }

  /** The built-in tables plus validated user rates (see validateUserRates). */
  static create(userRates: UserRates | undefined, official: OfficialTables = BUILT_IN_TABLES): RateBook {
    const tables = {} as Record<RateKind, KindTable>;
    for (const kind of RATE_KINDS) {
      const rates = builtInTable(kind, official);
      const origins = new Map<SemesterIndex, RateOrigin>([...rates.keys()].map((s) => [s, "officiel"]));
      for (const [key, entry] of Object.entries(userRates?.semestres ?? {})) {
        const semester = parseSemesterKey(key);
        const fraction = entry[kind];
        if (semester === undefined || fraction === undefined || rates.has(semester)) continue;
        rates.set(semester, Math.round(fraction * RATE_SCALE));
        origins.set(semester, "utilisateur");
      }
      tables[kind] = buildKindTable(rates, origins);
    }
    return new RateBook(tables, userRates);
  }

  /** First semester, per kind, that the official tables do not cover. */
  static firstOpenSemesters(official: OfficialTables = BUILT_IN_TABLES): Record<RateKind, SemesterIndex> {
    const open = {} as Record<RateKind, SemesterIndex>;
    for (const kind of RATE_KINDS) open[kind] = Math.max(...builtInTable(kind, official).keys()) + 1;
    return open;
  }

  /** Rate in millionths for a semester, or undefined. */
  rate(kind: RateKind, semester: SemesterIndex): number | undefined {
    return this.tables[kind].rates.get(semester);
  }

  origin(kind: RateKind, semester: SemesterIndex): RateOrigin | undefined {
    return this.tables[kind].origins.get(semester);
  }

  /** Rate in force on a day, or the MissingRate that stops us. */
  rateOn(kind: RateKind, day: EpochDay): number | MissingRate {
    const table = this.tables[kind];
    if (day >= table.gapStart && day < table.gapEnd) return this.gapAfterTables(kind);
    const semester = semesterOf(day);
    const rate = this.tables[kind].rates.get(semester);
    return rate === undefined ? this.missing(kind, semester) : rate;
  }

  /** Semesters known for a kind, in order, with their origin. */
  semesters(kind: RateKind): Array<{ semester: SemesterIndex; rate: number; origin: RateOrigin }> {
    const table = this.tables[kind];
    return [...table.rates.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([semester, rate]) => ({ semester, rate, origin: table.origins.get(semester)! }));
  }

  private missing(kind: RateKind, semester: SemesterIndex): MissingRate {
    const key = semester * RATE_KINDS.length + RATE_KINDS.indexOf(kind);
    let missing = this.missingRates.get(key);
    if (missing === undefined) {
      missing = new MissingRate(kind, semester, semester > this.tables[kind].firstSemester);
      this.missingRates.set(key, missing);
    }
    return missing;
  }

  /**
   * What stops a period that starts inside the contiguous tables and ends
   * after them: the semester right after the run, whatever later semesters
   * the user supplied (the walk of slowRateDays meets that gap first).
   */
  gapAfterTables(kind: RateKind): MissingRate {
    const known = this.gaps[kind];
    if (known !== undefined) return known;
    const gap = this.missing(kind, this.tables[kind].lastSemester + 1);
    this.gaps[kind] = gap;
    return gap;
  }

  /**
   * The cumulative table of a kind, for loops over many periods: the sum of
   * rates over (start, end] is cumulative[end - baseDay] -
   * cumulative[start - baseDay] while both indexes are inside the table;
   * outside it, ask rateDays.
   */
  cumulativeRates(kind: RateKind): { readonly baseDay: EpochDay; readonly cumulative: Float64Array } {
    return this.tables[kind];
  }

  /**
   * Sum over the days d in (start, end] of the rate of d's semester, in
   * millionths x days. Requires start < end.
   */
  rateDays(kind: RateKind, start: EpochDay, end: EpochDay): number | MissingRate {
    const table = this.tables[kind];
    const i = start - table.baseDay;
    const j = end - table.baseDay;
    const cumulative = table.cumulative;
    if (i >= 0 && j < cumulative.length) return cumulative[j] - cumulative[i];
    // The common gap (an open invoice running into, or due in, the semester
    // not yet published): the walk would stop there at once.
    if ((i >= 0 && i < cumulative.length) || (start + 1 >= table.gapStart && start + 1 < table.gapEnd)) return this.gapAfterTables(kind);
    return this.slowRateDays(kind, start, end);
  }

  /** Outside the contiguous run: walk semester by semester, naming the first gap. */
  private slowRateDays(kind: RateKind, start: EpochDay, end: EpochDay): number | MissingRate {
    const rates = this.tables[kind].rates;
    let total = 0;
    let from = start + 1;
    while (from <= end) {
      const semester = semesterOf(from);
      const rate = rates.get(semester);
      if (rate === undefined) return this.missing(kind, semester);
      const to = Math.min(end, semesterStart(semester + 1) - 1);
      total += rate * (to - from + 1);
      from = to + 1;
    }
    return total;
  }
}
