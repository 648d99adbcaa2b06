/**
 * The worklist at 5,000 rows (issue 15): 500 clients, searched, sorted and
 * filtered in the built pane; the list is windowed (a few cards in the DOM,
 * the last one reached by scrolling); recording a step costs at most two
 * round trips to the host; « Aujourd'hui » records with Enter and moves on.
 * And the demonstration's workbook at 350 px, looked at. Needs `npm run build`.
 */
import { sampleWorkbook, DEMO_TODAY_ISO } from "../../demo/sample/workbook";
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";
import { daysFrom } from "./ledgerFixture";
import { analyse, caseCard, cents, journalRows, openAction, saveToJournal, textOf } from "./paneSteps";

const harness = useBrowserHarness();
jest.setTimeout(180_000);

const TODAY = "2026-03-16";
const ROWS = 5000;
const PER_CLIENT = 10;
const CLIENTS = ROWS / PER_CLIENT;
const KINDS = ["Boulangerie", "Garage", "Pharmacie", "Menuiserie", "Hôtel", "Transports", "Imprimerie", "Cabinet", "Librairie", "Société"];
const nameOf = (c: number) => `${KINDS[c % KINDS.length]} ${String(c).padStart(4, "0")} SARL`;
/** Every 7th client has no e-mail address. */
const withoutEmail = (c: number) => c % 7 === 3;

/** 5,000 invoices, 10 per client, all overdue (1 to 400 days), a fixed pseudo-random draw. */
function bigWorkbook(): WorkbookState {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const data: unknown[][] = [["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Email", "Adresse", "Code postal", "Ville"]];
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / PER_CLIENT);
    const due = daysFrom(TODAY, -(1 + Math.floor(random() * 400)));
    data.push([nameOf(c), `FA-${String(i).padStart(6, "0")}`, due - 30, due, Math.round(random() * 500_000) / 100 + 50, withoutEmail(c) ? "" : `compta${c}@exemple.fr`, `${1 + (c % 90)} rue de la Gare`, "69003", "Lyon"]);
  }
  return { sheets: [{ name: "Factures", data: data as never }], selection: { sheet: "Factures", address: `A2:I${ROWS + 1}` } };
}

const cards = (pane: Pane) => pane.page.getByRole("list", { name: "Dossiers filtrés" }).getByRole("article");
const status = (pane: Pane) => textOf(pane.page.getByRole("status"));
async function cardNames(pane: Pane): Promise<string[]> {
  return cards(pane).evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label") ?? ""));
}
async function search(pane: Pane, text: string): Promise<void> {
  await pane.page.getByRole("searchbox", { name: /^Rechercher/ }).fill(text);
}

test("5,000 rows: search by client and by invoice, sort by each key, filter; counts and totals follow; the list is windowed", async () => {
  const pane = await harness().openTaskpane({ state: bigWorkbook(), now: TODAY });
  const page = pane.page;
  await analyse(pane);
  expect(await status(pane)).toMatch(new RegExp(`^${CLIENTS} clients à suivre · `));
  const allTotal = cents((await status(pane)).split(" · ")[1].replace(" dus", ""));
  // Windowed: a few screens of cards in the DOM, not 500.
  const rendered = await cards(pane).count();
  expect(rendered).toBeGreaterThan(2);
  expect(rendered).toBeLessThan(40);
  await pane.screenshot("worklist-5000", { fullPage: false });

  // « / » puts the cursor in the search; a client's number finds it, accents and case ignored.
  await page.getByRole("status").click();
  await page.keyboard.press("/");
  await page.keyboard.type("hotel 0424");
  await pane.waitFor(page.getByRole("status").getByText(/^1 dossier sur 500 · /));
  expect(await cardNames(pane)).toEqual([nameOf(424)]);
  // An invoice number finds its client (invoice 4 217 is client 421's).
  await search(pane, "fa-004217");
  await pane.waitFor(page.getByRole("status").getByText(/^1 dossier sur 500 · /));
  expect(await cardNames(pane)).toEqual([nameOf(421)]);
  await search(pane, "");
  await pane.waitFor(page.getByRole("status").getByText(/^500 clients à suivre · /));

  // Sort by client, A to Z then reversed.
  await page.getByRole("combobox", { name: "Trier par" }).selectOption("client");
  const sortedNames = Array.from({ length: CLIENTS }, (_, c) => nameOf(c)).sort(new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare);
  await pane.waitFor(cards(pane).first().and(page.getByRole("article", { name: sortedNames[0] })));
  await page.getByRole("button", { name: "Inverser l'ordre" }).click();
  await pane.waitFor(page.getByRole("article", { name: sortedNames[CLIENTS - 1] }));
  expect((await cardNames(pane))[0]).toBe(sortedNames[CLIENTS - 1]);
  await page.getByRole("button", { name: "Inverser l'ordre" }).click();

  // Sort by amount: the cards shown go from the largest total down.
  await page.getByRole("combobox", { name: "Trier par" }).selectOption("amount");
  await page.waitForTimeout(100);
  const totals = await cards(pane).evaluateAll((nodes) => nodes.map((node) => /([\d\s\u202f\u00a0]+,\d\d €)/.exec(node.textContent ?? "")?.[1] ?? ""));
  const amounts = totals.map(cents);
  expect(amounts.length).toBeGreaterThan(2);
  for (let i = 1; i < amounts.length; i++) expect(amounts[i - 1]).toBeGreaterThanOrEqual(amounts[i]);

  // Sort by days late: the first card is the latest.
  await page.getByRole("combobox", { name: "Trier par" }).selectOption("daysLate");
  await page.waitForTimeout(100);
  const lates = await cards(pane).evaluateAll((nodes) => nodes.map((node) => Number(/(\d+)\s+j\s+de\s+retard/.exec(node.textContent ?? "")?.[1])));
  for (let i = 1; i < lates.length; i++) expect(lates[i - 1]).toBeGreaterThanOrEqual(lates[i]);

  // Filter « Sans e-mail »: exactly the clients without an address; the count and total follow.
  await page.getByRole("button", { name: "Sans e-mail" }).click();
  const expectedNoEmail = Array.from({ length: CLIENTS }, (_, c) => c).filter(withoutEmail).length;
  await pane.waitFor(page.getByRole("status").getByText(new RegExp(`^${expectedNoEmail} dossiers sur 500 · `)));
  const filteredTotal = cents((await status(pane)).split(" · ")[1].replace(" dus", ""));
  expect(filteredTotal).toBeGreaterThan(0);
  expect(filteredTotal).toBeLessThan(allTotal);
  for (const name of await cardNames(pane)) expect(withoutEmail(Number(/(\d{4})/.exec(name)![1]))).toBe(true);
  // Plus a bucket: only cases older than 90 days among them.
  await page.getByRole("combobox", { name: "Tranche" }).selectOption({ label: "> 90 j" });
  await page.waitForTimeout(100);
  // The card keeps « > 90 j » on one line with no-break spaces (noBreak.ts).
  for (const text of await cards(pane).allInnerTexts()) expect(text.replace(/\u00a0/g, " ")).toContain("> 90 j");
  await page.getByRole("button", { name: "Effacer les filtres" }).click();
  await pane.waitFor(page.getByRole("status").getByText(/^500 clients à suivre · /));

  // Scrolling the window reaches the last case.
  await page.getByRole("combobox", { name: "Trier par" }).selectOption("client");
  const list = page.getByRole("list", { name: "Dossiers filtrés" });
  for (let i = 0; i < 40 && (await page.getByRole("article", { name: sortedNames[CLIENTS - 1] }).count()) === 0; i++) {
    await list.evaluate((node) => node.scrollTo(0, node.scrollHeight));
    await page.waitForTimeout(50);
  }
  await pane.waitFor(page.getByRole("article", { name: sortedNames[CLIENTS - 1] }));
  expect(await cards(pane).count()).toBeLessThan(40);
  await pane.screenshot("worklist-5000-end", { fullPage: false });
  expect(pane.pageErrors).toEqual([]);
});

test("5,000 rows: recording a step costs at most 2 round trips and shows at once; « Aujourd'hui » records with Enter and moves on", async () => {
  const pane = await harness().openTaskpane({ state: bigWorkbook(), now: TODAY });
  const page = pane.page;
  await analyse(pane);
  // Invoice FA-000071 is client 7's (« Cabinet 0007 » alone would also find « Cabinet 0077 », whose invoices are FA-00077x).
  await search(pane, "FA-000071");
  await pane.waitFor(page.getByRole("status").getByText(/^1 dossier sur 500/));

  const dialog = await openAction(pane, nameOf(7), "Étape faite");
  await dialog.getByRole("combobox", { name: "Étape" }).selectOption("relance1");
  await pane.resetSyncCount();
  await saveToJournal(pane, dialog);
  await pane.waitFor(caseCard(pane, nameOf(7)).getByText("Dernière étape : Relance 1 (16/03/2026)"));
  expect(await pane.syncCount()).toBeLessThanOrEqual(2);
  expect(await journalRows(pane)).toHaveLength(1);
  // A second recording, the journal table now existing: still at most 2.
  const again = await openAction(pane, nameOf(7), "Appel");
  await pane.resetSyncCount();
  await saveToJournal(pane, again);
  expect(await pane.syncCount()).toBeLessThanOrEqual(2);
  expect(await journalRows(pane)).toHaveLength(2);

  // « Aujourd'hui »: one action at a time; Enter records it and the next one shows.
  await search(pane, "");
  await page.getByRole("tab", { name: /^Aujourd'hui/ }).click();
  const region = page.getByRole("region", { name: "Aujourd'hui" });
  await pane.waitFor(region);
  const first = await region.getByRole("article").getAttribute("aria-label");
  const count = Number(/\((\d+)\)/.exec(await page.getByRole("tab", { name: /^Aujourd'hui/ }).innerText())![1]);
  expect(count).toBeGreaterThan(10);
  await pane.screenshot("worklist-today", { fullPage: false });
  await region.focus();
  await pane.resetSyncCount();
  await page.keyboard.press("Enter");
  await pane.waitFor(region.getByText(new RegExp(`enregistrée pour ${first!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`)));
  expect(await pane.syncCount()).toBeLessThanOrEqual(2);
  expect(await journalRows(pane)).toHaveLength(3);
  await pane.waitFor(page.getByRole("tab", { name: `Aujourd'hui (${count - 1})` }));
  expect(await region.getByRole("article").getAttribute("aria-label")).not.toBe(first);
  // → skips without recording.
  const second = await region.getByRole("article").getAttribute("aria-label");
  await page.keyboard.press("ArrowRight");
  await pane.waitFor(region.getByText(`Action 2 sur ${count - 1}`));
  expect(await region.getByRole("article").getAttribute("aria-label")).not.toBe(second);
  expect(await journalRows(pane)).toHaveLength(3);
  expect(pane.pageErrors).toEqual([]);
});

test("the demonstration's workbook at 350 px: the worklist, its filters and « Aujourd'hui », looked at", async () => {
  const demo = sampleWorkbook();
  const pane = await harness().openTaskpane({ state: demo.state, now: DEMO_TODAY_ISO, viewport: { width: 350, height: 760 } });
  const page = pane.page;
  await analyse(pane);
  await pane.screenshot("worklist-demo-350", { fullPage: false });
  // Nothing wider than the pane.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "À faire aujourd'hui ou en retard" }).click();
  await pane.waitFor(page.getByRole("region", { name: /^Sur les \d+ dossiers? filtrés$/ }).or(page.getByText(/^Sur les \d+ dossiers? filtrés$/)));
  await pane.screenshot("worklist-demo-350-filtered", { fullPage: false });
  await page.getByRole("tab", { name: /^Aujourd'hui/ }).click();
  await pane.screenshot("worklist-demo-350-today", { fullPage: false });
  expect(pane.pageErrors).toEqual([]);
});
