/**
 * Old debts start where they are (issue 14 §4), in the built pane: a client
 * without history, 429 days late, is proposed the step its delay reaches,
 * « proposée, à confirmer »; « Déjà fait ailleurs… » records the steps taken
 * outside Recouvre, dated, in the journal; « Confirmer » records the starting
 * point. Today is fixed (16/03/2026). Needs `npm run build` first.
 */
import { useBrowserHarness, type Pane, type WorkbookState } from "./harness";
import { TODAY, daysFrom, serial } from "./ledgerFixture";
import { analyse, animationsDone, caseCard, journalRows, saveToJournal, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const HEADERS = ["Client", "N° facture", "Échéance", "Montant TTC"];

function oldDebts(): WorkbookState {
  return {
    sheets: [
      {
        name: "Factures",
        data: [HEADERS, ["Vieux Client SA", "F-2024-100", daysFrom(TODAY, -429), 1500], ["Autre Client SARL", "F-2026-001", daysFrom(TODAY, -20), 600]],
        numberFormats: [[null, null, null, null], [null, null, "dd/mm/yyyy", null], [null, null, "dd/mm/yyyy", null]],
      },
    ],
    selection: { sheet: "Factures", address: "A2:D3" },
  };
}

async function open(): Promise<Pane> {
  const pane = await harness().openTaskpane({ state: oldDebts(), now: TODAY });
  await analyse(pane);
  return pane;
}

test("a debt 429 days late without history: the step its delay reaches is proposed, not « Relance 1 »; « Déjà fait ailleurs… » enters the steps taken, dated", async () => {
  const pane = await open();
  const old = caseCard(pane, "Vieux Client SA");
  const text = await textOf(old);
  // 429 days reach « Action judiciaire » by delay, but no mise en demeure is recorded: the proposal stops at it.
  expect(text).toMatch(/Prochaine étape :\s*Mise en demeure\s*proposée, à confirmer/);
  expect(text).toContain("Aucune mise en demeure n'est enregistrée");
  expect(text).not.toContain("Relance 1");
  await old.scrollIntoViewIfNeeded();
  await pane.screenshot("old-debt-proposed", { fullPage: false });

  await old.getByRole("button", { name: "Déjà fait ailleurs…" }).click();
  const dialog = pane.page.getByRole("dialog");
  await pane.waitFor(dialog);
  await animationsDone(pane);
  await dialog.getByRole("checkbox", { name: "Relance 1" }).check();
  await dialog.getByRole("textbox", { name: "Relance 1 fait le" }).fill("15/02/2025");
  await dialog.getByRole("checkbox", { name: "Mise en demeure" }).check();
  // A date in the future is refused in French, nothing is lost from the form.
  await dialog.getByRole("textbox", { name: "Mise en demeure fait le" }).fill("01/04/2026");
  await dialog.getByRole("button", { name: "Enregistrer dans le journal" }).click();
  await pane.waitFor(dialog.getByRole("alert"));
  expect(await textOf(dialog.getByRole("alert"))).toContain("Mise en demeure : une étape déjà faite ne peut pas être datée après aujourd'hui.");
  await dialog.getByRole("textbox", { name: "Mise en demeure fait le" }).fill("10/04/2025");
  await pane.screenshot("old-debt-done-elsewhere", { fullPage: false });
  await saveToJournal(pane, dialog);

  const rows = await journalRows(pane);
  expect(rows).toHaveLength(2);
  expect(rows.map((row) => [row.Type, row.Étape, row.Date, row.Factures, row.Note])).toEqual([
    ["Étape", "Relance 1", serial("2025-02-15"), "F-2024-100", "Fait hors de Recouvre, enregistré après coup"],
    ["Étape", "Mise en demeure", serial("2025-04-10"), "F-2024-100", "Fait hors de Recouvre, enregistré après coup"],
  ]);
  for (const row of rows) expect(JSON.parse(String(row["Détails"]))).toMatchObject({ recordedLater: true });

  // The case follows the steps recorded: the formal notice is the last one, legal action is due, no longer « proposée ».
  await pane.waitFor(old.getByText("Dernière étape : Mise en demeure (10/04/2025)"));
  expect(await textOf(old)).toMatch(/Prochaine étape :\s*Action judiciaire\s*à faire/);
  expect(await old.getByText("proposée, à confirmer").count()).toBe(0);
  expect(pane.pageErrors).toEqual([]);
});

test("« Confirmer » records the starting point in the journal; the step stays due, confirmed, after a reopen", async () => {
  const pane = await open();
  const other = caseCard(pane, "Autre Client SARL");
  // 20 days late: « Relance 2 » (J+15) is proposed.
  expect(await textOf(other)).toMatch(/Prochaine étape :\s*Relance 2\s*proposée, à confirmer/);
  expect(await textOf(other)).not.toContain("Aucune mise en demeure");
  await other.getByRole("button", { name: "Confirmer" }).click();
  await pane.waitFor(other.getByText("proposée, à confirmer"), { state: "hidden" });
  expect(await textOf(other)).toMatch(/Prochaine étape :\s*Relance 2\s*à faire/);
  const [row] = await journalRows(pane);
  expect(row).toMatchObject({ Type: "Point de départ", Étape: "Relance 2", Factures: "F-2026-001", Date: serial(TODAY) });

  await pane.reopen();
  await analyse(pane);
  const after = caseCard(pane, "Autre Client SARL");
  expect(await textOf(after)).toMatch(/Prochaine étape :\s*Relance 2\s*à faire/);
  // The other client is still proposed its own step (the formal notice: none is recorded).
  expect(await textOf(caseCard(pane, "Vieux Client SA"))).toMatch(/Mise en demeure\s*proposée, à confirmer/);
  expect(pane.pageErrors).toEqual([]);
});
