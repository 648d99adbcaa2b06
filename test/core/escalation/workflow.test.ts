import fc from "fast-check";
import { textOf } from "../../../src/core/messages";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { SMALL_CLAIMS_LIMIT_CENTS, suggestProcedure } from "../../../src/core/escalation/legalAction";
import { lastPreDueStepIndex, nextStep } from "../../../src/core/escalation/nextStep";
import { DEFAULT_SCENARIO, stepIndexByDate } from "../../../src/core/escalation/scenario";
import { deriveState } from "../../../src/core/escalation/state";
import { buildCases, type ClientCase, type InvoiceLine } from "../../../src/core/escalation/workflow";
import type { Invoice } from "../../../src/core/ledger/invoiceRow";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day } from "../fixtures";

const S = DEFAULT_SCENARIO;
const book = RateBook.builtIn();
const NNBSP = "\u202f";
const NBSP = "\u00a0";

function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    sheetRow: 2,
    client: "SARL Dupont",
    clientKey: "sarl dupont",
    numero: "F1",
    echeance: day(2025, 3, 1),
    echeanceSource: "colonne",
    montant: 100000,
    particulier: false,
    acheteurPublic: false,
    ...overrides,
  };
}

function journal(...entries: Array<Record<string, unknown>>): JournalEntry[] {
  return entries.map(
    (entry, i) =>
      ({ id: `e${i + 1}`, timestamp: "2025-03-01T09:00:00Z", client: "SARL Dupont", clientKey: "sarl dupont", invoices: ["F1"], ...entry }) as JournalEntry,
  );
}

function run(invoices: Invoice[], entries: JournalEntry[], today: number) {
  return buildCases(invoices, deriveState(entries, S), { scenario: S, book, today });
}

/** The single case and its single line. */
function only(invoices: Invoice[], entries: JournalEntry[], today: number): { case: ClientCase; line: InvoiceLine } {
  const result = run(invoices, entries, today);
  expect(result.cases).toHaveLength(1);
  const c = result.cases[0];
  return { case: c, line: c.lines[0] ?? c.disputed[0] };
}

const step = (stepId: string, date: number, extra: Record<string, unknown> = {}) => ({ type: "step", stepId, date, ...extra });
const payment = (amount: number, balanceBefore: number, date: number, numero = "F1") => ({
  type: "payment",
  date,
  invoices: [numero],
  amount,
  allocations: [{ invoice: numero, amount, balanceBefore }],
});

describe("one professional invoice, 31 days late", () => {
  // 1,000.00 EUR due 01/03/2025, today 01/04/2025: 31 days at ECB 3.15 + 10 = 13.15 %
  // 100000 x 0.1315 x 31 / 365 = 1116.85 -> 1117 cents; + 40 EUR.
  const { case: c, line } = only([invoice()], [], day(2025, 4, 1));

  test("amount, days late, penalties, indemnity, total, bucket", () => {
    expect(line).toMatchObject({
      debtorKind: "professionnel",
      amountDue: 100000,
      daysLate: 31,
      interestKind: "penalites",
      interest: 1117,
      indemnity: 4000,
      total: 105117,
      bucket: 2,
      bucketLabel: "31-60 j",
      status: "aRelancer",
    });
    expect(line.missingRate).toBeUndefined();
    expect(c).toMatchObject({ client: "SARL Dupont", principal: 100000, interest: 1117, indemnity: 4000, total: 105117, daysLate: 31, bucketLabel: "31-60 j" });
  });

  // Issue 14 §4 changes this: without any journal history, an old debt starts at
  // the step its delay reaches (here the calendar's third), proposed for the
  // user to confirm; it used to be « Relance 1 ».
  test("nothing done yet: the step the delay reaches, proposed, not the preventive one nor Relance 1", () => {
    expect(line.next).toEqual({ index: 3, id: "relance3", label: "Relance 3", channel: "courrier", dueOn: day(2025, 3, 31), dueNow: true, proposed: true });
    expect(c.next).toEqual(line.next);
    expect(c.stepGroups).toEqual([{ index: 3, id: "relance3", label: "Relance 3", channel: "courrier", invoices: ["F1"] }]);
    expect(c.lastStep).toBeUndefined();
    expect(c.legal).toMatchObject({ procedure: "petitesCreances", basis: 101117, relevant: false });
  });
});

describe("next step", () => {
  test("never more than one step beyond the last one done", () => {
    // 50 days late: the calendar says "Mise en demeure", but only Relance 1 was sent.
    const { line } = only([invoice()], journal(step("relance1", day(2025, 3, 5))), day(2025, 4, 20));
    expect(line.lastStep).toEqual({ index: 1, id: "relance1", label: "Relance 1", channel: "email", date: day(2025, 3, 5) });
    expect(line.next).toMatchObject({ id: "relance2", dueOn: day(2025, 3, 16), dueNow: true });
  });

  test("a step done ahead of the calendar: the next one waits for its date", () => {
    const { line } = only([invoice()], journal(step("relance1", day(2025, 3, 2)), step("relance2", day(2025, 3, 10))), day(2025, 3, 20));
    expect(line.next).toMatchObject({ id: "relance3", dueOn: day(2025, 3, 31), dueNow: false });
    expect(line.status).toBe("planifiee");
  });

  test("before the due date: the preventive reminder from J-5", () => {
    const inv = invoice({ echeance: day(2025, 3, 10) });
    expect(only([inv], [], day(2025, 3, 5)).line.next).toMatchObject({ id: "preventive", dueOn: day(2025, 3, 5), dueNow: true });
    const result = run([inv], [], day(2025, 3, 4));
    expect(result.cases).toEqual([]);
    expect(result.notYetDue).toBe(1);
  });

  test("the scenario done to its end without legal action", () => {
    const { line, case: c } = only([invoice()], journal(...S.map((s, i) => step(s.id, day(2025, 3, 2) + i))), day(2025, 6, 1));
    expect(line.status).toBe("termine");
    expect(line.next).toBeUndefined();
    expect(c.legal.relevant).toBe(true);
  });

  test("property: the next step is at most one beyond the last done (pre-due steps aside) and its date has come when it is due", () => {
    const stepIds = S.map((s) => s.id);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...stepIds), fc.integer({ min: -10, max: 200 })), { maxLength: 6 }),
        fc.integer({ min: -30, max: 250 }),
        fc.option(fc.integer({ min: -10, max: 250 }), { nil: undefined }),
        (steps, todayOffset, promiseOffset) => {
          const due = day(2025, 3, 1);
          const today = due + todayOffset;
          const entries = journal(
            ...steps.map(([id, offset]) => step(id, due + offset)),
            ...(promiseOffset === undefined ? [] : [{ type: "promise", date: due, until: due + promiseOffset, amount: 1000 }]),
          );
          const result = run([invoice({ echeance: due })], entries, today);
          const line = result.cases[0]?.lines[0];
          if (!line) return;
          const lastDone = Math.max(-1, ...steps.map(([id]) => stepIds.indexOf(id)));
          let floor = todayOffset > 0 ? Math.max(lastDone, lastPreDueStepIndex(S)) : lastDone;
          // Issue 14 §4: without any history, the step the delay reaches is proposed, up to the
          // formal notice (none is recorded without history: no action judiciaire before it).
          const notice = stepIds.indexOf("miseEnDemeure");
          if (entries.length === 0) floor = Math.max(floor, Math.min(stepIndexByDate(S, todayOffset), notice) - 1);
          if (line.next) {
            expect(line.next.index).toBe(floor + 1);
            expect(line.next.proposed ?? false).toBe(entries.length === 0 && todayOffset > 0 && floor + 1 > lastPreDueStepIndex(S) + 1);
            if (line.next.dueNow) {
              expect(S[line.next.index].offsetDays).toBeLessThanOrEqual(todayOffset);
              if (promiseOffset !== undefined) expect(due + promiseOffset).toBeLessThan(today);
            } else {
              expect(line.next.dueOn).toBeGreaterThan(today);
            }
          } else {
            expect(floor + 1).toBe(S.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test("nextStep by itself: paused until the day after the pause", () => {
    const due = day(2025, 3, 1);
    expect(nextStep(S, due, due + 20, 1, due + 25)).toEqual({ kind: "later", index: 2, dueOn: due + 26 });
    expect(nextStep(S, due, due + 26, 1, due + 25)).toEqual({ kind: "due", index: 2, dueOn: due + 15 });
    expect(nextStep(S, due, due + 200, 5)).toEqual({ kind: "none" });
  });
});

describe("a dispute takes the invoice out of escalation until resolved", () => {
  const invoices = [invoice(), invoice({ numero: "F2", montant: 50000, sheetRow: 3 })];
  const dispute = { type: "dispute", date: day(2025, 3, 20), reason: "livraison incomplète" };

  test("while open: listed aside, out of the totals, no step", () => {
    const { case: c } = only(invoices, journal(dispute), day(2025, 4, 1));
    expect(c.disputed.map((l) => [l.invoice.numero, l.status, l.next])).toEqual([["F1", "litige", undefined]]);
    expect(c.disputed[0].dispute).toMatchObject({ open: true, reason: "livraison incomplète" });
    expect(c.lines.map((l) => l.invoice.numero)).toEqual(["F2"]);
    expect(c.principal).toBe(50000);
    expect(c.disputedPrincipal).toBe(100000);
    expect(c.stepGroups).toEqual([expect.objectContaining({ id: "relance1", invoices: ["F2"] })]);
  });

  test("once resolved: back in escalation", () => {
    const { case: c } = only(invoices, journal(dispute, { type: "disputeResolved", date: day(2025, 4, 10) }), day(2025, 4, 15));
    expect(c.disputed).toEqual([]);
    expect(c.lines.map((l) => [l.invoice.numero, l.status])).toEqual([
      ["F1", "aRelancer"],
      ["F2", "aRelancer"],
    ]);
    expect(c.principal).toBe(150000);
  });
});

describe("a promise to pay pauses the case until its date, then escalation resumes", () => {
  const entries = journal(step("relance1", day(2025, 3, 2)), { type: "promise", date: day(2025, 3, 20), until: day(2025, 4, 15), amount: 100000 });

  test.each([
    [day(2025, 4, 10), "enPause"],
    [day(2025, 4, 15), "enPause"],
  ])("on %p: paused, next step on the 16th", (today, status) => {
    const { line, case: c } = only([invoice()], entries, today);
    expect(line.status).toBe(status);
    expect(line.pausedUntil).toBe(day(2025, 4, 15));
    expect(line.next).toMatchObject({ id: "relance2", dueOn: day(2025, 4, 16), dueNow: false });
    expect(c.stepGroups).toEqual([]);
    expect(line.warnings).toEqual([]);
  });

  test("the day after: Relance 2 is due, and the broken promise is said", () => {
    const { line } = only([invoice()], entries, day(2025, 4, 16));
    expect(line.status).toBe("aRelancer");
    expect(line.next).toMatchObject({ id: "relance2", dueOn: day(2025, 3, 16), dueNow: true });
    expect(line.warnings).toEqual([`promesse non tenue : 1${NNBSP}000,00${NBSP}€ promis pour le 15/04/2025, 0,00${NBSP}€ reçus depuis`]);
  });

  test("a kept partial promise: no warning, the rest is chased", () => {
    const kept = journal(step("relance1", day(2025, 3, 2)), { type: "promise", date: day(2025, 3, 20), until: day(2025, 4, 15), amount: 40000 }, payment(40000, 100000, day(2025, 4, 14)));
    const { line } = only([invoice()], kept, day(2025, 4, 16));
    expect(line.warnings).toEqual([]);
    expect(line.amountDue).toBe(60000);
    expect(line.next).toMatchObject({ id: "relance2", dueNow: true });
  });
});

describe("a partial payment reduces the amount and restarts prescription", () => {
  // 400 EUR paid on 21/03/2025 on 1,000 EUR due 01/03/2025; today 01/04/2025, 13.15 %:
  // 600 EUR over 31 days: 60000 x 0.1315 x 31 / 365 = 670.11 -> 670
  // 400 EUR over 20 days: 40000 x 0.1315 x 20 / 365 = 288.22 -> 288
  const entries = journal(payment(40000, 100000, day(2025, 3, 21)));

  test("amount due, penalties on each part, prescription from the payment", () => {
    const { line } = only([invoice()], entries, day(2025, 4, 1));
    expect(line).toMatchObject({ amountDue: 60000, interest: 958, indemnity: 4000, total: 64958 });
    expect(line.prescription).toEqual({ from: day(2025, 3, 21), date: day(2030, 3, 21), daysLeft: day(2030, 3, 21) - day(2025, 4, 1) });
    expect(only([invoice()], [], day(2025, 4, 1)).line.prescription.date).toBe(day(2030, 3, 1));
  });

  test("a list already updated to the balance is not reduced twice", () => {
    expect(only([invoice({ montant: 60000 })], entries, day(2025, 4, 1)).line.amountDue).toBe(60000);
  });

  test("paid in full per the journal, or per the list: settled, not chased", () => {
    const result = run([invoice(), invoice({ numero: "F2", datePaiement: day(2025, 3, 5) }), invoice({ numero: "F3", montant: 0 })], journal(payment(100000, 100000, day(2025, 3, 21))), day(2025, 4, 1));
    expect(result.cases).toEqual([]);
    expect(result.settled).toBe(3);
  });
});

describe("prescription warnings", () => {
  test("within 90 days: a warning that says how to interrupt it", () => {
    const { line } = only([invoice({ echeance: day(2020, 6, 1) })], [], day(2025, 4, 1));
    expect(line.prescription).toMatchObject({ date: day(2025, 6, 1), daysLeft: 61 });
    expect(line.prescription.warning).toBe(
      "prescription le 01/06/2025, dans 61 jours (5 ans depuis le 01/06/2020 (échéance)) : obtenez une reconnaissance de dette ou un paiement partiel, " +
        "ou engagez l'action (une mise en demeure n'interrompt pas la prescription)",
    );
  });

  test("a mise en demeure does not move it; an acknowledgment does", () => {
    const notice = journal(step("miseEnDemeure", day(2025, 3, 1), { channel: "lrar" }));
    expect(only([invoice({ echeance: day(2020, 6, 1) })], notice, day(2025, 4, 1)).line.prescription.date).toBe(day(2025, 6, 1));
    const acknowledged = journal({ type: "acknowledgment", date: day(2024, 1, 10) });
    const { line } = only([invoice({ echeance: day(2020, 6, 1) })], acknowledged, day(2025, 4, 1));
    expect(line.prescription).toEqual({ from: day(2024, 1, 10), date: day(2029, 1, 10), daysLeft: day(2029, 1, 10) - day(2025, 4, 1) });
  });

  test("two years against a consumer; already prescribed is said too", () => {
    expect(only([invoice({ echeance: day(2023, 6, 1), particulier: true })], [], day(2025, 4, 1)).line.prescription).toMatchObject({ date: day(2025, 6, 1), daysLeft: 61 });
    expect(only([invoice({ echeance: day(2019, 1, 1) })], [], day(2025, 4, 1)).line.prescription.warning).toMatch(/^créance prescrite depuis le 01\/01\/2024 /);
  });
});

describe("legal action: small claims up to 5,000 EUR in principal and interest, injonction de payer above", () => {
  test("the threshold itself", () => {
    expect(SMALL_CLAIMS_LIMIT_CENTS).toBe(500000);
    expect(suggestProcedure(500000, 0).procedure).toBe("petitesCreances");
    expect(suggestProcedure(500001, 0).procedure).toBe("injonctionDePayer");
    expect(suggestProcedure(499000, 1000)).toMatchObject({ procedure: "petitesCreances", basis: 500000 });
    expect(suggestProcedure(499000, 1001)).toMatchObject({ procedure: "injonctionDePayer", basis: 500001 });
    expect(suggestProcedure(499000, undefined).procedure).toBeUndefined();
    expect(suggestProcedure(500001, undefined).procedure).toBe("injonctionDePayer");
  });

  test("penalties count, the 40 EUR indemnity does not", () => {
    // 4,990.00 EUR, 31 days at 13.15 %: 499000 x 0.1315 x 31 / 365 = 5573.08 -> 5573; 504,573 > 500,000.
    expect(only([invoice({ montant: 499000 })], [], day(2025, 4, 1)).case.legal).toMatchObject({ procedure: "injonctionDePayer", basis: 504573 });
    // 4,940.00 EUR: 494000 x 0.1315 x 31 / 365 = 5517.24 -> 5517; 499,517 <= 500,000 although + 40 EUR exceeds it.
    const { case: c } = only([invoice({ montant: 494000 })], [], day(2025, 4, 1));
    expect(c.total).toBe(494000 + 5517 + 4000);
    expect(c.legal).toMatchObject({ procedure: "petitesCreances", basis: 499517 });
  });

  test("the client's invoices add up; handed over, the case has no next step", () => {
    // F1: 300000 x 0.1315 x 31 / 365 = 3350.55 -> 3351; F2 is due today: nothing yet.
    const two = [invoice({ montant: 300000 }), invoice({ numero: "F2", montant: 300000, echeance: day(2025, 4, 1) })];
    const { case: c } = only(two, journal({ type: "legalAction", date: day(2025, 4, 1), procedure: "injonctionDePayer" }), day(2025, 4, 1));
    expect(c.legal).toMatchObject({ procedure: "injonctionDePayer", basis: 600000 + 3351, relevant: true });
    expect(c.lines.map((l) => [l.invoice.numero, l.status, l.next?.id])).toEqual([
      ["F1", "procedure", undefined],
      ["F2", "aRelancer", "preventive"],
    ]);
  });
});

describe("consumers and public buyers", () => {
  test("a consumer owes no penalty nor indemnity, and legal interest only from the formal notice", () => {
    const { line } = only([invoice({ particulier: true })], [], day(2025, 4, 1));
    expect(line).toMatchObject({ debtorKind: "particulier", interestKind: "interetsLegaux", interest: 0, indemnity: 0, total: 100000 });
    // Notice by LRAR on 15/04/2025; 30 days to 15/05/2025 at 3.71 % (2025 S1, "autres cas"):
    // 100000 x 0.0371 x 30 / 365 = 304.93 -> 305.
    const noticed = only([invoice({ particulier: true })], journal(step("miseEnDemeure", day(2025, 4, 15), { channel: "lrar" })), day(2025, 5, 15));
    expect(noticed.line).toMatchObject({ interest: 305, indemnity: 0, total: 100305 });
  });

  test("a public buyer owes moratory interest at one rate, and 40 EUR", () => {
    // ECB on 02/03/2025 (2025 S1) 3.15 + 8 = 11.15 %: 100000 x 0.1115 x 31 / 365 = 946.99 -> 947.
    const { line } = only([invoice({ acheteurPublic: true })], [], day(2025, 4, 1));
    expect(line).toMatchObject({ debtorKind: "acheteurPublic", interestKind: "interetsMoratoires", interest: 947, indemnity: 4000, total: 104947 });
  });
});

describe("rates", () => {
  test("a contractual rate under 3 x the legal rate is flagged, and used as typed", () => {
    const low = only([invoice({ tauxContractuel: 50000, dateFacture: day(2025, 1, 15) })], [], day(2025, 4, 1));
    // 100000 x 0.05 x 31 / 365 = 424.66 -> 425.
    expect(low.line.interest).toBe(425);
    expect(low.line.warnings).toEqual([
      `taux contractuel de 5${NBSP}% inférieur au minimum légal de 11,13${NBSP}% au 15/01/2025 (3 fois le taux d'intérêt légal, art. L441-10 C. com.) : ` +
        "corrigez vos conditions générales ; les pénalités sont calculées au taux contractuel saisi",
    ]);
    expect(low.case.warnings).toEqual([`Facture F1 : ${low.line.warnings[0]}`]);
    const fair = only([invoice({ tauxContractuel: 120000, dateFacture: day(2025, 1, 15) })], [], day(2025, 4, 1));
    // 100000 x 0.12 x 31 / 365 = 1019.18 -> 1019.
    expect(fair.line).toMatchObject({ interest: 1019, warnings: [] });
  });

  test("a missing rate is reported in French, never guessed", () => {
    const { line, case: c } = only([invoice({ echeance: day(2026, 5, 1) })], [], day(2026, 8, 1));
    const message = "Taux BCE (opérations principales de refinancement) du 2e semestre 2026 inconnu : saisissez-le dans le volet Recouvre, onglet « Taux ».";
    expect(textOf(line.missingRate!, "fr")).toBe(message);
    expect(line.interest).toBeUndefined();
    expect(line.total).toBeUndefined();
    expect(line.indemnity).toBe(4000);
    expect(c.missingRates.map((rate) => textOf(rate, "fr"))).toEqual([message]);
    expect(c.interest).toBeUndefined();
    expect(c.total).toBeUndefined();
    expect(c.legal.procedure).toBeUndefined();
  });
});

describe("payment plans are followed up like invoices", () => {
  const plan = { type: "plan", date: day(2025, 3, 20), instalments: [{ date: day(2025, 4, 10), amount: 50000 }, { date: day(2025, 5, 10), amount: 50000 }] };

  test("honoured: paused until the next instalment", () => {
    const { line } = only([invoice()], journal(plan), day(2025, 4, 1));
    expect(line.status).toBe("echeancier");
    expect(line.pausedUntil).toBe(day(2025, 4, 10));
    expect(line.next).toMatchObject({ id: "relance1", dueOn: day(2025, 4, 11), dueNow: false });
    expect(line.plan?.instalments.map((i) => i.status)).toEqual(["aVenir", "aVenir"]);
  });

  test("an instalment unpaid past its date: said, and escalation resumes", () => {
    const { line } = only([invoice()], journal(plan), day(2025, 4, 15));
    expect(line.status).toBe("aRelancer");
    expect(line.plan?.instalments[0]).toEqual({ date: day(2025, 4, 10), amount: 50000, paid: 0, daysLate: 5, status: "enRetard" });
    expect(line.warnings).toEqual([`échéancier non respecté : échéance du 10/04/2025 (500,00${NBSP}€) impayée depuis 5 jours`]);
  });

  test("an instalment paid: paused until the following one", () => {
    const { line } = only([invoice()], journal(plan, payment(50000, 100000, day(2025, 4, 9))), day(2025, 4, 15));
    expect(line).toMatchObject({ status: "echeancier", pausedUntil: day(2025, 5, 10), amountDue: 50000 });
    expect(line.plan?.instalments.map((i) => i.status)).toEqual(["payee", "aVenir"]);
  });
});

describe("cases", () => {
  test("grouped by client, most urgent first; contact details from the rows", () => {
    const invoices = [
      invoice({ client: "Martin", clientKey: "martin", numero: "M1", echeance: day(2025, 3, 25), sheetRow: 5 }),
      invoice({ numero: "F2", echeance: day(2025, 1, 1), sheetRow: 3, email: "compta@dupont.fr" }),
      invoice({ sheetRow: 2 }),
      invoice({ client: "Zoé Bernard", clientKey: "zoe bernard", numero: "Z1", echeance: day(2025, 3, 10), sheetRow: 6 }),
    ];
    // Martin's reminder was sent ahead of the calendar: nothing due now.
    const entries = journal({ ...step("relance1", day(2025, 3, 26)), client: "Martin", clientKey: "martin", invoices: ["M1"] });
    const result = run(invoices, entries, day(2025, 4, 1));
    expect(result.cases.map((c) => [c.client, c.next?.dueNow, c.daysLate])).toEqual([
      ["SARL Dupont", true, 90],
      ["Zoé Bernard", true, 22],
      ["Martin", false, 7],
    ]);
    const dupont = result.cases[0];
    expect(dupont.lines.map((l) => l.invoice.numero)).toEqual(["F2", "F1"]);
    expect(dupont.contact).toEqual({ email: "compta@dupont.fr" });
    expect(dupont.bucketLabel).toBe("61-90 j");
    expect(result.cases[2].next).toMatchObject({ id: "relance2", dueOn: day(2025, 4, 9) });
  });

  test("invoices at different stages: one group per step due", () => {
    const invoices = [invoice(), invoice({ numero: "F2", sheetRow: 3 })];
    const { case: c } = only(invoices, journal(step("relance1", day(2025, 3, 2), { invoices: ["F1"] })), day(2025, 4, 1));
    expect(c.stepGroups.map((g) => [g.id, g.invoices])).toEqual([
      ["relance2", ["F1"]],
      ["relance1", ["F2"]],
    ]);
    expect(c.next).toMatchObject({ id: "relance2", dueNow: true });
    expect(c.lastStep).toMatchObject({ id: "relance1", date: day(2025, 3, 2) });
  });

  test("journal problems are reported", () => {
    const [a] = journal(step("relanceSms", day(2025, 3, 2)));
    const result = buildCases([invoice()], deriveState([a, a], S), { scenario: S, book, today: day(2025, 4, 1) });
    expect(result.journalWarnings).toEqual([
      "Journal : l'entrée « e1 » figure deux fois ; la seconde est ignorée.",
      "Journal : l'étape « relanceSms » n'existe plus dans le scénario ; elle ne compte pas comme faite.",
    ]);
  });
});
