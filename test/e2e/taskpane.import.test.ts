/**
 * The « Importer » tab on the built pane, under the Office double: a FEC in
 * two parts (test/fixtures/fec-import: a bakery's customers with invoices, a
 * credit note, a partial payment, a payment on account, an opening balance,
 * lettered groups) is read in a worker and becomes the « Créances » table;
 * « Analyser » works on it; a re-import a month later (by drag and drop)
 * keeps the e-mail column the user added and never touches the journal.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { epochDayToSerial, toEpochDay } from "../../src/core/calendar";
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";
import { animationsDone, cents, openTab, plain, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const DIR = path.join(__dirname, "..", "fixtures", "fec-import");
const FILES = ["987654321FEC20251231-partie1.txt", "987654321FEC20251231-partie2.txt"].map((name) => path.join(DIR, name));

const JOURNAL = [
  ["Date", "Client", "Type"],
  [45720, "HOTEL DU LAC", "Note"],
];
const WORKBOOK: WorkbookState = {
  sheets: [{ name: "Feuil1", data: [["Mes notes"]] }, { name: "Journal des relances", data: JOURNAL }],
  tables: [{ name: "RecouvreJournal", sheet: "Journal des relances", address: "A1:C2" }],
  selection: { sheet: "Feuil1", address: "A1" },
};

async function creances(pane: Pane) {
  const info = await pane.double((api) => api.tableInfo("RecouvreCreances"));
  if (!info) throw new Error("no Créances table");
  const column = (header: string) => info.rows.map((row) => row[info.headers.indexOf(header)]);
  return { info, column };
}

async function waitForReport(pane: Pane, text: RegExp) {
  await pane.waitFor(pane.page.getByRole("status").filter({ hasText: text }), { timeout: 30_000 });
}

async function openImport(width = 350, latencyMs = 0): Promise<Pane> {
  const pane = await harness().openTaskpane({ state: WORKBOOK, now: "2025-03-31", viewport: { width, height: 900 }, latencyMs });
  await pane.waitFor(pane.page.getByRole("tab", { name: "Importer" }));
  await openTab(pane, "Importer");
  await pane.waitFor(pane.page.getByRole("button", { name: "Importer…" }));
  return pane;
}

test("importing a two-part FEC writes the Créances table with the right clients and totals; the report says what was read and left aside", async () => {
  const pane = await openImport();
  const page = pane.page;
  expect(await page.getByRole("textbox", { name: "Conditions de paiement supposées" }).inputValue()).toBe("30 jours");
  await pane.screenshot("import-empty-350");

  // The files are parsed off the UI thread, in the worker webpack bundled.
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.locator('input[type="file"]').setInputFiles(FILES);
  await waitForReport(pane, /factures ouvertes/);
  expect(workers).toEqual([expect.stringMatching(/\/fec-import\.js$/)]);
  const status = await textOf(page.getByRole("status"));
  expect(status).toBe("5 factures ouvertes · 4 000,00 € · 4 clients au 31/03/2025");

  const { info, column } = await creances(pane);
  expect(info.sheet).toBe("Créances");
  expect(new Set(column("Client"))).toEqual(new Set(["HOTEL DU LAC", "CAFE DE LA GARE", "RESTAURANT L'ESCALE", "TRAITEUR MARCEAU"]));
  expect(column("Reste dû").reduce((a, b) => Number(a) + Number(b), 0)).toBe(4000);
  const byPiece = Object.fromEntries(column("N° pièce").map((piece, i) => [piece, column("Reste dû")[i]]));
  expect(byPiece).toEqual({ "F-105": 1400, "F-102": 500, "F-107": 300, "F-108": 1000, x: 800 });
  expect(new Set(column("Échéance supposée"))).toEqual(new Set(["oui"]));

  // The report: read, imputed, and the lines left aside with their reason.
  const report = plain(await page.locator("section[aria-labelledby=import-title]").innerText());
  expect(report).toContain("38 lignes lues dans 2 fichiers");
  expect(report).toContain("Solde net des comptes clients : 4 000,00 €");
  expect(report).toMatch(/DSO depuis les écritures : [\d,]+ j \(CA TTC/);
  const advance = page.getByRole("button", { name: /comptes 419/ });
  await advance.click();
  await animationsDone(pane);
  await pane.waitFor(page.getByText(/compte.*419|419.*EPICERIE|AV-01|41910000/).first());
  await pane.screenshot("import-report-350");

  // The journal is untouched; « Analyser les créances » shows the cases of the table.
  expect((await pane.double((api) => api.tableInfo("RecouvreJournal")))?.rows).toEqual([JOURNAL[1]]);
  // The user has clicked elsewhere meanwhile: the button still analyses the table.
  await pane.setSelection("Feuil1", "A1");
  await page.getByRole("button", { name: "Analyser les créances" }).click();
  await pane.waitFor(page.getByRole("article", { name: "HOTEL DU LAC" }));
  const hotel = await textOf(page.getByRole("article", { name: "HOTEL DU LAC" }));
  expect(hotel).toContain("1 400,00 €");
  // A FEC has no due dates: the case says they are assumed (« Échéance supposée » of the table).
  expect(hotel).toMatch(/(Une échéance est supposée|\d+ échéances sont supposées) : calculées? avec les conditions choisies à l'import/);
  expect(pane.pageErrors).toEqual([]);
});

test("a re-import a month later, dropped on the pane, keeps the user's e-mail column, marks F-107 settled, adds F-110, leaves the journal alone", async () => {
  const pane = await openImport();
  const page = pane.page;
  await page.locator('input[type="file"]').setInputFiles(FILES);
  await waitForReport(pane, /5 factures ouvertes/);

  // The user adds an « E-mail » column to the table.
  await page.evaluate(async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("RecouvreCreances");
      const accounts = table.columns.getItem("Compte").getDataBodyRange().load("values");
      await context.sync();
      const mails = accounts.values.map(([account]) => [`compta-${String(account).toLowerCase()}@exemple.fr`]);
      table.columns.add(undefined, [["E-mail"], ...mails]);
      // …and the terms agreed with one client.
      table.columns.add(undefined, [["Conditions de paiement"], ...accounts.values.map(([account]) => [account === "C002" ? "60 jours" : ""])]);
      await context.sync();
    });
  });
  const before = await creances(pane);
  const mailOf = (table: typeof before) => Object.fromEntries(table.column("N° pièce").map((piece, i) => [piece, table.column("E-mail")[i]]));

  // A month later, the same FEC dropped on the drop zone.
  await page.getByRole("textbox", { name: "Créances au" }).fill("2025-04-30");
  const files = FILES.map((file) => ({ name: path.basename(file), text: readFileSync(file, "utf8") }));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name, { type: "text/plain" }));
    return data;
  }, files);
  await page.getByTestId("import-drop").dispatchEvent("drop", { dataTransfer: transfer });
  await waitForReport(pane, /au 30\/04\/2025/);
  expect(await textOf(page.getByRole("status"))).toBe("5 factures ouvertes · 4 600,00 € · 4 clients au 30/04/2025");

  const after = await creances(pane);
  expect(after.column("N° pièce")).toEqual([...before.column("N° pièce"), "F-110"]);
  expect(Object.fromEntries(after.column("N° pièce").map((piece, i) => [piece, after.column("Statut")[i]]))).toMatchObject({ "F-107": "réglée", "F-110": "ouverte", "F-105": "ouverte" });
  // Every e-mail the user typed is where it was; the new invoice of a known client got its address.
  expect(mailOf(after)).toEqual({ ...mailOf(before), "F-110": "compta-c002@exemple.fr" });
  // The client's own terms gave the due dates of its invoices: F-110 of 05/04/2025 is due 60 days later.
  const dueOf = Object.fromEntries(after.column("N° pièce").map((piece, i) => [piece, after.column("Échéance")[i]]));
  expect(dueOf["F-110"]).toBe(epochDayToSerial(toEpochDay(2025, 6, 4)));
  expect(dueOf["F-105"]).toBe(epochDayToSerial(toEpochDay(2025, 3, 22)));
  const report = plain(await page.locator("section[aria-labelledby=import-title]").innerText());
  expect(report).toContain("Vos colonnes conservées : « E-mail »");
  expect(report).toContain("1 facture réglée depuis");
  expect(report).toContain("échéances calculées avec les conditions propres au client");
  expect((await pane.double((api) => api.tableInfo("RecouvreJournal")))?.rows).toEqual([JOURNAL[1]]);
  await pane.screenshot("import-reimport-350");
  expect(cents("4 600,00 €")).toBe(460000);
  expect(pane.pageErrors).toEqual([]);
});

test("while the import runs, a progress bar names the phase and the files; the button waits", async () => {
  // Slow round trips with the workbook keep the import on screen long enough to be seen.
  const pane = await openImport(350, 600);
  const page = pane.page;
  await page.locator('input[type="file"]').setInputFiles(FILES);
  const bar = page.getByRole("progressbar");
  await pane.waitFor(bar);
  expect(await page.getByRole("button", { name: "Import en cours…" }).isDisabled()).toBe(true);
  expect(plain(await page.locator("section[aria-labelledby=import-title]").innerText())).toMatch(/(Chargement des fichiers|Écriture de la feuille Créances)… 987654321FEC20251231-partie1\.txt, 987654321FEC20251231-partie2\.txt/);
  await pane.screenshot("import-progress-350", { fullPage: false });
  await waitForReport(pane, /5 factures ouvertes/);
  expect(await bar.count()).toBe(0);
  expect(await page.getByRole("button", { name: "Importer…" }).isDisabled()).toBe(false);
});

test("a file that is not a FEC changes nothing: the table stays as it was and the reason is shown", async () => {
  const pane = await openImport();
  const page = pane.page;
  await page.locator('input[type="file"]').setInputFiles(FILES);
  await waitForReport(pane, /5 factures ouvertes/);
  const before = await creances(pane);

  await page.locator('input[type="file"]').setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Liste des courses\npain\nlait\n") });
  await pane.waitFor(page.getByText(/Aucune écriture de compte client \(411, 416\) lue dans notes\.txt/));
  expect((await creances(pane)).info.rows).toEqual(before.info.rows);
  await pane.waitFor(page.getByRole("button", { name: /en-tête FEC introuvable/ }));
  await pane.screenshot("import-not-a-fec-350");
  expect(pane.pageErrors).toEqual([]);
});

test("in English, in a wider pane: the same import, the words of the English pane", async () => {
  const pane = await harness().openTaskpane({ state: WORKBOOK, now: "2025-03-31", viewport: { width: 640, height: 900 }, displayLanguage: "en-US" });
  const page = pane.page;
  await pane.waitFor(page.getByRole("tab", { name: "Import" }));
  await openTab(pane, "Import");
  expect(await page.getByRole("textbox", { name: "Assumed payment terms" }).inputValue()).toBe("30 jours");
  await page.locator('input[type="file"]').setInputFiles(FILES);
  await waitForReport(pane, /open invoices/);
  expect(await textOf(page.getByRole("status"))).toBe("5 open invoices · 4 000,00 € · 4 clients as of 31/03/2025");
  await pane.waitFor(page.getByRole("button", { name: "Analyse the receivables" }));
  await pane.screenshot("import-report-en-640");
  expect(pane.pageErrors).toEqual([]);
});
