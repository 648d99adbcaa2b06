import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { clientKeyOf } from "../../../src/core/ledger/clientKey";
import type { FieldItem } from "../../../src/core/letters/blocks";
import { civilityOf } from "../../../src/core/letters/civility";
import { buildLetterModel } from "../../../src/core/letters/model";
import { book, casesOf, invoice, LETTER_DATE, PROFILE, stepById } from "./fixtures";
import { day } from "../fixtures";

const NBSP = "\u00a0";
const cents = (text: string) => Number(text.replace(/[^\d]/g, ""));

function payment(client: string, numero: string, date: number, amount: number, balanceBefore: number, id: string): JournalEntry {
  return {
    id,
    timestamp: "2026-01-01T09:00:00Z",
    client,
    clientKey: clientKeyOf(client),
    type: "payment",
    date,
    invoices: [numero],
    amount,
    allocations: [{ invoice: numero, amount, balanceBefore }],
  } as JournalEntry;
}

function facturesOf(clientName: string, invoices: ReturnType<typeof invoice>[], journal: JournalEntry[], templateId = "miseEnDemeure") {
  const c = casesOf(invoices, LETTER_DATE, journal).find((x) => x.client === clientName)!;
  const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, ...(templateId === "echeancier" ? { templateId } : { step: stepById(templateId) }) });
  return { m, factures: m.fields.factures as readonly FieldItem[] };
}

describe("the décompte in the letter's fields", () => {
  test("a partial payment recorded in the journal: the base drops the day after it, the periods add up to {penalites}", () => {
    const client = "SAS Paiement Partiel";
    const inv = invoice(client, "PP-1", day(2026, 1, 31), 1_000_000);
    const { factures } = facturesOf(client, [inv], [payment(client, "PP-1", day(2026, 3, 15), 400_000, 1_000_000, "p1")]);
    const periodes = factures[0].periodes as readonly FieldItem[];
    expect(periodes.map((p) => [p.du, p.au, p.base])).toEqual([
      ["01/02/2026", "15/03/2026", `10\u202f000,00${NBSP}€`],
      ["16/03/2026", "18/05/2026", `6\u202f000,00${NBSP}€`],
    ]);
    expect(periodes.reduce((sum, p) => sum + cents(p.montant as string), 0)).toBe(cents(factures[0].penalites as string));
    expect(periodes.every((p) => /^\d+,\d\d\u00a0%$/.test(p.taux as string))).toBe(true);
  });

  test("a consumer: interest from the formal notice only; before it, no period", () => {
    const client = "Mme Claire Martin";
    const inv = invoice(client, "C-1", day(2026, 1, 10), 250_000, { particulier: true });
    const none = facturesOf(client, [inv], []);
    expect(none.factures[0].avec_periodes).toBe(false);
    const notice = {
      id: "n1",
      timestamp: "2026-03-01T09:00:00Z",
      client,
      clientKey: clientKeyOf(client),
      type: "step",
      date: day(2026, 3, 1),
      invoices: ["C-1"],
      stepId: "miseEnDemeure",
      stepIndex: 5,
    } as unknown as JournalEntry;
    const after = facturesOf(client, [inv], [notice]);
    const periodes = after.factures[0].periodes as readonly FieldItem[];
    expect(after.m.amounts.interest).toBeGreaterThan(0);
    expect(periodes[0].du).toBe("02/03/2026");
    expect(periodes.reduce((sum, p) => sum + cents(p.montant as string), 0)).toBe(after.m.amounts.interest);
  });

  test("property: for random invoices and partial payments, each invoice's periods add up to its {penalites}", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ due: fc.integer({ min: 1, max: 700 }), amount: fc.integer({ min: 100, max: 50_000_000 }), paid: fc.array(fc.record({ after: fc.integer({ min: -20, max: 700 }), share: fc.integer({ min: 1, max: 300 }) }), { maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("professionnel", "acheteurPublic"),
        (raw, kind) => {
          const client = "SARL Aléatoire";
          const journal: JournalEntry[] = [];
          const invoices = raw.map((r, i) => {
            const due = LETTER_DATE - r.due;
            let balance = r.amount;
            r.paid.forEach((p, j) => {
              const date = Math.min(LETTER_DATE, due + p.after);
              const amount = Math.min(balance - 1, Math.floor((r.amount * p.share) / 1000));
              if (amount <= 0) return;
              journal.push(payment(client, `R-${i}`, date, amount, balance, `p${i}-${j}`));
              balance -= amount;
            });
            return invoice(client, `R-${i}`, due, r.amount, { acheteurPublic: kind === "acheteurPublic" });
          });
          journal.sort((a, b) => a.date - b.date);
          const { factures } = facturesOf(client, invoices, journal);
          for (const f of factures) {
            const periodes = f.periodes as readonly FieldItem[];
            expect(f.avec_periodes).toBe(periodes.length > 0);
            if (periodes.length) expect(periodes.reduce((sum, p) => sum + cents(p.montant as string), 0)).toBe(cents(f.penalites as string));
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("rates in the letter", () => {
  test("a public buyer's rates are one per invoice: joined by « ou », never « puis »; two decimals always", () => {
    const client = "Commune de Test";
    const invoices = [
      invoice(client, "AP-1", day(2023, 3, 31), 100_000, { acheteurPublic: true }),
      invoice(client, "AP-2", day(2025, 10, 31), 100_000, { acheteurPublic: true }),
    ];
    const { m } = facturesOf(client, invoices, []);
    expect(m.fields.taux_penalites).toMatch(/^\d+,\d\d\u00a0% ou \d+,\d\d\u00a0%$/);
    expect(m.fields.base_penalites).toMatch(/soit \d+,\d\d\u00a0% ou \d+,\d\d\u00a0% selon la facture$/);
    expect(JSON.stringify(m.fields)).not.toMatch(/% puis/);
  });
});

describe("civility", () => {
  test.each([
    ["Mme Martin", "Madame Martin,", "Madame"],
    ["M. Martin", "Monsieur Martin,", "Monsieur"],
    ["Mme Françoise Œuvray-Lefèvre", "Madame Œuvray-Lefèvre,", "Madame"],
    ["Monsieur Jean de La Fontaine", "Monsieur de La Fontaine,", "Monsieur"],
    ["M. DUPONT Jean", "Monsieur DUPONT,", "Monsieur"],
    ["Mme Claire P.", "Madame,", "Madame"],
    ["M. Hugo L", "Monsieur,", "Monsieur"],
    ["Mme P.", "Madame,", "Madame"],
    ["Mme J. Martin", "Madame Martin,", "Madame"],
    ["M. DUPONT J.", "Monsieur DUPONT,", "Monsieur"],
    ["Paul Durand", "Madame, Monsieur,", "Madame, Monsieur"],
    ["Dr Roux", "Madame, Monsieur,", "Madame, Monsieur"],
    ["", "Madame, Monsieur,", "Madame, Monsieur"],
  ])("%s → %s", (name, appel, politesse) => {
    expect(civilityOf(name).appel).toBe(appel);
    expect(civilityOf(name).politesse).toBe(politesse);
  });
});
