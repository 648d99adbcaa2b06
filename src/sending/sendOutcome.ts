/** What the journal records for one send's result. */
import type { Disposition } from "../core/sending/ledger";
import type { PlannedMessage, SendOutcome } from "../core/sending/model";
import type { MessageResult } from "./runBatchTypes";
import type { SendResult } from "../mail/graphSender";

export function outcomeOf(result: SendResult): SendOutcome {
  switch (result.status) {
    case "sent":
      return { kind: "envoye", detail: "Microsoft 365" };
    case "failed":
    case "throttled":
      return { kind: "echec", reason: result.reason };
    case "unknown":
      return { kind: "inconnu", reason: result.reason };
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const SKIPPED_KIND = { alreadySent: "dejaEnvoye", stale: "perime", claimed: "autrePoste", decide: "aDecider" } as const;

/** A draft not prepared: sent before, or prepared (by whom, when the row says) or being sent elsewhere. */
export function draftSkipped(message: PlannedMessage, disposition: Exclude<Disposition, { kind: "send" }>): MessageResult {
  const kind = SKIPPED_KIND[disposition.kind];
  const record = disposition.record;
  const reason = record.status === "prepare" ? `brouillon déjà préparé${record.by ? ` par ${record.by}` : ""} : envoyé ou non, à vous de le dire` : (record.note ?? kind);
  return { message, kind, reason, journalled: true, previous: record };
}
