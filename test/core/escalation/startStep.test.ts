import fc from "fast-check";
import { validateEntry, type JournalEntry } from "../../../src/core/escalation/journal";
import { entryToRow, readJournal, JOURNAL_HEADERS, JOURNAL_HEADERS_V1, rowToEntry } from "../../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO, stepIndexByDate } from "../../../src/core/escalation/scenario";
import { cappedAtFormalNotice, passesFormalNotice, proposedStartIndex, recordedElsewhereEntries, startEntries, stepFloor } from "../../../src/core/escalation/startStep";
import { appendEntries, deriveState } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day, serial } from "../fixtures";

const S = DEFAULT_SCENARIO;
const book = RateBook.builtIn();
const TODAY = day(2026, 5, 5);

function invoice(numero: string, echeance: number, client = "SARL Dupont"): Invoice {
  return { sheetRow: 2, client, clientKey: client.toLowerCase(), numero, echeance, echeanceSource: "colonne", montant: 100000, particulier: false, acheteurPublic: false };
}

let counter = 0;
const ids = { id: () => `k${++counter}`, timestamp: () => "2026-05-05T09:00:00Z" };

/** A debt 429 days late and a younger one, for a client without history. */
const OLD = invoice("F-OLD", TODAY - 429);
const YOUNG = invoice("F-NEW", TODAY - 20);

describe("an old debt without history starts where it is", () => {
  const [c] = buildCases([OLD, YOUNG], deriveState([], S), { scenario: S, book, today: TODAY }).cases;

  test("the case's next step is the one the oldest invoice's delay reaches, proposed, not « Relance 1 », and never past the formal notice", () => {
    // 429 days reach « Action judiciaire » by delay; without a recorded mise en demeure the proposal stops at it.
    expect(c.next).toMatchObject({ id: "miseEnDemeure", dueNow: true, proposed: true });
    expect(c.lines.map((line) => [line.invoice.numero, line.next?.id, line.next?.proposed])).toEqual([
      ["F-OLD", "miseEnDemeure", true],
      ["F-NEW", "relance2", true],
    ]);
  });

  test("past the formal notice with none recorded, the proposal stops at it and says so", () => {
    expect(c.next?.withoutFormalNotice).toBe(true);
    expect(c.lines[1].next?.withoutFormalNotice).toBeUndefined();
    expect(passesFormalNotice(S, 4)).toBe(false);
    expect(passesFormalNotice(S, 5)).toBe(true);
  });

  test("the mise en demeure sent today on that old debt: the court comes after the notice's delay, not tomorrow", () => {
    const notice: JournalEntry = { id: "med", timestamp: "2026-05-05T09:00:00Z", date: TODAY, client: "SARL Dupont", clientKey: "sarl dupont", invoices: ["F-OLD"], type: "step", stepId: "miseEnDemeure", channel: "lrar" };
    const [after] = buildCases([OLD], deriveState([notice], S), { scenario: S, book, today: TODAY }).cases;
    // The scenario spaces the two steps by 60 - 45 = 15 days: the notice's « sous 8 jours » has run by then.
    expect(after.next).toMatchObject({ id: "actionJudiciaire", dueNow: false, dueOn: TODAY + 15 });
    const [later] = buildCases([OLD], deriveState([notice], S), { scenario: S, book, today: TODAY + 15 }).cases;
    expect(later.next).toMatchObject({ id: "actionJudiciaire", dueNow: true });
  });

  test("a debt only one step in is not « proposed »: the usual rule already gives that step", () => {
    const [fresh] = buildCases([invoice("F1", TODAY - 3)], deriveState([], S), { scenario: S, book, today: TODAY }).cases;
    expect(fresh.next).toEqual(expect.objectContaining({ id: "relance1", dueNow: true }));
    expect(fresh.next?.proposed).toBeUndefined();
  });

  test("« Confirmer » records one start entry per proposed step; the steps stay due, no longer proposed", () => {
    const built = startEntries(c, TODAY, ids);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.entries.map((entry) => [entry.type, entry.stepId, entry.invoices])).toEqual([
      ["start", "miseEnDemeure", ["F-OLD"]],
      ["start", "relance2", ["F-NEW"]],
    ]);
    for (const entry of built.entries) expect(validateEntry(entry).ok).toBe(true);
    const [after] = buildCases([OLD, YOUNG], deriveState(built.entries, S), { scenario: S, book, today: TODAY }).cases;
    expect(after.lines.map((line) => [line.next?.id, line.next?.dueNow, line.next?.proposed])).toEqual([
      ["miseEnDemeure", true, undefined],
      ["relance2", true, undefined],
    ]);
    expect(startEntries(after, TODAY, ids)).toEqual({ ok: false, errors: ["Aucune étape proposée à confirmer pour ce client."] });
  });

  test("« Déjà fait ailleurs » records dated, flagged steps; then the usual rule follows them", () => {
    const built = recordedElsewhereEntries(
      c,
      ["F-OLD", "F-NEW"],
      [
        { stepId: "miseEnDemeure", date: TODAY - 100 },
        { stepId: "relance1", date: TODAY - 300 },
      ],
      S,
      TODAY,
      ids,
      "relancé par le cabinet",
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.entries.map((entry) => [entry.stepId, entry.date, entry.recordedLater, entry.channel, entry.note])).toEqual([
      ["relance1", TODAY - 300, true, "email", "relancé par le cabinet"],
      ["miseEnDemeure", TODAY - 100, true, "lrar", "relancé par le cabinet"],
    ]);
    const state = deriveState(built.entries, S);
    const [after] = buildCases([OLD, YOUNG], state, { scenario: S, book, today: TODAY }).cases;
    expect(after.lastStep).toMatchObject({ id: "miseEnDemeure", date: TODAY - 100 });
    expect(after.next).toMatchObject({ id: "actionJudiciaire", dueNow: true });
    expect(after.next?.proposed).toBeUndefined();
    // The formal notice recorded afterwards still counts as one (legal interest for consumers).
    expect([...state.invoices.values()].find((s) => s.numero === "F-OLD")?.formalNoticeDate).toBe(TODAY - 100);
  });

  test("steps done elsewhere: not in the future, in the scenario's order, at least one, on some invoice", () => {
    const bad = recordedElsewhereEntries(c, [], [], S, TODAY, ids);
    expect(bad).toEqual({ ok: false, errors: ["Choisissez au moins une facture.", "Cochez au moins une étape déjà faite."] });
    const future = recordedElsewhereEntries(c, ["F-OLD"], [{ stepId: "relance1", date: TODAY + 1 }], S, TODAY, ids);
    expect(future.ok || future.errors).toEqual(["Relance 1 : une étape déjà faite ne peut pas être datée après aujourd'hui."]);
    const reversed = recordedElsewhereEntries(c, ["F-OLD"], [{ stepId: "relance1", date: TODAY - 10 }, { stepId: "relance2", date: TODAY - 20 }], S, TODAY, ids);
    expect(reversed.ok || reversed.errors).toEqual(["Relance 2 : datée avant « Relance 1 », qui la précède dans le scénario ; vérifiez les dates."]);
    expect(recordedElsewhereEntries(c, ["F-OLD"], [{ stepId: "nope", date: TODAY }], S, TODAY, ids).ok).toBe(false);
  });
});

describe("rules", () => {
  test("proposedStartIndex: the step the delay reaches, only when it skips one", () => {
    expect(proposedStartIndex(S, -3)).toBeUndefined();
    expect(proposedStartIndex(S, 0)).toBeUndefined();
    expect(proposedStartIndex(S, 1)).toBeUndefined(); // Relance 1: the usual first step
    expect(proposedStartIndex(S, 15)).toBe(2);
    expect(proposedStartIndex(S, 45)).toBe(4);
    expect(proposedStartIndex(S, 60)).toBe(4); // « Action judiciaire » by delay: capped at the mise en demeure
    expect(proposedStartIndex(S, 429)).toBe(4);
    expect(cappedAtFormalNotice(S, 59)).toBe(false);
    expect(cappedAtFormalNotice(S, 60)).toBe(true);
    // A scenario without a formal-notice step is not capped.
    const noNotice = S.filter((step) => step.id !== "miseEnDemeure").map((step) => ({ ...step, channel: step.channel === "lrar" ? ("courrier" as const) : step.channel }));
    expect(proposedStartIndex(noNotice, 429)).toBe(4);
  });

  test("property: action judiciaire is never proposed to a client without a recorded mise en demeure", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 3000 }), { minLength: 1, maxLength: 6 }), (delays) => {
        const invoices = delays.map((late, i) => invoice(`F${i}`, TODAY - late));
        // Invoices not yet due at the first step make no case: nothing is proposed for them.
        for (const c of buildCases(invoices, deriveState([], S), { scenario: S, book, today: TODAY }).cases) {
          for (const line of c.lines) expect(line.next?.id).not.toBe("actionJudiciaire");
          expect(c.next?.id).not.toBe("actionJudiciaire");
        }
      }),
    );
  });

  test("property: for any delay, a client without history is proposed exactly the step its delay reaches, up to the formal notice", () => {
    const notice = S.findIndex((step) => step.id === "miseEnDemeure");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (late) => {
        const [c] = buildCases([invoice("F1", TODAY - late)], deriveState([], S), { scenario: S, book, today: TODAY }).cases;
        expect(c.next?.index).toBe(Math.min(stepIndexByDate(S, late), notice));
        expect(c.next?.dueNow).toBe(true);
      }),
    );
  });

  test("stepFloor: the step done, or the one before a confirmed start, whichever is further", () => {
    expect(stepFloor(undefined)).toBeUndefined();
    const base = { clientKey: "a", numero: "1", stepsDone: [], payments: [], paid: 0, entryIndexes: [] };
    expect(stepFloor({ ...base, startIndex: 4 })).toBe(3);
    expect(stepFloor({ ...base, startIndex: 2, lastStep: { stepId: "relance3", index: 3, date: 0, entryId: "x" } })).toBe(3);
  });
});

describe("the journal keeps reading old rows, and reads the new ones back", () => {
  test("a step row written before recordedLater existed reads as before, without the flag", () => {
    const old = ["2025-03-10T09:00:00Z", serial(2025, 3, 10), "SARL Dupont", "F1", "Étape", "Relance 1", "E-mail", 1000, "", 40, "", "", '{"v":1,"clientKey":"sarl dupont","stepId":"relance1"}', "e1"];
    // The table this row comes from had layout 1's headers.
    const reading = readJournal(JOURNAL_HEADERS_V1, [old], { scenario: S });
    expect(reading.damaged).toEqual([]);
    expect(reading.entries).toEqual([
      {
        id: "e1",
        timestamp: "2025-03-10T09:00:00Z",
        date: day(2025, 3, 10),
        client: "SARL Dupont",
        clientKey: "sarl dupont",
        invoices: ["F1"],
        type: "step",
        stepId: "relance1",
        channel: "email",
        principal: 100000,
        indemnity: 4000,
      },
    ]);
    expect(deriveState(reading.entries, S).invoices.values().next().value?.startIndex).toBeUndefined();
  });

  test("steps recorded afterwards and start entries go through a row and back unchanged", () => {
    const entries: JournalEntry[] = [
      { id: "a", timestamp: "2026-05-05T09:00:00Z", date: day(2025, 6, 1), client: "SARL Dupont", clientKey: "sarl dupont", invoices: ["F1"], type: "step", stepId: "relance1", channel: "email", recordedLater: true },
      { id: "b", timestamp: "2026-05-05T09:00:00Z", date: TODAY, client: "SARL Dupont", clientKey: "sarl dupont", invoices: ["F1", "F2"], type: "start", stepId: "miseEnDemeure" },
    ];
    for (const entry of entries) {
      const row = entryToRow(entry, S);
      expect(rowToEntry(row, S)).toEqual({ ok: true, entry });
    }
    expect(entryToRow(entries[1], S)[4]).toBe("Point de départ");
    expect(JSON.parse(String(entryToRow(entries[0], S)[JOURNAL_HEADERS.indexOf("Détails")]))).toMatchObject({ recordedLater: true });
  });

  test("a damaged flag is reported, not guessed", () => {
    const row = entryToRow({ id: "a", timestamp: "2026-05-05T09:00:00Z", date: day(2025, 6, 1), client: "X", clientKey: "x", invoices: ["F1"], type: "step", stepId: "relance1" }, S);
    row[JOURNAL_HEADERS.indexOf("Détails")] = '{"v":1,"clientKey":"x","stepId":"relance1","recordedLater":"oui"}';
    expect(rowToEntry(row, S).ok).toBe(false);
  });

  test("a start entry naming a step the scenario lost is reported as such and changes nothing", () => {
    const start = { id: "s", timestamp: "2026-05-05T09:00:00Z", date: TODAY, client: "X", clientKey: "x", invoices: ["F1"], type: "start", stepId: "ancienne" } as JournalEntry;
    const state = appendEntries(deriveState([], S), [start], S);
    expect(state.unknownSteps).toEqual([{ index: 0, stepId: "ancienne" }]);
    expect([...state.invoices.values()][0].startIndex).toBeUndefined();
  });
});
