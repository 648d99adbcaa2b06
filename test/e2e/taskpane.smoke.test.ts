/**
 * Smoke test of the build: dist/taskpane.html (functions.js, commands.js,
 * taskpane.js) starts in Chromium under the Office host double, the pane
 * renders, and the shared runtime registers the formulas and the ribbon
 * command. Needs `npm run build` first.
 */
import { useBrowserHarness } from "./harness";

const harness = useBrowserHarness();

const WORKBOOK = {
  sheets: [
    {
      name: "Factures",
      data: [
        ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC"],
        ["Dupont SA", "F-2025-001", 45658, 45688, 1200],
      ],
    },
  ],
  selection: { sheet: "Factures", address: "A2:E2" },
};

test("the built pane loads under the Office double and renders its heading", async () => {
  const pane = await harness().openTaskpane({ state: WORKBOOK });
  await pane.waitFor(pane.page.getByRole("heading", { name: /Recouvre/ }));
  await pane.screenshot("smoke-taskpane");
  expect(pane.pageErrors).toEqual([]);
  expect(pane.blockedRequests).toEqual([]);
});

test("the shared runtime registers the RECOUVRE formulas and the « Relancer » command", async () => {
  const pane = await harness().openTaskpane({ state: WORKBOOK });
  await pane.page.waitForFunction(() => window.__officeDouble.actions.includes("relancer"), undefined, { timeout: 20_000 });
  const ids = await pane.page.evaluate(() => window.__officeDouble.customFunctionIds);
  expect(ids).toContain("JOURS_RETARD");

  // Excel can call a formula of the add-in: 1 Jan 2025 -> 31 Jan 2025 is 30 days late.
  const daysLate = await pane.page.evaluate(async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Factures").getRange("G1").formulas = [["=RECOUVRE.JOURS_RETARD(DATE(2025,1,1),DATE(2025,1,31))"]];
      await context.sync();
    });
    return window.__officeDouble.readRange("Factures", "G1").values[0][0];
  });
  expect(daysLate).toBe(30);

  const run = await pane.invokeAction("relancer");
  expect(run).toMatchObject({ completedCount: 1, error: null });
  const calls = await pane.page.evaluate(() => window.__officeDouble.addinCalls.map((c) => c.method));
  expect(calls).toContain("showAsTaskpane");
  expect(pane.pageErrors).toEqual([]);
});
