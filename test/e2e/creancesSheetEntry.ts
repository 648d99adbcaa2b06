/**
 * Browser entry for the « Créances » sheet tests: bundled with
 * src/excel/creancesSheet.ts and the core (agingReportBundle.ts), loaded in a
 * page that runs the Office double, it exposes window.recouvreCreances.
 */
import type { OpenItem } from "../../src/core/books/types";
import { importIntoCreances, type CreancesWriteResult } from "../../src/excel/creancesSheet";

export interface CreancesTestApi {
  run(items: OpenItem[], asOf: number, days: number): Promise<CreancesWriteResult>;
}

const api: CreancesTestApi = {
  run: (items, asOf, days) => importIntoCreances({ items, asOf, defaultTerms: { kind: "days", days } }),
};

(globalThis as unknown as { recouvreCreances: CreancesTestApi }).recouvreCreances = api;
