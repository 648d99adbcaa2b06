/**
 * The import screen's state: the date and terms the user chose, and one
 * import at a time (files' bytes -> worker -> « Créances » table). Every
 * workbook access goes through the gateway; the parsing runs in a worker.
 */
import { useRef, useState } from "react";
import type { FecImportSummary } from "../../core/books/importFec";
import { clientTermsOf } from "../../core/books/reimport";
import type { EpochDay } from "../../core/calendar";
import { parsePaymentTerms } from "../../core/terms";
import type { CreancesWriteResult, WorkbookGateway } from "../../excel/gateway";
import { dateInputValue, parseDateInput } from "../report/params";
import type { ImportPhase } from "./progress";
import { runImportInWorker } from "./runInWorker";

export type { ImportPhase } from "./progress";

export type ImportStatus =
  | { readonly kind: "idle" }
  /** `within`: how far into the phase (0..1), when the worker says so (the reading, chunk of lines by chunk). */
  | { readonly kind: "running"; readonly phase: ImportPhase; readonly files: readonly string[]; readonly within?: number }
  | { readonly kind: "done"; readonly files: readonly string[]; readonly terms: string; readonly summary: FecImportSummary; readonly write: CreancesWriteResult }
  /** Nothing on customer accounts was read (not a FEC, or no 411/416 line): the table is left as it is. */
  | { readonly kind: "nothing"; readonly files: readonly string[]; readonly summary: FecImportSummary }
  | { readonly kind: "failed"; readonly message: string };

export const DEFAULT_TERMS_TEXT = "30 jours";

export interface ImportFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function useImport(gateway: WorkbookGateway, today: () => EpochDay, run = runImportInWorker) {
  const [dateText, setDateText] = useState(() => dateInputValue(today()));
  const [termsText, setTermsText] = useState(DEFAULT_TERMS_TEXT);
  const [status, setStatus] = useState<ImportStatus>({ kind: "idle" });
  const busy = useRef(false);

  const asOf = parseDateInput(dateText);
  const terms = parsePaymentTerms(termsText);

  async function importFiles(files: readonly ImportFile[]): Promise<void> {
    if (busy.current || files.length === 0 || asOf === undefined || terms === undefined) return;
    busy.current = true;
    const names = files.map((file) => file.name);
    const phase = (next: ImportPhase, within?: number) => setStatus({ kind: "running", phase: next, files: names, ...(within !== undefined && { within }) });
    try {
      phase("chargement");
      const [existing, buffers] = await Promise.all([gateway.readCreances(), Promise.all(files.map((file) => file.arrayBuffer()))]);
      const { termsByAccount } = clientTermsOf(existing);
      const summary = await run(
        { files: files.map((file, i) => ({ name: file.name, bytes: buffers[i] })), asOf, terms, termsByAccount: [...termsByAccount] },
        (step) => phase(step),
        (step, done, total) => phase(step, total > 0 ? done / total : 1),
      );
      // A file that is not a FEC must not mark every row of the table settled.
      if (summary.customerLines === 0) {
        setStatus({ kind: "nothing", files: names, summary });
        return;
      }
      phase("ecriture");
      const write = await gateway.importOpenItems({ items: summary.open, asOf, defaultTerms: terms });
      setStatus({ kind: "done", files: names, terms: termsText.trim(), summary, write });
    } catch (error) {
      setStatus({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    } finally {
      busy.current = false;
    }
  }

  /** Selects the « Créances » table, then `analyze` (the cases tab reads the selection). */
  async function analyzeTable(analyze: () => void): Promise<void> {
    try {
      await gateway.selectCreances();
    } catch (error) {
      setStatus({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    analyze();
  }

  return { dateText, setDateText, termsText, setTermsText, asOf, termsValid: terms !== undefined, status, importFiles, analyzeTable };
}

export type ImportController = ReturnType<typeof useImport>;
