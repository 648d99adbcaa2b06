/**
 * Recording from the worklist: one step for one client (« Aujourd'hui »), or
 * the same step for every filtered case (bulk). Each goes through the same
 * entry builder as the action form (entryDraft.ts) and the workbench's
 * record: one append to the journal, the new rows folded into the state.
 */
import { useCallback, useState } from "react";
import { formatDateFr, type EpochDay } from "../../core/calendar";
import type { JournalEntry } from "../../core/escalation/journal";
import type { ClientCase } from "../../core/escalation/workflow";
import type { TodayAction } from "../../core/worklist";
import { useStrings } from "../i18n";
import { buildEntry, type EntryContext } from "./entryDraft";

type Message = { readonly intent: "success" | "warning" | "error"; readonly text: string };

/** The entry « step done today » for the invoices of `clientCase` for which `stepId` is due. */
export function stepDoneToday(clientCase: ClientCase, stepId: string, today: EpochDay, context: EntryContext): { ok: true; entry: JournalEntry } | { ok: false; errors: string[] } {
  const group = clientCase.stepGroups.find((g) => g.id === stepId);
  return buildEntry(
    { type: "step", invoices: group?.invoices ?? [], date: formatDateFr(today), note: "", stepId, channel: group?.channel },
    clientCase,
    context,
  );
}

export function useWorklistActions(
  cases: readonly ClientCase[],
  record: (entries: readonly JournalEntry[]) => Promise<string[]>,
  today: () => EpochDay,
  context: EntryContext,
) {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  const [todayMessage, setTodayMessage] = useState<Message | undefined>();
  const [bulkMessage, setBulkMessage] = useState<Message | undefined>();

  const run = useCallback(
    async (entries: JournalEntry[], errors: string[]): Promise<string[]> => {
      if (errors.length) return errors;
      setBusy(true);
      try {
        return await record(entries);
      } catch (error) {
        return [(error as Error).message];
      } finally {
        setBusy(false);
      }
    },
    [record],
  );

  const recordToday = useCallback(
    async (action: TodayAction) => {
      const clientCase = cases.find((c) => c.clientKey === action.clientKey);
      if (!clientCase) return;
      const built = stepDoneToday(clientCase, action.step.id, today(), context);
      const problems = await run(built.ok ? [built.entry] : [], built.ok ? [] : built.errors);
      setTodayMessage(problems.length ? { intent: "error", text: problems.join(" ") } : { intent: "success", text: t.todayDone(action.client, action.step.label) });
    },
    [cases, today, context, run, t],
  );

  const recordBulk = useCallback(
    async (stepId: string, chosen: readonly ClientCase[]) => {
      const entries: JournalEntry[] = [];
      const errors: string[] = [];
      for (const clientCase of chosen) {
        const built = stepDoneToday(clientCase, stepId, today(), context);
        if (built.ok) entries.push(built.entry);
        else errors.push(`${clientCase.client} : ${built.errors.join(" ")}`);
      }
      const problems = await run(entries, errors);
      const label = context.scenario.find((s) => s.id === stepId)?.label ?? stepId;
      setBulkMessage(problems.length ? { intent: "error", text: problems.join(" ") } : { intent: "success", text: t.bulkRecorded(entries.length, label) });
    },
    [today, context, run, t],
  );

  return { busy, recordToday, recordBulk, todayMessage, bulkMessage };
}
