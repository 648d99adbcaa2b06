/**
 * The report tab (src/taskpane/report/ReportPanel) rendered alone in
 * Chromium, against the Office double, its button wired to
 * src/excel/agingReport.ts as the gateway will wire it. Screenshots in
 * test-output/screenshots/report-*.png.
 */
import { bundleForBrowser } from "./agingReportBundle";
import type { PanelOptions } from "./agingReportPanelEntry";
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";

const harness = useBrowserHarness();
let bundle = "";

beforeAll(async () => {
  bundle = await bundleForBrowser("test/e2e/agingReportPanelEntry.ts");
}, 90_000);

const WORKBOOK: WorkbookState = { sheets: [{ name: "Factures", data: [["Client", "Montant"]] }] };
const SAMPLE = { invoices: 300, clients: 25, asOf: "2025-03-31" };

async function openPanel(options: PanelOptions, state: WorkbookState = WORKBOOK): Promise<Pane> {
  const pane = await harness().openBlank({ state, viewport: { width: 360, height: 900 } });
  await pane.page.addScriptTag({ content: bundle });
  await pane.page.evaluate((o) => (window as unknown as { recouvrePanel: { renderPanel(o: PanelOptions): void } }).recouvrePanel.renderPanel(o), options);
  return pane;
}

const WRITE_FR = "Créer / actualiser la feuille Balance âgée";

test("before any analysis: the form, an invitation to analyse, the button disabled", async () => {
  const pane = await openPanel({ language: "fr", dark: false, today: "2025-03-31" });
  await pane.waitFor(pane.page.getByText("Analysez d'abord votre liste de factures", { exact: false }));
  expect(await pane.page.getByRole("button", { name: WRITE_FR }).isDisabled()).toBe(true);
  expect(await pane.page.getByLabel("Arrêté au").inputValue()).toBe("2025-03-31");
  await pane.screenshot("report-empty");
  expect(pane.pageErrors).toEqual([]);
  await pane.close();
});

test("indicators, chart, DSO from the revenue typed, then the sheet created and refreshed", async () => {
  const pane = await openPanel({ language: "fr", dark: false, today: "2025-03-31", sample: SAMPLE });
  const page = pane.page;
  await pane.waitFor(page.getByRole("group", { name: "Encours total" }));
  expect(await page.getByRole("group", { name: "DSO, épuisement du CA" }).innerText()).toContain("saisissez le CA mensuel");
  await expect(page.getByRole("img").getAttribute("aria-label")).resolves.toMatch(/^Montants par tranche de retard : Non échu /);

  // Revenue of the last three months: the two DSO cards get their values.
  await page.getByRole("button", { name: "Chiffre d'affaires mensuel (facultatif, pour le DSO)" }).click();
  await page.getByLabel("mars 2025").fill("1 500 000");
  await page.getByLabel("février 2025").fill("1 200 000,50");
  await page.getByLabel("janvier 2025").fill("1 300 000");
  await pane.waitFor(page.getByText("3 mois épuisés + prorata", { exact: false }).or(page.getByText("mois épuisé", { exact: false })));
  const simple = await page.getByRole("group", { name: "DSO, méthode simple" }).innerText();
  expect(simple).toMatch(/\d+,\d\s*j/);
  expect(simple).toContain("× 90 j");
  await pane.screenshot("report-indicators-fr");

  // A gap in the months is refused.
  await page.getByLabel("février 2025").fill("");
  await pane.waitFor(page.getByText("Remplissez les mois sans trou", { exact: false }));
  expect(await page.getByRole("button", { name: WRITE_FR }).isDisabled()).toBe(true);
  await page.getByLabel("février 2025").fill("1 200 000");

  await page.getByRole("button", { name: WRITE_FR }).click();
  await pane.waitFor(page.getByText("Feuille « Balance âgée » créée.", { exact: false }));
  expect(await pane.double((api) => api.sheetNames())).toEqual(["Factures", "Balance âgée"]);
  const dso = await pane.readRange("Balance âgée", "A12:B13");
  expect(dso.values.map((row) => row[0])).toEqual(["DSO (méthode simple)", "DSO (épuisement du CA)"]);
  expect(typeof dso.values[0][1]).toBe("number");

  // Another date and other bounds: the revenue stays with its months, April
  // to date is now missing (a gap: nothing to write until it is typed), then
  // the same sheet is refreshed.
  await page.getByLabel("Arrêté au").fill("2025-04-15");
  await page.getByLabel("Tranches (jours)").fill("15 ; 45");
  await pane.waitFor(page.getByText("Remplissez les mois sans trou", { exact: false }));
  expect(await page.getByLabel("mars 2025").inputValue()).toBe("1 500 000");
  expect(await page.getByRole("button", { name: WRITE_FR }).isDisabled()).toBe(true);
  await page.getByLabel("avril 2025 (au 15/04/2025)").fill("700 000");
  await page.getByRole("button", { name: WRITE_FR }).click();
  await pane.waitFor(page.getByText("Feuille « Balance âgée » actualisée.", { exact: false }));
  expect((await pane.readRange("Balance âgée", "A1")).values[0][0]).toBe("Balance âgée au 15/04/2025");
  const table = await pane.double((api) => api.tableInfo("RecouvreBalanceAgee"));
  expect(table!.headers.slice(0, 5)).toEqual(["Client", "Non échu", "1-15 j", "16-45 j", "> 45 j"]);
  await pane.screenshot("report-written-fr");
  expect(pane.pageErrors).toEqual([]);
  await pane.close();
});

test("a sheet of the user's named « Balance âgée »: the pane says where the report went", async () => {
  const state: WorkbookState = { sheets: [...WORKBOOK.sheets!, { name: "Balance âgée", cells: { A1: "à moi" } }] };
  const pane = await openPanel({ language: "fr", dark: false, today: "2025-03-31", sample: SAMPLE }, state);
  await pane.page.getByRole("button", { name: WRITE_FR }).click();
  await pane.waitFor(pane.page.getByText("Feuille « Balance âgée (Recouvre) » créée.", { exact: false }));
  expect(await pane.page.getByRole("status").innerText()).toContain("Votre feuille « Balance âgée », qui n'a pas été créée par Recouvre, n'a pas été modifiée.");
  expect((await pane.readRange("Balance âgée", "A1")).values[0][0]).toBe("à moi");
  await pane.screenshot("report-name-taken-fr");
  await pane.close();
});

test("invalid bounds: the reason under the field, nothing to write", async () => {
  const pane = await openPanel({ language: "fr", dark: false, today: "2025-03-31", sample: SAMPLE });
  await pane.page.getByLabel("Tranches (jours)").fill("60 ; 30");
  await pane.waitFor(pane.page.getByText("strictement croissantes", { exact: false }));
  expect(await pane.page.getByRole("button", { name: WRITE_FR }).isDisabled()).toBe(true);
  await pane.close();
});

test("English and dark", async () => {
  const pane = await openPanel({ language: "en", dark: true, today: "2025-03-31", sample: SAMPLE });
  await pane.waitFor(pane.page.getByRole("group", { name: "Total receivables" }));
  await pane.page.getByRole("button", { name: "Monthly revenue (optional, for the DSO)" }).click();
  await pane.page.getByLabel("March 2025").fill("1500000");
  await pane.waitFor(pane.page.getByRole("group", { name: "DSO, count-back" }).getByText("days", { exact: false }).first());
  await pane.screenshot("report-indicators-en-dark");
  expect(pane.pageErrors).toEqual([]);
  await pane.close();
});
