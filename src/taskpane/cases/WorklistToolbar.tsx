/**
 * Search, sort and filters of the worklist. Every control is a native one
 * (input, select, toggle buttons), reachable with Tab and worked with the
 * keyboard; « / » anywhere outside a field puts the cursor in the search.
 * Presentational: the query in, changes out (useWorklist keeps them).
 */
import { Button, Field, SearchBox, Select, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { bucketLabels, DEFAULT_BOUNDS } from "../../core/aging";
import type { Scenario } from "../../core/escalation/scenario";
import { CASE_FLAGS, SORT_KEYS, type CaseFlag, type SortKey, type WorklistQuery } from "../../core/worklist";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "140px" },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  chip: { whiteSpace: "nowrap" },
});

const BUCKETS = bucketLabels(DEFAULT_BOUNDS);

export interface WorklistToolbarProps {
  readonly query: WorklistQuery;
  readonly scenario: Scenario;
  readonly creditBalances: boolean;
  /** Whether the list has clients in credit at all (the filter is offered only then). */
  readonly hasCreditBalances: boolean;
  readonly filtered: boolean;
  readonly onChange: (patch: Partial<WorklistQuery>) => void;
  readonly onToggleFlag: (flag: CaseFlag) => void;
  readonly onCreditBalances: (on: boolean) => void;
  readonly onClear: () => void;
}

function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function WorklistToolbar({ query, scenario, creditBalances, hasCreditBalances, filtered, onChange, onToggleFlag, onCreditBalances, onClear }: WorklistToolbarProps) {
  const t = useStrings();
  const styles = useStyles();
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isField(event.target)) return;
      event.preventDefault();
      search.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className={styles.root} role="search" aria-label={t.worklistFilters}>
      <div className={styles.row}>
        <SearchBox
          ref={search}
          className={styles.grow}
          aria-label={t.worklistSearch}
          placeholder={t.worklistSearch}
          title={t.worklistSearchHint}
          value={query.search}
          onChange={(_, data) => onChange({ search: data.value })}
        />
      </div>
      <div className={styles.row}>
        <Field label={t.worklistSort} size="small">
          <Select size="small" value={query.sort} onChange={(_, data) => onChange({ sort: data.value as SortKey })}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t.worklistSortLabels[key]}
              </option>
            ))}
          </Select>
        </Field>
        <ToggleButton size="small" style={{ minWidth: "auto" }} checked={query.reversed} aria-label={t.worklistReverse} title={t.worklistReverse} onClick={() => onChange({ reversed: !query.reversed })}>
          {query.reversed ? "↑" : "↓"}
        </ToggleButton>
        <Field label={t.worklistStep} size="small">
          <Select size="small" value={query.stepId ?? ""} onChange={(_, data) => onChange({ stepId: data.value || undefined })}>
            <option value="">{t.worklistAnyStep}</option>
            {scenario.map((step) => (
              <option key={step.id} value={step.id}>
                {step.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.worklistBucket} size="small">
          <Select size="small" value={query.bucket === undefined ? "" : String(query.bucket)} onChange={(_, data) => onChange({ bucket: data.value === "" ? undefined : Number(data.value) })}>
            <option value="">{t.worklistAnyBucket}</option>
            {BUCKETS.map((label, index) => (
              <option key={label} value={index}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.chips} role="group" aria-label={t.worklistFilters}>
        {CASE_FLAGS.map((flag) => (
          <ToggleButton key={flag} className={styles.chip} size="small" shape="circular" checked={query.flags.includes(flag)} onClick={() => onToggleFlag(flag)}>
            {t.worklistFlagLabels[flag]}
          </ToggleButton>
        ))}
        {hasCreditBalances && (
          <ToggleButton className={styles.chip} size="small" shape="circular" checked={creditBalances} onClick={() => onCreditBalances(!creditBalances)}>
            {t.worklistCreditBalance}
          </ToggleButton>
        )}
        {filtered && (
          <Button size="small" appearance="subtle" onClick={onClear}>
            {t.worklistClear}
          </Button>
        )}
      </div>
    </div>
  );
}
