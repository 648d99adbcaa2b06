/**
 * Small JSON documents kept in the workbook's own settings (column mapping,
 * scenario, creditor profile, user rates): they travel with the file.
 */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export function workbookSettings(): SettingsStore {
  return Office.context.document.settings as unknown as SettingsStore;
}

/** The stored value parsed from JSON; undefined when absent, an Error when damaged. */
export function readJsonSetting(settings: SettingsStore, key: string): unknown {
  const stored = settings.get(key);
  if (stored === null || stored === undefined) return undefined;
  if (typeof stored !== "string") return stored;
  try {
    return JSON.parse(stored);
  } catch {
    return new Error(`le paramètre « ${key} » enregistré dans le classeur est illisible`);
  }
}

export function writeJsonSetting(settings: SettingsStore, key: string, value: unknown): Promise<void> {
  settings.set(key, JSON.stringify(value));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "failed") {
        reject(new Error(`Enregistrement dans le classeur impossible : ${result.error?.message ?? "erreur inconnue"}`));
      } else resolve();
    });
  });
}
