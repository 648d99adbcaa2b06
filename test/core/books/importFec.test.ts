/**
 * The pane's FEC import on a small fictional FEC in two parts (a bakery's
 * customers: invoices, a credit note, a partial payment, a payment on
 * account, an opening balance, lettered groups, a 419 advance, lines after
 * the date), then into the « Créances » table and again a month later.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importFec } from "../../../src/core/books/importFec";
import { planReimport } from "../../../src/core/books/reimport";
import { applyPlan, columnOf, day } from "./creancesFixtures";

const DIR = path.join(__dirname, "..", "..", "fixtures", "fec-import");
const FILES = ["987654321FEC20251231-partie1.txt", "987654321FEC20251231-partie2.txt"].map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(DIR, name))),
}));
const THIRTY = { kind: "days", days: 30 } as const;

const openOf = (summary: ReturnType<typeof importFec>) =>
  summary.open.map((item) => [item.account, item.piece, item.remainingCents]).sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));

test("the open items at 31/03/2025: credits imputed, lettered groups settled, everything read accounted for", () => {
  const phases: string[] = [];
  const summary = importFec({ files: FILES, asOf: day("2025-03-31"), terms: THIRTY }, (phase) => phases.push(phase));
  expect(phases).toEqual(["lecture", "creances"]);
  expect(openOf(summary)).toEqual([
    ["C001", "F-105", 140000],
    ["C002", "F-102", 50000],
    ["C002", "F-107", 30000],
    ["C003", "F-108", 100000],
    ["C004", "x", 80000],
  ]);
  expect(summary.openCents).toBe(400000);
  expect(summary.balanceCents).toBe(400000);
  expect(summary.debtorAccounts).toBe(4);
  expect(summary.files).toHaveLength(2);
  expect(summary.linesRead).toBe(38);
  // The 419 advance and the lines after the date are reported, with their reason.
  const codes = summary.notices.map((group) => group.code);
  expect(codes).toEqual(expect.arrayContaining(["autre_compte", "compte_419", "apres_date"]));
  const advance = summary.notices.find((group) => group.code === "compte_419")!;
  expect(advance.details.join("\n")).toMatch(/419/);
  // Due dates are assumed from the terms: 30 days after the piece date.
  const f105 = summary.open.find((item) => item.piece === "F-105")!;
  expect(f105).toMatchObject({ dueDate: day("2025-03-22"), dueDateSource: "assumed" });
});

test("imported again at 30/04/2025: F-107 settled (kept), F-110 added, the rest unchanged", () => {
  const march = importFec({ files: FILES, asOf: day("2025-03-31"), terms: THIRTY });
  const first = applyPlan(undefined, planReimport({ items: march.open, asOf: march.asOf, defaultTerms: THIRTY }));
  const april = importFec({ files: FILES, asOf: day("2025-04-30"), terms: THIRTY });
  const plan = planReimport({ existing: first, items: april.open, asOf: april.asOf, defaultTerms: THIRTY });
  const second = applyPlan(first, plan);
  expect(plan.report).toMatchObject({ added: 1, settled: 1, updated: 4 });
  expect(columnOf(second, "N° pièce")).toEqual(["F-105", "F-102", "F-107", "F-108", "x", "F-110"]);
  expect(columnOf(second, "Statut")).toEqual(["ouverte", "ouverte", "réglée", "ouverte", "ouverte", "ouverte"]);
  expect(columnOf(second, "Reste dû")).toEqual([1400, 500, 0, 1000, 800, 900]);
});
