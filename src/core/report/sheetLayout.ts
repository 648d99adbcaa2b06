/**
 * The "Balance âgée" sheet, laid out cell by cell from an AgingReport, with
 * no Office call: what src/excel/agingReport.ts writes, and what the tests
 * can check without Excel.
 *
 *   A1   title « Balance âgée au 31/03/2025 »
 *   A2   note: made by Recouvre, replaced at each refresh
 *   A4   indicators (label, value, detail), then the invoices per last
 *        step done
 *   …
 *   Ar   « Balance âgée par client »
 *   Ar+1 the Excel table RecouvreBalanceAgee: Client | buckets… | En litige |
 *        Total | Part du total | Pénalités réclamables, its totals row, and
 *        notes below it
 *        beside it: the two charts, then the data they plot (bucket amounts,
 *        top 10 debtors), so each chart's source is one contiguous range.
 *
 * Every text written goes through asLiteralText (a client named "=…" stays
 * text); amounts are euros as numbers (cents / 100, exact to the cent), the
 * share a fraction shown as a percentage, the date an Excel serial.
 * Number formats use Office.js's invariant syntax.
 */
import { epochDayToSerial, formatDateFr } from "../calendar";
import { asLiteralText } from "../escalation/journalRows";
import { centsToEuros, formatCentsFr, type Cents } from "../money";
import type { AgingReport } from "./agingReport";
import { revenueMonths } from "./dso";

export const REPORT_SHEET_NAME = "Balance âgée";
/** The sheet's name when the user already has a sheet "Balance âgée" of their own. */
export const REPORT_SHEET_FALLBACK_NAME = "Balance âgée (Recouvre)";
/**
 * The table that marks the add-in's sheet. A table name is saved in the file,
 * unique in the workbook and survives renaming or moving the sheet, whereas a
 * worksheet id changes from one session to the next (office-js-docs#297).
 */
export const REPORT_TABLE_NAME = "RecouvreBalanceAgee";
export const BUCKET_CHART_NAME = "RecouvreTranches";
export const TOP_CHART_NAME = "RecouvreTop10";

export const FORMATS = {
  euros: '#,##0.00 "€"',
  share: "0.0%",
  date: "dd/mm/yyyy",
  days: '0.0 "j"',
  count: "0",
  general: "General",
} as const;

export type Cell = string | number;

export interface CellRange {
  /** 0-based, as Worksheet.getRangeByIndexes takes them. */
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface CellBlock extends CellRange {
  readonly values: Cell[][];
  readonly numberFormats: string[][];
  readonly style?: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly color?: string };
  /** First row bold (a header). */
  readonly headerBold?: boolean;
}

export interface ChartSpec {
  readonly name: string;
  /** Excel.ChartType values. */
  readonly type: "ColumnStacked" | "BarClustered";
  readonly source: CellRange;
  readonly seriesBy: "Columns";
  readonly title: string;
  /** Top-left and bottom-right cells the chart covers (Chart.setPosition). */
  readonly from: { readonly row: number; readonly column: number };
  readonly to: { readonly row: number; readonly column: number };
  readonly valueAxisFormat: string;
  /** Bar chart: first category at the top. */
  readonly reverseCategories: boolean;
  readonly legend: "Bottom" | "None";
}

export interface ConditionalFillSpec {
  readonly range: CellRange;
  /** Cell value greater than this: fill and font colour. */
  readonly greaterThan: number;
  readonly fill: string;
  readonly fontColor: string;
}

export interface ReportTableSpec {
  readonly name: string;
  /** Header and body, without the totals row (Excel adds it below). */
  readonly range: CellRange;
  readonly values: Cell[][];
  readonly numberFormats: string[][];
  readonly totals: Cell[];
  readonly totalsFormats: string[];
  readonly style: string;
  /** Body rows (at least 1: an empty report keeps one blank row, as Excel tables do). */
  readonly bodyRows: number;
}

export interface ReportSheetLayout {
  readonly title: string;
  readonly blocks: readonly CellBlock[];
  readonly table: ReportTableSpec;
  readonly conditionalFormats: readonly ConditionalFillSpec[];
  readonly charts: readonly ChartSpec[];
  /** Ranges whose columns are autofitted (titles, notes and details are left out: their text overflows). */
  readonly autofit: readonly CellRange[];
}

/**
 * The name to give a new report sheet: "Balance âgée", or when a sheet of
 * the user's has it (Excel compares names case-insensitively),
 * "Balance âgée (Recouvre)", then "Balance âgée (Recouvre) 2", 3…
 */
export function reportSheetName(existing: readonly string[]): { name: string; defaultTaken: boolean } {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase("fr")));
  const free = (name: string) => !taken.has(name.toLocaleLowerCase("fr"));
  if (free(REPORT_SHEET_NAME)) return { name: REPORT_SHEET_NAME, defaultTaken: false };
  if (free(REPORT_SHEET_FALLBACK_NAME)) return { name: REPORT_SHEET_FALLBACK_NAME, defaultTaken: true };
  for (let i = 2; ; i++) {
    const name = `${REPORT_SHEET_FALLBACK_NAME} ${i}`;
    if (free(name)) return { name, defaultTaken: true };
  }
}

const MONTHS_SHORT_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/** "mars 2025" style label of a revenue month. */
export function monthLabelFr(year: number, month: number): string {
  return `${MONTHS_SHORT_FR[month - 1]} ${year}`;
}

const text = (value: string): Cell => asLiteralText(value);
const euros = (cents: Cents): Cell => centsToEuros(cents);
const percentFr = (fraction: number): string => `${(Math.round(fraction * 1000) / 10).toFixed(1).replace(".", ",")}\u00a0%`;
const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count > 1 ? many : word}`;

interface IndicatorRow {
  readonly label: string;
  readonly value: Cell;
  readonly format: string;
  readonly detail: string;
}

function indicatorRows(report: AgingReport): IndicatorRow[] {
  const ind = report.indicators;
  const total = ind.totalReceivables;
  const shareOf = (cents: Cents) => (total > 0 ? `${percentFr(cents / total)} de l'encours` : "");
  const rows: IndicatorRow[] = [
    { label: "Arrêté au", value: epochDayToSerial(report.asOf), format: FORMATS.date, detail: "" },
    {
      label: "Encours total (litiges compris)",
      value: euros(total),
      format: FORMATS.euros,
      detail: `${plural(ind.invoices, "facture")}, ${plural(ind.clients, "client")}`,
    },
    { label: "Non échu", value: euros(ind.notDue), format: FORMATS.euros, detail: shareOf(ind.notDue) },
    { label: "Échu (hors litige)", value: euros(ind.overdue), format: FORMATS.euros, detail: shareOf(ind.overdue) },
    { label: "Part échue", value: ind.overdueShare ?? 0, format: FORMATS.share, detail: "échu hors litige / encours total" },
    {
      label: "En litige",
      value: euros(ind.disputed.amount),
      format: FORMATS.euros,
      detail: ind.disputed.invoices ? `${plural(ind.disputed.invoices, "facture")}, ${plural(ind.disputed.clients, "client")} ; hors tranches` : "",
    },
  ];
  const late = ind.weightedDaysLate;
  rows.push(
    late
      ? { label: "Retard moyen pondéré", value: late.days, format: FORMATS.days, detail: `pondéré par les montants, ${plural(late.invoices, "facture échue", "factures échues")} hors litige` }
      : { label: "Retard moyen pondéré", value: text("aucun retard"), format: FORMATS.general, detail: "" },
  );
  const months = report.monthlyRevenue.length;
  if (ind.dsoSimple) {
    const simple = ind.dsoSimple;
    rows.push({
      label: "DSO (méthode simple)",
      value: simple.days,
      format: FORMATS.days,
      detail: `encours / CA de ${plural(simple.months, "mois", "mois")} (${formatCentsFr(simple.revenue)}) × ${simple.periodDays} jours`,
    });
  } else {
    rows.push({ label: "DSO (méthode simple)", value: text("n.d."), format: FORMATS.general, detail: months ? "chiffre d'affaires nul" : "saisissez le CA mensuel dans le volet Recouvre" });
  }
  const countBack = ind.dsoCountBack;
  if (countBack && !countBack.exhausted) {
    const partial = countBack.partial;
    const monthsInfo = revenueMonths(report.asOf, months);
    const partialLabel = partial ? monthLabelFr(monthsInfo[partial.month].year, monthsInfo[partial.month].month) : "";
    rows.push({
      label: "DSO (épuisement du CA)",
      value: countBack.days,
      format: FORMATS.days,
      detail: partial ? `${plural(countBack.fullMonths, "mois épuisé", "mois épuisés")} (${countBack.fullDays} j) + prorata de ${partialLabel}` : "aucun encours",
    });
  } else if (countBack) {
    rows.push({
      label: "DSO (épuisement du CA)",
      value: text(`> ${countBack.fullDays} j`),
      format: FORMATS.general,
      detail: `l'encours dépasse le CA des ${plural(months, "mois", "mois")} saisis`,
    });
  } else {
    rows.push({ label: "DSO (épuisement du CA)", value: text("n.d."), format: FORMATS.general, detail: "saisissez le CA mensuel dans le volet Recouvre" });
  }
  rows.push(
    ind.penalties !== undefined
      ? { label: "Pénalités réclamables (hors litige)", value: euros(ind.penalties), format: FORMATS.euros, detail: "pénalités L441-10 ou intérêts, hors indemnité de 40 €" }
      : { label: "Pénalités réclamables (hors litige)", value: text("n.d."), format: FORMATS.general, detail: ind.missingRates.join(" ; ") },
  );
  const week = ind.promisesThisWeek;
  rows.push({
    label: "Promesses à échéance cette semaine",
    value: euros(week.amount),
    format: FORMATS.euros,
    detail: `${plural(week.count, "promesse")} du ${formatDateFr(week.from)} au ${formatDateFr(week.to)}`,
  });
  return rows;
}

function block(row: number, column: number, values: Cell[][], numberFormats: string[][], extra: Partial<Pick<CellBlock, "style" | "headerBold">> = {}): CellBlock {
  return { row, column, rowCount: values.length, columnCount: values[0].length, values, numberFormats, ...extra };
}

/** Row heights are Excel's default; the charts span this many rows each. */
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

export function reportSheetLayout(report: AgingReport): ReportSheetLayout {
  const date = formatDateFr(report.asOf);
  const title = `Balance âgée au ${date}`;
  const labels = report.labels;
  const blocks: CellBlock[] = [];

  blocks.push(block(0, 0, [[text(title)]], [[FORMATS.general]], { style: { bold: true, size: 14 } }));
  blocks.push(
    block(
      1,
      0,
      [[text("Feuille créée par Recouvre : elle est remplacée à chaque actualisation depuis le volet (vos autres feuilles ne sont jamais modifiées).")]],
      [[FORMATS.general]],
      { style: { italic: true, color: "#605E5C" } },
    ),
  );

  // Indicators (A4), then invoices per last step done below them. The
  // details (column C) overflow to the right: nothing is written beside them.
  const indicators = indicatorRows(report);
  const top = 3;
  blocks.push(
    block(
      top,
      0,
      [[text("Indicateur"), text("Valeur"), text("Détail")], ...indicators.map((r) => [text(r.label), r.value, r.detail === "" ? "" : text(r.detail)])],
      [[FORMATS.general, FORMATS.general, FORMATS.general], ...indicators.map((r) => [FORMATS.general, r.format, FORMATS.general])],
      { headerBold: true },
    ),
  );
  const steps = report.indicators.steps;
  const stepValues: Cell[][] = [[text("Dernière relance faite"), text("Factures"), text("Montant")]];
  const stepFormats: string[][] = [[FORMATS.general, FORMATS.general, FORMATS.general]];
  for (const step of steps) {
    stepValues.push([text(step.label), step.invoices, euros(step.amount)]);
    stepFormats.push([FORMATS.general, FORMATS.count, FORMATS.euros]);
  }
  if (steps.length === 0) {
    stepValues.push([text("Aucune facture"), 0, 0]);
    stepFormats.push([FORMATS.general, FORMATS.count, FORMATS.euros]);
  }
  const stepsRow = top + indicators.length + 2;
  blocks.push(block(stepsRow, 0, stepValues, stepFormats, { headerBold: true }));
  const blocksEnd = stepsRow + stepValues.length; // first row after the steps

  // The table.
  const headingRow = blocksEnd + 1;
  blocks.push(block(headingRow, 0, [[text(`Balance âgée par client au ${date}`)]], [[FORMATS.general]], { style: { bold: true, size: 12 } }));
  const headerRow = headingRow + 1;
  const headers = ["Client", ...labels, "En litige", "Total", "Part du total", "Pénalités réclamables"];
  const columns = headers.length;
  const rowFormats = [FORMATS.general, ...labels.map(() => FORMATS.euros), FORMATS.euros, FORMATS.euros, FORMATS.share, FORMATS.euros];
  const body: Cell[][] = report.rows.map((row) => [
    text(row.client),
    ...row.buckets.map(euros),
    euros(row.disputed),
    euros(row.total),
    row.share,
    row.penalties === undefined ? text("n.d.") : euros(row.penalties),
  ]);
  if (body.length === 0) body.push(new Array<Cell>(columns).fill(""));
  const totals = report.totals;
  const tableSpec: ReportTableSpec = {
    name: REPORT_TABLE_NAME,
    range: { row: headerRow, column: 0, rowCount: body.length + 1, columnCount: columns },
    values: [headers.map(text), ...body],
    numberFormats: [headers.map(() => FORMATS.general), ...body.map(() => rowFormats)],
    totals: [
      text("Total"),
      ...totals.buckets.map(euros),
      euros(totals.disputed),
      euros(totals.total),
      totals.total > 0 ? 1 : 0,
      totals.penalties === undefined ? text("n.d.") : euros(totals.penalties),
    ],
    totalsFormats: rowFormats,
    style: "TableStyleMedium2",
    bodyRows: body.length,
  };
  const firstBodyRow = headerRow + 1;
  const totalsRow = firstBodyRow + body.length;

  // Notes under the table.
  const notes = [
    `Tranches : jours de retard après l'échéance au ${date} (bornes ${report.bounds.join(" ; ")}). Les factures en litige sont hors tranches, dans la colonne « En litige ».`,
    "Part du total : total du client / encours total. Pénalités : pénalités de retard L441-10 (ou intérêts légaux / moratoires) des factures hors litige.",
    ...report.indicators.missingRates.map((message) => `Pénalités non calculées (n.d.) : ${message}`),
  ];
  blocks.push(block(totalsRow + 2, 0, notes.map((note) => [text(note)]), notes.map(() => [FORMATS.general]), { style: { italic: true, color: "#605E5C" } }));

  // Conditional formats: the two oldest overdue buckets of the body.
  const conditionalFormats: ConditionalFillSpec[] = [];
  const oldest = labels.length - 1;
  const fills = [
    { fill: "#FFC7CE", fontColor: "#9C0006" },
    { fill: "#FFEB9C", fontColor: "#9C5700" },
  ];
  for (let k = 0; k < 2; k++) {
    const bucket = oldest - k;
    if (bucket < 1) break;
    conditionalFormats.push({ range: { row: firstBodyRow, column: 1 + bucket, rowCount: body.length, columnCount: 1 }, greaterThan: 0, ...fills[k] });
  }

  // Charts beside the table, their data beside them.
  const chartColumn = columns + 1;
  const dataColumn = chartColumn + CHART_COLUMNS + 1;
  blocks.push(block(headingRow, dataColumn, [[text("Données des graphiques")]], [[FORMATS.general]], { style: { bold: true } }));
  const bucketRow = headerRow;
  const bucketValues: Cell[][] = [[text("Tranche"), text("Hors litige"), text("En litige")]];
  labels.forEach((label, i) => bucketValues.push([text(label), euros(totals.buckets[i]), euros(report.disputedByBucket[i])]));
  blocks.push(block(bucketRow, dataColumn, bucketValues, [[FORMATS.general, FORMATS.general, FORMATS.general], ...labels.map(() => [FORMATS.general, FORMATS.euros, FORMATS.euros])], { headerBold: true }));
  const topRow = bucketRow + bucketValues.length + 1;
  const topValues: Cell[][] = [[text("Client"), text("Total dû")]];
  for (const row of report.top) topValues.push([text(row.client), euros(row.total)]);
  if (report.top.length === 0) topValues.push([text("Aucun débiteur"), 0]);
  blocks.push(block(topRow, dataColumn, topValues, [[FORMATS.general, FORMATS.general], ...topValues.slice(1).map(() => [FORMATS.general, FORMATS.euros])], { headerBold: true }));

  const charts: ChartSpec[] = [
    {
      name: BUCKET_CHART_NAME,
      type: "ColumnStacked",
      source: { row: bucketRow, column: dataColumn, rowCount: bucketValues.length, columnCount: 3 },
      seriesBy: "Columns",
      title: `Montants par tranche de retard au ${date}`,
      from: { row: headerRow, column: chartColumn },
      to: { row: headerRow + CHART_ROWS - 1, column: chartColumn + CHART_COLUMNS - 1 },
      valueAxisFormat: '#,##0 "€"',
      reverseCategories: false,
      legend: "Bottom",
    },
    {
      name: TOP_CHART_NAME,
      type: "BarClustered",
      source: { row: topRow, column: dataColumn, rowCount: topValues.length, columnCount: 2 },
      seriesBy: "Columns",
      title: `${report.top.length > 1 ? `Les ${report.top.length} premiers débiteurs` : "Premier débiteur"} au ${date}`,
      from: { row: headerRow + CHART_ROWS + 1, column: chartColumn },
      to: { row: headerRow + 2 * CHART_ROWS, column: chartColumn + CHART_COLUMNS - 1 },
      valueAxisFormat: '#,##0 "€"',
      reverseCategories: true,
      legend: "None",
    },
  ];

  return {
    title,
    blocks,
    table: tableSpec,
    conditionalFormats,
    charts,
    autofit: [
      { row: top, column: 0, rowCount: indicators.length + 1, columnCount: 2 },
      { row: stepsRow, column: 0, rowCount: stepValues.length, columnCount: 3 },
      { row: headerRow, column: 0, rowCount: body.length + 2, columnCount: columns },
      { row: bucketRow, column: dataColumn, rowCount: topRow + topValues.length - bucketRow, columnCount: 3 },
    ],
  };
}

