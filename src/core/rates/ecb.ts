/**
 * ECB main refinancing operations (MRO) rate in force on 1 January / 1 July,
 * the rate L441-10 (penalties) and R2192-31 (public buyers) refer to, per
 * semester ("2026-S1"), in basis points (215 = 2.15 %).
 *
 * The figures are data: data/ecb.json, one row per semester with its source
 * (the ECB decision that set the rate) and its publication date, checked
 * against data/mro.json (every MRO change) by the test suite. A semester
 * missing there is missing here: it is never guessed. README « Mettre à jour
 * les taux » says how to add one.
 */
import ecbTable from "./data/ecb.json";

export const ECB_SEMESTER_BP: Readonly<Record<string, number>> = Object.fromEntries(ecbTable.lignes.map((row) => [row.semestre, row.bp]));
