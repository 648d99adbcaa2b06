/** Shared builders for the report tests. */
import type { ReportLine } from "../../../src/core/report/lines";

let counter = 0;

/** A report line; `days` is the report date minus the due date. */
export function line(client: string, amount: number, days: number, extra: Partial<ReportLine> = {}): ReportLine {
  counter++;
  return {
    clientKey: client.toLowerCase(),
    client,
    numero: `N${counter}`,
    amount,
    daysPastDue: days,
    disputed: false,
    penalties: 0,
    ...extra,
  };
}
