/**
 * Issue 15, « Rates in the pane »: with 2026 S2 unknown, a case still shows
 * what accrued up to 30/06/2026, exact to the cent, and never a figure for
 * the unknown days.
 */
import fc from "fast-check";
import { claimFor, type ClaimInput } from "../../../src/core/escalation/claim";
import { DEFAULT_SCENARIO } from "../../../src/core/escalation/scenario";
import { EMPTY_JOURNAL_STATE } from "../../../src/core/escalation/state";
import { buildCases } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { MissingRate, RateBook } from "../../../src/core/rates/rateBook";
import { day } from "../fixtures";

const book = RateBook.builtIn();
const JUNE_30 = day(2026, 6, 30);

function withS2(bce: number, legal: number): RateBook {
  return RateBook.create({ version: 1, semestres: { "2026-S2": { bce, legalAutres: legal, legalParticulier: legal } } });
}

function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    sheetRow: 2,
    client: "SARL Dupont",
    clientKey: "sarl dupont",
    numero: "F1",
    echeance: day(2026, 3, 22),
    echeanceSource: "colonne",
    montant: 1_000_000,
    particulier: false,
    acheteurPublic: false,
    ...overrides,
  };
}

test("10 000 € due 22/03/2026, seen on 15/09/2026: at least 332,88 € at 30/06/2026 (100 days at 12,15 %), the total left unknown", () => {
  // 23/03 → 30/06: 9 + 30 + 31 + 30 = 100 days; 10 000 × 12,15 % × 100 / 365 = 332,876… → 332,88 €.
  const result = buildCases([invoice()], EMPTY_JOURNAL_STATE, { scenario: DEFAULT_SCENARIO, book, today: day(2026, 9, 15) });
  const [c] = result.cases;
  expect(c.interest).toBeUndefined();
  expect(c.total).toBeUndefined();
  expect(c.interestAtLeast).toEqual({ cents: 33_288, through: JUNE_30 });
  expect(c.lines[0].interestAtLeast).toEqual({ cents: 33_288, through: JUNE_30 });
  expect(c.missingRateRefs).toEqual([{ kind: "bce", semester: 2026 * 2 + 1, enterable: true }]);
});

test("a case adds the full interest of its invoices whose rates are known (a contractual rate) to the bound of the others", () => {
  // F2: 1 000 € at a contractual 10 % from 01/06/2026 to 15/09/2026 (106 days): 1 000 × 10 % × 106 / 365 = 29,04 €.
  const contract = invoice({ numero: "F2", sheetRow: 3, montant: 100_000, echeance: day(2026, 6, 1), tauxContractuel: 100_000 });
  const [c] = buildCases([invoice(), contract], EMPTY_JOURNAL_STATE, { scenario: DEFAULT_SCENARIO, book, today: day(2026, 9, 15) }).cases;
  expect(c.lines.find((l) => l.invoice.numero === "F2")!.interest).toBe(2_904);
  expect(c.interestAtLeast).toEqual({ cents: 33_288 + 2_904, through: JUNE_30 });
});

test("a public buyer's moratory interest has one rate for the whole period: no bound when it is unknown", () => {
  const [c] = buildCases([invoice({ acheteurPublic: true, echeance: day(2026, 7, 10) })], EMPTY_JOURNAL_STATE, {
    scenario: DEFAULT_SCENARIO,
    book,
    today: day(2026, 9, 15),
  }).cases;
  expect(c.interest).toBeUndefined();
  expect(c.interestAtLeast).toBeUndefined();
});

test("due after the last known day: at least 0 € (nothing accrued on known days), never a guess", () => {
  const [c] = buildCases([invoice({ echeance: day(2026, 8, 1) })], EMPTY_JOURNAL_STATE, { scenario: DEFAULT_SCENARIO, book, today: day(2026, 9, 15) }).cases;
  expect(c.interestAtLeast).toEqual({ cents: 0, through: JUNE_30 });
});

const paymentArb = fc.record({ date: fc.integer({ min: day(2025, 6, 1), max: day(2026, 11, 30) }), amount: fc.integer({ min: 1, max: 200_000 }) });
const inputArb = fc.record({
  kind: fc.constantFrom("professionnel" as const, "particulier" as const),
  amountDue: fc.integer({ min: 0, max: 5_000_000 }),
  echeance: fc.integer({ min: day(2025, 1, 1), max: day(2026, 10, 31) }),
  today: fc.integer({ min: day(2026, 7, 1), max: day(2026, 12, 31) }),
  payments: fc.array(paymentArb, { maxLength: 3 }),
  formalNoticeDate: fc.option(fc.integer({ min: day(2025, 1, 1), max: day(2026, 12, 31) }), { nil: undefined }),
});

test("property: the bound is the claim computed up to the last known day, and never exceeds the claim once the semester is entered, whatever its rate", () => {
  fc.assert(
    fc.property(inputArb, fc.integer({ min: 0, max: 150_000 }), fc.integer({ min: 0, max: 150_000 }), (drawn, bceMillionths, legalMillionths) => {
      const input: ClaimInput = { ...drawn, book };
      const claim = claimFor(input);
      if (!(claim.interest instanceof MissingRate)) return;
      expect(claim.atLeast).toBeDefined();
      const bound = claim.atLeast!;
      expect(bound.through).toBe(Math.min(JUNE_30, drawn.today));
      // Exact cents: the same claim assessed on the last known day (payments after it not yet made).
      // What was paid after it was still owed then.
      const later = drawn.payments.filter((p) => p.date > bound.through).reduce((sum, p) => sum + p.amount, 0);
      const onLastDay = claimFor({ ...input, amountDue: drawn.amountDue + later, today: bound.through, payments: drawn.payments.filter((p) => p.date <= bound.through) });
      if (drawn.kind === "professionnel") expect(onLastDay.interest).toBe(bound.cents);
      const full = claimFor({ ...input, book: withS2(bceMillionths / 1e6, legalMillionths / 1e6) });
      expect(typeof full.interest).toBe("number");
      expect(full.interest as number).toBeGreaterThanOrEqual(bound.cents);
    }),
    { numRuns: 400 },
  );
});
