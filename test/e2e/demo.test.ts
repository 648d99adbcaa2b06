/**
 * The demonstration page (`npm run demo`, built into dist-demo/ by
 * `npm run build:demo`): it says what it is, the real pane, formulas and
 * ribbon handlers run on the sample workbook, and nothing can leave the page
 * (its Content-Security-Policy stops a request to Microsoft Graph before the
 * network; the test also aborts and records anything not for the local server).
 */
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { startDemoServer } from "../../demo/server";
import { E2E_TIMEOUT, launchChromium } from "./harness";
import { plain } from "./paneSteps";

jest.setTimeout(E2E_TIMEOUT * 2);

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await startDemoServer({ port: 0 }));
  browser = await launchChromium();
}, E2E_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Opened {
  page: Page;
  errors: string[];
  leaving: string[];
}

async function openDemo(query = ""): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "fr-FR" });
  const page = await context.newPage();
  const opened: Opened = { page, errors: [], leaving: [] };
  page.on("pageerror", (error) => opened.errors.push(error.message));
  await page.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === "data:" || target.protocol === "blob:" || target.origin === new URL(url).origin) return route.continue();
    opened.leaving.push(target.href);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${url}${query}`);
  await page.waitForFunction(() => window.__officeDouble?.ready, undefined, { timeout: 30_000 });
  return opened;
}

test("the page says it is a demonstration, that nothing is sent, and shows the sample workbook", async () => {
  const { page, errors, leaving } = await openDemo();
  const banner = plain(await page.getByRole("note", { name: "Démonstration" }).innerText());
  expect(banner).toContain("Démonstration de Recouvre");
  expect(banner).toContain("Rien n'est envoyé");
  expect(banner).toContain("brouillons .eml");
  expect(banner).toContain("classeur fictif");
  // The workbook view shows the list; the double holds it with its journal.
  await page.getByRole("tab", { name: "Factures" }).waitFor();
  expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual(["Factures", "Journal des relances"]);
  expect(await page.evaluate(() => window.__officeDouble.tableInfo("RecouvreJournal")?.rowCount)).toBeGreaterThan(40);
  expect(errors).toEqual([]);
  expect(leaving).toEqual([]);
  await page.context().close();
});

test("the pane analyses the selection into cases; the RECOUVRE formulas beside the list are computed", async () => {
  const { page, errors, leaving } = await openDemo();
  await page.getByRole("button", { name: "Analyser la sélection" }).click();
  await page.getByRole("article").first().waitFor({ timeout: 30_000 });
  const summary = plain(await page.getByRole("status").first().innerText());
  expect(summary).toMatch(/^\d+ clients à suivre · [\d ]+,\d{2} € dus/);
  expect(await page.getByRole("article").count()).toBeGreaterThanOrEqual(8);

  // Row 2 is the oldest invoice, paid: days late at payment and the penalties to that day, as numbers.
  await page.waitForFunction(() => typeof window.__officeDouble.readRange("Factures", "N2").values[0][0] === "number", undefined, { timeout: 30_000 });
  const row = await page.evaluate(() => window.__officeDouble.readRange("Factures", "N2:P2"));
  expect(row.formulas[0][0]).toBe("=RECOUVRE.JOURS_RETARD(D2,F2)");
  for (const value of row.values[0]) expect(typeof value).toBe("number");
  expect(errors).toEqual([]);
  expect(leaving).toEqual([]);
  await page.context().close();
});

test("the ribbon's « Relancer » opens the confirmation; Microsoft Graph cannot be reached; sending prepares .eml drafts", async () => {
  const { page, errors, leaving } = await openDemo("?theme=dark");
  await page.getByRole("button", { name: "Relancer" }).click();
  await page.getByText("Envoyer les relances", { exact: true }).first().waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => window.__officeDouble.actionLog.map((a) => [a.name, a.completedCount, a.error]))).toEqual([["relancer", 1, null]]);

  const graph = await page.evaluate(() =>
    fetch("https://graph.microsoft.com/v1.0/me/sendMail", { method: "POST" }).then(
      () => "reached",
      (error: Error) => error.name,
    ),
  );
  expect(graph).toBe("TypeError");

  // Sending in the demonstration: .eml drafts, prepared and recorded in the journal.
  const journalBefore = await page.evaluate(() => window.__officeDouble.tableInfo("RecouvreJournal")!.rowCount);
  await page.getByRole("radio", { name: "Préparer des brouillons .eml (à envoyer depuis Outlook)" }).check();
  await page.getByRole("button", { name: /^Préparer \d+ brouillons?$/ }).click();
  await page.getByRole("button", { name: "Télécharger les brouillons" }).waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => window.__officeDouble.tableInfo("RecouvreJournal")!.rowCount)).toBeGreaterThan(journalBefore);
  // Refused by the page's policy before any request was made; nothing else left the page either.
  expect(leaving).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the letters tab previews a letter even when the first client due is at « Action judiciaire »", async () => {
  const { page, errors } = await openDemo();
  await page.getByRole("button", { name: "Analyser la sélection" }).click();
  await page.getByRole("article").first().waitFor({ timeout: 30_000 });
  await page.getByRole("tab", { name: "Courriers", exact: true }).click();
  await page.getByRole("group", { name: "Clients" }).waitFor();
  // The first client offered (checked: its step is due) is at a step with no letter of its own.
  const first = page.getByRole("group", { name: "Clients" }).getByRole("checkbox").first();
  expect(await first.isChecked()).toBe(true);
  expect(plain(await page.getByRole("group", { name: "Clients" }).innerText()).split("\n").find((line) => line.includes(" — "))).toMatch(/— Action judiciaire$/);
  const preview = page.frameLocator('iframe[title="Aperçu (premier client)"]').locator("body");
  await preview.waitFor({ timeout: 30_000 });
  expect(plain(await preview.innerText())).toContain("Atelier des Verriers du Lac SAS");
  expect(errors).toEqual([]);
  await page.context().close();
});
