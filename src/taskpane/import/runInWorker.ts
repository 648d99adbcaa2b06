/**
 * Runs one import in a fresh worker and ends it when done: the worker's
 * memory (the file's lines) is given back at once.
 */
import type { FecImportStep, FecImportSummary } from "../../core/books/importFec";
import type { ImportRequest, WorkerReply } from "./workerProtocol";

export function runImportInWorker(
  request: ImportRequest,
  onPhase: (phase: FecImportStep) => void,
  onProgress: (phase: FecImportStep, done: number, total: number) => void = () => undefined,
): Promise<FecImportSummary> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(/* webpackChunkName: "fec-import" */ new URL("./fecImport.worker.ts", import.meta.url));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "phase") onPhase(reply.phase);
      else if (reply.type === "progress") onProgress(reply.phase, reply.done, reply.total);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(reply.summary);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "le module d'import n'a pas pu démarrer"));
    };
    worker.postMessage(request, request.files.map((file) => file.bytes));
  });
}
