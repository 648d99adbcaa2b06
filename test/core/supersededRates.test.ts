/**
 * A table update brings the official figure for a semester the user had
 * typed by hand: the workbook's old rates keep loading, the official figure
 * is used, and every difference with the user's entry is listed.
 */
import { BUILT_IN_TABLES, RateBook, type OfficialTables } from "../../src/core/rates/rateBook";
import { supersededUserRates } from "../../src/core/rates/superseded";
import { validateUserRates, type UserRates } from "../../src/core/rates/userRates";

const S2_2026 = 2026 * 2 + 1;
const S1_2027 = 2027 * 2;

/** As an earlier version stored it in the workbook (setting recouvre.tauxUtilisateur, version 1). */
const STORED_BY_HAND: UserRates = JSON.parse(
  '{"version":1,"semestres":{"2026-S2":{"bce":0.024,"legalParticulier":0.065,"legalAutres":0.0262,"source":"presse, 12/06/2026"}}}',
);

/** The tables after a (played) update adding 2026-S2. */
const UPDATED: OfficialTables = {
  ecb: { ...BUILT_IN_TABLES.ecb, "2026-S2": 215 },
  legal: { ...BUILT_IN_TABLES.legal, "2026-S2": { particulier: 650, autres: 262 } },
};

describe("before the update: the user's 2026-S2 is used", () => {
  test("it loads and computes", () => {
    expect(validateUserRates(STORED_BY_HAND, RateBook.firstOpenSemesters(), "stored")).toEqual({ ok: true, value: STORED_BY_HAND });
    const book = RateBook.create(STORED_BY_HAND);
    expect(book.rate("bce", S2_2026)).toBe(24_000);
    expect(book.origin("bce", S2_2026)).toBe("utilisateur");
    expect(supersededUserRates(book)).toEqual([]);
  });
});

describe("after the update: the official 2026-S2 is used, the differences listed", () => {
  const firstOpen = RateBook.firstOpenSemesters(UPDATED);

  test("the old stored rates keep loading", () => {
    expect(firstOpen.bce).toBe(S1_2027);
    expect(validateUserRates(STORED_BY_HAND, firstOpen, "stored")).toEqual({ ok: true, value: STORED_BY_HAND });
  });

  test("the official figures replace the user's, and only the differing ones are listed", () => {
    const book = RateBook.create(STORED_BY_HAND, UPDATED);
    expect(book.rate("bce", S2_2026)).toBe(21_500);
    expect(book.origin("bce", S2_2026)).toBe("officiel");
    expect(book.rate("legalParticulier", S2_2026)).toBe(65_000);
    expect(supersededUserRates(book)).toEqual([
      { semester: S2_2026, kind: "bce", user: 24_000, official: 21_500, userSource: "presse, 12/06/2026" },
    ]);
  });

  test("saving keeps the superseded entry as it was, refuses to change it", () => {
    const next: UserRates = { version: 1, semestres: { ...STORED_BY_HAND.semestres, "2027-S1": { bce: 0.02 } } };
    expect(validateUserRates(next, firstOpen, STORED_BY_HAND).ok).toBe(true);
    const changed: UserRates = { version: 1, semestres: { "2026-S2": { ...STORED_BY_HAND.semestres["2026-S2"], bce: 0.03 } } };
    const result = validateUserRates(changed, firstOpen, STORED_BY_HAND);
    expect(result.ok ? "" : result.errors.join()).toContain("ne peut pas être remplacé");
  });

  test("an entry for a semester users could never enter stays an error", () => {
    const result = validateUserRates({ version: 1, semestres: { "2025-S1": { bce: 0.05 } } }, firstOpen, "stored");
    expect(result.ok).toBe(false);
  });
});
