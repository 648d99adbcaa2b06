/**
 * Types of the Office host double (office-double.js): the workbook state it
 * loads and exports, and its test API on window.__officeDouble. Type-only;
 * the double itself is plain JavaScript served in place of office.js.
 */

/** A cell in a state: a plain value, or the detailed form. */
export type CellSpec =
  | string
  | number
  | boolean
  | {
      /** Constant value (ignored when `f` is given). */
      v?: string | number | boolean;
      /** Formula, English syntax: "=SUM(A1:A3)". */
      f?: string;
      /** Error value: "#N/A", "#DIV/0!" ... */
      e?: string;
      /** Number format, invariant syntax: "dd/mm/yyyy", "#,##0.00 €". */
      nf?: string;
      style?: CellStyle;
      /** Exported only: the text was typed with a leading apostrophe. */
      quotePrefix?: boolean;
    };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  fontColor?: string;
  fontName?: string;
  fontSize?: number;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  /** Source range, sheet-qualified: "'Balance âgée'!A1:F12". */
  source: string;
  seriesBy: string;
  title: { text: string; visible: boolean };
  position: { startCell: string; endCell: string | null } | null;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Every property written to a sub-object, by path: { "axes.valueAxis.title.text": "€" }. */
  props: Record<string, unknown>;
  /** Every method called on the chart or a sub-object: { method: "setPosition", args: ["H2", "P20"] }. */
  calls: { method: string; args: unknown[] }[];
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  /** Address without the sheet: "F2:F40". */
  range: string;
  priority: number;
  stopIfTrue: boolean;
  /** Writes to sub-objects by path: { "cellValue.format.fill.color": "#FFC7CE", "cellValue.rule": {...} }. */
  props: Record<string, unknown>;
  calls: { method: string; args: unknown[] }[];
}

export interface SheetState {
  name: string;
  id?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Top-left cell of `data`, `formulas` and `numberFormats` (default "A1"). */
  origin?: string;
  /** Values, row by row, stored as they are (a string stays text, even "=..."). */
  data?: (string | number | boolean | null | CellSpec)[][];
  /** Formulas from `origin`; null for none. */
  formulas?: (string | null)[][];
  /** Number formats from `origin`; null for General. */
  numberFormats?: (string | null)[][];
  /** Individual cells by A1 address. This is the form getWorkbookState() exports. */
  cells?: Record<string, CellSpec>;
  /** The sheet's selection (the active sheet's is the workbook selection). */
  selected?: string;
  showGridlines?: boolean;
  tabColor?: string;
  /** Column widths in points, by column letter. */
  columnWidths?: Record<string, number>;
  frozen?: { rows: number; columns: number };
  charts?: ChartState[];
  conditionalFormats?: ConditionalFormatState[];
}

export interface TableState {
  name: string;
  id?: string;
  sheet: string;
  /** Whole table including the header row (and total row): "A1:J25". */
  address: string;
  /** Default true. */
  hasHeaders?: boolean;
  showTotals?: boolean;
  style?: string;
  /** Data rows; 0 = a table with only its header and Excel's empty insert row. Defaulted from the address. */
  dataRows?: number;
  /** Exported: the column names. */
  columns?: string[];
}

export interface WorkbookState {
  /** File name, "Classeur1.xlsx" by default. */
  name?: string;
  /** Regional settings used to type strings and display numbers: "fr-FR" (default) or "en-US". */
  culture?: string;
  /** Fixed clock for TODAY()/NOW() in formulas, ISO date. */
  now?: string;
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  sheets?: SheetState[];
  tables?: TableState[];
  /** Office.context.document.settings as last saved with saveAsync. */
  settings?: Record<string, unknown>;
  /** OfficeRuntime.storage (per machine, kept across a reopen). */
  runtimeStorage?: Record<string, string>;
}

export interface OfficeThemeLike {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme?: boolean;
  themeId?: string;
}

/** What the double is configured with before the page's scripts run. */
export interface OfficeDoubleConfig {
  state?: WorkbookState;
  /** Session token: a reload with the same token restores the state saved in sessionStorage. */
  token?: string;
  displayLanguage?: string;
  theme?: "light" | "dark" | OfficeThemeLike;
  /** Delay of every context.sync() round trip, ms (0: next macrotask). */
  latencyMs?: number;
  persist?: boolean;
  /** false: Office.context and Excel exist as soon as the script runs (default: only once Office is ready, as with Office.js). */
  strictStartup?: boolean;
}

export interface RangeSnapshot {
  address: string;
  values: (string | number | boolean)[][];
  text: string[][];
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
  valueTypes: string[][];
}

export interface ActionResult {
  name: string;
  completedCount: number;
  completedOptions: unknown[];
  error: string | null;
}

export interface FormulaCoercion {
  sheet: string;
  address: string;
  /** What the add-in wrote. */
  input: string;
  /** The formula Excel stored instead of text. */
  formula: string;
  via: "values" | "formulas";
}

export interface WriteRecord {
  sheet: string;
  address: string;
  kind: string;
}

/** window.__officeDouble */
export interface OfficeDoubleApi {
  readonly version: number;
  /** Office has finished loading: Office.context and Excel exist, Office.onReady has resolved. */
  readonly ready: boolean;
  loadWorkbook(state: WorkbookState): void;
  getWorkbookState(): WorkbookState & { sheets: (SheetState & { cells: Record<string, CellSpec> })[]; tables: TableState[] };
  /** Saves the state in sessionStorage for a reload with the same token (also done on pagehide). */
  persist(): void;
  readRange(sheet: string, address: string): RangeSnapshot;
  /** Values from A1 to the last used cell. */
  sheetValues(sheet: string): (string | number | boolean)[][];
  sheetNames(): string[];
  tableInfo(name: string): { name: string; id: string; sheet: string; address: string; headers: string[]; rowCount: number; rows: (string | number | boolean)[][] } | null;
  /** The user types into cells (strings typed as in Excel, "=..." are formulas); fires onChanged. */
  editCells(sheet: string, address: string, values: unknown[][]): void;
  /** The user selects a range; fires the selection events. */
  setSelection(sheet: string, address: string): Promise<void>;
  getSelection(): { sheet: string; address: string };
  /** Host round trips: context.sync() calls that carried at least one operation (Excel.run's final flush included). Assignable. */
  syncCount: number;
  /** Every context.sync() the add-in called, empty ones included. */
  readonly syncCalls: number;
  resetSyncCount(): void;
  readonly calculateCalls: { type: string; at: number }[];
  /** Strings written through Range.values / table rows that Excel turned into formulas. */
  readonly formulaCoercions: FormulaCoercion[];
  readonly writes: WriteRecord[];
  clearLogs(): void;
  /** Names associated with Office.actions.associate. */
  readonly actions: string[];
  invokeAction(name: string, options?: { timeoutMs?: number; settleMs?: number }): Promise<ActionResult>;
  readonly actionLog: ActionResult[];
  readonly addinCalls: { method: string; at: number; [k: string]: unknown }[];
  readonly taskpaneVisible: boolean;
  setDisplayLanguage(language: string): void;
  setTheme(theme: "light" | "dark" | OfficeThemeLike): void;
  setCulture(name: string): void;
  setNow(iso: string | null): void;
  setLatency(ms: number): void;
  /** The next round trip fails with this error code (afterApply: its operations are applied first, then it fails). */
  failNextSync(code?: string, message?: string, options?: { afterApply?: boolean }): void;
  failNextSettingsSave(count?: number): void;
  /** Excel on the web's payload limit (bytes), or null for none (default). */
  setPayloadLimit(bytes: number | null): void;
  setRequirementSet(name: string, version: string | null): void;
  readonly settingsSaves: number;
  settingsSnapshot(): { saved: Record<string, unknown>; inMemory: Record<string, unknown> | null };
  readonly customFunctionIds: string[];
  callCustomFunction(id: string, ...args: unknown[]): unknown;
  setCustomFunctionsMetadata(json: unknown): void;
  readonly dialogs: { url: string; options: unknown; closed: boolean; sent: unknown[] }[];
  messageFromDialog(index: number, message: string): void;
  readonly runtimeStorage: Record<string, string>;
}

declare global {
  interface Window {
    __officeDouble: OfficeDoubleApi;
    __officeDoubleConfig?: OfficeDoubleConfig;
    __officeDoubleInitialState?: WorkbookState;
  }
}
