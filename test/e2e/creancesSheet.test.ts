/**
 * src/excel/creancesSheet.ts against the Office double (a blank page: no
 * dist/ needed): the table is created on the add-in's own sheet, merged on a
 * re-import without losing the user's column (values and formulas), settled
 * items are kept and marked, and nothing else in the workbook moves.
 */
import { toEpochDay } from "../../src/core/calendar";
import type { OpenItem } from "../../src/core/books/types";
import type { CreancesWriteResult } from "../../src/excel/creancesSheet";
import { bundleForBrowser } from "./agingReportBundle";
import type { CreancesTestApi } from "./creancesSheetEntry";
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";

const harness = useBrowserHarness();
let bundle = "";

beforeAll(async () => {
  bundle = await bundleForBrowser("test/e2e/creancesSheetEntry.ts");
}, 60_000);

const day = (y: number, m: number, d: number) => toEpochDay(y, m, d);

function item(account: string, name: string, piece: string, date: number, original: number, remaining = original): OpenItem {
  return { account, name, piece, date, dueDate: date + 30, dueDateSource: "assumed", kind: "facture", originalCents: original, remainingCents: remaining, settlements: [], sources: [{ file: "FEC.txt", line: 2 }] };
}

const ITEMS: OpenItem[] = [
  item("00042", "=Injection SA", "F-1", day(2025, 1, 10), 120000),
  item("411MARTIN", "Martin SARL", "F-2", day(2025, 2, 1), 50000, 20000),
];

const JOURNAL_ROWS = [
  ["Date", "Client", "Action"],
  [45700, "Dupont SA", "Relance 1"],
];

/** A workbook with the user's own sheet « Créances » and a journal. */
const WORKBOOK: WorkbookState = {
  sheets: [
    { name: "Créances", cells: { A1: "Mes notes", B2: 12 } },
    { name: "Journal des relances", data: JOURNAL_ROWS },
  ],
  tables: [{ name: "RecouvreJournal", sheet: "Journal des relances", address: "A1:C2" }],
};

async function open(state: WorkbookState): Promise<Pane> {
  const pane = await harness().openBlank({ state });
  await pane.page.addScriptTag({ content: bundle });
  return pane;
}

async function run(pane: Pane, items: OpenItem[], asOf = day(2025, 3, 31)): Promise<CreancesWriteResult> {
  await pane.resetSyncCount();
  return pane.page.evaluate(([i, a]) => (window as unknown as { recouvreCreances: CreancesTestApi }).recouvreCreances.run(i, a, 30), [items, asOf] as const);
}

async function table(pane: Pane) {
  const info = await pane.double((api) => api.tableInfo("RecouvreCreances"));
  if (!info) throw new Error("no Créances table");
  return { ...info, column: (header: string) => info.rows.map((row) => row[info.headers.indexOf(header)]) };
}

test("a first import creates the table on a sheet of its own, in 2 round trips; the user's « Créances » sheet and the journal are untouched", async () => {
  const pane = await open(WORKBOOK);
  const result = await run(pane, ITEMS);
  expect(result).toMatchObject({ sheetName: "Créances (Recouvre)", action: "created", defaultNameTaken: true, rows: 2 });
  expect(result.syncs).toBe(2);
  expect(await pane.syncCount()).toBe(2);

  const t = await table(pane);
  expect(t.column("Compte")).toEqual(["00042", "411MARTIN"]);
  expect(t.column("Client")).toEqual(["=Injection SA", "Martin SARL"]);
  expect(t.column("Reste dû")).toEqual([1200, 200]);
  expect(t.column("Échéance supposée")).toEqual(["oui", "oui"]);
  const shown = await pane.readRange("Créances (Recouvre)", "D2:H2");
  expect(shown.text[0]).toEqual(["10/01/2025", "09/02/2025", "oui", "1 200,00 €", "1 200,00 €"].map((s) => expect.stringMatching(new RegExp(`^${s.replace(/ /g, "[\\s\\u00a0\\u202f]")}$`))));

  expect(await pane.sheetValues("Créances")).toEqual([["Mes notes", ""], ["", 12]]);
  expect((await pane.double((api) => api.tableInfo("RecouvreJournal")))?.rows).toEqual([JOURNAL_ROWS[1]]);
});

test("a re-import keeps the user's column (values and formulas), marks a paid item settled, adds the new one, in 3 round trips", async () => {
  const pane = await open(WORKBOOK);
  await run(pane, ITEMS);
  // The user adds an « E-mail » column to the table: a typed address and a formula.
  await pane.page.evaluate(async () => {
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("RecouvreCreances");
      t.columns.add(undefined, [["E-mail"], ["compta@injection.fr"], ["=LOWER(\"MARTIN@EXEMPLE.FR\")"]]);
      await context.sync();
    });
  });
  const emailColumn = await pane.readRange("Créances (Recouvre)", "M2:M3");
  expect(emailColumn.formulas).toEqual([["compta@injection.fr"], ['=LOWER("MARTIN@EXEMPLE.FR")']]);

  const later = [ITEMS[0], item("411MARTIN", "Martin SARL", "F-3", day(2025, 3, 20), 9000)];
  const result = await run(pane, later, day(2025, 4, 30));
  expect(result.action).toBe("refreshed");
  expect(result.syncs).toBe(3);
  expect(result.report).toMatchObject({ added: 1, updated: 1, settled: 1, userColumns: ["E-mail"], copiedCells: 1 });

  const t = await table(pane);
  expect(t.column("N° pièce")).toEqual(["F-1", "F-2", "F-3"]);
  expect(t.column("Statut")).toEqual(["ouverte", "réglée", "ouverte"]);
  expect(t.column("Reste dû")).toEqual([1200, 0, 90]);
  expect(t.column("E-mail")).toEqual(["compta@injection.fr", "martin@exemple.fr", "martin@exemple.fr"]);
  // The formula is still a formula; the new row of the same client got the address as a value.
  expect((await pane.readRange("Créances (Recouvre)", "M2:M4")).formulas).toEqual([["compta@injection.fr"], ['=LOWER("MARTIN@EXEMPLE.FR")'], ["martin@exemple.fr"]]);
  expect((await pane.readRange("Créances (Recouvre)", "D4")).text[0][0]).toBe("20/03/2025");
  expect((await pane.double((api) => api.tableInfo("RecouvreJournal")))?.rows).toEqual([JOURNAL_ROWS[1]]);

  // The same import again changes nothing.
  const before = await table(pane);
  const again = await run(pane, later, day(2025, 4, 30));
  expect(again.report).toMatchObject({ added: 0, settled: 0, alreadySettled: 1 });
  expect((await table(pane)).rows).toEqual(before.rows);
});

test("a large import is written in requests of 2,000 rows (Excel on the web caps a request at 5 MB): one more round trip per 2,000 rows", async () => {
  const pane = await open({ sheets: [{ name: "Feuil1", data: [["x"]] }] });
  const many = Array.from({ length: 2100 }, (_, i) => item(`411${String(i % 300).padStart(4, "0")}`, `Client ${i % 300}`, `F-${i}`, day(2025, 1, 1) + (i % 80), 1000 + i));
  const first = await run(pane, many);
  expect(first).toMatchObject({ action: "created", rows: 2100 });
  expect(first.syncs).toBe(3);
  const next = await run(pane, [...many.slice(1), item("411NEW", "Nouveau", "F-NEW", day(2025, 3, 1), 500)]);
  expect(next.report).toMatchObject({ added: 1, updated: 2099, settled: 1 });
  expect(next.syncs).toBe(4);
  const t = await table(pane);
  expect(t.rows).toHaveLength(2101);
  const openLeft = t.column("Reste dû").filter((_, i) => t.column("Statut")[i] === "ouverte");
  expect(Math.round(openLeft.reduce((sum: number, euros) => sum + Number(euros) * 100, 0))).toBe(many.slice(1).reduce((a, b) => a + b.remainingCents, 0) + 500);
  // One format per column, on every row, the appended ones included.
  const last = await pane.readRange("Créances", "D2102:H2102");
  expect(last.numberFormat[0]).toEqual(["dd/mm/yyyy", "dd/mm/yyyy", "General", '#,##0.00 "€"', '#,##0.00 "€"']);
});
