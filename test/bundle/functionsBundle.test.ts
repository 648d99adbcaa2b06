/**
 * The shipped bundle, loaded as Excel loads it: dist/functions.js alone, with
 * only the CustomFunctions global. Run after `npm run build`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeExcelError, loadFunctionsBundle, readFunctionsJson, type RegisteredFunction } from "../support/excelRuntime";

const EXPECTED_IDS = [
  "JOURS_RETARD", "ECHEANCE", "TAUX_BCE", "TAUX_PENALITE", "TAUX_LEGAL", "TAUX_MINIMUM", "PENALITE", "INDEMNITE",
  "INTERETS_MORATOIRES", "INTERETS_LEGAUX", "TOTAL_DU", "TRANCHE", "BALANCE_AGEE", "ETAPE", "PRESCRIPTION", "DSO",
];

const { functions } = loadFunctionsBundle();
const metadata = readFunctionsJson();

function call(id: string, ...args: unknown[]): unknown {
  const fn = functions.get(id) as RegisteredFunction;
  return fn(...args);
}

// Excel serials used below.
const S_2024_12_15 = 45641;
const S_2025_01_15 = 45672;
const S_2025_03_10 = 45726;

describe("dist/functions.js loaded alone", () => {
  it("registers exactly the functions that functions.json declares", () => {
    expect([...functions.keys()].sort()).toEqual([...EXPECTED_IDS].sort());
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
    for (const fn of functions.values()) expect(typeof fn).toBe("function");
  });

  it("describes every function and parameter in French in functions.json", () => {
    for (const fn of metadata.functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.description).toMatch(/[a-zé]{3,}.*[a-zé]{3,}/);
      for (const parameter of fn.parameters) {
        expect(parameter.description ?? "").not.toBe("");
        expect(parameter.dimensionality).toBe("matrix");
      }
      expect(fn.result.dimensionality).toBe("matrix");
    }
  });

  it("ships functions-en.json beside it: the same ids and parameters, English names", () => {
    const english = JSON.parse(readFileSync(join(__dirname, "..", "..", "dist", "functions-en.json"), "utf8")) as typeof metadata;
    expect(english.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    english.functions.forEach((f, i) => {
      expect(f.parameters.length).toBe(metadata.functions[i].parameters.length);
      // DSO is DSO in both languages; every other name is translated.
      if (f.id !== "DSO") expect(f.name).not.toBe(f.id);
    });
    expect(english.functions.find((f) => f.id === "PENALITE")?.name).toBe("PENALTY");
  });

  it("marks as volatile exactly the functions that default a date to today", () => {
    const volatile = metadata.functions.filter((f) => f.options?.volatile).map((f) => f.id).sort();
    expect(volatile).toEqual(
      ["BALANCE_AGEE", "ETAPE", "INDEMNITE", "INTERETS_LEGAUX", "INTERETS_MORATOIRES", "JOURS_RETARD", "PENALITE", "TOTAL_DU", "TRANCHE"].sort(),
    );
  });

  it("computes a penalty across 1 January through its id, as Excel calls it", () => {
    // 10,000 EUR due 15/12/2024, paid 15/01/2025: 16 days at 14.25 % (2024 S2) and
    // 15 days at 13.15 % (2025 S1): 1,000,000 cents x (142500 x 16 + 131500 x 15)
    // / 365,000,000 = 1,000,000 x 4,252,500 / 365,000,000 = 11,650.68 cents -> 116.51 EUR.
    expect(call("PENALITE", [[10000]], [[S_2024_12_15]], [[S_2025_01_15]], null)).toEqual([[116.51]]);
  });

  it("spills a column and keeps errors in their own cells", () => {
    const result = call(
      "PENALITE",
      [[10000], [""], ["abc"], [500]],
      [[S_2024_12_15], [""], [S_2024_12_15], ["15/12/2024"]],
      [[S_2025_01_15]],
      null,
    ) as unknown[][];
    expect(result[0]).toEqual([116.51]);
    expect(result[1]).toEqual([""]);
    expect(result[2][0]).toBeInstanceOf(FakeExcelError);
    expect((result[2][0] as FakeExcelError).code).toBe("#VALUE!");
    expect((result[2][0] as FakeExcelError).message).toContain("montant");
    expect((result[2][0] as FakeExcelError).message).toContain("« abc »");
    // 500 EUR: 50,000 x 4,252,500 / 365,000,000 = 582.53 cents -> 5.83 EUR.
    expect(result[3]).toEqual([5.83]);
  });

  it("answers #N/A naming the missing semester for 2026 S2", () => {
    const [[cell]] = call("TAUX_BCE", [["2026-07-01"]]) as unknown[][];
    expect(cell).toBeInstanceOf(FakeExcelError);
    expect((cell as FakeExcelError).code).toBe("#N/A");
    expect((cell as FakeExcelError).message).toContain("2e semestre 2026");
  });

  it("computes due dates with both readings of 45 jours fin de mois", () => {
    expect(call("ECHEANCE", [[S_2025_03_10]], [["45 jours fin de mois"], ["fin de mois 45 jours"]])).toEqual([
      [45777], // 30/04/2025
      [45792], // 15/05/2025
    ]);
  });

  it("spills the aging table", () => {
    const table = call("BALANCE_AGEE", [[100], [200.5], [50]], [[45900], [45850], [45700]], [[45910]], null);
    // days late: 10, 60, 210 -> 1-30, 31-60, > 90
    expect(table).toEqual([
      ["Non échu", 0],
      ["1-30 j", 100],
      ["31-60 j", 200.5],
      ["61-90 j", 0],
      ["> 90 j", 50],
      ["Total", 350.5],
    ]);
  });
});
