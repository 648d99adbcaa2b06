/** A journal with an entry of every type (the demo company's and a few more), and the folded state as plain JSON. */
import { sampleWorkbook } from "../../../demo/sample/workbook";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import type { JournalState } from "../../../src/core/escalation/state";
import { day } from "../fixtures";

/** The demo's journal, and one entry of each type it does not have. */
export function journalOfEveryType(): JournalEntry[] {
  const base = { timestamp: "2026-10-01T08:00:00.000Z", client: "SAS Exemple", clientKey: "sas exemple", invoices: ["EX-1", "EX-2"] };
  return [
    ...sampleWorkbook().journal,
    { ...base, id: "golden-start", date: day(2026, 9, 1), type: "start", stepId: DEFAULT_SCENARIO[1].id },
    { ...base, id: "golden-late", date: day(2026, 9, 2), type: "step", stepId: DEFAULT_SCENARIO[1].id, recordedLater: true, channel: "lrar" },
    { ...base, id: "golden-gone", date: day(2026, 9, 3), type: "step", stepId: "etapeSupprimee" },
    { ...base, id: "golden-legal", date: day(2026, 9, 20), type: "legalAction", channel: "action", procedure: "injonctionDePayer", note: "dossier transmis" },
    { ...base, id: "golden-doc", date: day(2026, 9, 21), type: "document", documentRef: "DOSSIER-2026-09-21", templateId: "courtFile", invoices: [] },
    { ...base, id: "golden-call", date: day(2026, 9, 22), type: "call", channel: "telephone", outcome: "messagerie", invoices: [] },
    { ...base, id: "golden-plan", date: day(2026, 9, 23), type: "plan", instalments: [{ date: day(2026, 10, 15), amount: 10000 }, { date: day(2026, 11, 15), amount: 10000 }] },
    { ...base, id: "golden-pay", date: day(2026, 10, 16), type: "payment", amount: 15000, invoices: ["EX-1"], allocations: [{ invoice: "EX-1", amount: 15000, balanceBefore: 20000 }] },
    { ...base, id: "golden-ack", date: day(2026, 10, 17), type: "acknowledgment" },
    // A row pasted twice: the second is ignored by the fold.
    { ...base, id: "golden-ack", date: day(2026, 10, 18), type: "acknowledgment" },
  ] as JournalEntry[];
}

/** Maps and sets as arrays, so that the state compares as JSON. */
export function plainState(state: JournalState): unknown {
  return JSON.parse(JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value)));
}

