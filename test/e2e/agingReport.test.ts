/**
 * The "Balance âgée" sheet written by src/excel/agingReport.ts, run in
 * Chromium against the Office double (a blank page: no dist/ needed). The
 * module and the core are bundled for the page by agingReportBundle.ts.
 */
import { bundleForBrowser } from "./agingReportBundle";
import type { ReportRun, ReportTestApi, SampleOptions } from "./agingReportEntry";
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";

const harness = useBrowserHarness();
let bundle = "";

beforeAll(async () => {
  bundle = await bundleForBrowser("test/e2e/agingReportEntry.ts");
}, 60_000);

const USER_SHEETS: WorkbookState = {
  sheets: [
    {
      name: "Factures",
      data: [
        ["Client", "N° facture", "Échéance", "Montant TTC"],
        ["Dupont SA", "F-001", 45658, 1200.5],
        ["Martin SARL", "F-002", 45689, 80],
      ],
      numberFormats: [
        [null, null, null, null],
        [null, null, "dd/mm/yyyy", "#,##0.00 €"],
        [null, null, "dd/mm/yyyy", "#,##0.00 €"],
      ],
    },
    { name: "Notes", cells: { B2: "à garder", C3: { f: "=Factures!D2*2" } } },
  ],
  tables: [{ name: "MesFactures", sheet: "Factures", address: "A1:D3" }],
  settings: { "recouvre.colonnes": "{\"a\":1}" },
};

/** A sheet of the user's that happens to be called "Balance âgée". */
const USER_BALANCE: WorkbookState = {
  ...USER_SHEETS,
  sheets: [...USER_SHEETS.sheets!, { name: "Balance âgée", cells: { A1: "Ma propre balance", B3: 1234, C3: { f: "=B3*2" } }, conditionalFormats: [] }],
};

async function open(state: WorkbookState): Promise<Pane> {
  const pane = await harness().openBlank({ state });
  await pane.page.addScriptTag({ content: bundle });
  return pane;
}

function run(pane: Pane, options: SampleOptions): Promise<ReportRun> {
  return pane.page.evaluate((o) => (window as unknown as { recouvreReport: ReportTestApi }).recouvreReport.runSample(o), options);
}

/** Runs the report and returns the host round trips it took (the double's count). */
async function runCounted(pane: Pane, options: SampleOptions): Promise<{ run: ReportRun; syncCount: number; syncCalls: number }> {
  await pane.double((api) => {
    api.resetSyncCount();
    api.clearLogs();
  });
  const before = await pane.double((api) => api.syncCalls);
  const result = await run(pane, options);
  const after = await pane.double((api) => ({ count: api.syncCount, calls: api.syncCalls }));
  return { run: result, syncCount: after.count, syncCalls: after.calls - before };
}

function column(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function address(range: { row: number; column: number; rowCount: number; columnCount: number }): string {
  return `${column(range.column)}${range.row + 1}:${column(range.column + range.columnCount - 1)}${range.row + range.rowCount}`;
}

/** The workbook as the double exports it (sheets and tables always present). */
function workbook(pane: Pane) {
  return pane.page.evaluate(() => window.__officeDouble.getWorkbookState());
}

type SheetSnapshot = { name: string; cells: unknown; charts?: unknown; conditionalFormats?: unknown };

async function userSheets(pane: Pane, names: string[]): Promise<SheetSnapshot[]> {
  const state = await workbook(pane);
  return state.sheets.filter((s) => names.includes(s.name)).map((s) => ({ name: s.name, cells: s.cells, charts: s.charts ?? [], conditionalFormats: s.conditionalFormats ?? [] }));
}

const SMALL: SampleOptions = { invoices: 50, clients: 12, asOf: "2025-03-31", monthlyRevenue: [100_000_00, 90_000_00, 120_000_00] };

test("creates « Balance âgée »: title, table with its totals row, formats, conditional fills, two native charts", async () => {
  const pane = await open(USER_SHEETS);
  const before = await userSheets(pane, ["Factures", "Notes"]);
  const { run: r, syncCount } = await runCounted(pane, SMALL);

  expect(r.result).toEqual({ sheetName: "Balance âgée", action: "created", defaultNameTaken: false, defaultName: "Balance âgée", syncs: 2 });
  expect(syncCount).toBe(2);
  expect(await pane.double((api) => api.sheetNames())).toEqual(["Factures", "Notes", "Balance âgée"]);
  expect(await pane.double((api) => api.getSelection().sheet)).toBe("Balance âgée");

  const title = await pane.readRange("Balance âgée", "A1:A2");
  expect(title.values[0][0]).toBe("Balance âgée au 31/03/2025");
  expect(String(title.values[1][0])).toContain("Recouvre");

  // The table: header, one row per client, the totals row Excel adds.
  const table = await pane.double((api) => api.tableInfo("RecouvreBalanceAgee"));
  expect(table).not.toBeNull();
  expect(table!.sheet).toBe("Balance âgée");
  expect(table!.headers).toEqual(["Client", "Non échu", "1-30 j", "31-60 j", "61-90 j", "> 90 j", "En litige", "Total", "Part du total", "Pénalités réclamables"]);
  expect(table!.rowCount).toBe(r.clients);
  expect(r.clients).toBe(12);
  const state = await workbook(pane);
  const tableState = state.tables.find((t) => t.name === "RecouvreBalanceAgee")!;
  expect(tableState.showTotals).toBe(true);
  const totalsRow = r.layout.tableRow + 1 + r.layout.bodyRows + 1; // 1-based Excel row of the totals
  const totals = await pane.readRange("Balance âgée", `A${totalsRow}:J${totalsRow}`);
  expect(totals.values[0][0]).toBe("Total");
  expect(totals.values[0][7]).toBeCloseTo(r.totals.total / 100, 2);
  expect(totals.values[0].slice(1, 6)).toEqual(r.totals.buckets.map((c) => c / 100));
  expect(totals.values[0][6]).toBe(r.totals.disputed / 100);
  expect(totals.values[0][8]).toBe(1);
  // Sum of the body = totals row, to the cent.
  const body = await pane.readRange("Balance âgée", `B${r.layout.tableRow + 2}:H${totalsRow - 1}`);
  for (let c = 0; c < 7; c++) {
    const cents = body.values.reduce((sum, row) => sum + Math.round((row[c] as number) * 100), 0);
    expect(cents).toBe(Math.round((totals.values[0][c + 1] as number) * 100));
  }
  // Number formats: euros, share as %, displayed the French way.
  const firstRow = await pane.readRange("Balance âgée", `A${r.layout.tableRow + 2}:J${r.layout.tableRow + 2}`);
  expect(firstRow.numberFormat[0]).toEqual(["General", ...new Array(7).fill('#,##0.00 "€"'), "0.0%", '#,##0.00 "€"']);
  expect(firstRow.text[0][7]).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2} €$/);
  expect(firstRow.text[0][8]).toMatch(/^\d+,\d%$/); // "0.0%" has no space: Excel shows « 14,7% »
  expect(firstRow.values[0][0]).toBe(r.topClients[0]);

  // Indicators: the report date as a date, the DSO rows.
  const indicators = await pane.readRange("Balance âgée", "A4:C16");
  expect(indicators.values[1][0]).toBe("Arrêté au");
  expect(indicators.text[1][1]).toBe("31/03/2025");
  const labels = indicators.values.map((row) => row[0]);
  expect(labels).toEqual(expect.arrayContaining(["DSO (méthode simple)", "DSO (épuisement du CA)", "Retard moyen pondéré", "En litige", "Promesses à échéance cette semaine"]));

  // Conditional fills on "61-90 j" and "> 90 j", body rows only.
  const sheet = state.sheets.find((s) => s.name === "Balance âgée")!;
  const bodyRows = `${r.layout.tableRow + 2}:${column(0)}`; // only for the message
  expect(sheet.conditionalFormats).toHaveLength(2);
  const cfRanges = sheet.conditionalFormats!.map((cf) => cf.range).sort();
  expect(cfRanges).toEqual([`E${r.layout.tableRow + 2}:E${totalsRow - 1}`, `F${r.layout.tableRow + 2}:F${totalsRow - 1}`].sort());
  for (const cf of sheet.conditionalFormats!) {
    expect(cf.type).toBe("CellValue");
    expect(cf.props["cellValue.rule"]).toEqual({ formula1: "0", operator: "GreaterThan" });
    expect(cf.props["cellValue.format.fill.color"]).toMatch(/^#FF/);
  }
  void bodyRows;

  // Charts: types, titles, sources = the data blocks written beside them, positions beside the table.
  expect(sheet.charts).toHaveLength(2);
  const [bucketChart, topChart] = r.layout.charts;
  const byName = new Map(sheet.charts!.map((c) => [c.name, c]));
  const column1 = byName.get("RecouvreTranches")!;
  const bar = byName.get("RecouvreTop10")!;
  expect(column1.chartType).toBe("ColumnStacked");
  expect(bar.chartType).toBe("BarClustered");
  expect(column1.source).toBe(`'Balance âgée'!${address(bucketChart.source)}`);
  expect(bar.source).toBe(`'Balance âgée'!${address(topChart.source)}`);
  expect(column1.seriesBy).toBe("Columns");
  expect(column1.title.text).toBe("Montants par tranche de retard au 31/03/2025");
  expect(bar.title.text).toBe("Les 10 premiers débiteurs au 31/03/2025");
  expect(bar.props["axes.categoryAxis.reversePlotOrder"]).toBe(true);
  expect(column1.props["axes.valueAxis.numberFormat"]).toBe('#,##0 "€"');
  for (const chart of [column1, bar]) {
    const start = /^([A-Z]+)(\d+)$/.exec(chart.position!.startCell)!;
    expect(start[1] > "J" || start[1].length > 1).toBe(true); // right of the table (A:J)
    expect(Number(start[2])).toBeGreaterThanOrEqual(r.layout.tableRow + 1);
  }
  const bucketData = await pane.readRange("Balance âgée", address(bucketChart.source));
  expect(bucketData.values.map((row) => row[0])).toEqual(["Tranche", ...r.labels]);
  expect(bucketData.values.slice(1).map((row) => row[1])).toEqual(r.totals.buckets.map((c) => c / 100));
  const topData = await pane.readRange("Balance âgée", address(topChart.source));
  expect(topData.values.slice(1).map((row) => row[0])).toEqual(r.topClients);
  expect(topData.values).toHaveLength(11);

  // Nothing else was touched.
  expect(await userSheets(pane, ["Factures", "Notes"])).toEqual(before);
  expect(await pane.double((api) => api.formulaCoercions.length)).toBe(0);
  expect(await pane.double((api) => api.writes.filter((w) => w.sheet !== "Balance âgée"))).toEqual([]);
  await pane.close();
});

test("refresh replaces the add-in's sheet in place, even renamed; the other sheets stay as they were", async () => {
  const pane = await open(USER_SHEETS);
  await run(pane, { ...SMALL, invoices: 200, clients: 40 });
  // The user renames the report sheet and types in another sheet.
  await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Balance âgée").name = "Ma balance";
      await context.sync();
    }),
  );
  await pane.editCells("Notes", "D5", [["nouvelle note"]]);
  const before = await userSheets(pane, ["Factures", "Notes"]);

  const { run: r, syncCount } = await runCounted(pane, { ...SMALL, asOf: "2025-04-30", bounds: [15, 45], monthlyRevenue: undefined });
  expect(r.result).toMatchObject({ sheetName: "Ma balance", action: "refreshed", defaultNameTaken: false, syncs: 3 });
  expect(syncCount).toBe(3);
  expect(await pane.double((api) => api.sheetNames())).toEqual(["Factures", "Notes", "Ma balance"]);

  const state = await workbook(pane);
  const sheet = state.sheets.find((s) => s.name === "Ma balance")!;
  expect(sheet.charts).toHaveLength(2);
  expect(sheet.conditionalFormats).toHaveLength(2);
  expect(state.tables.filter((t) => t.sheet === "Ma balance").map((t) => t.name)).toEqual(["RecouvreBalanceAgee"]);
  const table = await pane.double((api) => api.tableInfo("RecouvreBalanceAgee"));
  expect(table!.headers).toEqual(["Client", "Non échu", "1-15 j", "16-45 j", "> 45 j", "En litige", "Total", "Part du total", "Pénalités réclamables"]);
  expect(table!.rowCount).toBe(12);
  expect((await pane.readRange("Ma balance", "A1")).values[0][0]).toBe("Balance âgée au 30/04/2025");
  // Nothing of the first, larger report is left below the new one.
  const used = await pane.sheetValues("Ma balance");
  const totalsRow = r.layout.tableRow + 1 + r.layout.bodyRows + 1;
  const below = used.slice(totalsRow + 5).flat().filter((v) => v !== "");
  expect(below).toEqual([]);
  expect(r.layout.charts.map((c) => address(c.source))).toEqual(sheet.charts!.map((c) => c.source.replace("'Ma balance'!", "")));

  expect(await userSheets(pane, ["Factures", "Notes"])).toEqual(before);
  expect((await pane.readRange("Notes", "B2:D5")).values).toEqual([
    ["à garder", "", ""],
    ["", 2401, ""],
    ["", "", ""],
    ["", "", "nouvelle note"],
  ]);
  expect(await pane.double((api) => api.writes.filter((w) => w.sheet !== "Ma balance"))).toEqual([]);
  await pane.close();
});

test("a sheet of the user's called « Balance âgée » is never overwritten: the report goes to « Balance âgée (Recouvre) »", async () => {
  const pane = await open(USER_BALANCE);
  const before = await userSheets(pane, ["Factures", "Notes", "Balance âgée"]);

  const first = await runCounted(pane, SMALL);
  expect(first.run.result).toEqual({ sheetName: "Balance âgée (Recouvre)", action: "created", defaultNameTaken: true, defaultName: "Balance âgée", syncs: 2 });
  expect(await pane.double((api) => api.sheetNames())).toEqual(["Factures", "Notes", "Balance âgée", "Balance âgée (Recouvre)"]);

  const second = await runCounted(pane, { ...SMALL, asOf: "2025-04-15" });
  expect(second.run.result).toEqual({ sheetName: "Balance âgée (Recouvre)", action: "refreshed", defaultNameTaken: true, defaultName: "Balance âgée", syncs: 3 });
  expect(await pane.double((api) => api.sheetNames())).toEqual(["Factures", "Notes", "Balance âgée", "Balance âgée (Recouvre)"]);

  expect(await userSheets(pane, ["Factures", "Notes", "Balance âgée"])).toEqual(before);
  expect((await pane.readRange("Balance âgée", "A1:C3")).values).toEqual([
    ["Ma propre balance", "", ""],
    ["", "", ""],
    ["", 1234, 2468],
  ]);
  const writes = await pane.double((api) => api.writes.map((w) => w.sheet));
  expect(new Set(writes)).toEqual(new Set(["Balance âgée (Recouvre)"]));
  await pane.close();
});

test("client names are written as text: « =… » never becomes a formula", async () => {
  const pane = await open(USER_SHEETS);
  const names = ['=HYPERLINK("http://evil.example","clic")', "+33 6 12 34 56 78", "00123", "15/03/2025", "@SUM(A1)"];
  const r = await run(pane, { invoices: 10, clients: 5, asOf: "2025-03-31", names });
  expect(await pane.double((api) => api.formulaCoercions)).toEqual([]);
  const clients = await pane.readRange("Balance âgée", `A${r.layout.tableRow + 2}:A${r.layout.tableRow + 6}`);
  expect(clients.values.map((row) => row[0]).sort()).toEqual([...names].sort());
  expect(clients.valueTypes.flat().every((t) => t === "String")).toBe(true);
  await pane.close();
});

test("a constant number of syncs: 50 invoices or 5,000, creating or refreshing", async () => {
  const counts: Array<{ invoices: number; create: number; refresh: number; calls: number }> = [];
  for (const [invoices, clients] of [
    [50, 10],
    [5_000, 500],
  ]) {
    const pane = await open(USER_SHEETS);
    const created = await runCounted(pane, { invoices, clients, asOf: "2025-03-31" });
    const refreshed = await runCounted(pane, { invoices, clients, asOf: "2025-04-30" });
    expect(created.run.clients).toBe(clients);
    counts.push({ invoices, create: created.syncCount, refresh: refreshed.syncCount, calls: created.syncCalls + refreshed.syncCalls });
    await pane.close();
  }
  expect(counts[0]).toEqual({ invoices: 50, create: 2, refresh: 3, calls: 5 });
  expect(counts[1]).toEqual({ invoices: 5_000, create: 2, refresh: 3, calls: 5 });
});

test("2,000 clients fit in Excel on the web's 5 MB request", async () => {
  const pane = await open(USER_SHEETS);
  await pane.double((api) => api.setPayloadLimit(5 * 1024 * 1024));
  const { run: r, syncCount } = await runCounted(pane, { invoices: 20_000, clients: 2_000, asOf: "2025-03-31" });
  expect(r.clients).toBe(2_000);
  expect(syncCount).toBe(2);
  expect((await pane.double((api) => api.tableInfo("RecouvreBalanceAgee")))!.rowCount).toBe(2_000);
  await pane.close();
});

test("look at it: the sheet drawn as a grid, for a screenshot", async () => {
  const pane = await open(USER_SHEETS);
  await pane.page.setViewportSize({ width: 1500, height: 900 });
  const r = await run(pane, { ...SMALL, names: ["Transports Lefèvre SAS", "Boulangerie Martin", "=1+1 SARL"] });
  await pane.page.evaluate((sheetName) => {
    const api = window.__officeDouble;
    const used = api.sheetValues(sheetName);
    const columns = Math.max(...used.map((row) => row.length));
    const lastColumn = String.fromCharCode(64 + Math.min(columns, 26));
    const snap = api.readRange(sheetName, `A1:${lastColumn}${used.length}`);
    const state = api.getWorkbookState();
    const sheet = state.sheets.find((s) => s.name === sheetName)!;
    const cfColumns = new Set((sheet.conditionalFormats ?? []).map((cf) => cf.range.replace(/\d+/g, "").split(":")[0]));
    const rows = snap.text
      .map((row, i) => `<tr><th>${i + 1}</th>${row.map((cell, j) => {
        const letter = String.fromCharCode(65 + j);
        const numeric = typeof snap.values[i][j] === "number";
        const hot = cfColumns.has(letter) && numeric && (snap.values[i][j] as number) > 0 && i > 5;
        return `<td style="${numeric ? "text-align:right;" : ""}${hot ? "background:#FFC7CE;" : ""}">${cell.replace(/</g, "&lt;")}</td>`;
      }).join("")}</tr>`)
      .join("");
    const charts = (sheet.charts ?? []).map((c) => `<li>${c.chartType} « ${c.title.text} » ${c.source} at ${c.position?.startCell}:${c.position?.endCell}</li>`).join("");
    document.body.innerHTML = `<style>td,th{border:1px solid #ccc;font:11px sans-serif;padding:1px 4px;white-space:nowrap;max-width:260px;overflow:hidden}</style><table>${rows}</table><ul style="font:12px sans-serif">${charts}</ul>`;
  }, r.result.sheetName);
  await pane.screenshot("aging-report-sheet");
  await pane.close();
});
