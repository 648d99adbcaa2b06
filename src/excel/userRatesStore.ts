/**
 * The user's rates for semesters our tables do not know, stored in the
 * workbook's own settings (they travel with the file), and pushed to the
 * formulas: the RateBook is rebuilt and Excel recalculates every formula.
 */
import { RateBook } from "../core/rates/rateBook";
import { EMPTY_USER_RATES, validateUserRates, type UserRates, type UserRatesResult } from "../core/rates/userRates";
import { setCurrentUserRates } from "../state/currentRates";
import { readJsonSetting, writeJsonSetting, type SettingsStore } from "./workbookSettings";

export const USER_RATES_SETTING = "recouvre.tauxUtilisateur";

export { workbookSettings, type SettingsStore } from "./workbookSettings";

/** Reads and validates; a missing setting is an empty table, a damaged one is reported. */
export function readUserRates(settings: SettingsStore): UserRatesResult {
  const stored = readJsonSetting(settings, USER_RATES_SETTING);
  if (stored === undefined) return { ok: true, value: EMPTY_USER_RATES };
  if (stored instanceof Error) return { ok: false, errors: ["les taux enregistrés dans le classeur sont illisibles (JSON invalide)"] };
  // Entries the official tables have since superseded keep loading (see FIRST_ENTERABLE_SEMESTER).
  return validateUserRates(stored, RateBook.firstOpenSemesters(), "stored");
}

/**
 * Validates, stores and applies. Nothing is written when validation fails:
 * the user's entry comes back with the reasons.
 */
export async function saveUserRates(settings: SettingsStore, rates: unknown, recalculate: () => Promise<void>): Promise<UserRatesResult> {
  const previous = readUserRates(settings);
  const checked = validateUserRates(rates, RateBook.firstOpenSemesters(), previous.ok ? previous.value : undefined);
  if (!checked.ok) return checked;
  await writeJsonSetting(settings, USER_RATES_SETTING, checked.value);
  applyUserRates(checked.value);
  await recalculate();
  return checked;
}

export function applyUserRates(rates: UserRates): void {
  setCurrentUserRates(rates);
}

/** Loads the workbook's rates into the formulas' RateBook; returns what was read. */
export function loadUserRatesIntoFormulas(settings: SettingsStore): UserRatesResult {
  const result = readUserRates(settings);
  if (result.ok) applyUserRates(result.value);
  return result;
}
