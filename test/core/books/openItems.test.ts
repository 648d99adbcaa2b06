import { cleanName, openItemsAt, type BookLine } from "../../../src/core/books";
import { toEpochDay } from "../../../src/core/calendar";

const D = (m: number, d: number) => toEpochDay(2024, m, d);
let n = 0;
function line(account: string, signedCents: number, date: number, extra: Partial<BookLine> = {}): BookLine {
  return { source: { file: "t", line: ++n }, account, name: `Client ${account}`, piece: "", date, signedCents, kind: signedCents > 0 ? "facture" : "reglement", ...extra };
}

describe("openItemsAt", () => {
  test("a payment under the invoice's piece settles that invoice, not the oldest one", () => {
    const lines = [
      line("A", 10000, D(1, 1), { piece: "F1" }),
      line("A", 20000, D(2, 1), { piece: "F2" }),
      line("A", -20000, D(3, 1), { piece: "F2" }),
    ];
    const result = openItemsAt(lines, D(12, 31));
    expect(result.open.map((i) => [i.piece, i.remainingCents])).toEqual([["F1", 10000]]);
    expect(result.settled.map((i) => i.piece)).toEqual(["F2"]);
    expect(result.settled[0].settlements).toEqual([expect.objectContaining({ date: D(3, 1), cents: 20000 })]);
  });

  test("a credit note naming its invoice goes to it; an unnamed payment to the oldest open invoice", () => {
    const lines = [
      line("A", 10000, D(1, 1), { piece: "F1" }),
      line("A", 30000, D(2, 1), { piece: "F2" }),
      line("A", -5000, D(2, 10), { piece: "AV1", refersTo: "F2", kind: "avoir" }),
      line("A", -4000, D(3, 1), { piece: "VIR" }),
    ];
    const result = openItemsAt(lines, D(12, 31));
    expect(result.open.map((i) => [i.piece, i.remainingCents])).toEqual([
      ["F1", 6000],
      ["F2", 25000],
    ]);
    expect(result.balanceCents).toBe(31000);
  });

  test("a lettered group that nets is settled; one that does not is reported and imputed", () => {
    const lines = [
      line("A", 10000, D(1, 1), { piece: "F1", lettering: "AA" }),
      line("A", -10000, D(1, 20), { piece: "R1", lettering: "AA" }),
      line("B", 10000, D(1, 1), { piece: "F1", lettering: "AA" }),
      line("B", -9000, D(1, 20), { piece: "R1", lettering: "AA" }),
    ];
    const result = openItemsAt(lines, D(12, 31));
    expect(result.open.map((i) => [i.account, i.remainingCents])).toEqual([["B", 1000]]);
    expect(result.notices.filter((n) => n.code === "lettrage_non_solde")).toEqual([expect.objectContaining({ account: "B", cents: 1000, detail: "AA" })]);
  });

  test("a group completed after the date is open at the date, and not reported", () => {
    const lines = [line("A", 10000, D(1, 1), { piece: "F1", lettering: "AB" }), line("A", -10000, D(6, 1), { piece: "R1", lettering: "AB" })];
    const result = openItemsAt(lines, D(3, 31));
    expect(result.open.map((i) => i.remainingCents)).toEqual([10000]);
    expect(result.counts.afterDate).toBe(1);
    expect(result.notices.map((n) => n.code)).toEqual(["apres_date"]);
  });

  test("credits beyond the debits: a credit balance, an unimputed credit, no open item", () => {
    const lines = [line("A", 10000, D(1, 1), { piece: "F1" }), line("A", -15000, D(2, 1), { piece: "VIR" })];
    const result = openItemsAt(lines, D(12, 31));
    expect(result.open).toEqual([]);
    expect(result.accounts).toEqual([expect.objectContaining({ account: "A", status: "crediteur", balanceCents: -5000 })]);
    expect(result.unimputedCredits).toEqual([expect.objectContaining({ originalCents: 15000, remainingCents: 5000 })]);
    expect(result.notices.map((n) => n.code).sort()).toEqual(["credit_non_impute", "solde_crediteur"]);
  });

  test("due dates: from the source when it has one, else assumed from the terms (default 30 days) and said so", () => {
    const lines = [line("A", 10000, D(1, 10), { piece: "F1" }), line("A", 10000, D(1, 10), { piece: "F2", dueDate: D(1, 20) })];
    const assumed = openItemsAt(lines, D(12, 31)).open;
    expect(assumed[0]).toMatchObject({ piece: "F1", dueDate: D(2, 9), dueDateSource: "assumed", assumedTerms: "30 jours" });
    expect(assumed[1]).toMatchObject({ piece: "F2", dueDate: D(1, 20), dueDateSource: "source" });
    expect(assumed[1].assumedTerms).toBeUndefined();
    const eom = openItemsAt(lines, D(12, 31), { terms: { kind: "daysEndOfMonth", days: 45, thenDays: 0 } }).open;
    expect(eom[0]).toMatchObject({ dueDate: D(2, 29), assumedTerms: "45 jours fin de mois" });
  });

  test("names: one name on two accounts is reported; the account stays the identity", () => {
    const lines = [line("A", 100, D(1, 1), { name: "DUPONT" }), line("B", 100, D(1, 1), { name: "Dupont" })];
    const result = openItemsAt(lines, D(12, 31));
    expect(result.accounts.map((a) => a.account)).toEqual(["A", "B"]);
    expect(result.notices).toEqual([expect.objectContaining({ code: "nom_sur_plusieurs_comptes", account: "A, B", detail: "DUPONT" })]);
  });
});

describe("cleanName", () => {
  test.each([
    ["AUBERGE DU FAISAN DOR\u0090", "AUBERGE DU FAISAN DOR", true],
    ["CafÃ© de la Gare", "Café de la Gare", true],
    ["SARL\u0000 MARTIN\t", "SARL MARTIN", true],
    ["  DUPONT   SARL ", "DUPONT SARL", false],
    ["Ã€ la bonne heure", "À la bonne heure", true],
  ])("%j -> %j", (raw, name, cleaned) => {
    expect(cleanName(raw)).toEqual({ name, cleaned });
  });
});

describe("opening entries detailed per invoice", () => {
  test("keep the invoice's date, and its due date runs from it", () => {
    const opening = line("A", 50000, toEpochDay(2024, 1, 1), { piece: "F-2023-90", kind: "a_nouveau", documentDate: toEpochDay(2023, 11, 15) });
    const [item] = openItemsAt([opening], toEpochDay(2024, 6, 30)).open;
    expect(item).toMatchObject({ date: toEpochDay(2023, 11, 15), dueDate: toEpochDay(2023, 12, 15), kind: "a_nouveau", dueDateSource: "assumed" });
  });
});
