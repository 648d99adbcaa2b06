/**
 * What a user does in the pane, as the browser tests say it: analyse the
 * selection, open a case's action, save it, switch tabs. Everything goes
 * through accessible roles and names, as a keyboard or screen-reader user
 * would find it.
 */
import type { Locator } from "playwright-core";
import type { Pane } from "./harness";

/** French spacing (no-break and narrow no-break spaces) as plain spaces, for comparing displayed text. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

export async function textOf(locator: Locator): Promise<string> {
  return plain(await locator.innerText());
}

/** "206 801,29 €" -> 20680129 */
export function cents(amount: string): number {
  return Math.round(Number(plain(amount).replace(/[ €]/g, "").replace(",", ".")) * 100);
}

/** Waits until no finite animation or transition is running (Fluent's dialog and menu open with motion). */
export async function animationsDone(pane: Pane): Promise<void> {
  await pane.page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Clicks « Analyser la sélection » (or « Actualiser » once the list is shown,
 * or the English labels) and waits for the per-client cases: the summary line
 * (role status) and, when `cases` is not false, the first case card.
 */
export async function analyse(pane: Pane, options: { cases?: boolean } = {}): Promise<void> {
  const page = pane.page;
  const button = page.getByRole("button", { name: /^(Analyser la sélection|Actualiser|Analyse the selection|Refresh)$/ });
  await pane.waitFor(button);
  await button.click();
  // While loading the button is disabled; ready when it is enabled again with the summary shown.
  await pane.waitFor(page.getByRole("button", { name: /^(Actualiser|Refresh)$/, disabled: false }));
  await pane.waitFor(page.getByRole("status"));
  if (options.cases !== false) await pane.waitFor(page.getByRole("article").first());
}

export function caseCard(pane: Pane, client: string): Locator {
  return pane.page.getByRole("article", { name: client, exact: true });
}

/** Opens « Actions » › `action` on a client's case; returns the dialog once its opening animation has ended. */
export async function openAction(pane: Pane, client: string, action: string): Promise<Locator> {
  await caseCard(pane, client).getByRole("button", { name: "Actions" }).click();
  const item = pane.page.getByRole("menuitem", { name: action, exact: true });
  await pane.waitFor(item);
  await item.click();
  const dialog = pane.page.getByRole("dialog");
  await pane.waitFor(dialog);
  await animationsDone(pane);
  return dialog;
}

/** « Enregistrer dans le journal », then waits for the dialog to close (it stays open with the errors otherwise). */
export async function saveToJournal(pane: Pane, dialog: Locator): Promise<void> {
  await dialog.getByRole("button", { name: "Enregistrer dans le journal" }).click();
  try {
    await pane.waitFor(dialog, { state: "hidden", timeout: 5_000 });
  } catch (error) {
    const alert = dialog.getByRole("alert");
    const message = (await alert.count()) ? await alert.innerText() : "";
    throw new Error(`The dialog did not close${message ? `: ${message}` : ""}\n${String(error)}`);
  }
}

/** Clicks a tab; one that does not fit the pane is chosen in the tab bar's « … » menu. */
export async function openTab(pane: Pane, name: string): Promise<void> {
  const tab = pane.page.getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await pane.page.getByRole("button", { name: /(autres? onglets?|more tabs?)$/ }).click();
    await pane.page.getByRole("menuitem", { name, exact: true }).click();
  }
  await animationsDone(pane);
}

/** The journal table as the double holds it: one object per row, by header. */
export async function journalRows(pane: Pane): Promise<Record<string, string | number | boolean>[]> {
  const info = await pane.double((api) => api.tableInfo("RecouvreJournal"));
  if (!info) return [];
  return info.rows.map((row) => Object.fromEntries(info.headers.map((header, i) => [header, row[i]])));
}
