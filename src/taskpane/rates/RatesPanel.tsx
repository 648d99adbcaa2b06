/**
 * Known rates per semester, and the entry of the ones our sources do not
 * have yet. Presentational: saving goes through the `onSave` it is given.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { semesterKey, semesterLabel, semesterOf, type EpochDay, type SemesterIndex } from "../../core/calendar";
import { formatRateFr, RATE_SCALE } from "../../core/money";
import { parseNumberText } from "../../core/numberText";
import { RATE_KINDS, type RateKind } from "../../core/rates/kinds";
import type { RateBook } from "../../core/rates/rateBook";
import type { UserRates, UserRatesResult } from "../../core/rates/userRates";
import { PENALTY_MARGIN } from "../../core/interest";
import { useStrings } from "../i18n";
import { supersededLines } from "./differences";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  // Stacked: three inputs side by side do not fit a 350 px pane.
  inputs: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { fontVariantNumeric: "tabular-nums" },
  nowrap: { whiteSpace: "nowrap" },
  rate: { display: "inline-flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
  header: { verticalAlign: "bottom", lineHeight: tokens.lineHeightBase200 },
  differences: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Semesters shown: recent history, the current one and the next. */
const FIRST_SHOWN = 2023 * 2;

export interface RatesPanelProps {
  readonly book: RateBook;
  readonly today: EpochDay;
  readonly storedErrors: readonly string[];
  readonly onSave: (rates: UserRates) => Promise<UserRatesResult>;
}

type Draft = Record<RateKind, string> & { source: string };

function rateText(book: RateBook, kind: RateKind, semester: SemesterIndex, margin = 0): string | undefined {
  const rate = book.rate(kind, semester);
  return rate === undefined ? undefined : formatRateFr((rate + margin) / RATE_SCALE);
}

export function RatesPanel({ book, today, storedErrors, onSave }: RatesPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const current = semesterOf(today);
  const lastShown = Math.max(current + 1, ...RATE_KINDS.map((kind) => book.semesters(kind).at(-1)?.semester ?? current));
  const semesters = useMemo(() => {
    const list: SemesterIndex[] = [];
    for (let s = lastShown; s >= FIRST_SHOWN; s--) list.push(s);
    return list;
  }, [lastShown]);
  const open = semesters.filter((s) => RATE_KINDS.some((kind) => book.rate(kind, s) === undefined) && s <= current + 1);
  const [chosen, setChosen] = useState<SemesterIndex | undefined>(open.at(-1));
  // Once a semester is complete it leaves the list: the form moves to the next one still open.
  const editing = chosen !== undefined && open.includes(chosen) ? chosen : open.at(-1);
  const [draft, setDraft] = useState<Draft>({ bce: "", legalParticulier: "", legalAutres: "", source: "" });
  const [outcome, setOutcome] = useState<{ ok: boolean; messages: string[] } | undefined>();
  const [saving, setSaving] = useState(false);
  const superseded = useMemo(() => supersededLines(book, t), [book, t]);

  const save = async () => {
    if (editing === undefined) return;
    const entry: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const kind of RATE_KINDS) {
      if (book.rate(kind, editing) !== undefined || draft[kind].trim() === "") continue;
      const percent = parseNumberText(draft[kind].replace("%", ""), false);
      if (percent === undefined) problems.push(`${draft[kind]} : nombre attendu (ex. 2,15)`);
      else entry[kind] = Math.round(percent * 10_000) / 1_000_000;
    }
    if (problems.length) return setOutcome({ ok: false, messages: problems });
    if (draft.source.trim()) entry.source = draft.source.trim();
    const previous = book.userRates ?? { version: 1 as const, semestres: {} };
    const next: UserRates = {
      version: 1,
      semestres: { ...previous.semestres, [semesterKey(editing)]: { ...previous.semestres[semesterKey(editing)], ...entry } },
    };
    setSaving(true);
    try {
      const result = await onSave(next);
      setOutcome(result.ok ? { ok: true, messages: [t.ratesSaved(semesterLabel(editing))] } : { ok: false, messages: result.errors });
      if (result.ok) setDraft({ bce: "", legalParticulier: "", legalAutres: "", source: "" });
    } catch (error) {
      setOutcome({ ok: false, messages: [(error as Error).message] });
    } finally {
      setSaving(false);
    }
  };

  const cell = (kind: RateKind, semester: SemesterIndex, margin = 0) => {
    const text = rateText(book, kind, semester, margin);
    if (text === undefined)
      return (
        <Badge appearance="outline" color="warning" className={styles.nowrap}>
          {t.ratesMissing}
        </Badge>
      );
    // The badge goes under the rate: beside it, it would run into the next column.
    return (
      <span className={styles.rate}>
        <span className={styles.nowrap}>{text}</span>
        {book.origin(kind, semester) === "utilisateur" && (
          <Badge appearance="tint" color="informative" size="small">
            {t.ratesUser}
          </Badge>
        )}
      </span>
    );
  };

  return (
    <section className={styles.root} aria-label={t.tabRates}>
      <Text>{t.ratesIntro}</Text>
      {storedErrors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.ratesStoredDamaged} {storedErrors.join(" ; ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {superseded.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.ratesSuperseded}
            <ul className={styles.differences}>
              {superseded.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {open.length > 0 && (
        <div className={styles.form}>
          <Field label={t.ratesSemester}>
            <Select value={String(editing)} onChange={(_, data) => setChosen(Number(data.value))}>
              {open.map((s) => (
                <option key={s} value={s}>
                  {semesterLabel(s)}
                </option>
              ))}
            </Select>
          </Field>
          {editing !== undefined && (
            <>
              <Text weight="semibold">{t.ratesEnterFor(semesterLabel(editing))}</Text>
              <div className={styles.inputs}>
                {RATE_KINDS.map((kind) => {
                  const label = kind === "bce" ? t.ratesEcb : kind === "legalParticulier" ? t.ratesLegalPrivate : t.ratesLegalOther;
                  return (
                    <Field key={kind} label={label}>
                      {book.rate(kind, editing) !== undefined ? (
                        <Text>{rateText(book, kind, editing)}</Text>
                      ) : (
                        <Input
                          value={draft[kind]}
                          placeholder={t.percentPlaceholder}
                          contentAfter="%"
                          inputMode="decimal"
                          aria-label={`${label} — ${semesterLabel(editing)}`}
                          onChange={(_, data) => setDraft({ ...draft, [kind]: data.value })}
                        />
                      )}
                    </Field>
                  );
                })}
              </div>
              <Field label={t.ratesSource}>
                <Input value={draft.source} onChange={(_, data) => setDraft({ ...draft, source: data.value })} />
              </Field>
              <Button appearance="primary" onClick={save} disabled={saving}>
                {t.save}
              </Button>
            </>
          )}
          {outcome && (
            <MessageBar intent={outcome.ok ? "success" : "error"}>
              <MessageBarBody>
                {outcome.ok ? outcome.messages[0] : `${t.ratesInvalid} ${outcome.messages.join(" ; ")}`}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <div className={styles.scroll}>
        <Table size="extra-small" className={styles.table} aria-label={t.tabRates}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.header}>{t.ratesSemester}</TableHeaderCell>
              <TableHeaderCell className={styles.header}>{t.ratesEcb}</TableHeaderCell>
              <TableHeaderCell className={styles.header}>{t.ratesPenalty}</TableHeaderCell>
              <TableHeaderCell className={styles.header}>{t.ratesLegalPrivateShort}</TableHeaderCell>
              <TableHeaderCell className={styles.header}>{t.ratesLegalOtherShort}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {semesters.map((s) => (
              <TableRow key={s}>
                <TableCell className={styles.nowrap}>{semesterKey(s)}</TableCell>
                <TableCell>{cell("bce", s)}</TableCell>
                <TableCell>{cell("bce", s, PENALTY_MARGIN)}</TableCell>
                <TableCell>{cell("legalParticulier", s)}</TableCell>
                <TableCell>{cell("legalAutres", s)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
