/* global document, window */
/**
 * `npm run screenshots`: the README's pictures, taken from the demonstration
 * so that they show the product as it is. Starts the demo server (the build
 * is done by the npm script), drives the page with playwright-core as a user
 * would (analyse the selection, open the letters, open the dashboard), in
 * light and dark, and writes docs/screenshots/*.png.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import browserSupport from "../test/support/browser.js";
import demoServer from "./server.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "docs", "screenshots");
const VIEWPORT = { width: 1280, height: 860 };
const TIMEOUT = 60_000;

/** Waits for every finite animation (Fluent's tabs and dialogs move) to end. */
async function settle(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));
  await page.waitForTimeout(200);
}

async function shoot(page, locator, name, written) {
  const file = join(OUT, `${name}.png`);
  await settle(page);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  written.push(relative(ROOT, file));
}

async function capture(browser, theme, url, written) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "fr-FR", deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${url}?theme=${theme}`);
  await page.waitForFunction(() => window.__officeDouble?.ready);
  const pane = page.locator("#pane");

  // Cases: the selection analysed.
  await page.getByRole("button", { name: "Analyser la sélection" }).click();
  await page.getByRole("button", { name: "Actualiser", disabled: false }).waitFor();
  await page.getByRole("article").first().waitFor();
  await shoot(page, null, `demo-${theme}`, written);
  await shoot(page, pane, `dossiers-${theme}`, written);

  // A letter: the preview of the first client's reminder.
  await page.getByRole("tab", { name: "Courriers", exact: true }).click();
  const preview = page.locator('iframe[title="Aperçu (premier client)"]');
  await preview.waitFor();
  await page.frameLocator('iframe[title="Aperçu (premier client)"]').locator("body").waitFor();
  // The preview at the top of the pane, the letter scrolled to its subject line.
  await page.getByText("Aperçu (premier client)", { exact: true }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
  await page.frameLocator('iframe[title="Aperçu (premier client)"]').getByText(/^Mise en demeure de payer$|^Relance/i).first().scrollIntoViewIfNeeded();
  await shoot(page, pane, `courrier-${theme}`, written);

  // The dashboard.
  await page.getByRole("tab", { name: "Tableau de bord", exact: true }).click();
  await page.getByRole("group", { name: "Encours total" }).waitFor();
  await shoot(page, pane, `tableau-de-bord-${theme}`, written);

  await context.close();
  if (errors.length) throw new Error(`La page a levé des erreurs (${theme}) :\n${errors.join("\n")}`);
}

mkdirSync(OUT, { recursive: true });
const { server, url } = await demoServer.startDemoServer({ port: 0 });
const browser = await browserSupport.launchChromium();
const written = [];
try {
  for (const theme of ["light", "dark"]) await capture(browser, theme, url, written);
  console.log(`${written.length} captures :\n${written.map((f) => `  ${f}`).join("\n")}`);
} finally {
  await browser.close();
  server.close();
}
