/**
 * The actions declared one module each (src/core/escalation/actions/) keep
 * the journal as it was: a journal written before them (the demo company's,
 * plus one entry of every type the demo lacks) is pinned in
 * test/fixtures/journal/beforeActions.json with the rows it was stored as
 * and the state it folded to, both made by the code before the actions were
 * declared (commit f3926c6). The stored rows read back and fold to the same
 * state; rows written now (layout 2 of the journal, issue 15: one column per
 * fact) read back to the same entries and fold to the same state too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ACTIONS, ENTRY_TYPES, FORM_ACTION_TYPES } from "../../../src/core/escalation/actions";
import { ENTRY_TYPE_LABELS } from "../../../src/core/escalation/journal";
import { entryToRow, JOURNAL_HEADERS, readJournal } from "../../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { journalOfEveryType, plainState } from "./journalOfEveryType";

interface Golden {
  readonly rows: unknown[][];
  readonly state: unknown;
}

const GOLDEN = path.join(__dirname, "../../fixtures/journal/beforeActions.json");

describe("a journal written before the actions were declared one by one", () => {
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Golden;
  const entries = journalOfEveryType();

  test("covers every type of entry", () => {
    expect(new Set(entries.map((entry) => entry.type))).toEqual(new Set(ENTRY_TYPES));
  });

  test("written now, reads back to the same entries and folds to the same state", () => {
    const rows = JSON.parse(JSON.stringify(entries.map((entry) => entryToRow(entry, DEFAULT_SCENARIO)))) as unknown[][];
    const reading = readJournal(JOURNAL_HEADERS, rows, { scenario: DEFAULT_SCENARIO });
    expect(reading.damaged).toEqual([]);
    expect(reading.entries).toEqual(entries);
    expect(plainState(deriveState(reading.entries, DEFAULT_SCENARIO))).toEqual(golden.state);
  });

  test("reads back from its stored rows and folds to the same state", () => {
    const reading = readJournal(undefined, golden.rows, { scenario: DEFAULT_SCENARIO });
    expect(reading.damaged).toEqual([]);
    expect(plainState(deriveState(reading.entries, DEFAULT_SCENARIO))).toEqual(golden.state);
  });
});

describe("the declarations", () => {
  test("the journal's « Type » labels are the declarations' own, as before", () => {
    expect(ENTRY_TYPE_LABELS).toMatchObject({ step: "Étape", call: "Appel", promise: "Promesse de paiement", payment: "Paiement", document: "Document" });
    for (const type of ENTRY_TYPES) expect(ENTRY_TYPE_LABELS[type]).toBe(ACTIONS[type].label);
  });

  test("the pane's form offers every action but the document and the start, which have their own paths", () => {
    expect(FORM_ACTION_TYPES).toEqual(["step", "call", "promise", "payment", "plan", "dispute", "disputeResolved", "acknowledgment", "legalAction"]);
  });

  test("every fact a declaration lists is one of its schema's fields or the step's channel", () => {
    const carried: Record<string, string[]> = { step: ["stepId"], channel: ["channel"], claimed: ["principal", "penalties", "indemnity"], outcome: ["outcome"], amount: ["amount"], until: ["until"], reason: ["reason", "resolution"], instalments: ["instalments"], allocations: ["allocations"], procedure: ["procedure"], document: ["documentRef", "templateId"] };
    for (const type of ENTRY_TYPES) {
      const shape = Object.keys((ACTIONS[type].schema as unknown as { shape: Record<string, unknown> }).shape);
      for (const fact of ACTIONS[type].facts) expect(carried[fact].some((field) => shape.includes(field))).toBe(true);
    }
  });
});
