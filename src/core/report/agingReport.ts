/**
 * The balance âgée per client and the collection indicators, as of a report
 * date, from ReportLines (lines.ts).
 *
 * Definitions (every amount in integer cents, exact; ratios are plain
 * divisions, rounded only where they are displayed):
 *
 * - A client row splits what the client owes into the aging buckets (days
 *   past due, aging.ts: "Non échu", "1-30 j", … for the default or the
 *   user's bounds) and an "En litige" column: an invoice under an open
 *   dispute is out of the buckets. Total = buckets + en litige: everything
 *   the client owes. Share = total / grand total.
 * - Penalties claimable: the penalties (or legal / moratory interest) of the
 *   invoices outside disputes; undefined when a rate is missing for one of
 *   them (never a partial sum shown as a total).
 * - Total receivables (encours) = grand total, disputes included: the
 *   receivables the DSO is computed on.
 * - Overdue (échu) = the overdue buckets, disputes excluded (they have their
 *   own indicator); share = overdue / total receivables.
 * - Weighted average days late = Σ(amount × days late) / Σ amount over the
 *   overdue invoices outside disputes.
 * - Invoices per escalation step: every unpaid invoice by its last step
 *   done ("Aucune relance" when none), in scenario order.
 * - Promises to pay due this week: the promises whose date falls from the
 *   Monday to the Sunday of the week of the report date (a calendar week,
 *   as a credit manager plans it; those already past this week are kept and
 *   flagged), each counted once even when it covers several invoices.
 * - Top debtors: the client rows with the largest totals (ties: by name).
 */
import { boundsProblem, bucketIndex, bucketLabels, DEFAULT_BOUNDS } from "../aging";
import type { EpochDay } from "../calendar";
import type { Scenario } from "../escalation/scenario";
import type { Cents } from "../money";
import { dsoCountBack, dsoSimpleFromMonths, revenueProblem, type DsoCountBack, type DsoSimple } from "./dso";
import type { ReportLine } from "./lines";

export const TOP_DEBTORS = 10;
export const NO_STEP_LABEL = "Aucune relance";

export interface ClientAgingRow {
  readonly clientKey: string;
  readonly client: string;
  /** One amount per bucket, in the order of `labels`; disputes excluded. */
  readonly buckets: readonly Cents[];
  readonly disputed: Cents;
  /** buckets + disputed. */
  readonly total: Cents;
  /** total / grand total (0 when the grand total is 0). */
  readonly share: number;
  /** Undefined when a rate is missing for one of the client's invoices outside disputes. */
  readonly penalties?: Cents;
  readonly invoices: number;
  readonly overdue: Cents;
}

export interface AgingTotals {
  readonly buckets: readonly Cents[];
  readonly disputed: Cents;
  readonly total: Cents;
  readonly penalties?: Cents;
  readonly invoices: number;
}

export interface StepCount {
  /** Scenario index of the last step done; -1 for none. */
  readonly index: number;
  readonly label: string;
  readonly invoices: number;
  readonly amount: Cents;
}

export interface PromiseDue {
  readonly entryId: string;
  readonly client: string;
  readonly invoices: readonly string[];
  readonly until: EpochDay;
  readonly amount: Cents;
  /** The date is before the report date (earlier this week). */
  readonly past: boolean;
}

export interface WeightedDaysLate {
  /** Σ(amount × days late) / Σ amount: the sums are exact, the quotient a float. */
  readonly days: number;
  /** Σ amount of the overdue invoices counted, in cents. */
  readonly amount: Cents;
  readonly invoices: number;
}

export interface ReportIndicators {
  readonly totalReceivables: Cents;
  readonly notDue: Cents;
  readonly overdue: Cents;
  /** overdue / total receivables; undefined when there are no receivables. */
  readonly overdueShare?: number;
  readonly disputed: { readonly amount: Cents; readonly invoices: number; readonly clients: number };
  /** Undefined when no invoice outside disputes is overdue. */
  readonly weightedDaysLate?: WeightedDaysLate;
  readonly dsoSimple?: DsoSimple;
  readonly dsoCountBack?: DsoCountBack;
  readonly penalties?: Cents;
  readonly missingRates: readonly string[];
  readonly steps: readonly StepCount[];
  readonly promisesThisWeek: {
    readonly from: EpochDay;
    readonly to: EpochDay;
    readonly count: number;
    readonly amount: Cents;
    readonly items: readonly PromiseDue[];
  };
  readonly clients: number;
  readonly invoices: number;
}

export interface AgingReport {
  readonly asOf: EpochDay;
  readonly bounds: readonly number[];
  readonly labels: readonly string[];
  /** Largest total first. */
  readonly rows: readonly ClientAgingRow[];
  readonly totals: AgingTotals;
  /** Disputed amounts by the bucket their age would put them in (for the chart). */
  readonly disputedByBucket: readonly Cents[];
  readonly top: readonly ClientAgingRow[];
  readonly indicators: ReportIndicators;
  /** Monthly revenue used for the DSO, most recent month first (empty: none given). */
  readonly monthlyRevenue: readonly Cents[];
}

export interface AgingReportOptions {
  readonly asOf: EpochDay;
  readonly bounds?: readonly number[];
  /** Monthly revenue in cents, most recent month first (see dso.ts for the months). */
  readonly monthlyRevenue?: readonly Cents[];
  /** Lists every step of the scenario in the step counts, zeros included. */
  readonly scenario?: Scenario;
  readonly topCount?: number;
}

export class ReportInputError extends Error {}

/** Monday (ISO week) of the week containing `day`; epoch day 0 was a Thursday. */
export function mondayOf(day: EpochDay): EpochDay {
  return day - (((day + 3) % 7) + 7) % 7;
}

function compareClients(a: { total: Cents; client: string; clientKey: string }, b: { total: Cents; client: string; clientKey: string }): number {
  if (a.total !== b.total) return b.total - a.total;
  if (a.clientKey !== b.clientKey) return a.clientKey < b.clientKey ? -1 : 1;
  return a.client < b.client ? -1 : a.client > b.client ? 1 : 0;
}

function weightedDays(numerator: bigint, denominator: Cents, invoices: number): WeightedDaysLate {
  const big = BigInt(denominator);
  const whole = numerator / big;
  const rest = numerator - whole * big;
  return { days: Number(whole) + Number(rest) / denominator, amount: denominator, invoices };
}

interface MutableRow {
  clientKey: string;
  client: string;
  buckets: Cents[];
  disputed: Cents;
  total: Cents;
  penalties: Cents | undefined;
  invoices: number;
  overdue: Cents;
}

export function buildAgingReport(lines: readonly ReportLine[], options: AgingReportOptions): AgingReport {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const problem = boundsProblem(bounds);
  if (problem) throw new ReportInputError(`Bornes des tranches : ${problem}`);
  const monthlyRevenue = options.monthlyRevenue ?? [];
  const revenueIssue = revenueProblem(monthlyRevenue);
  if (revenueIssue) throw new ReportInputError(revenueIssue);
  const { asOf } = options;
  const labels = bucketLabels(bounds);
  const bucketCount = labels.length;

  const byClient = new Map<string, MutableRow>();
  const disputedByBucket = new Array<Cents>(bucketCount).fill(0);
  const disputedClients = new Set<string>();
  const missingRates = new Set<string>();
  const stepMap = new Map<number, StepCount & { invoices: number; amount: Cents }>();
  const promises = new Map<string, { entryId: string; client: string; invoices: string[]; until: EpochDay; amount: Cents }>();
  const monday = mondayOf(asOf);
  const sunday = monday + 6;
  let disputedInvoices = 0;
  // Σ amount × days can pass 2^53 on large ledgers: summed exactly as a BigInt.
  let lateWeighted = 0n;
  let lateAmount = 0;
  let lateInvoices = 0;

  for (const line of lines) {
    let row = byClient.get(line.clientKey);
    if (!row) {
      row = { clientKey: line.clientKey, client: line.client, buckets: new Array<Cents>(bucketCount).fill(0), disputed: 0, total: 0, penalties: 0, invoices: 0, overdue: 0 };
      byClient.set(line.clientKey, row);
    }
    row.total += line.amount;
    row.invoices++;
    const bucket = bucketIndex(line.daysPastDue, bounds);
    if (line.disputed) {
      row.disputed += line.amount;
      disputedByBucket[bucket] += line.amount;
      disputedInvoices++;
      disputedClients.add(line.clientKey);
    } else {
      row.buckets[bucket] += line.amount;
      if (line.daysPastDue > 0) {
        row.overdue += line.amount;
        lateWeighted += BigInt(line.amount) * BigInt(line.daysPastDue);
        lateAmount += line.amount;
        lateInvoices++;
      }
      if (line.penalties === undefined) {
        row.penalties = undefined;
        if (line.missingRate) missingRates.add(line.missingRate);
      } else if (row.penalties !== undefined) {
        row.penalties += line.penalties;
      }
    }

    const stepIndex = line.lastStep?.index ?? -1;
    const step = stepMap.get(stepIndex) ?? { index: stepIndex, label: line.lastStep?.label ?? NO_STEP_LABEL, invoices: 0, amount: 0 };
    step.invoices++;
    step.amount += line.amount;
    stepMap.set(stepIndex, step);

    if (line.promise && line.promise.until >= monday && line.promise.until <= sunday) {
      const known = promises.get(line.promise.entryId);
      if (known) known.invoices.push(line.numero);
      else promises.set(line.promise.entryId, { entryId: line.promise.entryId, client: line.client, invoices: [line.numero], until: line.promise.until, amount: line.promise.amount });
    }
  }

  const sorted = [...byClient.values()].sort(compareClients);
  const grandTotal = sorted.reduce((sum, row) => sum + row.total, 0);
  const rows: ClientAgingRow[] = sorted.map((row) => ({
    clientKey: row.clientKey,
    client: row.client,
    buckets: row.buckets,
    disputed: row.disputed,
    total: row.total,
    share: grandTotal === 0 ? 0 : row.total / grandTotal,
    ...(row.penalties !== undefined && { penalties: row.penalties }),
    invoices: row.invoices,
    overdue: row.overdue,
  }));

  const totalBuckets = new Array<Cents>(bucketCount).fill(0);
  let totalDisputed = 0;
  let totalPenalties: Cents | undefined = 0;
  let invoiceCount = 0;
  for (const row of rows) {
    row.buckets.forEach((amount, i) => (totalBuckets[i] += amount));
    totalDisputed += row.disputed;
    totalPenalties = totalPenalties === undefined || row.penalties === undefined ? undefined : totalPenalties + row.penalties;
    invoiceCount += row.invoices;
  }
  const totals: AgingTotals = {
    buckets: totalBuckets,
    disputed: totalDisputed,
    total: grandTotal,
    ...(totalPenalties !== undefined && { penalties: totalPenalties }),
    invoices: invoiceCount,
  };

  // Steps: scenario order, "none" first; every scenario step when the scenario is given.
  if (options.scenario) {
    options.scenario.forEach((step, index) => {
      if (!stepMap.has(index)) stepMap.set(index, { index, label: step.label, invoices: 0, amount: 0 });
    });
    if (!stepMap.has(-1)) stepMap.set(-1, { index: -1, label: NO_STEP_LABEL, invoices: 0, amount: 0 });
  }
  const steps = [...stepMap.values()].sort((a, b) => a.index - b.index);

  const promiseItems: PromiseDue[] = [...promises.values()]
    .sort((a, b) => a.until - b.until || (a.client < b.client ? -1 : a.client > b.client ? 1 : 0))
    .map((p) => ({ ...p, past: p.until < asOf }));

  const overdue = totalBuckets.slice(1).reduce((sum, amount) => sum + amount, 0);
  const dsoSimple = dsoSimpleFromMonths(grandTotal, monthlyRevenue, asOf);
  const countBack = dsoCountBack(grandTotal, monthlyRevenue, asOf);
  const indicators: ReportIndicators = {
    totalReceivables: grandTotal,
    notDue: totalBuckets[0],
    overdue,
    ...(grandTotal > 0 && { overdueShare: overdue / grandTotal }),
    disputed: { amount: totalDisputed, invoices: disputedInvoices, clients: disputedClients.size },
    ...(lateAmount > 0 && { weightedDaysLate: weightedDays(lateWeighted, lateAmount, lateInvoices) }),
    ...(dsoSimple && { dsoSimple }),
    ...(countBack && { dsoCountBack: countBack }),
    ...(totalPenalties !== undefined && { penalties: totalPenalties }),
    missingRates: [...missingRates],
    steps,
    promisesThisWeek: {
      from: monday,
      to: sunday,
      count: promiseItems.length,
      amount: promiseItems.reduce((sum, p) => sum + p.amount, 0),
      items: promiseItems,
    },
    clients: rows.length,
    invoices: invoiceCount,
  };

  return {
    asOf,
    bounds: [...bounds],
    labels,
    rows,
    totals,
    disputedByBucket,
    top: rows.slice(0, options.topCount ?? TOP_DEBTORS),
    indicators,
    monthlyRevenue: [...monthlyRevenue],
  };
}
