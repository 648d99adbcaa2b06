/**
 * The morning list in the built pane (issue 4, browser scenarios): a 50-row
 * selection with 3 unusable rows, recording steps in the journal, reopening
 * the pane, a dispute, a promise to pay; and the user's own cells never
 * touched. The page's clock is fixed (today = 16/03/2026, ledgerFixture.ts)
 * so every figure is the one computed by hand. Needs `npm run build` first.
 */
import { clockTime, useBrowserHarness, type Pane } from "./harness";
import { FORMULA_CLIENT, INVALID_ROWS, MARTIN, TODAY, fiftyRowLedger, ledgerWorkbook, serial } from "./ledgerFixture";
import { analyse, caseCard, cents, journalRows, openAction, openTab, plain, saveToJournal, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const JOURNAL_HEADERS = [
  "Horodatage", "Date", "Client", "Factures", "Type", "Étape", "Canal", "Principal", "Pénalités", "Indemnité", "Référence document", "Note",
  "Montant", "Échéance", "Motif ou issue", "Répartition", "N° LRAR", "Par", "Poste", "Horodatage UTC", "Détails", "Clé",
];

async function openLedger(options: { analyse?: boolean } = {}): Promise<Pane> {
  const pane = await harness().openTaskpane({ state: ledgerWorkbook(), now: TODAY });
  if (options.analyse !== false) await analyse(pane);
  return pane;
}

/** The invoice sheet exactly as the workbook holds it (values, formats, formulas). */
async function invoiceSheet(pane: Pane): Promise<unknown> {
  const state = await pane.getState();
  return state.sheets?.find((sheet) => sheet.name === "Factures");
}

/** The pane wrote nothing to the user's sheet, and no text became a formula. */
async function expectUserCellsUntouched(pane: Pane, before: unknown): Promise<void> {
  expect(await invoiceSheet(pane)).toEqual(before);
  const writes = await pane.double((api) => api.writes);
  expect(writes.filter((write) => write.sheet === "Factures")).toEqual([]);
  expect(await pane.double((api) => api.formulaCoercions)).toEqual([]);
}

test("a 50-row selection with 3 unusable rows: each is listed with its row, column, value and French reason; the cases come from the 47 others", async () => {
  const pane = await openLedger();
  const page = pane.page;
  await pane.screenshot("cases-list");

  // The three rows left out, in row order, and nothing else.
  const problems = page.getByRole("list", { name: "3 lignes écartées" });
  await pane.waitFor(problems);
  const items = problems.getByRole("listitem");
  expect(await items.count()).toBe(3);
  for (const [i, expected] of INVALID_ROWS.entries()) {
    const text = await textOf(items.nth(i));
    expect(text).toContain(`Ligne ${expected.sheetRow} · ${expected.column}`);
    expect(text).toContain(expected.value === "" ? "(vide)" : expected.value);
    expect(text).toMatch(expected.reason);
  }
  await problems.scrollIntoViewIfNeeded();
  await pane.screenshot("cases-problems", { fullPage: false });

  // 47 usable rows: 3 not due yet (Fromagerie Petit), 44 overdue invoices in 11 client cases.
  const ledger = fiftyRowLedger();
  expect(ledger.rows).toHaveLength(50);
  const status = await textOf(page.getByRole("status"));
  expect(status).toMatch(new RegExp(`^${ledger.overdueClients} clients à suivre · `));
  await pane.waitFor(page.getByText("3 factures pas encore à relancer"));
  const cards = page.getByRole("article");
  expect(await cards.count()).toBe(11);
  expect(await caseCard(pane, "Fromagerie Petit").count()).toBe(0);
  // Every usable overdue row is in a case: the cards' invoice counts add up to 47 - 3.
  const counts = await page.getByRole("button", { name: /^▸ \d+ factures?$/ }).allInnerTexts();
  expect(counts.map((label) => Number(/(\d+)/.exec(label)![1])).reduce((a, b) => a + b, 0)).toBe(44);

  // Boulangerie Martin to the cent (computed by hand in ledgerFixture.ts): 2 050,50 + 32,46 + 80,00 = 2 162,96 €.
  const martin = caseCard(pane, MARTIN.client);
  const text = await textOf(martin);
  expect(text).toContain(`${MARTIN.total} · 60 j de retard`);
  expect(text).toContain(`${MARTIN.principal} + pénalités ${MARTIN.penalties} + indemnité ${MARTIN.indemnity}`);
  // Per invoice, penalties alone (the indemnity is counted once in the line above).
  await martin.getByRole("button", { name: "▸ 2 factures" }).click();
  const lines = martin.getByRole("table", { name: "Facture" }).getByRole("row");
  expect(plain(await lines.nth(1).innerText()).replace(/\s+/g, " ")).toBe("FA-2026-0007 15/01/2026 (60 j) 1 200,00 € 23,97 €");
  expect(plain(await lines.nth(2).innerText()).replace(/\s+/g, " ")).toBe("FA-2026-0031 14/02/2026 (30 j) 850,50 € 8,49 €");
  await martin.scrollIntoViewIfNeeded();
  await pane.screenshot("cases-card-open", { fullPage: false });
  expect(pane.pageErrors).toEqual([]);
});

test("« Étape faite » appends one row to RecouvreJournal with the amounts formatted, user text kept as text, and the case moves to the next step; the invoice sheet is never written", async () => {
  // The invoice sheet as the user left it, before the pane reads anything.
  const pane = await openLedger({ analyse: false });
  const before = await invoiceSheet(pane);
  await pane.double((api) => api.clearLogs());
  await analyse(pane);

  const dialog = await openAction(pane, MARTIN.client, "Étape faite");
  expect(await textOf(dialog.getByRole("heading"))).toBe(`Étape faite — ${MARTIN.client}`);
  // Issue 14 §4: without history each invoice is proposed the step its delay reaches, up to the
  // formal notice (60 days: « Mise en demeure » for FA-2026-0007, as no mise en demeure is
  // recorded; 30 days: « Relance 3 » for FA-2026-0031); the dialog
  // starts from the most advanced one. The user records the first reminder for both instead.
  expect(await dialog.getByRole("checkbox").nth(0).isChecked()).toBe(true);
  expect(await dialog.getByRole("combobox", { name: "Étape" }).inputValue()).toBe("miseEnDemeure");
  await dialog.getByRole("combobox", { name: "Étape" }).selectOption("relance1");
  // (The checkboxes share the Field's id, so their names and labels are not their own: by position.)
  expect(await dialog.getByRole("checkbox").nth(1).isChecked()).toBe(false);
  await dialog.getByRole("checkbox").nth(1).check();
  expect(await dialog.getByRole("checkbox").nth(1).isChecked()).toBe(true);
  expect(await dialog.getByRole("textbox", { name: "Date" }).inputValue()).toBe("16/03/2026");
  await pane.screenshot("action-dialog", { fullPage: false });
  await pane.resetSyncCount();
  await saveToJournal(pane, dialog);
  // Appending costs a fixed number of round trips (appendJournalRows: two, issue 15).
  expect(await pane.syncCount()).toBeLessThanOrEqual(2);

  const [row] = await journalRows(pane);
  const info = await pane.double((api) => api.tableInfo("RecouvreJournal"));
  expect(info).toMatchObject({ sheet: "Journal des relances", headers: JOURNAL_HEADERS, rowCount: 1 });
  expect(row).toMatchObject({
    "Horodatage UTC": clockTime(TODAY).toISOString(),
    Date: serial(TODAY),
    Client: MARTIN.client,
    Factures: "FA-2026-0007; FA-2026-0031",
    Type: "Étape",
    Étape: "Relance 1",
    Canal: "E-mail",
    Principal: 2050.5,
    Pénalités: 32.46,
    Indemnité: 80,
    Note: "",
  });
  expect(JSON.parse(String(row["Détails"]))).toMatchObject({ clientKey: "boulangerie martin", stepId: "relance1" });
  expect(String(row["Clé"])).not.toBe("");
  // As the user sees the row: an Excel date and euros in the "# ##0,00 €" format.
  const shown = await pane.readRange("Journal des relances", "B2:J2");
  expect(shown.numberFormat[0][0]).toBe("dd/mm/yyyy");
  expect(shown.text[0][0]).toBe("16/03/2026");
  expect(shown.numberFormat[0].slice(6)).toEqual(['#,##0.00 "€"', '#,##0.00 "€"', '#,##0.00 "€"']);
  expect(shown.text[0].slice(6).map(plain)).toEqual(["2 050,50 €", "32,46 €", "80,00 €"]);

  // The case advances: Relance 1 done today, Relance 2 due now (FA-2026-0007 is 60 days late).
  const martin = caseCard(pane, MARTIN.client);
  await pane.waitFor(martin.getByText("Dernière étape : Relance 1 (16/03/2026)"));
  expect(await textOf(martin)).toMatch(/Prochaine étape :\s*Relance 2\s*à faire/);

  // A client named like a formula and a note starting with "+33": both stay text.
  const second = await openAction(pane, FORMULA_CLIENT, "Étape faite");
  await second.getByRole("combobox", { name: "Étape" }).selectOption("relance1");
  await second.getByRole("textbox", { name: "Note" }).fill("+33 6 12 34 56 78 : rappeler après 14 h");
  await saveToJournal(pane, second);
  const rows = await journalRows(pane);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ Client: FORMULA_CLIENT, Note: "+33 6 12 34 56 78 : rappeler après 14 h", Étape: "Relance 1" });
  const cells = await pane.readRange("Journal des relances", "C3:L3");
  expect(cells.valueTypes[0][0]).toBe("String");
  expect(cells.formulas[0][0]).toBe(FORMULA_CLIENT);
  expect(cells.valueTypes[0][9]).toBe("String");
  expect(await pane.double((api) => api.formulaCoercions)).toEqual([]);

  await expectUserCellsUntouched(pane, before);
  expect(pane.pageErrors).toEqual([]);
});

test("closing and reopening the pane rebuilds every case from the journal: same last step, same next step", async () => {
  const pane = await openLedger();
  const dialog = await openAction(pane, MARTIN.client, "Étape faite");
  await dialog.getByRole("combobox", { name: "Étape" }).selectOption("relance1");
  await dialog.getByRole("checkbox").nth(1).check();
  await saveToJournal(pane, dialog);
  const martinBefore = await textOf(caseCard(pane, MARTIN.client));
  const statusBefore = await textOf(pane.page.getByRole("status"));
  expect(martinBefore).toContain("Dernière étape : Relance 1 (16/03/2026)");

  await pane.reopen();
  await analyse(pane);
  const martinAfter = await textOf(caseCard(pane, MARTIN.client));
  expect(martinAfter).toContain("Dernière étape : Relance 1 (16/03/2026)");
  expect(martinAfter).toMatch(/Prochaine étape :\s*Relance 2\s*à faire/);
  expect(martinAfter).toBe(martinBefore);
  expect(await textOf(pane.page.getByRole("status"))).toBe(statusBefore);
  // Reading is not writing: the journal still holds the one row.
  expect(await journalRows(pane)).toHaveLength(1);

  // The journal tab shows the step by its label, newest first.
  await openTab(pane, "Journal");
  const journal = pane.page.getByRole("table", { name: "Journal" });
  await pane.waitFor(journal);
  expect(plain(await journal.getByRole("row").nth(1).innerText()).replace(/\s+/g, " ")).toBe(
    "16/03/2026 Boulangerie Martin Relance 1 FA-2026-0007, FA-2026-0031",
  );
  await pane.screenshot("journal-tab");
  expect(pane.pageErrors).toEqual([]);
});

test("a dispute pauses the disputed invoice: it leaves the case's totals and steps and is listed aside", async () => {
  const pane = await openLedger({ analyse: false });
  const before = await invoiceSheet(pane);
  await analyse(pane);
  const totalBefore = cents(/· (.*) dus$/.exec(await textOf(pane.page.getByRole("status")))![1]);

  const dialog = await openAction(pane, MARTIN.client, "Litige");
  await dialog.getByRole("checkbox", { name: /FA-2026-0007/ }).uncheck();
  await dialog.getByRole("textbox", { name: "Motif" }).fill("Livraison incomplète (bon n° 4512)");
  await saveToJournal(pane, dialog);

  const martin = caseCard(pane, MARTIN.client);
  // Left: FA-2026-0007 alone, 1 200,00 + 23,97 + 40,00 = 1 263,97 €.
  await pane.waitFor(martin.getByText(`${MARTIN.totalWithoutSecond} · 60 j de retard`, { exact: false }));
  expect(await textOf(martin)).toContain("1 200,00 € + pénalités 23,97 € + indemnité 40,00 €");
  await pane.waitFor(martin.getByText("litige", { exact: true }));
  // The whole list's total lost exactly the disputed invoice: 850,50 + 8,49 + 40,00 = 898,99 €.
  const totalAfter = cents(/· (.*) dus$/.exec(await textOf(pane.page.getByRole("status")))![1]);
  expect(totalBefore - totalAfter).toBe(89899);

  await martin.getByRole("button", { name: "▸ 2 factures" }).click();
  await pane.waitFor(martin.getByText("En litige (hors relance)"));
  const tables = martin.getByRole("table", { name: "Facture" });
  expect(await tables.count()).toBe(2);
  expect(plain(await tables.nth(0).innerText())).toContain("FA-2026-0007");
  expect(plain(await tables.nth(0).innerText())).not.toContain("FA-2026-0031");
  expect(plain(await tables.nth(1).innerText())).toContain("FA-2026-0031");
  expect(plain(await tables.nth(1).innerText())).toContain("850,50 €");
  await martin.scrollIntoViewIfNeeded();
  await pane.screenshot("case-dispute", { fullPage: false });

  const [row] = await journalRows(pane);
  expect(row).toMatchObject({ Type: "Litige", Factures: "FA-2026-0031", Client: MARTIN.client });
  // The reason in its own column (layout 2), no longer in « Détails ».
  expect(row["Motif ou issue"]).toBe("Livraison incomplète (bon n° 4512)");
  // Still disputed after a reopen: the journal is the state.
  await pane.reopen();
  await analyse(pane);
  expect(await textOf(caseCard(pane, MARTIN.client))).toContain(`${MARTIN.totalWithoutSecond} · 60 j de retard`);
  await expectUserCellsUntouched(pane, before);
  expect(pane.pageErrors).toEqual([]);
});

test("a promise to pay pauses the case until its date (« promesse en cours »); once the clock passes it, escalation resumes", async () => {
  const pane = await openLedger();
  const dialog = await openAction(pane, MARTIN.client, "Promesse de paiement");
  await dialog.getByRole("textbox", { name: "Payer au plus tard le" }).fill("31/03/2026");
  await dialog.getByRole("textbox", { name: "Montant (€)" }).fill("2 050,50");
  await saveToJournal(pane, dialog);

  const martin = caseCard(pane, MARTIN.client);
  await pane.waitFor(martin.getByText("promesse en cours", { exact: true }));
  // Nothing to do before the day after the promised date.
  expect(await textOf(martin)).toMatch(/Prochaine étape :\s*Relance 1\s*le 01\/04\/2026/);
  expect(await martin.getByText("à faire", { exact: true }).count()).toBe(0);
  const [row] = await journalRows(pane);
  expect(row).toMatchObject({ Type: "Promesse de paiement", Factures: "FA-2026-0007; FA-2026-0031" });
  // The promised date and amount in their own columns (layout 2).
  expect([row["Échéance"], row["Montant"]]).toEqual([serial("2026-03-31"), 2050.5]);
  await martin.scrollIntoViewIfNeeded();
  await pane.screenshot("case-promise", { fullPage: false });

  // 2 April 2026: the promise was not kept, the reminders start again.
  await pane.setNow("2026-04-02");
  await analyse(pane);
  await pane.waitFor(pane.page.getByText("au 2 avril 2026"));
  const after = caseCard(pane, MARTIN.client);
  expect(await after.getByText("promesse en cours", { exact: true }).count()).toBe(0);
  expect(await textOf(after)).toMatch(/Prochaine étape :\s*Relance 1\s*à faire/);
  expect(await textOf(after)).toMatch(/promesse non tenue : 2 050,50 € promis pour le 31\/03\/2026/);
  expect(pane.pageErrors).toEqual([]);
});
