import fc from "fast-check";
import { ECB_SEMESTER_BP } from "../../src/core/rates/ecb";
import { MRO_HISTORY } from "../../src/core/rates/mroHistory";
import { LEGAL_SEMESTER_BP } from "../../src/core/rates/legal";
import { MissingRate, RateBook } from "../../src/core/rates/rateBook";
import { EMPTY_USER_RATES, validateUserRates, type UserRates } from "../../src/core/rates/userRates";
import { minimumContractRate, penaltyRateOn } from "../../src/core/interest";
import {
  bpToMillionths,
  day,
  FACTS_ECB_BY_SEMESTER,
  FACTS_MRO_CHANGES,
  FACTS_SEMESTER_TABLE,
  semesterFirstDay,
  semesterKeyOf,
} from "./fixtures";

const S = (year: number, half: 1 | 2): number => year * 2 + half - 1;
const S2_2026 = S(2026, 2);
const OPEN = { bce: S2_2026, legalParticulier: S2_2026, legalAutres: S2_2026 };

/** The MRO rate in force on an ISO date, read from a list of changes (the test's own lookup). */
function mroInForce(changes: ReadonlyArray<{ from: string; bp: number }>, isoDate: string): number | undefined {
  let rate: number | undefined;
  for (const change of changes) if (change.from <= isoDate) rate = change.bp;
  return rate;
}

describe("built-in ECB table", () => {
  test("MRO_HISTORY is FACTS.md §2, in order", () => {
    expect(MRO_HISTORY.map((c) => [c.from, c.bp])).toEqual(FACTS_MRO_CHANGES);
    const dates = MRO_HISTORY.map((c) => c.from);
    expect([...dates].sort()).toEqual(dates);
  });

  test("covers exactly 2012-S1 .. 2026-S1", () => {
    const expected: string[] = [];
    for (let year = 2012; year <= 2026; year++) expected.push(`${year}-S1`, ...(year < 2026 ? [`${year}-S2`] : []));
    expect(Object.keys(ECB_SEMESTER_BP).sort()).toEqual(expected.sort());
  });

  test.each(Object.entries(ECB_SEMESTER_BP))("%s equals the MRO in force on its first day", (key, bp) => {
    const [year, half] = key.split("-S");
    const firstDay = `${year}-${half === "1" ? "01" : "07"}-01`;
    expect(bp).toBe(mroInForce(MRO_HISTORY, firstDay));
  });

  test.each([...FACTS_ECB_BY_SEMESTER])("%s equals FACTS.md §3 (%i bp)", (key, bp) => {
    expect(ECB_SEMESTER_BP[key]).toBe(bp);
  });
});

describe("built-in legal rates", () => {
  test("cover exactly 2015-S1 .. 2026-S1", () => {
    expect(Object.keys(LEGAL_SEMESTER_BP).sort()).toEqual(FACTS_SEMESTER_TABLE.map((r) => r.key).sort());
  });
});

describe("RateBook against every row of FACTS.md §3", () => {
  const book = RateBook.builtIn();

  test.each(FACTS_SEMESTER_TABLE.map((r) => [r.key, r] as const))("%s", (_key, r) => {
    // The typed table is consistent with itself.
    expect(r.ecbPlus10).toBe(r.ecb + 1000);
    expect(r.tripleB).toBe(3 * r.legalB);
    for (const probe of [semesterFirstDay(r.key), semesterFirstDay(r.key) + 100]) {
      expect(semesterKeyOf(probe)).toBe(r.key);
      expect(book.rateOn("bce", probe)).toBe(bpToMillionths(r.ecb));
      expect(penaltyRateOn(book, probe)).toBe(bpToMillionths(r.ecbPlus10));
      expect(book.rateOn("legalParticulier", probe)).toBe(bpToMillionths(r.legalA));
      expect(book.rateOn("legalAutres", probe)).toBe(bpToMillionths(r.legalB));
      expect(minimumContractRate(book, probe)).toBe(bpToMillionths(r.tripleB));
    }
    const semester = S(Number(r.key.slice(0, 4)), r.key.endsWith("1") ? 1 : 2);
    expect(book.origin("bce", semester)).toBe("officiel");
    expect(book.origin("legalAutres", semester)).toBe("officiel");
  });

  test("2024: the 3 x legal floor exceeds ECB + 10, the default rate stays ECB + 10", () => {
    const d = day(2024, 3, 1);
    expect(minimumContractRate(book, d)).toBe(152_100);
    expect(penaltyRateOn(book, d)).toBe(145_000);
  });

  test("semesters() lists the ECB series in order", () => {
    const list = book.semesters("bce");
    expect(list[0]).toEqual({ semester: S(2012, 1), rate: 10_000, origin: "officiel" });
    expect(list[list.length - 1]).toEqual({ semester: S(2026, 1), rate: 21_500, origin: "officiel" });
    expect(list).toHaveLength(29);
  });
});

describe("unknown semesters are never guessed", () => {
  const book = RateBook.builtIn();

  test("2026-S2 ECB rate is a MissingRate naming « 2e semestre 2026 »", () => {
    const missing = book.rateOn("bce", day(2026, 7, 1));
    expect(missing).toBeInstanceOf(MissingRate);
    const m = missing as MissingRate;
    expect(m.kind).toBe("bce");
    expect(m.semester).toBe(S2_2026);
    expect(m.message).toContain("2e semestre 2026");
    expect(m.message).toContain("Taux BCE");
    expect(m.message).toContain("volet Recouvre");
    expect(book.rateOn("bce", day(2026, 6, 30))).toBe(21_500);
  });

  test("legal rates too", () => {
    const a = book.rateOn("legalParticulier", day(2026, 12, 31)) as MissingRate;
    const b = book.rateOn("legalAutres", day(2026, 7, 1)) as MissingRate;
    expect(a).toBeInstanceOf(MissingRate);
    expect(b).toBeInstanceOf(MissingRate);
    expect(a.message).toContain("créancier particulier");
    expect(a.message).toContain("2e semestre 2026");
    expect(b.message).toContain("autres cas");
  });

  test("a period reaching into 2026-S2 is a MissingRate, not a partial sum", () => {
    const missing = book.rateDays("bce", day(2026, 6, 20), day(2026, 7, 10));
    expect(missing).toBeInstanceOf(MissingRate);
    expect((missing as MissingRate).semester).toBe(S2_2026);
    // (20/06, 30/06] is known: 10 days at 2.15 %
    expect(book.rateDays("bce", day(2026, 6, 20), day(2026, 6, 30))).toBe(10 * 21_500);
  });

  test("before the table: 2011-S2 is missing", () => {
    const missing = book.rateDays("bce", day(2011, 12, 1), day(2012, 1, 10)) as MissingRate;
    expect(missing).toBeInstanceOf(MissingRate);
    expect(missing.message).toContain("2e semestre 2011");
    expect(book.rateOn("legalAutres", day(2014, 12, 31))).toBeInstanceOf(MissingRate);
  });

  test("firstOpenSemesters is 2026-S2 for every kind", () => {
    expect(RateBook.firstOpenSemesters()).toEqual(OPEN);
  });
});

describe("rateDays", () => {
  const book = RateBook.builtIn();

  test("across 1 January: (15/12/2024, 15/01/2025] = 16 days at 4.25 % + 15 days at 3.15 %", () => {
    expect(book.rateDays("bce", day(2024, 12, 15), day(2025, 1, 15))).toBe(16 * 42_500 + 15 * 31_500);
  });

  test("across 1 July: (30/06/2025, 01/07/2025] is one day of the 2nd semester", () => {
    expect(book.rateDays("bce", day(2025, 6, 30), day(2025, 7, 1))).toBe(21_500);
    expect(book.rateDays("bce", day(2025, 6, 29), day(2025, 6, 30))).toBe(31_500);
  });

  test("property: equals a day-by-day sum over FACTS.md rates", () => {
    const first = day(2015, 1, 1) - 1;
    const last = day(2026, 6, 30);
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last - 1 }),
        fc.integer({ min: 1, max: 800 }),
        fc.constantFrom("bce" as const, "legalParticulier" as const, "legalAutres" as const),
        (start, length, kind) => {
          const end = Math.min(last, start + length);
          let expected = 0;
          for (let d = start + 1; d <= end; d++) {
            const r = FACTS_SEMESTER_TABLE.find((x) => x.key === semesterKeyOf(d))!;
            expected += bpToMillionths(kind === "bce" ? r.ecb : kind === "legalParticulier" ? r.legalA : r.legalB);
          }
          expect(book.rateDays(kind, start, end)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("user rates", () => {
  const valid: UserRates = {
    version: 1,
    semestres: {
      "2026-S2": { bce: 0.03, legalParticulier: 0.065, legalAutres: 0.025, source: "arrêté du 15/06/2026", saisiLe: "2026-06-20" },
    },
  };

  test("accepts 2026-S2 and the empty table", () => {
    expect(validateUserRates(valid, OPEN)).toEqual({ ok: true, value: valid });
    expect(validateUserRates(EMPTY_USER_RATES, OPEN).ok).toBe(true);
    expect(validateUserRates({ version: 1, semestres: { "2026-S2": { bce: 0.5 } } }, OPEN).ok).toBe(true);
    expect(validateUserRates({ version: 1, semestres: { "2026-S2": { bce: 0 } } }, OPEN).ok).toBe(true);
    expect(validateUserRates({ version: 1, semestres: { "2026-S2": { bce: 0.123456 } } }, OPEN).ok).toBe(true); // 12.3456 %
    expect(validateUserRates({ version: 1, semestres: { "2099-S2": { bce: 0.02 } } }, OPEN).ok).toBe(true);
  });

  function errorsOf(input: unknown): string[] {
    const result = validateUserRates(input, OPEN);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  }

  test("refuses to replace an official semester", () => {
    const errors = errorsOf({ version: 1, semestres: { "2026-S1": { bce: 0.02 } } });
    expect(errors.join("\n")).toContain("1er semestre 2026");
    expect(errors.join("\n")).toContain("ne peut pas être remplacé");
    expect(errorsOf({ version: 1, semestres: { "2025-S2": { legalAutres: 0.02 } } })).toHaveLength(1);
  });

  test("refuses bad keys", () => {
    expect(errorsOf({ version: 1, semestres: { "2026-S3": { bce: 0.02 } } })).toEqual(["semestres › 2026-S3 : semestre attendu au format 2026-S2"]);
    errorsOf({ version: 1, semestres: { "2026S2": { bce: 0.02 } } });
    errorsOf({ version: 1, semestres: { "S2-2026": { bce: 0.02 } } });
    expect(errorsOf({ version: 1, semestres: { "2100-S1": { bce: 0.02 } } }).join()).toContain("trop lointain");
  });

  test("refuses rates above 50 %, negative, non-finite or with more than 4 decimals in percent", () => {
    expect(errorsOf({ version: 1, semestres: { "2026-S2": { bce: 0.5001 } } }).join()).toContain("50 %");
    errorsOf({ version: 1, semestres: { "2026-S2": { bce: -0.01 } } });
    errorsOf({ version: 1, semestres: { "2026-S2": { bce: Number.NaN } } });
    errorsOf({ version: 1, semestres: { "2026-S2": { bce: Number.POSITIVE_INFINITY } } });
    errorsOf({ version: 1, semestres: { "2026-S2": { bce: "0.02" } } });
    expect(errorsOf({ version: 1, semestres: { "2026-S2": { bce: 0.1234567 } } }).join()).toContain("quatre décimales");
  });

  test("refuses unknown shapes", () => {
    errorsOf(null);
    errorsOf("{}");
    errorsOf({ version: 2, semestres: {} });
    errorsOf({ version: 1 });
    errorsOf({ version: 1, semestres: { "2026-S2": { bce: 0.02, autre: 1 } } });
    errorsOf({ version: 1, semestres: {}, extra: true });
  });

  test("RateBook.create uses them for 2026-S2, with the user origin", () => {
    const book = RateBook.create(valid);
    expect(book.rateOn("bce", day(2026, 7, 1))).toBe(30_000);
    expect(book.rateOn("legalParticulier", day(2026, 9, 1))).toBe(65_000);
    expect(book.rateOn("legalAutres", day(2026, 12, 31))).toBe(25_000);
    expect(book.origin("bce", S2_2026)).toBe("utilisateur");
    expect(book.origin("bce", S(2026, 1))).toBe("officiel");
    expect(book.userRates).toBe(valid);
    // (25/06/2026, 15/07/2026]: 5 days at 2.15 % + 15 days at 3.00 %
    expect(book.rateDays("bce", day(2026, 6, 25), day(2026, 7, 15))).toBe(5 * 21_500 + 15 * 30_000);
    expect(book.rateOn("bce", day(2027, 1, 1))).toBeInstanceOf(MissingRate);
  });

  test("a user figure never overrides an official one, even unvalidated", () => {
    const book = RateBook.create({ version: 1, semestres: { "2025-S1": { bce: 0.5 } } });
    expect(book.rateOn("bce", day(2025, 3, 1))).toBe(31_500);
  });

  test("a gap in user semesters is reported by name", () => {
    const book = RateBook.create({ version: 1, semestres: { "2027-S1": { bce: 0.02 } } });
    expect(book.rateOn("bce", day(2027, 3, 1))).toBe(20_000);
    expect(book.rateDays("bce", day(2027, 1, 10), day(2027, 2, 9))).toBe(30 * 20_000);
    const gap = book.rateDays("bce", day(2026, 12, 20), day(2027, 1, 10)) as MissingRate;
    expect(gap).toBeInstanceOf(MissingRate);
    expect(gap.message).toContain("2e semestre 2026");
  });
});
