/**
 * The worklist's state: the query (filters, sort, search), the view (all
 * cases or « Aujourd'hui »), and what they give. The filtering itself is the
 * core's (core/worklist); this hook only keeps the choices and memoises the
 * index (search texts, once per analysis) and the result (once per query).
 * The search is deferred: typing stays fluid while 5,000 cases are filtered.
 */
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { EpochDay } from "../../core/calendar";
import type { ClientCase } from "../../core/escalation/workflow";
import { applyQuery, DEFAULT_QUERY, indexCases, rateGaps, todayActions, type CaseFlag, type WorklistQuery } from "../../core/worklist";

export type WorklistView = "all" | "today";

export function useWorklist(cases: readonly ClientCase[], today: EpochDay) {
  const [query, setQuery] = useState<WorklistQuery>(DEFAULT_QUERY);
  const [creditBalances, setCreditBalances] = useState(false);
  const [view, setView] = useState<WorklistView>("all");
  const search = useDeferredValue(query.search);
  const index = useMemo(() => indexCases(cases), [cases]);
  const list = useMemo(() => applyQuery(index, { ...query, search }, today), [index, query, search, today]);
  const queue = useMemo(() => todayActions(cases), [cases]);
  const gaps = useMemo(() => rateGaps(cases), [cases]);

  const update = useCallback((patch: Partial<WorklistQuery>) => setQuery((current) => ({ ...current, ...patch })), []);
  const toggleFlag = useCallback(
    (flag: CaseFlag) => setQuery((current) => ({ ...current, flags: current.flags.includes(flag) ? current.flags.filter((f) => f !== flag) : [...current.flags, flag] })),
    [],
  );
  const clear = useCallback(() => {
    setQuery((current) => ({ ...DEFAULT_QUERY, sort: current.sort, reversed: current.reversed }));
    setCreditBalances(false);
  }, []);
  const filtered = query.flags.length > 0 || query.stepId !== undefined || query.bucket !== undefined || query.search.trim() !== "" || creditBalances;

  return { query, update, toggleFlag, clear, filtered, list, queue, gaps, view, setView, creditBalances, setCreditBalances };
}

export type WorklistState = ReturnType<typeof useWorklist>;
