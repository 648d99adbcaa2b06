/**
 * The amount to show beside a client on the confirmation screen: the one the
 * composed message itself states (issue 15: a header with penalties
 * included while the body asks for the principal misleads). The letters say
 * the total due at one step and the principal at another; rather than
 * second-guess the wording, the screen shows the first of the message's
 * totals that its text contains, and no amount when it contains none.
 */
import { formatCentsFr, type Cents } from "../money";
import type { PlannedMessage } from "./model";

/** Spaces of every kind read alike (the letters and the pane may group digits differently). */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

export function statedAmount(message: Pick<PlannedMessage, "total" | "principal">, text: string): Cents | undefined {
  const body = plain(text);
  const candidates = [message.total, message.principal].filter((amount): amount is Cents => amount !== undefined);
  return candidates.find((amount) => body.includes(plain(formatCentsFr(amount))));
}
