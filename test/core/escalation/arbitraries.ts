/** fast-check generators of valid journal entries, shared by the journal and state suites. */
import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { CALL_OUTCOMES, PROCEDURES } from "../../../src/core/escalation/journal";
import { CHANNELS, DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { day } from "../fixtures";

export const FIRST_DAY = day(2024, 1, 1);
export const LAST_DAY = day(2026, 6, 30);

const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const centsArb = fc.integer({ min: 1, max: 5_000_000 });

/** Text that Excel would mangle if written naively, and plain text. */
const trickyText = fc.oneof(
  fc.constantFrom("=SOMME(A1:A3)", "+33 6 12 34 56 78", "-5", "@cmd", "'déjà cité", "00123", "12/03/2025", "VRAI", "Relancé ; rappeler lundi", " espaces "),
  fc.string({ minLength: 1, maxLength: 30 }),
);

const invoiceNumberArb = fc.oneof(
  fc.constantFrom("F1", "F2", "F3", "F-2025-004", "00123"),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes(";") && s === s.trim() && s !== ""),
);

const timestampArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom("Z", "+01:00", "+02:00", ".123Z"))
  .map(([d, h, m, zone]) => {
    const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
    return `${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00${zone}`;
  });

/** Options for generating entries over a small universe, so that entries meet. */
export interface UniverseOptions {
  readonly clients?: ReadonlyArray<readonly [string, string]>;
  readonly invoices?: readonly string[];
}

const SMALL_CLIENTS: ReadonlyArray<readonly [string, string]> = [
  ["SARL Dupont", "sarl dupont"],
  ["Mme Leroy", "mme leroy"],
];
const SMALL_INVOICES = ["F1", "F2", "F3"];

/** La Poste's registered-letter numbers, as people type them (journal.ts, lrar). */
const LRAR_ARB = fc.stringMatching(/^[0-9][A-Z] [0-9]{3} [0-9]{3} [0-9]{4} [0-9]$|^[A-Z]{2}[0-9]{9}FR$/);

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A valid entry without its id. `wide`: any text anywhere (round trips);
 * otherwise a small universe of clients and invoices (state properties).
 */
export function entryArb(wide: boolean, universe: UniverseOptions = {}): fc.Arbitrary<Omit<JournalEntry, "id">> {
  const clientArb = wide
    ? fc.tuple(trickyText, fc.string({ minLength: 1, maxLength: 20 }))
    : fc.constantFrom(...(universe.clients ?? SMALL_CLIENTS));
  const numbersArb = wide ? invoiceNumberArb : fc.constantFrom(...(universe.invoices ?? SMALL_INVOICES));
  const invoicesArb = (min: number) => fc.uniqueArray(numbersArb, { minLength: min, maxLength: 3 });
  const stepIdArb = wide ? fc.oneof(fc.constantFrom(...DEFAULT_SCENARIO.map((s) => s.id)), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/)) : fc.constantFrom(...DEFAULT_SCENARIO.map((s) => s.id));

  const common = (min: number) =>
    fc.record({
      timestamp: timestampArb,
      date: dayArb,
      client: clientArb,
      invoices: invoicesArb(min),
      channel: optional(fc.constantFrom(...CHANNELS)),
      principal: optional(fc.integer({ min: 0, max: 10_000_000 })),
      penalties: optional(fc.integer({ min: 0, max: 1_000_000 })),
      indemnity: optional(fc.constantFrom(0, 4000, 8000)),
      documentRef: optional(trickyText),
      note: optional(trickyText),
      origin: optional(
        fc.record(
          {
            by: trickyText,
            runtime: fc.stringMatching(/^[a-z0-9]{1,16}$/),
            seq: fc.integer({ min: 0, max: 999_999_999 }),
            mailbox: trickyText,
            requests: fc.integer({ min: 0, max: 100 }),
          },
          { requiredKeys: ["by", "runtime", "seq"] },
        ),
      ),
    });
  const base = (min: number) =>
    common(min).map(({ client: [client, clientKey], ...rest }) => ({ ...rest, client, clientKey }));

  const step = fc
    .tuple(base(1), stepIdArb, optional(fc.constant(true as const)), optional(LRAR_ARB))
    .map(([b, stepId, recordedLater, lrar]) => ({ ...b, type: "step" as const, stepId, recordedLater, lrar }));
  const start = fc.tuple(base(1), stepIdArb).map(([b, stepId]) => ({ ...b, type: "start" as const, stepId }));
  const call = fc.tuple(base(0), fc.constantFrom(...CALL_OUTCOMES), optional(stepIdArb)).map(([b, outcome, stepId]) => ({ ...b, type: "call" as const, outcome, stepId }));
  const promise = fc.tuple(base(1), fc.integer({ min: 0, max: 60 }), centsArb).map(([b, wait, amount]) => ({ ...b, type: "promise" as const, until: b.date + wait, amount }));
  const dispute = fc.tuple(base(1), trickyText).map(([b, reason]) => ({ ...b, type: "dispute" as const, reason }));
  const resolved = fc.tuple(base(1), optional(trickyText)).map(([b, resolution]) => ({ ...b, type: "disputeResolved" as const, resolution }));
  const plan = fc
    .tuple(base(1), fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), fc.array(centsArb, { minLength: 6, maxLength: 6 }))
    .map(([b, offsets, amounts]) => ({
      ...b,
      type: "plan" as const,
      instalments: [...offsets].sort((x, y) => x - y).map((offset, i) => ({ date: b.date + offset, amount: amounts[i] })),
    }));
  const payment = fc
    .tuple(base(1), fc.array(fc.tuple(centsArb, fc.integer({ min: 0, max: 2_000_000 })), { minLength: 3, maxLength: 3 }))
    .map(([b, parts]) => {
      const allocations = b.invoices.map((invoice, i) => ({ invoice, amount: parts[i][0], balanceBefore: parts[i][0] + parts[i][1] }));
      return { ...b, type: "payment" as const, amount: allocations.reduce((sum, a) => sum + a.amount, 0), allocations };
    });
  const acknowledgment = base(1).map((b) => ({ ...b, type: "acknowledgment" as const }));
  const legalAction = fc.tuple(base(1), fc.constantFrom(...PROCEDURES)).map(([b, procedure]) => ({ ...b, type: "legalAction" as const, procedure }));
  const document = fc
    .tuple(base(0), trickyText, optional(fc.constantFrom("relance1", "miseEnDemeure")))
    .map(([b, documentRef, templateId]) => ({ ...b, type: "document" as const, documentRef, templateId }));

  return fc
    .oneof(step, step, call, promise, dispute, resolved, plan, payment, payment, acknowledgment, legalAction, document, start)
    .map((entry) => compact(entry) as Omit<JournalEntry, "id">);
}

/** A journal: ids unique ("e0", "e1"...), unless `duplicates` lets some repeat. */
export function journalArb(options: { wide?: boolean; maxLength?: number; duplicates?: boolean } & UniverseOptions = {}): fc.Arbitrary<JournalEntry[]> {
  return fc
    .array(fc.tuple(entryArb(options.wide ?? false, options), fc.nat({ max: 9 })), { maxLength: options.maxLength ?? 40 })
    .map((items) =>
      items.map(([entry, dice], i) => ({ ...entry, id: options.duplicates && dice === 0 && i > 0 ? `e${i - 1}` : `e${i}` }) as JournalEntry),
    );
}
