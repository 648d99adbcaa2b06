/**
 * The journal a person can read (issue 15): after each kind of action the
 * pane records, its facts are in their own columns (amount, due date,
 * reason or outcome, split, LRAR number, who, which pane), the time of
 * recording is an Excel date-time beside the UTC instant; a journal of the
 * previous layout gains the new columns and keeps its rows readable. And
 * focus: Escape closes a dialog and gives the focus back to the « Actions »
 * button that opened it. Needs `npm run build` first.
 */
import { CREDITOR_PROFILE_SETTING } from "../../src/core/letters/profile";
import { useBrowserHarness, type Pane } from "./harness";
import { MARTIN, TODAY, ledgerWorkbook, ledgerWorkbookWithHistory } from "./ledgerFixture";
import { analyse, caseCard, journalRows, openAction, openTab, saveToJournal, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const PROFILE = {
  raisonSociale: "Verriers du Lac SAS",
  adresse: "12 quai des Verriers",
  codePostal: "74000",
  ville: "Annecy",
  siren: "000000018",
  contact: "Claire Fontaine",
  email: "compta@verriers-du-lac.fr",
};

async function openLedger(withHistory = false): Promise<Pane> {
  const state = withHistory ? ledgerWorkbookWithHistory([MARTIN.client]) : ledgerWorkbook();
  const pane = await harness().openTaskpane({ state: { ...state, settings: { ...state.settings, [CREDITOR_PROFILE_SETTING]: JSON.stringify(PROFILE) } }, now: TODAY });
  await analyse(pane);
  return pane;
}

test("each action's facts land in their own columns; who and which pane on every row", async () => {
  const pane = await openLedger();

  const step = await openAction(pane, MARTIN.client, "Étape faite");
  await step.getByRole("combobox", { name: "Étape" }).selectOption("miseEnDemeure");
  await step.getByRole("textbox", { name: "N° de la lettre recommandée" }).fill("1A 123 456 7890 1");
  await saveToJournal(pane, step);

  const call = await openAction(pane, MARTIN.client, "Appel");
  await call.getByRole("combobox", { name: "Résultat de l'appel" }).selectOption("messagerie");
  await saveToJournal(pane, call);

  const promise = await openAction(pane, MARTIN.client, "Promesse de paiement");
  await promise.getByRole("textbox", { name: "Payer au plus tard le" }).fill("31/03/2026");
  await promise.getByRole("textbox", { name: "Montant (€)" }).fill("1 000,00");
  await saveToJournal(pane, promise);

  const dispute = await openAction(pane, MARTIN.client, "Litige");
  await dispute.getByRole("textbox", { name: "Motif" }).fill("Livraison incomplète");
  await saveToJournal(pane, dispute);

  const rows = await journalRows(pane);
  expect(rows.map((row) => row.Type)).toEqual(["Étape", "Appel", "Promesse de paiement", "Litige"]);
  const [lrar, phone, promised, disputed] = rows;
  expect(lrar).toMatchObject({ Étape: "Mise en demeure", Canal: "LRAR", "N° LRAR": "1A 123 456 7890 1" });
  expect(phone).toMatchObject({ "Motif ou issue": "message laissé", Canal: "Téléphone" });
  expect(promised).toMatchObject({ Montant: 1000, Échéance: 46112 });
  expect(disputed).toMatchObject({ "Motif ou issue": "Livraison incomplète", Montant: "" });
  for (const row of rows) {
    // Who: the profile's contact (no Microsoft 365 sign-in here); which pane: one id for the session.
    expect(row.Par).toBe("Claire Fontaine");
    expect(row.Poste).toMatch(/^[a-z0-9]{12}$/);
    expect(row.Poste).toBe(rows[0].Poste);
    // The instant for order, and a local date-time for the reader, on the same day.
    expect(String(row["Horodatage UTC"])).toMatch(/^2026-03-16T/);
    expect(Math.floor(Number(row.Horodatage))).toBe(46097);
    const details = JSON.parse(String(row["Détails"])) as Record<string, unknown>;
    for (const moved of ["amount", "until", "reason", "outcome", "lrar"]) expect(details).not.toHaveProperty(moved);
  }
  const shown = await pane.readRange("Journal des relances", "A2:A2");
  expect(shown.numberFormat[0][0]).toBe("dd/mm/yyyy hh:mm:ss");
  expect(shown.text[0][0]).toMatch(/^16\/03\/2026 \d{2}:\d{2}:\d{2}$/);
  const due = await pane.readRange("Journal des relances", "N4:N4");
  expect(due.text[0][0]).toBe("31/03/2026");
  expect(pane.pageErrors).toEqual([]);
});

test("a journal of the previous layout gains the new columns at its end; old and new rows read back", async () => {
  const pane = await openLedger(true);
  const before = await pane.double((api) => api.tableInfo("RecouvreJournal"));
  expect(before!.headers).not.toContain("Par");
  const martin = caseCard(pane, MARTIN.client);
  expect(await textOf(martin)).toMatch(/Prochaine étape :\s*Relance 1/);

  const step = await openAction(pane, MARTIN.client, "Étape faite");
  await step.getByRole("combobox", { name: "Étape" }).selectOption("relance1");
  await saveToJournal(pane, step);
  const after = await pane.double((api) => api.tableInfo("RecouvreJournal"));
  expect(after!.headers.slice(0, before!.headers.length)).toEqual(before!.headers);
  expect(after!.headers.slice(before!.headers.length)).toEqual(["Montant", "Échéance", "Motif ou issue", "Répartition", "N° LRAR", "Par", "Poste", "Horodatage UTC"]);
  const rows = await journalRows(pane);
  expect(rows[0]).toMatchObject({ Horodatage: "2026-03-02T09:00:00Z", Type: "Appel", Par: "" });
  expect(rows[1]).toMatchObject({ Type: "Étape", Par: "Claire Fontaine", "Horodatage UTC": expect.stringMatching(/^2026-03-16T/) });

  // Reopened, the pane reads both rows: the step is done, nothing is damaged.
  await pane.reopen();
  await analyse(pane);
  await pane.waitFor(caseCard(pane, MARTIN.client).getByText("Dernière étape : Relance 1 (16/03/2026)"));
  expect(await pane.page.getByText(/ligne.* du journal/i).count()).toBe(0);
  await openTab(pane, "Journal");
  await pane.screenshot("journal-tab-after-layout-2");
  expect(pane.pageErrors).toEqual([]);
});

test("Escape closes a dialog and the focus goes back to the « Actions » button that opened it", async () => {
  const pane = await openLedger();
  const dialog = await openAction(pane, MARTIN.client, "Litige");
  await pane.page.keyboard.press("Escape");
  await pane.waitFor(dialog, { state: "hidden" });
  await pane.page.waitForFunction(() => document.activeElement?.getAttribute("aria-haspopup") === "menu");
  const focused = await pane.page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.closest("[role=article]")?.getAttribute("aria-label")]);
  expect(focused).toEqual(["Actions", MARTIN.client]);
  // And the menu, by keyboard: Enter opens it, Escape closes it, the focus stays on its button.
  await pane.page.keyboard.press("Enter");
  await pane.waitFor(pane.page.getByRole("menu"));
  await pane.page.keyboard.press("Escape");
  await pane.waitFor(pane.page.getByRole("menu"), { state: "hidden" });
  expect(await pane.page.evaluate(() => document.activeElement?.textContent)).toBe("Actions");
  expect(pane.pageErrors).toEqual([]);
});
