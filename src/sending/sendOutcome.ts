/** What the journal records for one send's result. */
import type { SendOutcome } from "../core/sending/model";
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
