/**
 * The facts of a journal entry that a person reads in their own column
 * (journalRows.ts lays the table out): the amount and the date of a payment,
 * a promise or a plan, the reason of a dispute or the outcome of a call, the
 * split of a payment or a plan in words, the registered letter's number, who
 * recorded the row and from which runtime, and the recording time in the
 * user's time zone.
 *
 * A fact that has a column is written there only, not again in « Détails »:
 * one place per fact, so a person correcting a cell corrects the fact. On
 * reading, the column wins; when it is blank, « Détails » is read, which is
 * where version 1 of the layout kept these facts (older journals read as
 * they were written). Lists (a plan's instalments, a payment's split) stay
 * in « Détails » as the machine's truth; « Répartition » shows them in words.
 */
import { epochDayToSerial, formatDateFr, type EpochDay } from "../calendar";
import { CellError, readAmount, readDate } from "../ledger/cells";
import { centsToEuros, formatCentsFr, type Cents } from "../money";
import { normalizeWords } from "../text";
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, PROCEDURE_LABELS, PROCEDURES, type EntryType, type JournalEntry } from "./journal";

/** The fact columns' keys; journalRows.ts gives them headers and positions. */
export type FactKey = "amount" | "due" | "reason" | "breakdown" | "lrar" | "by" | "runtime";

/** Per type, which entry field each fact column holds (the field leaves « Détails »). */
const FIELD_OF: Readonly<Record<EntryType, Partial<Record<"amount" | "due" | "reason" | "lrar", string>>>> = {
  step: { lrar: "lrar" },
  call: { reason: "outcome" },
  promise: { amount: "amount", due: "until" },
  dispute: { reason: "reason" },
  disputeResolved: { reason: "resolution" },
  plan: {},
  payment: { amount: "amount" },
  acknowledgment: {},
  legalAction: { reason: "procedure" },
  document: { lrar: "lrar" },
  start: {},
};

/** Entry fields a fact column holds for this type: « Détails » need not repeat them. */
export function factFields(type: EntryType): ReadonlySet<string> {
  return new Set(Object.values(FIELD_OF[type]));
}

type Cell = string | number | undefined;

const OUTCOME_BY_WORDS = new Map(CALL_OUTCOMES.map((o) => [normalizeWords(CALL_OUTCOME_LABELS[o]), o]));
const PROCEDURE_BY_WORDS = new Map(PROCEDURES.map((p) => [normalizeWords(PROCEDURE_LABELS[p]), p]));

/** The readable cells of an entry, by fact column. */
export function factCells(entry: JournalEntry): Record<FactKey, Cell> {
  const cells: Record<FactKey, Cell> = { amount: undefined, due: undefined, reason: undefined, breakdown: undefined, lrar: undefined, by: entry.origin?.by, runtime: entry.origin?.runtime };
  const euros = (cents: Cents) => centsToEuros(cents);
  switch (entry.type) {
    case "step":
      cells.lrar = entry.lrar;
      break;
    case "call":
      cells.reason = CALL_OUTCOME_LABELS[entry.outcome];
      break;
    case "promise":
      cells.amount = euros(entry.amount);
      cells.due = epochDayToSerial(entry.until);
      break;
    case "dispute":
      cells.reason = entry.reason;
      break;
    case "disputeResolved":
      cells.reason = entry.resolution;
      break;
    case "plan":
      // Shown, not read back: the instalments in « Détails » are the plan.
      cells.amount = euros(entry.instalments.reduce((sum, item) => sum + item.amount, 0));
      cells.due = epochDayToSerial(entry.instalments[0].date);
      cells.breakdown = entry.instalments.map((item) => `${formatDateFr(item.date)} : ${formatCentsFr(item.amount)}`).join(" ; ");
      break;
    case "payment":
      cells.amount = euros(entry.amount);
      cells.breakdown = entry.allocations.map((item) => `${item.invoice} : ${formatCentsFr(item.amount)}`).join(" ; ");
      break;
    case "legalAction":
      cells.reason = PROCEDURE_LABELS[entry.procedure];
      break;
    case "document":
      cells.lrar = entry.lrar;
      break;
  }
  return cells;
}

export interface FactReading {
  /** Entry fields read from the fact columns (absent when the cell is blank). */
  readonly fields: Record<string, unknown>;
  readonly errors: string[];
}

/**
 * Reads the fact columns of a row of type `type`. `text` is the cell as
 * text (blank: undefined), `raw` the cell as stored, `header` its name for
 * messages.
 */
export function readFactCells(type: EntryType, raw: (key: FactKey) => unknown, text: (key: FactKey) => string | undefined, header: (key: FactKey) => string): FactReading {
  const fields: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, field] of Object.entries(FIELD_OF[type]) as Array<[FactKey, string]>) {
    if (key === "amount") {
      const read = readAmount(raw(key));
      if (read instanceof CellError) errors.push(`${header(key)} : ${read.reason}`);
      else if (read !== undefined) fields[field] = read;
    } else if (key === "due") {
      const read = readDate(raw(key));
      if (read instanceof CellError) errors.push(`${header(key)} : ${read.reason}`);
      else if (read !== undefined) fields[field] = read satisfies EpochDay;
    } else {
      const value = text(key);
      if (value === undefined) continue;
      if (type === "call" || type === "legalAction") {
        const words = normalizeWords(value);
        const known = type === "call" ? (OUTCOME_BY_WORDS.get(words) ?? CALL_OUTCOMES.find((o) => o === value)) : (PROCEDURE_BY_WORDS.get(words) ?? PROCEDURES.find((p) => p === value));
        if (known === undefined) errors.push(`${header(key)} : « ${value} » inconnu`);
        else fields[field] = known;
      } else fields[field] = value;
    }
  }
  return { fields, errors };
}

// ---------------------------------------------------------------------------
// The recording time, as the user's clock showed it.

const MS_PER_DAY = 86_400_000;

/**
 * The Excel date-time (serial with the time as a fraction, to the second) of
 * an ISO instant in a time zone `offsetMinutes` ahead of UTC (Paris in
 * summer: 120). Undefined for an unreadable instant.
 */
export function localDateTimeSerial(iso: string, offsetMinutes: number): number | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const seconds = Math.floor((ms + offsetMinutes * 60_000) / 1000);
  const day = Math.floor((seconds * 1000) / MS_PER_DAY);
  const secondOfDay = seconds - day * 86_400;
  return epochDayToSerial(day) + secondOfDay / 86_400;
}
