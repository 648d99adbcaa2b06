/**
 * ECB main refinancing operations (MRO) rate.
 *
 * Sources (FACTS.md §2-§3): Banque de France, policy rates; the ECB's key
 * interest rate table; press reports of each ECB decision for 2024-2026.
 * Figures are in basis points (hundredths of a percent): 215 = 2.15 %.
 */

/** MRO rate changes, by the date they took effect. */
export const MRO_HISTORY: ReadonlyArray<{ readonly from: string; readonly bp: number }> = [
  { from: "2011-12-14", bp: 100 },
  { from: "2012-07-11", bp: 75 },
  { from: "2013-05-08", bp: 50 },
  { from: "2013-11-13", bp: 25 },
  { from: "2014-06-11", bp: 15 },
  { from: "2014-09-10", bp: 5 },
  { from: "2016-03-16", bp: 0 },
  { from: "2022-07-27", bp: 50 },
  { from: "2022-09-14", bp: 125 },
  { from: "2022-11-02", bp: 200 },
  { from: "2022-12-21", bp: 250 },
  { from: "2023-02-08", bp: 300 },
  { from: "2023-03-22", bp: 350 },
  { from: "2023-05-10", bp: 375 },
  { from: "2023-06-21", bp: 400 },
  { from: "2023-08-02", bp: 425 },
  { from: "2023-09-20", bp: 450 },
  { from: "2024-06-12", bp: 425 },
  { from: "2024-09-18", bp: 365 },
  { from: "2024-10-23", bp: 340 },
  { from: "2024-12-18", bp: 315 },
  { from: "2025-02-05", bp: 290 },
  { from: "2025-03-12", bp: 265 },
  { from: "2025-04-23", bp: 240 },
  { from: "2025-06-11", bp: 215 },
  // Unchanged at the meetings of 18 Dec 2025 and 5 Feb 2026. Later decisions
  // are not in our sources: the table stops at 2026 S1 and is never guessed.
];

/**
 * MRO rate in force on 1 January / 1 July, the rate L441-10 (penalties) and
 * R2192-31 (public buyers) refer to, per semester ("2026-S1").
 * Sources: FACTS.md §3 (Banque de France; tresor.economie.gouv.fr). The test
 * suite checks each entry against MRO_HISTORY.
 */
export const ECB_SEMESTER_BP: Readonly<Record<string, number>> = {
  "2012-S1": 100, "2012-S2": 100,
  "2013-S1": 75, "2013-S2": 50,
  "2014-S1": 25, "2014-S2": 15,
  "2015-S1": 5, "2015-S2": 5,
  "2016-S1": 5, "2016-S2": 0,
  "2017-S1": 0, "2017-S2": 0,
  "2018-S1": 0, "2018-S2": 0,
  "2019-S1": 0, "2019-S2": 0,
  "2020-S1": 0, "2020-S2": 0,
  "2021-S1": 0, "2021-S2": 0,
  "2022-S1": 0, "2022-S2": 0,
  "2023-S1": 250, "2023-S2": 400,
  "2024-S1": 450, "2024-S2": 425,
  "2025-S1": 315, "2025-S2": 215,
  "2026-S1": 215,
};
