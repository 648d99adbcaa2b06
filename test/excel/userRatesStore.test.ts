import { expectExcelError } from "../functions/fakeCustomFunctions";
import { MissingRate, RateBook } from "../../src/core/rates/rateBook";
import { EMPTY_USER_RATES, type UserRates } from "../../src/core/rates/userRates";
import { currentRateBook, onRateBookChange, setCurrentUserRates } from "../../src/state/currentRates";
import { penalite, tauxBce, tauxPenalite } from "../../src/functions/functions";
import {
  loadUserRatesIntoFormulas,
  readUserRates,
  saveUserRates,
  USER_RATES_SETTING,
  type SettingsStore,
} from "../../src/excel/userRatesStore";
import { one } from "../functions/cells";

/** Office.Settings in memory: what was set, and what was saved. */
class FakeSettings implements SettingsStore {
  readonly values = new Map<string, unknown>();
  saved: Map<string, unknown> | undefined;
  saveCount = 0;
  failWith: string | undefined;

  get(name: string): unknown {
    return this.values.get(name) ?? null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void {
    this.saveCount++;
    const failed = this.failWith !== undefined;
    if (!failed) this.saved = new Map(this.values);
    const result = { status: failed ? "failed" : "succeeded", error: failed ? { message: this.failWith } : undefined, value: undefined };
    callback?.(result as unknown as Office.AsyncResult<void>);
  }
}

const RATES_2026_S2: UserRates = {
  version: 1,
  semestres: { "2026-S2": { bce: 0.03, legalParticulier: 0.065, legalAutres: 0.025, source: "arrêté du 15/06/2026" } },
};

const c = (value: unknown): unknown[][] => [[value]];
const penalty2026 = (): unknown => one(penalite(c(10000), c("15/06/2026"), c("15/07/2026")));

let recalculations = 0;
const recalculate = async (): Promise<void> => {
  recalculations++;
};

beforeEach(() => {
  setCurrentUserRates(undefined);
  recalculations = 0;
});

describe("reading", () => {
  test("nothing stored: the empty table", () => {
    expect(readUserRates(new FakeSettings())).toEqual({ ok: true, value: EMPTY_USER_RATES });
  });

  test("damaged JSON is reported, not ignored", () => {
    const settings = new FakeSettings();
    settings.set(USER_RATES_SETTING, "{pas du json");
    const result = readUserRates(settings);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual(["les taux enregistrés dans le classeur sont illisibles (JSON invalide)"]);
  });

  test("well-formed JSON with an invalid content is reported", () => {
    const settings = new FakeSettings();
    settings.set(USER_RATES_SETTING, JSON.stringify({ version: 1, semestres: { "2025-S1": { bce: 0.5 } } }));
    const result = readUserRates(settings);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors.join()).toContain("ne peut pas être remplacé");
  });

  test("a stored object (not a string) is validated too", () => {
    const settings = new FakeSettings();
    settings.set(USER_RATES_SETTING, RATES_2026_S2);
    expect(readUserRates(settings)).toEqual({ ok: true, value: RATES_2026_S2 });
  });
});

describe("saving", () => {
  test("round trip: saved as JSON in the workbook, read back identical", async () => {
    const settings = new FakeSettings();
    const result = await saveUserRates(settings, RATES_2026_S2, recalculate);
    expect(result).toEqual({ ok: true, value: RATES_2026_S2 });
    expect(settings.saveCount).toBe(1);
    expect(typeof settings.saved?.get(USER_RATES_SETTING)).toBe("string");
    expect(JSON.parse(settings.saved?.get(USER_RATES_SETTING) as string)).toEqual(RATES_2026_S2);
    expect(readUserRates(settings)).toEqual({ ok: true, value: RATES_2026_S2 });
    expect(recalculations).toBe(1);
  });

  test("invalid input is not written, not applied, and nothing recalculates", async () => {
    const settings = new FakeSettings();
    const before = currentRateBook();
    const result = await saveUserRates(settings, { version: 1, semestres: { "2026-S1": { bce: 0.02 } } }, recalculate);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors.join()).toContain("1er semestre 2026");
    expect(settings.values.has(USER_RATES_SETTING)).toBe(false);
    expect(settings.saveCount).toBe(0);
    expect(currentRateBook()).toBe(before);
    expect(recalculations).toBe(0);
    for (const bad of [{ version: 1, semestres: { "2026-S2": { bce: 0.6 } } }, null, "texte", { version: 1, semestres: { "2026-S3": {} } }]) {
      expect((await saveUserRates(settings, bad, recalculate)).ok).toBe(false);
    }
    expect(settings.saveCount).toBe(0);
  });

  test("a failed save is an error and the formulas keep the old rates", async () => {
    const settings = new FakeSettings();
    settings.failWith = "disque plein";
    await expect(saveUserRates(settings, RATES_2026_S2, recalculate)).rejects.toThrow("disque plein");
    expectExcelError(penalty2026(), "#N/A");
    expect(recalculations).toBe(0);
  });
});

describe("applying: the formulas compute with the user's rates", () => {
  test("PENALITE for 2026-S2 goes from #N/A to a number", async () => {
    expectExcelError(penalty2026(), "#N/A", "2e semestre 2026");
    expectExcelError(one(tauxBce(c("01/07/2026"))), "#N/A");

    await saveUserRates(new FakeSettings(), RATES_2026_S2, recalculate);

    // (15/06/2026, 15/07/2026]: 15 days at 12.15 % (2026-S1) + 15 days at 3 % + 10 = 13 % (user 2026-S2)
    // 1,000,000 cents x (1.8225 + 1.95) / 365 = 3,772,500 / 365 = 10,335.62 -> 103.36 EUR
    expect(penalty2026()).toBe(103.36);
    expect(one(tauxBce(c("01/07/2026")))).toBe(0.03);
    expect(one(tauxPenalite(c("01/07/2026")))).toBe(0.13);
    expect(currentRateBook().origin("bce", 2026 * 2 + 1)).toBe("utilisateur");
  });

  test("opening the workbook on another PC loads its rates into the formulas", () => {
    const settings = new FakeSettings();
    settings.set(USER_RATES_SETTING, JSON.stringify(RATES_2026_S2));
    expect(loadUserRatesIntoFormulas(settings).ok).toBe(true);
    expect(penalty2026()).toBe(103.36);
  });

  test("a damaged setting leaves the formulas on the built-in tables", () => {
    const settings = new FakeSettings();
    settings.set(USER_RATES_SETTING, "{");
    const before = currentRateBook();
    expect(loadUserRatesIntoFormulas(settings).ok).toBe(false);
    expect(currentRateBook()).toBe(before);
    expectExcelError(penalty2026(), "#N/A");
  });

  test("listeners hear of the new book, and can stop listening", async () => {
    const seen: RateBook[] = [];
    const stop = onRateBookChange((book) => seen.push(book));
    await saveUserRates(new FakeSettings(), RATES_2026_S2, recalculate);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(currentRateBook());
    stop();
    setCurrentUserRates(undefined);
    expect(seen).toHaveLength(1);
  });

  test("rates set by one bundle reach another, which computes with its own classes", () => {
    // The shared runtime loads functions.js, commands.js and taskpane.js: three
    // copies of the engine. A MissingRate made by one copy fails `instanceof` in
    // another, so only plain data may cross; each copy builds its own book.
    type CurrentRates = typeof import("../../src/state/currentRates");
    type RateBookModule = typeof import("../../src/core/rates/rateBook");
    let other: CurrentRates | undefined;
    let otherRateBook: RateBookModule | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<CurrentRates>("../../src/state/currentRates");
      otherRateBook = jest.requireActual<RateBookModule>("../../src/core/rates/rateBook");
    });
    expect(other!.setCurrentUserRates).not.toBe(setCurrentUserRates); // really a second copy of the module
    expect(otherRateBook!.RateBook).not.toBe(RateBook);

    other!.setCurrentUserRates(RATES_2026_S2);
    const mine = currentRateBook();
    expect(mine).toBeInstanceOf(RateBook); // this copy's class, not the other's
    expect(mine.rate("bce", 2026 * 2 + 1)).toBe(30_000); // RATES_2026_S2: 3 %

    // A semester nobody knows is a MissingRate of each bundle's own class.
    const missingHere = mine.rateOn("bce", Date.UTC(2027, 8, 1) / 86_400_000);
    expect(missingHere).toBeInstanceOf(MissingRate);
    const missingThere = other!.currentRateBook().rateOn("bce", Date.UTC(2027, 8, 1) / 86_400_000);
    expect(missingThere).toBeInstanceOf(otherRateBook!.MissingRate);
  });
});
