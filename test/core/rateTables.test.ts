/**
 * The official rate tables as data (src/core/rates/data/*.json): each file
 * against its schema, the ECB semesters against the MRO change history
 * (FACTS.md §2), and the bundle's copy stripped to its values.
 */
import ecbTable from "../../src/core/rates/data/ecb.json";
import legalTable from "../../src/core/rates/data/legal.json";
import mroTable from "../../src/core/rates/data/mro.json";
import { ecbTableSchema, legalTableSchema, mroTableSchema } from "../../src/core/rates/tableSchema";
import { FACTS_MRO_CHANGES } from "./fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ratesTableLoader = require("../../tools/ratesTableLoader.js") as (this: { resourcePath: string }, source: string) => string;

const firstDayOf = (key: string): string => `${key.slice(0, 4)}-${key.endsWith("1") ? "01" : "07"}-01`;

/** The MRO change in force on an ISO day, read from the history file. */
function changeInForce(isoDay: string) {
  let found: (typeof mroTable.lignes)[number] | undefined;
  for (const change of mroTable.lignes) if (change.effet <= isoDay) found = change;
  return found;
}

describe("each table file against its schema", () => {
  test.each([
    ["ecb.json", ecbTableSchema, ecbTable],
    ["mro.json", mroTableSchema, mroTable],
    ["legal.json", legalTableSchema, legalTable],
  ] as const)("%s", (_name, schema, table) => {
    const parsed = schema.safeParse(table);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([]);
  });

  test("the schemas refuse a row without source, out of order, or published after its semester began", () => {
    const row = ecbTable.lignes[0];
    expect(ecbTableSchema.safeParse({ table: "t", lignes: [{ semestre: row.semestre, bp: row.bp, publie: row.publie }] }).success).toBe(false);
    expect(ecbTableSchema.safeParse({ table: "t", lignes: [ecbTable.lignes[1], ecbTable.lignes[0]] }).success).toBe(false);
    expect(ecbTableSchema.safeParse({ table: "t", lignes: [{ ...row, publie: "2012-01-02" }] }).success).toBe(false);
    expect(legalTableSchema.safeParse({ table: "t", lignes: [{ ...legalTable.lignes[0], particulier: 4.06 }] }).success).toBe(false);
    expect(mroTableSchema.safeParse({ ...mroTable, lignes: [{ ...mroTable.lignes[0], publie: "2011-12-15" }] }).success).toBe(false);
  });
});

describe("ECB semesters against the MRO change history", () => {
  test("the history file is FACTS.md §2", () => {
    expect(mroTable.lignes.map((change) => [change.effet, change.bp])).toEqual(FACTS_MRO_CHANGES);
  });

  test.each(ecbTable.lignes.map((row) => [row.semestre, row] as const))("%s: the rate in force on its first day, from the decision cited", (key, row) => {
    const change = changeInForce(firstDayOf(key));
    expect(change).toBeDefined();
    expect(row.bp).toBe(change?.bp);
    expect(row.publie).toBe(change?.publie);
    // The history is confirmed (every decision read) past the semester's first day: no later decision can be missing.
    expect(mroTable.confirmeLe >= firstDayOf(key)).toBe(true);
  });

  test("every source names the publication it comes from and its date", () => {
    for (const row of ecbTable.lignes) expect(row.source).toMatch(/communiqué BCE « Monetary policy decisions » du \d{1,2}(er)? \S+ \d{4}/);
    for (const row of mroTable.lignes) expect(row.source).toMatch(/^BCE, communiqué « Monetary policy decisions » du /);
    for (const row of legalTable.lignes) expect(row.source).toMatch(/[Aa]rrêté/);
  });
});

describe("the bundle's copy (tools/ratesTableLoader.js)", () => {
  const load = (table: unknown) => JSON.parse(ratesTableLoader.call({ resourcePath: "table.json" }, JSON.stringify(table)));

  test("keeps the values, drops sources and dates", () => {
    const stripped = load(legalTable);
    expect(stripped).toEqual({ lignes: legalTable.lignes.map(({ semestre, particulier, autres }) => ({ semestre, particulier, autres })) });
    expect(load(mroTable).lignes[0]).toEqual({ effet: "2011-12-14", bp: 100 });
  });

  test("fails the build on a row without its source or publication date", () => {
    expect(() => load({ lignes: [{ semestre: "2026-S2", bp: 215, publie: "2026-06-11" }] })).toThrow(/source/);
    expect(() => load({ lignes: [{ semestre: "2026-S2", bp: 215, source: "BCE" }] })).toThrow(/publication/);
  });
});
