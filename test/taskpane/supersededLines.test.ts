/** The Taux tab's list of differences between official rates and the user's earlier entries. */
import { BUILT_IN_TABLES, RateBook, type OfficialTables } from "../../src/core/rates/rateBook";
import type { UserRates } from "../../src/core/rates/userRates";
import { stringsFor } from "../../src/taskpane/i18n";
import { supersededLines } from "../../src/taskpane/rates/differences";

const UPDATED: OfficialTables = {
  ecb: { ...BUILT_IN_TABLES.ecb, "2026-S2": 215 },
  legal: { ...BUILT_IN_TABLES.legal, "2026-S2": { particulier: 650, autres: 262 } },
};
const ENTERED: UserRates = { version: 1, semestres: { "2026-S2": { bce: 0.024, legalAutres: 0.0275 }, "2027-S1": { bce: 0.02 } } };

test("one line per differing rate, official first, with the user's source", () => {
  const lines = supersededLines(RateBook.create({ ...ENTERED, semestres: { ...ENTERED.semestres, "2026-S2": { ...ENTERED.semestres["2026-S2"], source: "presse" } } }, UPDATED), stringsFor("fr"));
  expect(lines).toEqual([
    "2e semestre 2026, BCE : officiel 2,15\u00a0%, votre saisie 2,4\u00a0% (presse)",
    "2e semestre 2026, Légal (autres) : officiel 2,62\u00a0%, votre saisie 2,75\u00a0% (presse)",
  ]);
});

test("nothing to list while the tables lack the semester, or when the figures agree", () => {
  expect(supersededLines(RateBook.create(ENTERED), stringsFor("fr"))).toEqual([]);
  const agreeing: UserRates = { version: 1, semestres: { "2026-S2": { bce: 0.0215, legalParticulier: 0.065 } } };
  expect(supersededLines(RateBook.create(agreeing, UPDATED), stringsFor("en"))).toEqual([]);
});
