/**
 * The user's rates for semesters our tables do not know, stored in the
 * workbook's own settings (they travel with the file), and pushed to the
 * formulas: the RateBook is rebuilt and Excel recalculates every formula.
 */
import { RateBook } from "../core/rates/rateBook";
import { EMPTY_USER_RATES, validateUserRates, type UserRates, type UserRatesResult } from "../core/rates/userRates";
import { setCurrentRateBook } from "../functions/currentRates";

export const USER_RATES_SETTING = "recouvre.tauxUtilisateur";

/** The part of Office.Settings we use; a fake implements it in tests. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export function workbookSettings(): SettingsStore {
  return Office.context.document.settings as unknown as SettingsStore;
}

/** Reads and validates; a missing setting is an empty table, a damaged one is reported. */
export function readUserRates(settings: SettingsStore): UserRatesResult {
  const stored = settings.get(USER_RATES_SETTING);
  if (stored === null || stored === undefined) return { ok: true, value: EMPTY_USER_RATES };
  let parsed: unknown = stored;
  if (typeof stored === "string") {
    try {
      parsed = JSON.parse(stored);
    } catch {
      return { ok: false, errors: ["les taux enregistrés dans le classeur sont illisibles (JSON invalide)"] };
    }
  }
  return validateUserRates(parsed, RateBook.firstOpenSemesters());
}

function saveSettings(settings: SettingsStore): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "failed") reject(new Error(`Enregistrement des taux impossible : ${result.error?.message ?? "erreur inconnue"}`));
      else resolve();
    });
  });
}

/**
 * Validates, stores and applies. Nothing is written when validation fails:
 * the user's entry comes back with the reasons.
 */
export async function saveUserRates(settings: SettingsStore, rates: unknown, recalculate: () => Promise<void>): Promise<UserRatesResult> {
  const checked = validateUserRates(rates, RateBook.firstOpenSemesters());
  if (!checked.ok) return checked;
  settings.set(USER_RATES_SETTING, JSON.stringify(checked.value));
  await saveSettings(settings);
  applyUserRates(checked.value);
  await recalculate();
  return checked;
}

export function applyUserRates(rates: UserRates): void {
  setCurrentRateBook(RateBook.create(rates));
}

/** Loads the workbook's rates into the formulas' RateBook; returns what was read. */
export function loadUserRatesIntoFormulas(settings: SettingsStore): UserRatesResult {
  const result = readUserRates(settings);
  if (result.ok) applyUserRates(result.value);
  return result;
}
