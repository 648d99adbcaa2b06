/**
 * Settling an uncertain message with the mailbox witness (Sent Items):
 *   - found: it was sent: « envoyé » (confirmed by the mailbox);
 *   - absent, and the attempt is old enough for Exchange to have filed a
 *     sent message (WITNESS_DELAY_MS after its last row; a claim only once
 *     its lease is over): not sent, it may be sent again;
 *   - absent too early, or the mailbox unreadable: nothing is decided, the
 *     user sees it « à décider ».
 */
import { WITNESS_DELAY_MS } from "../core/sending/claims";
import type { ClaimView, MessageRecord, UserDecision } from "../core/sending/ledger";
import type { SentItemsWitness } from "../mail/sentItemsWitness";

export async function settleByWitness(
  witness: SentItemsWitness,
  record: MessageRecord,
  now: number,
  view: ClaimView,
): Promise<{ decision: UserDecision; note: string } | undefined> {
  const answer = await witness.find(record.reference);
  if (answer.kind === "found") return { decision: "confirme", note: "Trouvé dans les « Éléments envoyés » de la messagerie." };
  if (answer.kind === "unreadable") return undefined;
  if (record.status === "reserve") {
    // Only once the lease is over (CLAIM_LEASE_MS covers the Sent Items delay).
    if (record.claims.length > 0 && view.live(record.claims[0])) return undefined;
  } else {
    const since = Date.parse(record.since);
    if (Number.isNaN(since) || now - since < WITNESS_DELAY_MS) return undefined;
  }
  return { decision: "nonEnvoye", note: "Absent des « Éléments envoyés » de la messagerie après le délai de classement." };
}
