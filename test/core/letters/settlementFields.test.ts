/**
 * HT and TTC, credit notes, payments on account and partial payments in the
 * merge model (issue 18): {#avoirs} and {#reglements}, and the sums a debtor
 * reads in the letter equal the amount claimed to the cent.
 */
import fc from "fast-check";
import type { JournalEntry } from "../../../src/core/escalation/journal";
import { clientKeyOf } from "../../../src/core/ledger/clientKey";
import { imputeListCredits, type ListCredit } from "../../../src/core/ledger/listCredits";
import type { FieldItem } from "../../../src/core/letters/blocks";
import { buildLetterModel, type LetterModel } from "../../../src/core/letters/model";
import { mergedLetter } from "../../../src/core/letters/render";
import { deductionKind } from "../../../src/core/letters/settlementFields";
import { book, casesOf, invoice, LETTER_DATE, PROFILE, stepById } from "./fixtures";
import { day } from "../fixtures";

const cents = (text: string) => Number(text.replace(/[^\d]/g, ""));
const CLIENT = "SAS Bâtiments Réunis";
let row = 1000;

function credit(numero: string, date: number, montant: number): ListCredit {
  return { sheetRow: row++, client: CLIENT, clientKey: clientKeyOf(CLIENT), numero, date, montant };
}

function payment(numero: string, date: number, amount: number, balanceBefore: number, id: string): JournalEntry {
  return { id, timestamp: "2026-04-01T09:00:00Z", client: CLIENT, clientKey: clientKeyOf(CLIENT), type: "payment", date, invoices: [numero], amount, allocations: [{ invoice: numero, amount, balanceBefore }] } as JournalEntry;
}

function letter(invoices: ReturnType<typeof invoice>[], credits: ListCredit[] = [], journal: JournalEntry[] = [], templateId = "miseEnDemeure"): LetterModel {
  const imputed = imputeListCredits(invoices, credits).invoices;
  const c = casesOf(imputed, LETTER_DATE, journal).find((x) => x.client === CLIENT)!;
  return buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById(templateId) });
}

const items = (m: LetterModel, loop: string) => m.fields[loop] as readonly FieldItem[];

describe("credit notes, payments on account and partial payments", () => {
  const invoices = [
    invoice(CLIENT, "F-100", day(2026, 1, 31), 120_000, { dateFacture: day(2026, 1, 1), montantHT: 100_000 }),
    invoice(CLIENT, "F-101", day(2026, 2, 28), 60_000, { dateFacture: day(2026, 2, 1), montantHT: 50_000 }),
  ];
  const credits = [credit("F-100", day(2026, 2, 10), 20_000), credit("AV-2026-07", day(2026, 2, 20), 12_000), credit("ACPT-3", day(2025, 12, 20), 6_000)];
  const m = letter(invoices, credits, [payment("F-101", day(2026, 3, 15), 10_000, 60_000, "p1")]);

  test("each deduction in its loop, with its nature, piece, date and invoice", () => {
    expect(items(m, "avoirs")).toEqual([{ nature: "Avoir", piece: "AV-2026-07", date: "20/02/2026", montant: expect.stringMatching(/^120,00/), facture: expect.any(String) }]);
    const reglements = items(m, "reglements");
    expect(reglements.map((r) => r.nature)).toEqual(["Acompte", "Règlement partiel", "Règlement partiel"]);
    expect(reglements.map((r) => r.piece)).toEqual(["ACPT-3", "F-100", "—"]);
    expect(reglements.map((r) => r.date)).toEqual(["20/12/2025", "10/02/2026", "15/03/2026"]);
    expect(m.fields.avec_avoirs).toBe(true);
    expect(m.fields.avec_reglements).toBe(true);
  });

  test("HT and TTC when the HT is known; the table says so", () => {
    const [first] = items(m, "factures");
    expect(first).toMatchObject({ numero: "F-100", montant_ht: expect.stringMatching(/^1\u202f000,00/), montant_ttc: expect.stringMatching(/^1\u202f200,00/), montant_facture: expect.stringMatching(/^1\u202f200,00/) });
    expect(m.fields.avec_ht).toBe(true);
    expect(cents(m.fields.total_ht as string)).toBe(150_000);
    const blocks = mergedLetter(m, "courrier");
    const table = blocks.find((b) => b.type === "table" && b.columns.some((c) => c.header === "Montant HT"));
    expect(table?.type === "table" && table.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Montant HT", "Montant dû TTC"]));
    const deductions = blocks.filter((b) => b.type === "table" && b.columns[0].header === "Nature");
    expect(deductions).toHaveLength(2);
  });

  test("without an HT column: no HT, no TTC claimed, the usual table", () => {
    const plain = letter([invoice(CLIENT, "F-200", day(2026, 1, 31), 50_000)]);
    expect(items(plain, "factures")[0]).toMatchObject({ montant_ht: "—", montant_ttc: "—" });
    expect(plain.fields.avec_ht).toBe(false);
    expect(plain.fields.avec_deductions).toBe(false);
    const blocks = mergedLetter(plain, "courrier");
    expect(blocks.some((b) => b.type === "table" && b.columns.some((c) => c.header.includes("HT")))).toBe(false);
    expect(blocks.some((b) => b.type === "table" && b.columns[0].header === "Nature")).toBe(false);
  });

  test("billed − credit notes − payments = the principal claimed, per invoice and in total, to the cent", () => {
    const total = cents(m.fields.total_facture as string) - cents(m.fields.total_avoirs as string) - cents(m.fields.total_reglements as string);
    expect(total).toBe(m.amounts.principal);
    expect(cents(m.fields.total_principal as string)).toBe(m.amounts.principal);
    for (const f of items(m, "factures")) expect(cents(f.montant_facture as string) - cents(f.deductions as string)).toBe(cents(f.montant as string));
    // The total due printed is the principal + interest + indemnities the case claims.
    expect(cents(m.fields.total_du as string)).toBe(m.amounts.total);
  });

  test("a payment the journal cannot explain alone: one line states the difference, never a guess", () => {
    // The journal saw 500.00 owed before its 100.00 payment, the list says 600.00: the state keeps 400.00.
    const odd = letter([invoice(CLIENT, "F-300", day(2026, 1, 31), 60_000)], [], [payment("F-300", day(2026, 3, 1), 10_000, 50_000, "p2")]);
    const reglements = items(odd, "reglements");
    expect(reglements).toHaveLength(1);
    expect(reglements[0]).toMatchObject({ nature: "Règlements enregistrés au journal", piece: "—" });
    expect(cents(odd.fields.total_facture as string) - cents(odd.fields.total_reglements as string)).toBe(odd.amounts.principal);
  });

  test("which credit is which", () => {
    expect(deductionKind("AV-12", day(2026, 1, 1), day(2026, 2, 1))).toBe("avoir");
    expect(deductionKind("Avoir n° 3", day(2026, 3, 1), day(2026, 2, 1))).toBe("avoir");
    expect(deductionKind("VIR-9", day(2026, 1, 1), day(2026, 2, 1))).toBe("acompte");
    expect(deductionKind("VIR-9", day(2026, 3, 1), day(2026, 2, 1))).toBe("reglement");
    expect(deductionKind("VIR-9", day(2026, 3, 1), undefined)).toBe("reglement");
  });

  test("property: for random invoices, credits and journal payments, the letter's sums equal the amount claimed to the cent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1_000, max: 5_000_000 }), ht: fc.boolean(), late: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ share: fc.double({ min: 0.01, max: 0.6, noNaN: true }), avoir: fc.boolean(), before: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
        fc.array(fc.double({ min: 0.01, max: 0.3, noNaN: true }), { maxLength: 3 }),
        (specs, creditSpecs, payShares) => {
          const invs = specs.map((s, i) =>
            invoice(CLIENT, `P-${i}`, LETTER_DATE - s.late, s.amount, { dateFacture: LETTER_DATE - s.late - 30, ...(s.ht && { montantHT: Math.round(s.amount / 1.2) }) }),
          );
          const total = specs.reduce((sum, s) => sum + s.amount, 0);
          const creds = creditSpecs.map((c, i) => credit(c.avoir ? `AV-${i}` : `REG-${i}`, LETTER_DATE - 200 - c.before, Math.max(1, Math.floor(total * c.share / 4))));
          const imputed = imputeListCredits(invs, creds).invoices;
          const open = imputed.filter((x) => x.montant > 0);
          const journal: JournalEntry[] = [];
          if (open.length > 0) {
            let balance = open[0].montant;
            payShares.forEach((share, i) => {
              const amount = Math.floor(balance * share);
              if (amount < 1 || amount >= balance) return;
              journal.push(payment(open[0].numero, LETTER_DATE - 20 + i, amount, balance, `q${i}`));
              balance -= amount;
            });
          }
          const cs = casesOf(imputed, LETTER_DATE, journal).find((x) => x.client === CLIENT);
          if (!cs || cs.lines.length === 0) return;
          const m = buildLetterModel({ clientCase: cs, profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "miseEnDemeure" });
          const sum = cents(m.fields.total_facture as string) - cents(m.fields.total_avoirs as string) - cents(m.fields.total_reglements as string);
          expect(sum).toBe(m.amounts.principal);
          const loops = [...items(m, "avoirs"), ...items(m, "reglements")].reduce((s, d) => s + cents(d.montant as string), 0);
          expect(loops).toBe(cents(m.fields.total_avoirs as string) + cents(m.fields.total_reglements as string));
          for (const f of items(m, "factures")) expect(cents(f.montant_facture as string) - cents(f.deductions as string)).toBe(cents(f.montant as string));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the LRAR number and who recorded it", () => {
  const c = casesOf([invoice(CLIENT, "F-400", day(2026, 1, 31), 80_000)]).find((x) => x.client === CLIENT)!;
  const build = (step: string, lrar?: { number: string; recordedBy?: string }) =>
    buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById(step), ...(lrar && { lrar }) });

  test("in a registered letter: the mention under the date carries the number, the foot says who recorded it", () => {
    const m = build("miseEnDemeure", { number: "1A 123 456 7890 1", recordedBy: "Paul Bernard" });
    expect(m.fields.numero_lrar).toBe("1A 123 456 7890 1");
    expect(m.fields.lrar_enregistre_par).toBe("Paul Bernard");
    const text = mergedLetter(m, "courrier").flatMap((b) => (b.type === "p" ? [b.runs.map((r) => r.text).join("")] : []));
    expect(text).toContain("Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1");
    expect(text).toContain("Envoi recommandé n° 1A 123 456 7890 1, inscrit au journal des relances par Paul Bernard.");
    expect(text).not.toContain("Lettre recommandée avec accusé de réception");
  });

  test("before the number is recorded, the plain mention; never in a letter that is not registered", () => {
    const none = mergedLetter(build("miseEnDemeure"), "courrier").flatMap((b) => (b.type === "p" ? [b.runs.map((r) => r.text).join("")] : []));
    expect(none).toContain("Lettre recommandée avec accusé de réception");
    expect(none.some((t) => t.includes("n° 1A"))).toBe(false);
    const relance = build("relance1", { number: "1A 123 456 7890 1", recordedBy: "Paul Bernard" });
    expect(relance.fields.numero_lrar).toBe("");
    expect(mergedLetter(relance, "courrier").some((b) => b.type === "p" && b.runs.some((r) => r.text.includes("1A 123")))).toBe(false);
  });

  test("the e-mail never carries the registered letter's foot", () => {
    const m = build("miseEnDemeure", { number: "1A 123 456 7890 1", recordedBy: "Paul Bernard" });
    expect(mergedLetter(m, "email").some((b) => b.type === "p" && b.runs.some((r) => r.text.startsWith("Envoi recommandé")))).toBe(false);
  });
});
