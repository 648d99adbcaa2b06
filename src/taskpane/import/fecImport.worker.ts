/**
 * The import worker: reads the FEC and computes the open items off the UI
 * thread, so the pane stays responsive (and its progress bar moves) on a
 * 300,000-line file. Bundled by webpack from `new Worker(new URL(...))`.
 */
import { importFec } from "../../core/books/importFec";
import type { ImportRequest, WorkerReply } from "./workerProtocol";

const post = (reply: WorkerReply) => (self as unknown as { postMessage(message: WorkerReply): void }).postMessage(reply);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  try {
    const summary = importFec(
      {
        files: request.files.map((file) => ({ name: file.name, bytes: new Uint8Array(file.bytes) })),
        asOf: request.asOf,
        terms: request.terms,
        termsByAccount: new Map(request.termsByAccount),
      },
      (phase) => post({ type: "phase", phase }),
      (done, total) => post({ type: "progress", phase: "lecture", done, total }),
    );
    post({ type: "done", summary });
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};
