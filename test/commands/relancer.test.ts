/**
 * The « Relancer » ribbon command: it plans the batch for the selection,
 * hands it to the pane and opens it; event.completed() is called exactly once
 * on every path, whatever fails or hangs.
 */
import { MAPPING_SETTING_KEY, SCENARIO_SETTING_KEY } from "../../src/core/sending/analyze";
import { createRelancer, type RelancerDeps } from "../../src/commands/commands";
import { prepareBatchFromWorkbook, type WorkbookReader } from "../../src/sending/fromWorkbook";
import { onPendingAction, postPendingAction, takePendingAction, type PendingAction } from "../../src/sending/pendingAction";
import { MAPPING_SETTING, SCENARIO_SETTING } from "../../src/taskpane/cases/useWorkbench";
import { RateBook } from "../../src/core/rates/rateBook";
import { day } from "../core/fixtures";

function fakeEvent(throwOnComplete = false) {
  const completed = jest.fn(() => {
    if (throwOnComplete) throw new Error("déjà terminé");
  });
  return { event: { completed } as unknown as Office.AddinCommands.Event, completed };
}

const SERIAL_2025_03_25 = day(2025, 3, 25) - day(1899, 12, 30);

const reader: WorkbookReader = {
  readSelectedRows: async () => ({
    sheetName: "Factures",
    header: ["Client", "N° facture", "Échéance", "Montant TTC", "Email"],
    rows: [
      ["SARL Dupont", "F1", SERIAL_2025_03_25, 1200, "compta@dupont.fr"],
      ["SARL Dupont", "F2", SERIAL_2025_03_25, 300, "compta@dupont.fr"],
      ["Mme Leroy", "A7", SERIAL_2025_03_25, 80, ""],
      ["Bidule SA", "B1", SERIAL_2025_03_25, 50, "pas-une-adresse"],
    ],
    firstRowNumber: 2,
  }),
  readJournalRows: async () => undefined,
  readSetting: () => undefined,
};

function deps(overrides: Partial<RelancerDeps> = {}) {
  const posted: Array<Parameters<RelancerDeps["post"]>[0]> = [];
  const shown = jest.fn(async () => undefined);
  const d: RelancerDeps = {
    prepare: () => prepareBatchFromWorkbook(reader, { book: RateBook.builtIn(), today: day(2025, 4, 1) }),
    post: (action) => void posted.push(action),
    showTaskpane: shown,
    prepareTimeoutMs: 50,
    showTimeoutMs: 50,
    ...overrides,
  };
  return { d, posted, shown };
}

afterEach(() => {
  takePendingAction();
});

describe("relancer", () => {
  test("plans the selection's due reminders, hands them to the pane, opens it, completes once", async () => {
    const { d, posted, shown } = deps();
    const { event, completed } = fakeEvent();
    await createRelancer(d)(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(shown).toHaveBeenCalledTimes(1);
    expect(posted).toHaveLength(1);
    const action = posted[0];
    expect(action.kind).toBe("relancer");
    if (action.kind !== "relancer") return;
    const { plan } = action.analysis;
    expect(plan.items.map((i) => [i.message.client, i.message.invoices, i.message.recipients, i.status])).toEqual([["SARL Dupont", ["F1", "F2"], ["compta@dupont.fr"], "aEnvoyer"]]);
    expect(plan.skipped.map((s) => [s.client, s.reason, s.message])).toEqual([
      ["Bidule SA", "emailInvalide", "adresse e-mail invalide dans la liste (ligne 5 : « pas-une-adresse ») : corrigez-la"],
      ["Mme Leroy", "sansEmail", "pas d'adresse e-mail dans la liste pour ce client"],
    ]);
  });

  test.each<[string, Partial<RelancerDeps>, string]>([
    ["the workbook cannot be read", { prepare: () => Promise.reject(new Error("La feuille est vide : sélectionnez les lignes de votre liste de factures.")) }, "relancerErreur"],
    ["prepare throws synchronously", { prepare: () => { throw new Error("boom"); } }, "relancerErreur"],
    ["prepare never answers", { prepare: () => new Promise(() => undefined) }, "relancerErreur"],
    ["post throws", { post: () => { throw new Error("canal cassé"); } }, "none"],
    ["the pane cannot be shown", { showTaskpane: () => Promise.reject(new Error("API non prise en charge")) }, "relancer"],
    ["showing the pane never answers", { showTaskpane: () => new Promise(() => undefined) }, "relancer"],
  ])("%s: completed exactly once", async (_, overrides, expectedKind) => {
    const { d, posted } = deps(overrides);
    const { event, completed } = fakeEvent();
    await createRelancer(d)(event);
    expect(completed).toHaveBeenCalledTimes(1);
    if (expectedKind === "none") expect(posted).toEqual([]);
    else expect(posted.map((a) => a.kind)).toEqual([expectedKind]);
    if (expectedKind === "relancerErreur") {
      const action = posted[0] as Extract<PendingAction, { kind: "relancerErreur" }>;
      expect(action.message).toMatch(/^Impossible de préparer les relances : /);
    }
  });

  test("completed() throwing is called once and does not escape", async () => {
    const { d } = deps();
    const { event, completed } = fakeEvent(true);
    await expect(createRelancer(d)(event)).resolves.toBeUndefined();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  test("two quick clicks: each completes once; the pane gets the latest request", async () => {
    const seen: PendingAction[] = [];
    const stop = onPendingAction((a) => seen.push(a));
    const { d } = deps({ post: postPendingAction });
    const first = fakeEvent();
    const second = fakeEvent();
    await Promise.all([createRelancer(d)(first.event), createRelancer(d)(second.event)]);
    stop();
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
    expect(takePendingAction()?.id).toBe(seen[1].id);
    expect(takePendingAction()).toBeUndefined();
  });
});

describe("registration in the shared runtime (fake Office global)", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
  });

  test("associates « relancer » once Office is ready; without Excel, the pane gets an error and completed() is called once", async () => {
    const associate = jest.fn();
    const showAsTaskpane = jest.fn(async () => undefined);
    g.Office = {
      onReady: (callback: () => void) => {
        callback();
        return Promise.resolve({});
      },
      actions: { associate },
      addin: { showAsTaskpane },
      context: { document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } } },
    };
    jest.isolateModules(() => {
      jest.requireActual("../../src/commands/commands");
    });
    expect(associate.mock.calls.map((call) => call[0])).toEqual(["relancer", "tableauDeBord"]);
    const handler: (event: Office.AddinCommands.Event) => Promise<void> = associate.mock.calls[0][1];

    const { event, completed } = fakeEvent();
    await handler(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    const action = takePendingAction();
    expect(action?.kind).toBe("relancerErreur"); // no Excel here: reading the selection fails
  });

  test("« Balance âgée » asks the pane for its dashboard and completes once, even when the pane cannot open", async () => {
    const associate = jest.fn();
    const showAsTaskpane = jest.fn(async () => {
      throw new Error("volet indisponible");
    });
    g.Office = { onReady: (callback: () => void) => (callback(), Promise.resolve({})), actions: { associate }, addin: { showAsTaskpane } };
    jest.isolateModules(() => {
      jest.requireActual("../../src/commands/commands");
    });
    const handler: (event: Office.AddinCommands.Event) => Promise<void> = associate.mock.calls.find((call) => call[0] === "tableauDeBord")![1];
    const { event, completed } = fakeEvent();
    await handler(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(takePendingAction()?.kind).toBe("tableauDeBord"); // waits for the pane
  });

  test("outside Office nothing is registered", () => {
    jest.isolateModules(() => {
      expect(() => jest.requireActual("../../src/commands/commands")).not.toThrow();
    });
  });
});

test("the settings keys are the pane's", () => {
  expect(MAPPING_SETTING_KEY).toBe(MAPPING_SETTING);
  expect(SCENARIO_SETTING_KEY).toBe(SCENARIO_SETTING);
});
