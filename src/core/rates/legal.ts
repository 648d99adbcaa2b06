/**
 * Taux de l'intérêt légal, per semester, in basis points.
 *
 * Column (a): the creditor is a private person not acting for business.
 * Column (b): all other cases (the one a business creditor uses).
 * Sources (FACTS.md §3): tresor.economie.gouv.fr, laclef.eu, moneyvox.fr,
 * arrêté du 15 décembre 2025 (JORF 26 décembre 2025) for 2026 S1.
 */
export const LEGAL_SEMESTER_BP: Readonly<Record<string, { readonly particulier: number; readonly autres: number }>> = {
  "2015-S1": { particulier: 406, autres: 93 },
  "2015-S2": { particulier: 429, autres: 99 },
  "2016-S1": { particulier: 454, autres: 101 },
  "2016-S2": { particulier: 435, autres: 93 },
  "2017-S1": { particulier: 416, autres: 90 },
  "2017-S2": { particulier: 394, autres: 90 },
  "2018-S1": { particulier: 373, autres: 89 },
  "2018-S2": { particulier: 360, autres: 88 },
  "2019-S1": { particulier: 340, autres: 86 },
  "2019-S2": { particulier: 326, autres: 87 },
  "2020-S1": { particulier: 315, autres: 87 },
  "2020-S2": { particulier: 311, autres: 84 },
  "2021-S1": { particulier: 314, autres: 79 },
  "2021-S2": { particulier: 312, autres: 76 },
  "2022-S1": { particulier: 313, autres: 76 },
  "2022-S2": { particulier: 315, autres: 77 },
  "2023-S1": { particulier: 447, autres: 206 },
  "2023-S2": { particulier: 682, autres: 422 },
  "2024-S1": { particulier: 801, autres: 507 },
  "2024-S2": { particulier: 816, autres: 492 },
  "2025-S1": { particulier: 721, autres: 371 },
  "2025-S2": { particulier: 665, autres: 276 },
  "2026-S1": { particulier: 667, autres: 262 },
};
