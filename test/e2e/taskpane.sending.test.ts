/**
 * The « Relancer » screen without dead ends (issue 15), in the built pane at
 * 320 and 450 px: without a company profile every disabled choice says why
 * and links to the profile, the administrator's part is folded away; with a
 * profile, the drafts come as one .zip, the result counts what happened, the
 * amount beside each client is the one its message states, the screen is a
 * view of its own in the tab bar and closing it returns to the tab. A
 * colleague's claim in the journal shows in the activity banner. Needs
 * `npm run build` first.
 */
import { entryToRow, JOURNAL_HEADERS } from "../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";
import { CREDITOR_PROFILE_SETTING } from "../../src/core/letters/profile";
import { claimEntry } from "../../src/core/sending/ledger";
import { messagesFor } from "../core/sending/fixtures";
import { clockTime, E2E_TIMEOUT, useBrowserHarness, type Pane, type WorkbookState } from "./harness";
import { TODAY, ledgerWorkbook } from "./ledgerFixture";
import { plain, textOf } from "./paneSteps";

const harness = useBrowserHarness();
// Composing and preparing a dozen drafts with their letters takes a while on a shared machine.
jest.setTimeout(E2E_TIMEOUT * 3);

const PROFILE = {
  raisonSociale: "Verriers du Lac SAS",
  adresse: "12 quai des Verriers",
  codePostal: "74000",
  ville: "Annecy",
  siren: "000000018",
  contact: "Claire Fontaine",
  email: "compta@verriers-du-lac.fr",
};

/** The ledger with e-mail addresses (the pane only e-mails clients that have one) and, optionally, the profile and a colleague's claim. */
function workbook(options: { profile?: boolean; colleague?: boolean }): WorkbookState {
  const state = ledgerWorkbook();
  const extra: Partial<WorkbookState> = {};
  if (options.profile) extra.settings = { [CREDITOR_PROFILE_SETTING]: JSON.stringify(PROFILE) };
  if (options.colleague) {
    const [message] = messagesFor(1);
    // Two minutes before the page's "now": a live claim.
    const claim = claimEntry(message, 1, new Date(clockTime(TODAY).getTime() - 120_000).toISOString(), { by: "Paul Martin", runtime: "paulpane0001", seq: 1, mailbox: "paul@verriers-du-lac.fr" });
    const rows = [entryToRow(claim, DEFAULT_SCENARIO)];
    extra.sheets = [...(state.sheets ?? []), { name: "Journal des relances", data: [[...JOURNAL_HEADERS], ...rows] }];
    extra.tables = [{ name: "RecouvreJournal", sheet: "Journal des relances", address: `A1:${String.fromCharCode(64 + JOURNAL_HEADERS.length)}2` }];
  }
  return { ...state, ...extra };
}

async function openSending(width: number, options: { profile?: boolean; colleague?: boolean }): Promise<Pane> {
  const pane = await harness().openTaskpane({ state: workbook(options), now: TODAY, viewport: { width, height: 760 } });
  await pane.waitFor(pane.page.getByRole("button", { name: "Analyser la sélection" }));
  const run = await pane.invokeAction("relancer");
  expect(run.error).toBeNull();
  await pane.waitFor(pane.page.getByText("Envoyer les relances", { exact: true }).first(), { timeout: 30_000 });
  return pane;
}

/** Nothing wider than the pane: no horizontal scroll, no element past the right edge. */
async function expectFits(pane: Pane): Promise<void> {
  const overflow = await pane.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && el.offsetParent !== null && box.right > width + 1;
    });
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => `${el.tagName}.${el.className}`.slice(0, 80)) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}

test.each([320, 450])("without a company profile (%i px): every disabled choice says why, with a link to the profile", async (width) => {
  const pane = await openSending(width, {});
  const page = pane.page;
  // Its own view: « Relancer » is the selected tab.
  expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Relancer");
  const graph = page.getByRole("radio", { name: "Depuis ma messagerie Microsoft 365" });
  const eml = page.getByRole("radio", { name: "Préparer des brouillons .eml (à envoyer depuis Outlook)" });
  await pane.waitFor(graph);
  expect([await graph.isDisabled(), await graph.isChecked(), await eml.isDisabled(), await eml.isChecked()]).toEqual([true, false, true, false]);
  await pane.waitFor(page.getByText("Complétez d'abord le profil de votre société", { exact: false }));
  expect(await textOf(page.locator("#why-eml"))).toBe("Brouillons indisponibles tant que le profil de la société n'est pas complété.");
  expect(await textOf(page.locator("#why-graph"))).toContain("demandez à votre administrateur");
  // The build jargon is for the administrator, folded away.
  const admin = page.locator("summary", { hasText: "Pour votre administrateur" });
  expect(await admin.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)).toBe(false);
  expect(await page.getByText("RECOUVRE_MSAL_CLIENT_ID", { exact: false }).isVisible()).toBe(false);
  const send = page.getByRole("button", { name: /^(Envoyer|Préparer) \d+/ });
  expect(await send.isDisabled()).toBe(true);
  expect(await textOf(page.locator("#send-blocked"))).toBe("Choisissez comment envoyer : aucun mode n'est disponible pour l'instant.");
  await expectFits(pane);
  await pane.screenshot(`sending-no-profile-${width}`);
  // By keyboard.
  await admin.focus();
  await page.keyboard.press("Enter");
  await pane.waitFor(page.getByText("RECOUVRE_MSAL_CLIENT_ID", { exact: false }));
  await expectFits(pane);
  await pane.screenshot(`sending-admin-${width}`);

  // The link leads to the profile form, which fits the pane.
  await page.getByRole("button", { name: "Ouvrir le profil de la société" }).click();
  await pane.waitFor(page.getByRole("textbox", { name: "Raison sociale" }));
  expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Courriers");
  await expectFits(pane);
  await pane.screenshot(`profile-form-${width}`);
  expect(pane.pageErrors).toEqual([]);
});

test.each([320, 450])("with a profile (%i px): one .zip of drafts, the result counts them, closing returns to the tab", async (width) => {
  const pane = await openSending(width, { profile: true, colleague: true });
  const page = pane.page;
  const eml = page.getByRole("radio", { name: "Préparer des brouillons .eml (à envoyer depuis Outlook)" });
  await pane.waitFor(eml);
  expect(await eml.isChecked()).toBe(true);
  const prepare = page.getByRole("button", { name: /^Préparer \d+ brouillons?$/ });
  await page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => /^Préparer \d+ brouillons?$/.test(b.textContent ?? "") && !b.disabled), undefined, { timeout: 30_000 });
  const count = Number(/(\d+)/.exec(await prepare.innerText())![1]);
  expect(count).toBeGreaterThan(1);

  // The amount beside a client is one its message states.
  const header = page.getByRole("button", { name: /· [\d\s\u202f]+,\d{2}\s€$/ }).first();
  const amount = /· ([\d\s\u202f\u00a0]+,\d{2}\s€)$/.exec(plain(await header.innerText()))![1];
  const preview = plain(await page.locator("pre").first().innerText());
  expect(preview.replace(/\s/g, " ")).toContain(amount.replace(/\s/g, " "));
  await expectFits(pane);
  await pane.screenshot(`sending-confirm-${width}`);

  const download = page.waitForEvent("download");
  await prepare.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("brouillons-relance-2026-03-16.zip");
  const result = page.getByRole("alert").filter({ hasText: "brouillons préparés" });
  await pane.waitFor(result, { timeout: 60_000 });
  expect(plain(await result.innerText())).toMatch(new RegExp(`^Terminé : ${count} brouillons préparés\\. Les ${count} brouillons sont dans un seul fichier \\.zip`));
  expect(plain(await result.innerText())).not.toMatch(/0 envoyé|0 échec|issue inconnue/);
  // A colleague's claim read from the journal during the run: named, with what they claimed.
  await pane.waitFor(page.getByText("Paul Martin envoie aussi depuis ce classeur", { exact: false }));
  await page.getByText("Paul Martin envoie aussi", { exact: false }).scrollIntoViewIfNeeded();
  await pane.screenshot(`sending-activity-${width}`, { fullPage: false });
  await expectFits(pane);
  await pane.screenshot(`sending-done-${width}`);

  // The drafts are in the journal, under the profile's contact.
  const info = await pane.double((api) => api.tableInfo("RecouvreJournal"));
  const by = info!.headers.indexOf("Par");
  const prepared = info!.rows.filter((row) => String(row[info!.headers.indexOf("Clé")]).endsWith(":prepare"));
  expect(prepared).toHaveLength(count);
  expect(new Set(prepared.map((row) => row[by]))).toEqual(new Set(["Claire Fontaine"]));

  await page.getByRole("button", { name: "Fermer" }).last().click();
  await pane.waitFor(page.getByRole("tab", { name: "Relancer" }), { state: "detached" });
  expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Dossiers");
  expect(pane.pageErrors).toEqual([]);
});

test("tabs that do not fit go to a « … » menu; Escape closes it and the focus returns to its button", async () => {
  const pane = await harness().openTaskpane({ state: ledgerWorkbook(), now: TODAY, viewport: { width: 320, height: 700 } });
  const page = pane.page;
  const more = page.getByRole("button", { name: /autres? onglets?$/ });
  await pane.waitFor(more);
  const tabBar = await page.getByRole("tablist").boundingBox();
  expect(tabBar!.height).toBeLessThan(48);
  await more.focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "Réglages" });
  await pane.waitFor(item);
  await pane.screenshot("tabs-overflow-320", { fullPage: false });
  await page.keyboard.press("Escape");
  await pane.waitFor(item, { state: "hidden" });
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/onglets?$/);
  // By keyboard, a hidden tab is reached through the menu.
  await page.keyboard.press("Enter");
  await pane.waitFor(item);
  await item.press("Enter");
  expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Réglages");
  await expectFits(pane);
  await pane.screenshot("settings-320");
  expect(pane.pageErrors).toEqual([]);
});
