/**
 * The journal as an Excel table ("Journal des relances"): one row per entry.
 *
 * Layout 2: every fact a person or a judge reads has its own column (dates
 * as Excel serials, amounts in euros as numbers, French labels): the amount
 * and date of a payment, promise or plan, the reason of a dispute, the LRAR
 * number, who recorded the row and from which runtime (journalFacts.ts), and
 * the time of recording as an Excel date-time in the user's time zone, with
 * the UTC instant beside it (« Horodatage UTC ») that orders the rows. What
 * only the machine needs (a plan's instalments, a payment's split, the
 * client key, the step id, the runtime's counter) stays in a JSON "Détails"
 * column, with dates as ISO "aaaa-mm-jj" and amounts in euros. "Clé" holds
 * the entry id.
 *
 * Layout 1 (before): the instant as UTC text in « Horodatage », and the
 * type-specific facts in « Détails » only. Its rows read as written (columns
 * are found by header; a blank fact column falls back to « Détails »), and a
 * table of layout 1 gains the new columns at its end on the next append.
 *
 * entryToRow and rowToEntry are exact inverses for every valid entry. A row
 * that cannot be read back (edited by hand, truncated) is reported with its
 * reasons and left out; it never stops the other rows from being read.
 *
 * Writing to Excel: every string of a row must go through asLiteralText (see
 * literalRow), otherwise a client named "=HYPERLINK(...)" or a note such as
 * "+33 6 12 34 56 78" would become a formula, and "00123" a number.
 */
import { epochDayToSerial } from "../calendar";
import { cellDisplay, CellError, readAmount, readDate } from "../ledger/cells";
import { clientKeyOf } from "../ledger/clientKey";
import { centsToEuros, type Cents } from "../money";
import { normalizeWords } from "../text";
import { ENTRY_TYPE_LABELS, ENTRY_TYPES, rowOrigin, validateEntry, type EntryType, type JournalEntry } from "./journal";
import { DETAIL_FIELDS, decodeDetail, encodeDetail, isObject } from "./journalDetails";
import { factCells, factFields, localDateTimeSerial, readFactCells, type FactKey } from "./journalFacts";
import { CHANNEL_LABELS, CHANNELS, findStepIndex, stepIndexById, type Channel, type Scenario } from "./scenario";

export const JOURNAL_SHEET_NAME = "Journal des relances";

export type JournalColumnKind = "text" | "date" | "dateTime" | "euros" | "json";

export interface JournalColumn {
  readonly key: "timestamp" | "date" | "client" | "invoices" | "type" | "step" | "channel" | "principal" | "penalties" | "indemnity" | "documentRef" | "note" | FactKey | "instant" | "details" | "id";
  readonly header: string;
  /** How the excel layer formats the column: text, Excel date, date-time, "# ##0,00 €", JSON text. */
  readonly kind: JournalColumnKind;
  /** Added by layout 2: a table written by layout 1 lacks it, and that is no damage. */
  readonly since2?: true;
}

export const JOURNAL_COLUMNS: readonly JournalColumn[] = [
  { key: "timestamp", header: "Horodatage", kind: "dateTime" },
  { key: "date", header: "Date", kind: "date" },
  { key: "client", header: "Client", kind: "text" },
  { key: "invoices", header: "Factures", kind: "text" },
  { key: "type", header: "Type", kind: "text" },
  { key: "step", header: "Étape", kind: "text" },
  { key: "channel", header: "Canal", kind: "text" },
  { key: "principal", header: "Principal", kind: "euros" },
  { key: "penalties", header: "Pénalités", kind: "euros" },
  { key: "indemnity", header: "Indemnité", kind: "euros" },
  { key: "documentRef", header: "Référence document", kind: "text" },
  { key: "note", header: "Note", kind: "text" },
  { key: "amount", header: "Montant", kind: "euros", since2: true },
  { key: "due", header: "Échéance", kind: "date", since2: true },
  { key: "reason", header: "Motif ou issue", kind: "text", since2: true },
  { key: "breakdown", header: "Répartition", kind: "text", since2: true },
  { key: "lrar", header: "N° LRAR", kind: "text", since2: true },
  { key: "by", header: "Par", kind: "text", since2: true },
  { key: "runtime", header: "Poste", kind: "text", since2: true },
  { key: "instant", header: "Horodatage UTC", kind: "text", since2: true },
  { key: "details", header: "Détails", kind: "json" },
  { key: "id", header: "Clé", kind: "text" },
];

export const JOURNAL_HEADERS: readonly string[] = JOURNAL_COLUMNS.map((column) => column.header);

/** The headers of layout 1, in its order (journals written before layout 2). */
export const JOURNAL_HEADERS_V1: readonly string[] = JOURNAL_COLUMNS.filter((column) => !column.since2).map((column) => column.header);

/** The header that tells a layout-2 table: with it, every column is expected. */
const LAYOUT2_MARK = "Horodatage UTC";

/** A row as Range.values holds it: text, numbers (serials, euros), "" for blank. */
export type JournalRow = Array<string | number>;

const COLUMN_INDEX = Object.fromEntries(JOURNAL_COLUMNS.map((column, index) => [column.key, index])) as Record<JournalColumn["key"], number>;

const INVOICE_SEPARATOR = "; ";
/** 2: facts with a column are no longer repeated here, nor the origin's who and runtime. */
const DETAILS_VERSION = 2;

// ---------------------------------------------------------------------------
// Text that must stay text.

/**
 * The value to write to a cell so that Excel keeps `text` exactly as text.
 *
 * Excel reads what is written to Range.values the way it reads typing: "=..."
 * or "@..." becomes a formula, "+33 6..." or "-5" a number or a formula,
 * "00123" the number 123, "12/03" or "mars 2026" a date, "VRAI" a boolean.
 * A leading apostrophe is Excel's own "this is text" mark: it is not part of
 * the stored value, Range.values reads back `text` without it, and the
 * formula bar shows it. Since which texts Excel converts depends on the
 * user's locale, every non-empty text is marked, not only those starting
 * with = + - @.
 *
 * Use it for every piece of user text written to a cell (journal, reports,
 * letters' merge sheets). Do not apply it twice. The empty text stays empty.
 */
export function asLiteralText(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/** A journal row ready for Range.values: every string marked as literal text. */
export function literalRow(row: readonly (string | number)[]): Array<string | number> {
  return row.map((cell) => (typeof cell === "string" ? asLiteralText(cell) : cell));
}

// ---------------------------------------------------------------------------

export interface RowOptions {
  /**
   * Minutes the user's time zone is ahead of UTC at an instant (ms): what
   * « Horodatage » shows. The pane passes its clock's (-getTimezoneOffset());
   * default UTC.
   */
  readonly utcOffsetMinutes?: (instantMs: number) => number;
}

/**
 * The table row of an entry. With a scenario, the "Étape" column shows the
 * step's label (the id stays in "Détails", so renaming a step later does not
 * break the history).
 */
export function entryToRow(entry: JournalEntry, scenario?: Scenario, options: RowOptions = {}): JournalRow {
  const row: JournalRow = new Array<string | number>(JOURNAL_COLUMNS.length).fill("");
  const set = (key: JournalColumn["key"], value: string | number | undefined) => {
    if (value !== undefined) row[COLUMN_INDEX[key]] = value;
  };
  set("id", entry.id);
  set("instant", entry.timestamp);
  const instantMs = Date.parse(entry.timestamp);
  set("timestamp", localDateTimeSerial(entry.timestamp, options.utcOffsetMinutes?.(instantMs) ?? 0));
  set("date", epochDayToSerial(entry.date));
  set("client", entry.client);
  set("invoices", entry.invoices.join(INVOICE_SEPARATOR));
  set("type", ENTRY_TYPE_LABELS[entry.type]);
  if (entry.stepId !== undefined) {
    const index = scenario ? stepIndexById(scenario, entry.stepId) : undefined;
    set("step", index === undefined ? entry.stepId : scenario![index].label);
  }
  set("channel", entry.channel && CHANNEL_LABELS[entry.channel]);
  set("principal", entry.principal === undefined ? undefined : centsToEuros(entry.principal));
  set("penalties", entry.penalties === undefined ? undefined : centsToEuros(entry.penalties));
  set("indemnity", entry.indemnity === undefined ? undefined : centsToEuros(entry.indemnity));
  set("documentRef", entry.documentRef);
  set("note", entry.note);
  for (const [key, value] of Object.entries(factCells(entry)) as Array<[FactKey, string | number | undefined]>) set(key, value);

  const details: Record<string, unknown> = { v: DETAILS_VERSION, clientKey: entry.clientKey };
  if (entry.stepId !== undefined) details.stepId = entry.stepId;
  // Who and which runtime have their columns (« Par », « Poste »); the rest of the origin is the machine's.
  if (entry.origin !== undefined) {
    const { by: _by, runtime: _runtime, ...rest } = entry.origin;
    details.origin = rest;
  }
  const inColumns = factFields(entry.type);
  const record = entry as unknown as Record<string, unknown>;
  for (const [field, kind] of Object.entries(DETAIL_FIELDS[entry.type])) {
    if (record[field] !== undefined && !inColumns.has(field)) details[field] = encodeDetail(kind, record[field]);
  }
  set("details", JSON.stringify(details));
  return row;
}

const TYPE_BY_WORDS = new Map<string, EntryType>(ENTRY_TYPES.flatMap((type) => [[normalizeWords(ENTRY_TYPE_LABELS[type]), type], [normalizeWords(type), type]]));
const CHANNEL_BY_WORDS = new Map<string, Channel>(CHANNELS.flatMap((channel) => [[normalizeWords(CHANNEL_LABELS[channel]), channel], [channel, channel]]));

export type RowReading = { ok: true; entry: JournalEntry } | { ok: false; errors: string[] };

/** A text cell as written: numbers turn back into their digits, "" is absent. */
function textCell(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads a table row back into an entry, or says why it cannot. `scenario`
 * lets a row typed by hand name its step by label ("Relance 2") when
 * "Détails" has no step id.
 */
export function rowToEntry(row: readonly unknown[], scenario?: Scenario): RowReading {
  const errors: string[] = [];
  const cell = (key: JournalColumn["key"]): unknown => row[COLUMN_INDEX[key]];
  const header = (key: JournalColumn["key"]) => JOURNAL_COLUMNS[COLUMN_INDEX[key]].header;

  let details: Record<string, unknown> = {};
  const detailsText = textCell(cell("details"));
  if (detailsText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(detailsText);
      if (isObject(parsed)) details = parsed;
      else errors.push("Détails : objet JSON attendu");
    } catch {
      errors.push("Détails : JSON illisible");
    }
  }

  const typeText = textCell(cell("type"));
  const type = typeText === undefined ? undefined : TYPE_BY_WORDS.get(normalizeWords(typeText));
  if (type === undefined) errors.push(`Type : ${typeText === undefined ? "manquant" : `« ${typeText} » inconnu`}`);

  const date = readDate(cell("date"));
  if (date instanceof CellError) errors.push(`Date : ${date.reason}`);

  const amount = (key: "principal" | "penalties" | "indemnity"): Cents | undefined => {
    const read = readAmount(cell(key));
    if (read instanceof CellError) {
      errors.push(`${header(key)} : ${read.reason}`);
      return undefined;
    }
    return read;
  };

  const client = textCell(cell("client"));
  const channelText = textCell(cell("channel"));
  const channel = channelText === undefined ? undefined : CHANNEL_BY_WORDS.get(normalizeWords(channelText));
  if (channelText !== undefined && channel === undefined) errors.push(`Canal : « ${channelText} » inconnu`);

  let stepId = typeof details.stepId === "string" ? details.stepId : undefined;
  const stepText = textCell(cell("step"));
  if (stepId === undefined && stepText !== undefined) {
    const index = scenario ? findStepIndex(scenario, stepText) : undefined;
    if (index !== undefined && index >= 0) stepId = scenario![index].id;
    else errors.push(`Étape : « ${stepText} » n'est pas une étape du scénario`);
  }

  const invoicesText = textCell(cell("invoices"));
  // Layout 2 keeps the instant in « Horodatage UTC » (« Horodatage » is then a local date-time); layout 1 in « Horodatage ».
  const rawTimestamp = cell("timestamp");
  const instant = textCell(cell("instant")) ?? (typeof rawTimestamp === "string" ? textCell(rawTimestamp) : undefined);
  if (instant === undefined && typeof rawTimestamp === "number") errors.push(`${header("instant")} : manquant (l'heure locale seule ne suffit pas à ordonner le journal)`);
  const storedOrigin = isObject(details.origin) ? details.origin : undefined;
  const originCandidate = storedOrigin && { ...storedOrigin, by: textCell(cell("by")) ?? storedOrigin.by, runtime: textCell(cell("runtime")) ?? storedOrigin.runtime };
  const candidate: Record<string, unknown> = {
    id: textCell(cell("id")),
    timestamp: instant,
    date: date instanceof CellError ? undefined : date,
    client,
    clientKey: typeof details.clientKey === "string" ? details.clientKey : client === undefined ? undefined : clientKeyOf(client),
    invoices: invoicesText === undefined ? [] : invoicesText.split(";").map((numero) => numero.trim()),
    type,
    stepId,
    channel,
    principal: amount("principal"),
    penalties: amount("penalties"),
    indemnity: amount("indemnity"),
    documentRef: textCell(cell("documentRef")),
    note: textCell(cell("note")),
    // Lenient: an origin edited by hand is dropped, the row stays readable.
    origin: rowOrigin.safeParse(originCandidate).success ? originCandidate : undefined,
  };
  if (type !== undefined) {
    for (const [field, kind] of Object.entries(DETAIL_FIELDS[type])) {
      if (details[field] !== undefined) candidate[field] = decodeDetail(kind, details[field]);
    }
    // A fact's own column wins over « Détails » (where layout 1 kept it).
    const facts = readFactCells(type, (key) => cell(key), (key) => textCell(cell(key)), (key) => header(key));
    errors.push(...facts.errors);
    Object.assign(candidate, facts.fields);
  }
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  if (errors.length > 0) return { ok: false, errors };
  const validated = validateEntry(candidate);
  return validated.ok ? validated : { ok: false, errors: validated.errors };
}

// ---------------------------------------------------------------------------

export interface DamagedJournalRow {
  /** 1-based Excel row number when known, else the 1-based position in the table body. */
  readonly sheetRow: number;
  readonly errors: readonly string[];
  /** The row's cells as the user sees them, to show beside the errors. */
  readonly cells: readonly string[];
}

export interface JournalReading {
  readonly entries: JournalEntry[];
  readonly damaged: DamagedJournalRow[];
  /** Columns the table lacks (renamed or deleted): their values read as blank. */
  readonly missingColumns: readonly string[];
}

/**
 * Reads the whole table. Columns are found by their header, so a user who
 * moved a column loses nothing; blank rows are skipped; damaged rows are
 * listed, never thrown.
 */
export function readJournal(
  headers: readonly unknown[] | undefined,
  rows: ReadonlyArray<readonly unknown[]>,
  options: { firstSheetRow?: number; sheetRows?: readonly number[]; scenario?: Scenario } = {},
): JournalReading {
  // Without headers, rows of layout 1's width are read with layout 1.
  const assumed = rows.length > 0 && rows[0].length === JOURNAL_HEADERS_V1.length ? JOURNAL_HEADERS_V1 : JOURNAL_HEADERS;
  const keys = (headers ?? assumed).map((header) => normalizeWords(String(header ?? "")));
  const positions = JOURNAL_COLUMNS.map((column) => keys.indexOf(normalizeWords(column.header)));
  const layout2 = keys.includes(normalizeWords(LAYOUT2_MARK));
  const missingColumns = JOURNAL_COLUMNS.filter((column, i) => positions[i] < 0 && (layout2 || !column.since2)).map((column) => column.header);
  const reordered = positions.every((position, i) => position === i);

  const entries: JournalEntry[] = [];
  const damaged: DamagedJournalRow[] = [];
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    if (raw.every((value) => value === "" || value === null || value === undefined)) continue;
    const row = reordered ? raw : positions.map((position) => (position < 0 ? "" : raw[position]));
    const reading = rowToEntry(row, options.scenario);
    if (reading.ok) entries.push(reading.entry);
    else {
      damaged.push({
        sheetRow: options.sheetRows?.[r] ?? (options.firstSheetRow ?? 1) + r,
        errors: reading.errors,
        cells: raw.map(cellDisplay),
      });
    }
  }
  return { entries, damaged, missingColumns };
}
