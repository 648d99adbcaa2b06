/**
 * The demonstration page's first script, before the Office double
 * (office.js here) and the add-in's own bundles (functions.js, commands.js,
 * taskpane.js, the very files Excel loads):
 *  1. fixes the day (clock.ts);
 *  2. hands the double the sample workbook, the theme and the language
 *     asked in the address (?theme=dark, ?lang=en);
 *  3. once the page is there, draws the ribbon group and the workbook view.
 * The workbook lives in the tab's sessionStorage: a reload keeps what was
 * done, « Recommencer » starts again from the sample.
 */
import type { OfficeDoubleApi, OfficeDoubleConfig } from "../officeDouble/types";
import { DEMO_TODAY_ISO, sampleWorkbook } from "../sample/workbook";
import { installFixedDay } from "./clock";
import { mountRibbon, mountWorkbookView } from "./workbookView";

const TOKEN = "recouvre-demo";
const params = new URLSearchParams(location.search);
const theme = params.get("theme") === "dark" ? "dark" : "light";
const displayLanguage = params.get("lang") === "en" ? "en-US" : "fr-FR";

installFixedDay(DEMO_TODAY_ISO);
document.documentElement.dataset.theme = theme;

const config: OfficeDoubleConfig = { state: sampleWorkbook().state, token: TOKEN, displayLanguage, theme, latencyMs: 0 };
window.__officeDoubleConfig = config;

const office = (): OfficeDoubleApi => window.__officeDouble;

function restart(): void {
  for (const key of Object.keys(sessionStorage)) if (key.includes(TOKEN)) sessionStorage.removeItem(key);
  // The double saves the workbook when the page goes away: restart from a page that has not loaded it.
  window.removeEventListener("pagehide", office().persist);
  location.replace(location.href);
}

function start(): void {
  const ribbon = document.getElementById("ribbon");
  const workbook = document.getElementById("workbook");
  if (!ribbon || !workbook) return;
  const view = mountWorkbookView(workbook, office);
  mountRibbon(ribbon, office, () => view.refresh(true));
  document.getElementById("restart")?.addEventListener("click", restart);
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-theme]")) {
    const next = new URLSearchParams(location.search);
    next.set("theme", link.dataset.theme ?? "light");
    link.href = `?${next}`;
  }
  const waitForOffice = () => {
    if (window.__officeDouble?.ready) {
      view.refresh(true);
      setInterval(() => view.refresh(), 800);
    } else setTimeout(waitForOffice, 50);
  };
  waitForOffice();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
