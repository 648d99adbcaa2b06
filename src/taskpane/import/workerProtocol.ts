/**
 * Messages between the pane and the import worker. The worker gets the
 * files' bytes (transferred, not copied), posts each phase as it starts,
 * how far the reading is every chunk of lines (bytes read of all the files'),
 * then the result, or the reason it failed.
 */
import type { EpochDay } from "../../core/calendar";
import type { FecImportStep, FecImportSummary } from "../../core/books/importFec";
import type { PaymentTerms } from "../../core/terms";

export interface ImportRequest {
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: ArrayBuffer }>;
  readonly asOf: EpochDay;
  readonly terms: PaymentTerms;
  /** A client's own terms, from its rows of the « Créances » table. */
  readonly termsByAccount: ReadonlyArray<readonly [string, PaymentTerms]>;
}

export type WorkerReply =
  | { readonly type: "phase"; readonly phase: FecImportStep }
  | { readonly type: "progress"; readonly phase: FecImportStep; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly summary: FecImportSummary }
  | { readonly type: "failed"; readonly message: string };
