/**
 * An accounting export pasted into a sheet (issue 14 §2-3), in the built pane:
 * a company name, a title and a blank row above the headers, Débit / Crédit
 * columns, « 12.500 » written with dots for thousands, subtotal rows. The
 * header row is found, the rows above it and the subtotals are skipped with a
 * notice listing them, and the cases carry the right amounts. Needs
 * `npm run build` first.
 */
import { useBrowserHarness, type WorkbookState } from "./harness";
import { TODAY } from "./ledgerFixture";
import { analyse, caseCard, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const EXPORT: string[][] = [
  ["SARL Les Vergers du Sud", "", "", "", "", ""],
  ["Balance âgée clients au 16/03/2026", "", "", "", "", ""],
  ["", "", "", "", "", ""],
  ["Client", "N° pièce", "Date pièce", "Échéance", "Débit", "Crédit"],
  ["DUPONT SA", "F2025-001", "05/01/2026", "04/02/2026", "1.250,50", ""],
  ["DUPONT SA", "F2025-007", "12/01/2026", "11/02/2026", "12.500", ""],
  ["Total client DUPONT SA", "", "", "", "13.750,50", ""],
  ["MARTIN SARL", "F2025-010", "15/01/2026", "14/02/2026", "800,00", ""],
  ["Total client MARTIN SARL", "", "", "", "800,00", ""],
  ["", "", "", "", "", ""],
  ["Total général", "", "", "", "14.550,50", ""],
];

function exportWorkbook(): WorkbookState {
  return { sheets: [{ name: "Export", data: EXPORT }], selection: { sheet: "Export", address: "A1:F11" } };
}

test("an export with a title, a blank row and subtotals: the header row is found, the rest is said, the amounts are right", async () => {
  const pane = await harness().openTaskpane({ state: exportWorkbook(), now: TODAY });
  await analyse(pane);
  const page = pane.page;

  // Two clients; « 12.500 » is 12 500 € because the column writes « 1.250,50 ».
  expect(await page.getByRole("article").count()).toBe(2);
  expect(await textOf(caseCard(pane, "DUPONT SA"))).toContain("13 750,50 € +");
  expect(await textOf(caseCard(pane, "MARTIN SARL"))).toContain("800,00 € +");
  // Nothing left out as a problem: the titles and totals are not invoices.
  expect(await page.getByRole("list", { name: /lignes? écartées?/ }).count()).toBe(0);
  await pane.waitFor(page.getByText("lignes 1 à 2 ignorées : au-dessus de la ligne d'en-tête (ligne 4)"));
  await pane.waitFor(
    page.getByText("3 ligne(s) de total ignorée(s), ce ne sont pas des factures : ligne 7 (« Total client DUPONT SA »), ligne 9 (« Total client MARTIN SARL »), ligne 11 (« Total général »)"),
  );
  // The detected columns include Débit and Crédit.
  await page.getByText("Colonnes détectées").click();
  await pane.waitFor(page.getByRole("combobox", { name: "Débit" }));
  expect(await page.getByRole("combobox", { name: "Débit" }).inputValue()).toBe("4");
  expect(await page.getByRole("combobox", { name: "Crédit" }).inputValue()).toBe("5");
  await pane.screenshot("export-notices", { fullPage: false });
  expect(pane.pageErrors).toEqual([]);
});

test("the same export made into an Excel table: the header row is found among the table's first rows", async () => {
  const data = [["Colonne1", "Colonne2", "Colonne3", "Colonne4", "Colonne5", "Colonne6"], ...EXPORT];
  const state: WorkbookState = {
    sheets: [{ name: "Export", data }],
    tables: [{ name: "MonExport", sheet: "Export", address: "A1:F12" }],
    selection: { sheet: "Export", address: "B6" },
  };
  const pane = await harness().openTaskpane({ state, now: TODAY });
  await analyse(pane);
  const page = pane.page;
  expect(await page.getByRole("article").count()).toBe(2);
  expect(await textOf(caseCard(pane, "DUPONT SA"))).toContain("13 750,50 € +");
  await pane.waitFor(page.getByText("lignes 1 à 3 ignorées : au-dessus de la ligne d'en-tête (ligne 5)"));
  await pane.waitFor(page.getByText(/^3 ligne\(s\) de total ignorée\(s\), ce ne sont pas des factures : ligne 8 /));
  expect(pane.pageErrors).toEqual([]);
});
