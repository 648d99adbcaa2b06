import { isLineNotice, openItemsAt, readFec, readFecFiles, type BookNotice, type FecRead } from "../../../src/core/books";
import { toEpochDay } from "../../../src/core/calendar";
import { fixtureBytes } from "./fecFixtures";

const END_2024 = toEpochDay(2024, 12, 31);

function noticeCount(read: FecRead, code: BookNotice["code"]): number {
  return read.report.notices.filter((n) => n.code === code).reduce((sum, n) => sum + (n.count ?? 1), 0);
}

/** Every data line is a customer line or in a line notice. */
function expectAccounted(read: FecRead): void {
  const noticed = read.report.notices.filter(isLineNotice).reduce((sum, n) => sum + (n.count ?? 1), 0);
  expect(read.report.customerLines + noticed).toBe(read.report.linesRead);
}

function balances(read: FecRead, at = END_2024): Record<string, number> {
  return Object.fromEntries(openItemsAt(read.lines, at).accounts.map((a) => [a.account, a.balanceCents]));
}

describe("readFec on the fixtures", () => {
  test("UTF-8, tab, 18 fields: customers, 418/419 apart, other accounts counted", () => {
    const read = readFec(fixtureBytes("utf8-tab-18.txt"), "utf8-tab-18.txt");
    expect(read.report.files[0]).toMatchObject({ encoding: "UTF-8", separator: "tabulation", fields: 18, variant: "18", amounts: "debit_credit", lines: 19 });
    expect(read.report.linesRead).toBe(19);
    expect(read.report.customerLines).toBe(12);
    expect(noticeCount(read, "autre_compte")).toBe(5);
    expect(read.report.notices.find((n) => n.code === "compte_418")).toMatchObject({ count: 1, cents: 25000 });
    expect(read.report.notices.find((n) => n.code === "compte_419")).toMatchObject({ count: 1, cents: -9000 });
    expectAccounted(read);
    const opening = read.lines.find((l) => l.account === "C006");
    expect(opening).toMatchObject({ kind: "a_nouveau", piece: "x", signedCents: 80000, journal: "AN" });
    expect(read.lines.find((l) => l.piece === "AV-1")).toMatchObject({ kind: "avoir", refersTo: "F-2", signedCents: -10000 });
    expect(read.lines.find((l) => l.piece === "RG-5")).toMatchObject({ kind: "reglement" });
    expect(read.lines.find((l) => l.piece === "F-2" && l.signedCents > 0)?.name).toBe("CAFÉ DE LA GARE");
    // Revenue excluding VAT by day; including VAT from the invoices and credit notes.
    expect([...read.sales.ht]).toEqual([
      [toEpochDay(2024, 1, 15), 100000],
      [toEpochDay(2024, 2, 1), 60000],
      [toEpochDay(2024, 2, 20), -10000],
    ]);
    expect(read.sales.ttc.get(toEpochDay(2024, 1, 15))).toBe(120000);
    expect(read.sales.ttc.get(toEpochDay(2024, 2, 20))).toBe(-10000);
    expect(balances(read)).toEqual({ C001: 70000, C002: 50000, C003: 0, C004: 5000, C005: -5000, C006: 80000 });
  });

  test("UTF-8 BOM, « | », CRLF, padded fields, header case variants, signs first and last, zero padding, integers", () => {
    const read = readFec(fixtureBytes("bom-pipe-crlf.txt"), "bom.txt");
    expect(read.report.files[0]).toMatchObject({ encoding: "UTF-8 (BOM)", separator: "|", variant: "18", lines: 4 });
    expect(read.lines.map((l) => l.signedCents)).toEqual([12000, 259200, -1250, -5000]);
    expect(read.lines[0]).toMatchObject({ account: "C001", name: "DUPONT SARL", piece: "F-1", ledgerAccount: "41100000" });
    expect(balances(read)).toEqual({ C001: 7000, C002: 257950 });
  });

  test("ISO-8859-15, Montant + Sens (D/C, +1/-1), CR line ends, a damaged name, 416 doubtful customers", () => {
    const read = readFec(fixtureBytes("latin9-montant-sens.txt"), "latin9.txt");
    expect(read.report.files[0]).toMatchObject({ encoding: "ISO-8859-15", amounts: "montant_sens", lines: 4 });
    expect(read.lines.map((l) => l.signedCents)).toEqual([100000, -40000, 25000, -5000]);
    expect(read.lines[0].label).toBe("Facture F-10 repas €");
    expect(read.lines[2]).toMatchObject({ name: "SOCIÉTÉ ŒUVRE", ledgerAccount: "41600000" });
    const items = openItemsAt(read.lines, END_2024);
    expect(items.accounts.find((a) => a.account === "C010")).toMatchObject({ name: "AUBERGE DU FAISAN DOR", nameCleaned: true, balanceCents: 60000 });
    expect(items.notices.find((n) => n.code === "nom_nettoye")?.account).toBe("C010");
    expect(items.notices.find((n) => n.code === "noms_multiples")).toMatchObject({ account: "C011" });
    const f10 = items.open.find((i) => i.piece === "F-10");
    expect(f10?.settlements).toEqual([expect.objectContaining({ date: toEpochDay(2024, 3, 1), cents: 40000 })]);
  });

  test.each([
    ["ba-21.txt", "21", 21],
    ["bnc-22.txt", "22", 22],
  ])("%s: the trésorerie variant, customers as 411 sub-accounts", (file, variant, fields) => {
    const read = readFec(fixtureBytes(file), file);
    expect(read.report.files[0]).toMatchObject({ variant, fields, lines: 3 });
    expect(read.lines[0]).toMatchObject({ account: "411DURAND", name: "DURAND Paul" });
    expect(balances(read)).toEqual({ "411DURAND": 20000, "411PETIT": 7550 });
  });

  test("a FEC in two parts, or concatenated with its header repeated, reads as the whole", () => {
    const whole = balances(readFec(fixtureBytes("utf8-tab-18.txt"), "whole.txt"));
    const parts = readFecFiles([
      { name: "split-part1.txt", bytes: fixtureBytes("split-part1.txt") },
      { name: "split-part2.txt", bytes: fixtureBytes("split-part2.txt") },
    ]);
    expect(parts.report.linesRead).toBe(19);
    expect(balances(parts)).toEqual(whole);
    const joined = readFec(fixtureBytes("split-concatenated.txt"), "joined.txt");
    expect(joined.report.files[0].headerRepeats).toBe(1);
    expect(joined.report.linesRead).toBe(19);
    expect(balances(joined)).toEqual(whole);
    expectAccounted(joined);
  });

  test("lines that cannot be read are each reported with their reason, never dropped", () => {
    const read = readFec(fixtureBytes("errors.txt"), "errors.txt");
    expect(read.lines.map((l) => l.piece)).toEqual(["F-6"]);
    for (const code of ["montant_illisible", "date_illisible", "debit_et_credit", "compte_vide", "montant_nul", "champs_manquants", "ligne_vide"] as const) {
      expect(noticeCount(read, code)).toBe(1);
    }
    expect(read.report.notices.find((n) => n.code === "montant_illisible")?.detail).toBe("1.250,50");
    expect(read.report.notices.find((n) => n.code === "date_illisible")).toMatchObject({ detail: "20250231", source: { line: 3 } });
    expectAccounted(read);
  });

  test("a file without a FEC header is not read, and says so", () => {
    const read = readFec("Client;Montant\nDUPONT;12\n", "liste.csv");
    expect(read.lines).toEqual([]);
    expect(read.report.notices[0]).toMatchObject({ code: "entete_introuvable", detail: "Client;Montant" });
  });
});
