/**
 * The Office host double behaves like Office.js where the pane relies on it.
 * Everything runs in Chromium on a blank page that loads only the double.
 */
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";

const harness = useBrowserHarness();

const INVOICES: WorkbookState = {
  sheets: [
    {
      name: "Factures",
      data: [
        ["Client", "N° facture", "Échéance", "Montant TTC"],
        ["Dupont SA", "F-001", 45658, 1200.5],
        ["Martin SARL", "F-002", 45689, 80],
        ["Dupont SA", "F-003", 45700, 300],
      ],
      numberFormats: [
        [null, null, null, null],
        [null, null, "dd/mm/yyyy", "#,##0.00 €"],
        [null, null, "dd/mm/yyyy", "#,##0.00 €"],
        [null, null, "dd/mm/yyyy", "#,##0.00 €"],
      ],
    },
    { name: "Notes", cells: { B2: "à garder", C3: { f: "=Factures!D2*2" } } },
  ],
  tables: [],
  settings: { "recouvre.existing": "{\"a\":1}" },
  selection: { sheet: "Factures", address: "A2:D3" },
};

interface CaughtError {
  name: string;
  code: string;
  message: string;
}

let pane: Pane;

beforeEach(async () => {
  pane = await harness().openBlank({ state: INVOICES });
});

afterEach(async () => {
  await pane.close();
});

test("Office.onReady resolves for Excel on the web, with the configured language and theme", async () => {
  const info = await pane.page.evaluate(async () => {
    let callbackInfo: unknown = null;
    const fromPromise = await Office.onReady((i) => (callbackInfo = i));
    await new Promise((r) => setTimeout(r, 0));
    return {
      fromPromise,
      callbackInfo,
      language: Office.context.displayLanguage,
      dark: Office.context.officeTheme.isDarkTheme,
      background: Office.context.officeTheme.bodyBackgroundColor,
      hostType: Office.HostType.Excel,
      succeeded: Office.AsyncResultStatus.Succeeded,
      excelApi: Office.context.requirements.isSetSupported("ExcelApi", "1.12"),
    };
  });
  expect(info.fromPromise).toEqual({ host: "Excel", platform: "OfficeOnline", addin: { visibilityMode: "Taskpane" } });
  expect(info.callbackInfo).toEqual(info.fromPromise);
  expect(info.language).toBe("fr-FR");
  expect(info.dark).toBe(false);
  expect(info.background).toBe("#FFFFFF");
  expect(info.hostType).toBe("Excel");
  expect(info.succeeded).toBe("succeeded");
  expect(info.excelApi).toBe(true);

  await pane.reopen({ displayLanguage: "en-US", theme: "dark" });
  const after = await pane.page.evaluate(() => ({ language: Office.context.displayLanguage, dark: Office.context.officeTheme.isDarkTheme }));
  expect(after).toEqual({ language: "en-US", dark: true });
});

test("reading a property before load + sync throws PropertyNotLoaded", async () => {
  const result = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const caught: CaughtError[] = [];
      const attempt = (read: () => unknown) => {
        try {
          read();
          caught.push({ name: "none", code: "none", message: "" });
        } catch (e) {
          const error = e as CaughtError;
          caught.push({ name: error.name, code: error.code, message: error.message });
        }
      };
      const range = context.workbook.worksheets.getItem("Factures").getRange("A1:D2");
      attempt(() => range.values);
      range.load("values, rowCount");
      attempt(() => range.values); // loaded but not synced yet
      await context.sync();
      const values = range.values;
      const rowCount = range.rowCount;
      attempt(() => range.address); // never loaded
      const sheets = context.workbook.worksheets;
      attempt(() => sheets.items);
      sheets.load("items/name");
      await context.sync();
      return { caught, values, rowCount, names: sheets.items.map((s) => s.name), isError: caught[0] && true };
    }),
  );
  expect(result.caught.slice(0, 4).map((e) => [e.name, e.code])).toEqual([
    ["RichApi.Error", "PropertyNotLoaded"],
    ["RichApi.Error", "PropertyNotLoaded"],
    ["RichApi.Error", "PropertyNotLoaded"],
    ["RichApi.Error", "PropertyNotLoaded"],
  ]);
  expect(result.caught[0].message).toContain("The property 'values' is not available");
  expect(result.values).toEqual([
    ["Client", "N° facture", "Échéance", "Montant TTC"],
    ["Dupont SA", "F-001", 45658, 1200.5],
  ]);
  expect(result.rowCount).toBe(2);
  expect(result.names).toEqual(["Factures", "Notes"]);

  const isOfficeError = await pane.page.evaluate(async () => {
    const range = await Excel.run(async (context) => context.workbook.getSelectedRange());
    try {
      void range.address;
      return false;
    } catch (e) {
      return e instanceof OfficeExtension.Error;
    }
  });
  expect(isOfficeError).toBe(true);
});

test("writes are queued and applied at sync; loads see the workbook at their place in the batch", async () => {
  const result = await pane.page.evaluate(async () => {
    const double = window.__officeDouble;
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      const target = sheet.getRange("D4:E4");
      const before = sheet.getRange("D4:E4").load("values");
      target.values = [[42, "texte"]];
      target.numberFormat = [["0.00", "@"]];
      const localEcho = target.values; // Office.js keeps what was set
      const inWorkbookBeforeSync = double.readRange("Notes", "D4:E4").values;
      const after = sheet.getRange("D4:E4").load("values,text");
      await context.sync();
      return { localEcho, inWorkbookBeforeSync, before: before.values, after: after.values, text: after.text, inWorkbookAfterSync: double.readRange("Notes", "D4:E4").values };
    });
  });
  expect(result.localEcho).toEqual([[42, "texte"]]);
  expect(result.inWorkbookBeforeSync).toEqual([["", ""]]);
  expect(result.before).toEqual([["", ""]]);
  expect(result.after).toEqual([[42, "texte"]]);
  expect(result.text).toEqual([["42,00", "texte"]]);
  expect(result.inWorkbookAfterSync).toEqual([[42, "texte"]]);
});

test("errors reject at sync: earlier operations of the batch stay applied, loads of the batch are not filled", async () => {
  const result = await pane.page.evaluate(async () => {
    const outcome = { code: "", location: "", loadedAfterFailure: "" };
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["écrit avant l'erreur"]];
      const missing = context.workbook.worksheets.getItem("N'existe pas").getRange("A1").load("values");
      try {
        await context.sync();
      } catch (e) {
        const error = e as { code: string; debugInfo: { errorLocation: string } };
        outcome.code = error.code;
        outcome.location = error.debugInfo.errorLocation;
      }
      try {
        void missing.values;
      } catch (e) {
        outcome.loadedAfterFailure = (e as CaughtError).code;
      }
    });
    const bad: string[] = [];
    for (const address of ["A0", "ZZZZ1", "A1:B", "", "Notes!A1"]) {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Factures");
        sheet.getRange(address).load("address");
        await context.sync();
        bad.push(address + ": ok");
      }).catch((e: CaughtError) => bad.push(address + ": " + e.code));
    }
    const shape = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    }).catch((e: CaughtError) => e.code);
    return { ...outcome, bad, shape, a1: window.__officeDouble.readRange("Notes", "A1").values[0][0] };
  });
  expect(result.code).toBe("ItemNotFound");
  expect(result.location).toContain("WorksheetCollection.getItem");
  expect(result.loadedAfterFailure).toBe("PropertyNotLoaded");
  expect(result.a1).toBe("écrit avant l'erreur");
  expect(result.bad).toEqual(["A0: InvalidArgument", "ZZZZ1: InvalidArgument", "A1:B: InvalidArgument", ": ok", "Notes!A1: InvalidArgument"]);
  expect(result.shape).toBe("InvalidArgument");
});

test("getItemOrNullObject gives isNullObject after sync, and null objects read as null", async () => {
  const result = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Journal des relances");
      const present = context.workbook.worksheets.getItemOrNullObject("factures"); // names are case-insensitive
      present.load("name");
      const missingTable = context.workbook.tables.getItemOrNullObject("RecouvreJournal");
      missingTable.load("name");
      let beforeSync = "";
      try {
        void missing.isNullObject;
      } catch (e) {
        beforeSync = (e as CaughtError).code;
      }
      await context.sync();
      return { beforeSync, missing: missing.isNullObject, present: present.isNullObject, presentName: present.name, tableNull: missingTable.isNullObject, tableName: missingTable.name };
    }),
  );
  expect(result).toEqual({ beforeSync: "PropertyNotLoaded", missing: true, present: false, presentName: "Factures", tableNull: true, tableName: null });
});

test("worksheets.add, tables.add on a header row and rows.add grow the table; the journal survives a reopen", async () => {
  const result = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Journal des relances");
      const header = sheet.getRange("A1:C1");
      header.values = [["Horodatage", "Client", "Montant"]];
      const table = sheet.tables.add(header, true);
      table.name = "RecouvreJournal";
      const fresh = table.getDataBodyRange().load("address,values");
      const freshCount = table.rows.getCount();
      await context.sync();
      const freshState = { address: fresh.address, values: fresh.values, count: freshCount.value };

      table.rows.add(undefined, [
        [46000, "Dupont SA", 1200.5],
        [46001, "Martin SARL", 80],
      ]);
      table.rows.add(null as unknown as number, [[46002, "Durand", 10]]);
      const range = table.getRange().load("address");
      const body = table.getDataBodyRange().load("values");
      const count = table.rows.getCount();
      const columns = table.columns.load("items/name");
      const scoped = sheet.getRange("B3").getTables(false).load("items/name");
      await context.sync();
      return { freshState, address: range.address, body: body.values, count: count.value, columns: columns.items.map((c) => c.name), scoped: scoped.items.map((t) => t.name) };
    }),
  );
  expect(result.freshState).toEqual({ address: "'Journal des relances'!A2:C2", values: [["", "", ""]], count: 0 });
  expect(result.address).toBe("'Journal des relances'!A1:C4");
  expect(result.body).toEqual([
    [46000, "Dupont SA", 1200.5],
    [46001, "Martin SARL", 80],
    [46002, "Durand", 10],
  ]);
  expect(result.count).toBe(3);
  expect(result.columns).toEqual(["Horodatage", "Client", "Montant"]);
  expect(result.scoped).toEqual(["RecouvreJournal"]);

  await pane.reopen();
  const info = await pane.page.evaluate(() => window.__officeDouble.tableInfo("RecouvreJournal"));
  expect(info).toMatchObject({ sheet: "Journal des relances", address: "'Journal des relances'!A1:C4", rowCount: 3 });

  // Rows added to a table push down what is under it, and carry the formats of the row above.
  const shifted = await pane.page.evaluate(async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Journal des relances");
      sheet.getRange("A6").values = [["sous le tableau"]];
      sheet.getRange("C4").numberFormat = [["#,##0.00 €"]];
      await context.sync();
      context.workbook.tables.getItem("RecouvreJournal").rows.add(undefined, [[46003, "Petit", 5]]);
      await context.sync();
    });
    return window.__officeDouble.readRange("Journal des relances", "A5:C7");
  });
  expect(shifted.values).toEqual([
    [46003, "Petit", 5],
    ["", "", ""],
    ["sous le tableau", "", ""],
  ]);
  expect(shifted.text[0][2]).toBe("5,00 €");
});

test("a table whose blank first row was filled through a range keeps that row when rows are added", async () => {
  const body = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      const header = sheet.getRangeByIndexes(9, 0, 1, 2);
      header.values = [["a", "b"]];
      const table = sheet.tables.add(header, true);
      await context.sync();
      sheet.getRangeByIndexes(10, 0, 1, 2).values = [[1, 2]];
      table.rows.add(undefined, [[3, 4]]);
      const range = table.getDataBodyRange().load("values");
      await context.sync();
      return range.values;
    }),
  );
  expect(body).toEqual([
    [1, 2],
    [3, 4],
  ]);
});

test("strings written to values are typed as in Excel: '=' makes a formula, numbers and dates are parsed, '@' and a leading apostrophe keep text", async () => {
  const result = await pane.page.evaluate(async () => {
    const double = window.__officeDouble;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      sheet.getRange("E1:E2").numberFormat = [["General"], ["@"]];
      sheet.getRange("A10:H10").values = [["=Factures!D2*2", "'=HYPERLINK(\"http://x\")", "00123", "15/03/2025", "1 234,50", "-A1", "@SOMME", "VRAI"]];
      sheet.getRange("E1:E2").values = [["00123"], ["=1+2"]];
      await context.sync();
    });
    const invalid = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A11").values = [["+33 6 12 34 56 78"]];
      await context.sync();
    }).catch((e: CaughtError) => e.code);
    return { row: double.readRange("Notes", "A10:H10"), e: double.readRange("Notes", "E1:E2"), coercions: double.formulaCoercions, invalid };
  });
  expect(result.row.formulas[0]).toEqual(["=Factures!D2*2", "=HYPERLINK(\"http://x\")", 123, 45731, 1234.5, "=-A1", "@SOMME", true]);
  expect(result.row.values[0]).toEqual([2401, "=HYPERLINK(\"http://x\")", 123, 45731, 1234.5, 0, "@SOMME", true]);
  expect(result.row.valueTypes[0]).toEqual(["Double", "String", "Double", "Double", "Double", "Double", "String", "Boolean"]);
  expect(result.row.text[0][3]).toBe("15/03/2025");
  expect(result.e.values).toEqual([[123], ["=1+2"]]);
  expect(result.coercions.map((c) => [c.address, c.input, c.formula])).toEqual([
    ["A10", "=Factures!D2*2", "=Factures!D2*2"],
    ["F10", "-A1", "=-A1"],
  ]);
  expect(result.invalid).toBe("InvalidArgument");
});

test("number formats give Excel's displayed text (French regional settings)", async () => {
  const text = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Factures").getRange("C2:D2").load("text,numberFormat,numberFormatLocal,values");
      await context.sync();
      return { text: range.text, nf: range.numberFormat, local: range.numberFormatLocal, values: range.values };
    }),
  );
  expect(text.values).toEqual([[45658, 1200.5]]);
  expect(text.text).toEqual([["01/01/2025", "1\u202f200,50 €"]]);
  expect(text.nf).toEqual([["dd/mm/yyyy", "#,##0.00 €"]]);
  expect(text.local).toEqual([["jj/mm/aaaa", "#\u202f##0,00 €"]]);
});

test("settings are saved in the workbook by saveAsync and survive a reopen; unsaved ones do not", async () => {
  const saved = await pane.page.evaluate(
    () =>
      new Promise<{ status: string; existing: unknown }>((resolve) => {
        const settings = Office.context.document.settings;
        const existing = settings.get("recouvre.existing");
        settings.set("recouvre.mapping", JSON.stringify({ client: "A" }));
        settings.saveAsync((result) => {
          settings.set("recouvre.unsaved", "perdu");
          resolve({ status: String(result.status), existing });
        });
      }),
  );
  expect(saved).toEqual({ status: "succeeded", existing: "{\"a\":1}" });
  await pane.reopen();
  const after = await pane.page.evaluate(() => {
    const s = Office.context.document.settings;
    return { mapping: s.get("recouvre.mapping"), unsaved: s.get("recouvre.unsaved"), existing: s.get("recouvre.existing") };
  });
  expect(after).toEqual({ mapping: "{\"client\":\"A\"}", unsaved: null, existing: "{\"a\":1}" });
});

test("syncCount counts host round trips; Excel.run flushes pending writes at the end", async () => {
  const counts = await pane.page.evaluate(async () => {
    const double = window.__officeDouble;
    double.resetSyncCount();
    await Excel.run(async (context) => {
      context.workbook.getSelectedRange().load("address");
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      context.workbook.worksheets.getItem("Notes").getRange("Z1").values = [[1]];
    });
    const afterFirst = { syncCount: double.syncCount, syncCalls: double.syncCalls, z1: double.readRange("Notes", "Z1").values[0][0] };
    double.syncCount = 0;
    await Excel.run(async (context) => {
      for (let i = 0; i < 5; i++) {
        context.workbook.worksheets.getItem("Notes").getRange("Z2").load("values");
        await context.sync();
      }
    });
    return { afterFirst, second: double.syncCount };
  });
  expect(counts.afterFirst).toEqual({ syncCount: 2, syncCalls: 2, z1: 1 });
  expect(counts.second).toBe(5);
});

test("selection, used range, charts, conditional formats and calculate are modelled and recorded", async () => {
  await pane.setSelection("Factures", "B2:B4");
  const result = await pane.page.evaluate(async () => {
    const out = await Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address,rowIndex,rowCount");
      const used = context.workbook.worksheets.getItem("Factures").getUsedRange(true).load("address");
      const emptyUsed = context.workbook.worksheets.add("Vide").getUsedRangeOrNullObject(true);
      await context.sync();
      const sheet = context.workbook.worksheets.getItem("Factures");
      const chart = sheet.charts.add(Excel.ChartType.columnStacked, sheet.getRange("A1:D4"), Excel.ChartSeriesBy.columns);
      chart.name = "Montants par tranche";
      chart.title.text = "Balance âgée";
      chart.axes.valueAxis.title.text = "€";
      chart.setPosition("F2", "M20");
      const cf = sheet.getRange("D2:D4").conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      cf.cellValue.format.fill.color = "#FFC7CE";
      cf.cellValue.rule = { formula1: "=1000", operator: "GreaterThan" };
      context.workbook.application.calculate(Excel.CalculationType.full);
      sheet.freezePanes.freezeRows(1);
      const title = chart.title.load("text");
      await context.sync();
      return { selected: selected.address, rowIndex: selected.rowIndex, rowCount: selected.rowCount, used: used.address, emptyUsedIsNull: emptyUsed.isNullObject, title: title.text };
    });
    const state = window.__officeDouble.getWorkbookState();
    const factures = state.sheets!.find((s) => s.name === "Factures")!;
    return { out, chart: factures.charts![0], cf: factures.conditionalFormats![0], frozen: factures.frozen, calculate: window.__officeDouble.calculateCalls.map((c) => c.type) };
  });
  expect(result.out).toEqual({ selected: "Factures!B2:B4", rowIndex: 1, rowCount: 3, used: "Factures!A1:D4", emptyUsedIsNull: true, title: "Balance âgée" });
  expect(result.chart).toMatchObject({
    name: "Montants par tranche",
    chartType: "ColumnStacked",
    source: "Factures!A1:D4",
    seriesBy: "Columns",
    title: { text: "Balance âgée" },
    position: { startCell: "F2", endCell: "M20" },
    props: { "title.text": "Balance âgée", "axes.valueAxis.title.text": "€" },
  });
  expect(result.cf).toMatchObject({ type: "CellValue", range: "D2:D4", props: { "cellValue.format.fill.color": "#FFC7CE", "cellValue.rule": { formula1: "=1000", operator: "GreaterThan" } } });
  expect(result.frozen).toEqual({ rows: 1, columns: 0 });
  expect(result.calculate).toEqual(["Full"]);
});

test("ribbon actions: invokeAction counts event.completed(); custom functions are registered", async () => {
  const result = await pane.page.evaluate(async () => {
    Office.actions.associate("ok", (event: Office.AddinCommands.Event) => {
      void Office.addin.showAsTaskpane().then(() => event.completed());
    });
    Office.actions.associate("twice", (event: Office.AddinCommands.Event) => {
      event.completed();
      event.completed();
    });
    Office.actions.associate("never", () => undefined);
    CustomFunctions.associate("DOUBLE", (x: number[][]) => x.map((row) => row.map((v) => v * 2)));
    const double = window.__officeDouble;
    return {
      ok: await double.invokeAction("ok"),
      twice: await double.invokeAction("twice"),
      never: await double.invokeAction("never", { timeoutMs: 100 }),
      calls: double.addinCalls.map((c) => c.method),
      ids: double.customFunctionIds,
    };
  });
  expect(result.ok.completedCount).toBe(1);
  expect(result.twice.completedCount).toBe(2);
  expect(result.never.completedCount).toBe(0);
  expect(result.calls).toEqual(["showAsTaskpane"]);
  expect(result.ids).toContain("DOUBLE");
});

test("reading 20,000 rows takes one round trip and stays fast", async () => {
  const rows = 20_000;
  const timing = await pane.page.evaluate(async (n) => {
    const data: (string | number)[][] = [["Client", "Facture", "Échéance", "Montant", "Payé le", "Email"]];
    for (let i = 0; i < n; i++) data.push(["Client " + (i % 500), "F-" + i, 45000 + (i % 400), 100 + (i % 97), "", "c" + i + "@exemple.fr"]);
    window.__officeDouble.loadWorkbook({ sheets: [{ name: "Grand", data }], selection: { sheet: "Grand", address: "A2:F" + (n + 1) } });
    window.__officeDouble.resetSyncCount();
    const start = performance.now();
    const values = await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("values");
      await context.sync();
      return range.values;
    });
    return { ms: performance.now() - start, length: values.length, syncs: window.__officeDouble.syncCount };
  }, rows);
  expect(timing.length).toBe(rows);
  expect(timing.syncs).toBe(1);
  expect(timing.ms).toBeLessThan(1000);
});

test("like Office.js, Office.context and Excel only exist once Office has loaded", async () => {
  const other = await harness().openBlank({ state: INVOICES });
  try {
    await other.page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const w = window as unknown as { __startup: unknown; Office: { context: unknown } };
        w.__startup = { excel: typeof (window as unknown as { Excel?: unknown }).Excel, context: typeof w.Office.context };
      });
    });
    await other.page.reload();
    await other.page.waitForFunction(() => window.__officeDouble && window.__officeDouble.ready);
    const startup = await other.page.evaluate(() => ({
      atDomContentLoaded: (window as unknown as { __startup: unknown }).__startup,
      afterReady: { excel: typeof Excel, context: typeof Office.context },
    }));
    expect(startup).toEqual({ atDomContentLoaded: { excel: "undefined", context: "undefined" }, afterReady: { excel: "object", context: "object" } });
  } finally {
    await other.close();
  }
});

test("a reload of the page by the add-in itself keeps the workbook (sessionStorage)", async () => {
  await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["après rechargement"]];
      await context.sync();
    }),
  );
  await pane.page.reload();
  await pane.page.waitForFunction(() => window.__officeDouble && window.__officeDouble.ready);
  const a1 = await pane.double((api) => api.readRange("Notes", "A1").values[0][0]);
  expect(a1).toBe("après rechargement");
  const sheets = await pane.double((api, prefix: string) => api.sheetNames().filter((n) => n.startsWith(prefix)), "Fac");
  expect(sheets).toEqual(["Factures"]);
});

test("selection changes reach handlers registered through Excel and through Office.context.document", async () => {
  await pane.page.evaluate(async () => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    await Excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async () => {
        await Excel.run(async (inner) => {
          const range = inner.workbook.getSelectedRange().load("address");
          await inner.sync();
          seen.push("excel:" + range.address);
        });
      });
      await context.sync();
    });
    await new Promise<void>((resolve) => Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => seen.push("office"), () => resolve()));
  });
  await pane.setSelection("Factures", "A3:D4");
  await pane.page.waitForFunction(() => (window as unknown as { __seen: string[] }).__seen.length >= 2);
  const seen = await pane.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.sort());
  expect(seen).toEqual(["excel:Factures!A3:D4", "office"]);
});

test("a table made from data without headers gets a Column1… header row inserted above, as in Excel", async () => {
  const result = await pane.page.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Factures");
      const table = sheet.tables.add("A2:D4", false);
      const range = table.getRange().load("address");
      const header = table.getHeaderRowRange().load("values");
      const below = sheet.getRange("A5:B5").load("values");
      await context.sync();
      return { address: range.address, header: header.values, below: below.values };
    }),
  );
  expect(result).toEqual({ address: "Factures!A2:D5", header: [["Column1", "Column2", "Column3", "Column4"]], below: [["Dupont SA", "F-003"]] });
});
