/**
 * Transfers to doubtful customers (411 -> 416): a reclassification, not a
 * new invoice (issue 14).
 *
 * When a customer becomes doubtful, the accountant moves its debt from 411
 * to 416 in one entry: credit 411, debit 416, same amount. Read as plain
 * lines, the 411 credit would settle the invoices and the 416 debit would be
 * a new debt dated at the transfer: the case would lose its real delay (and
 * its penalties) on the very debts most overdue. Instead, such an entry's
 * lines are set aside: the invoices stay open with their own dates and
 * pieces, and payments booked later on 416 are imputed to them.
 *
 * An entry is (date, journal, entry number, or piece when the FEC has no
 * entry number). On one customer account, its 411 credits and 416 debits
 * that net to zero are a transfer. When the customer has one account on 411
 * and another on 416 (sub-accounts, no auxiliary account), an entry with
 * exactly one account on each side that nets moves the 416 account's lines
 * to the 411 account: it is the same customer.
 */
import type { BookLine } from "./types";

export interface Reclassification {
  /** The lines of transfer entries: neither debts nor payments. */
  readonly lines: ReadonlySet<BookLine>;
  /** A 416 account -> the 411 account of the same customer. */
  readonly accountOf: ReadonlyMap<string, string>;
}

type Side = "out" | "in";

function sideOf(line: BookLine): Side | undefined {
  const ledger = line.ledgerAccount;
  if (ledger === undefined || ledger.length < 3 || ledger.charCodeAt(0) !== 52 || ledger.charCodeAt(1) !== 49) return undefined;
  const third = ledger.charCodeAt(2);
  if (third === 49 && line.signedCents < 0) return "out"; // a credit on 411
  if (third === 54 && line.signedCents > 0) return "in"; // a debit on 416
  return undefined;
}

interface EntrySides {
  readonly byAccount: Map<string, { out: BookLine[]; in: BookLine[]; sum: number }>;
}

export function findReclassifications(lines: readonly BookLine[]): Reclassification {
  const set = new Set<BookLine>();
  const accountOf = new Map<string, string>();
  // Most books have no doubtful customer: one cheap pass says so.
  if (!lines.some((line) => sideOf(line) === "in")) return { lines: set, accountOf };
  const entries = new Map<string, EntrySides>();
  for (const line of lines) {
    const side = sideOf(line);
    if (side === undefined) continue;
    const key = `${line.date}\u0000${line.journal ?? ""}\u0000${line.entry ?? line.piece}`;
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { byAccount: new Map() }));
    let sides = entry.byAccount.get(line.account);
    if (!sides) entry.byAccount.set(line.account, (sides = { out: [], in: [], sum: 0 }));
    sides[side].push(line);
    sides.sum += line.signedCents;
  }
  for (const { byAccount } of entries.values()) {
    // One account, both sides, netting: a transfer within the customer's account.
    for (const sides of byAccount.values()) {
      if (sides.out.length > 0 && sides.in.length > 0 && sides.sum === 0) for (const line of [...sides.out, ...sides.in]) set.add(line);
    }
    // One account per side, netting together: the customer's 416 account is its 411 account.
    const outs = [...byAccount].filter(([, sides]) => sides.out.length > 0 && sides.in.length === 0);
    const ins = [...byAccount].filter(([, sides]) => sides.in.length > 0 && sides.out.length === 0);
    if (outs.length === 1 && ins.length === 1 && outs[0][1].sum + ins[0][1].sum === 0) {
      const [from, fromSides] = outs[0];
      const [to, toSides] = ins[0];
      if (!accountOf.has(to)) accountOf.set(to, from);
      for (const line of [...fromSides.out, ...toSides.in]) set.add(line);
    }
  }
  return { lines: set, accountOf };
}
