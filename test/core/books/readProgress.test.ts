import fc from "fast-check";
import { readFecFiles } from "../../../src/core/books";
import { importFec } from "../../../src/core/books/importFec";
import { PROGRESS_EVERY_LINES } from "../../../src/core/books/fec/readFec";
import { StringPool } from "../../../src/core/books/fec/stringPool";
import { toEpochDay } from "../../../src/core/calendar";

const HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

/** A FEC of `n` sales lines, alternately on a customer and on revenue. */
function fec(n: number): string {
  const rows = [HEADER];
  for (let i = 0; i < n; i++) {
    rows.push(i % 2 === 0 ? `VE\tVentes\t${i}\t20250110\t41100000\tClients\tC${i % 7}\tCLIENT ${i % 7}\tF${i}\t20250110\tFacture F${i}\t12,00\t0,00\t\t\t\t\t` : `VE\tVentes\t${i}\t20250110\t70600000\tVentes\t\t\tF${i}\t20250110\tFacture\t0,00\t10,00\t\t\t\t\t`);
  }
  return rows.join("\n") + "\n";
}

describe("progress of a FEC read, chunk of lines by chunk", () => {
  test("a file of several chunks reports more than once, never backwards, and ends at its total", () => {
    const text = fec(PROGRESS_EVERY_LINES * 2 + 100);
    const seen: Array<[number, number]> = [];
    const read = readFecFiles([{ name: "a.txt", bytes: text }], (done, total) => seen.push([done, total]));
    expect(read.report.linesRead).toBe(PROGRESS_EVERY_LINES * 2 + 100);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < seen.length; k++) expect(seen[k][0]).toBeGreaterThanOrEqual(seen[k - 1][0]);
    expect(seen.every(([, total]) => total === text.length)).toBe(true);
    expect(seen[0][0]).toBeGreaterThan(0);
    expect(seen[0][0]).toBeLessThan(text.length);
    expect(seen[seen.length - 1]).toEqual([text.length, text.length]);
  });

  test("split files: progress runs over all the parts, the first part's chunks below its own size", () => {
    const part1 = fec(PROGRESS_EVERY_LINES + 10);
    const part2 = fec(PROGRESS_EVERY_LINES + 10);
    const seen: number[] = [];
    readFecFiles([{ name: "p1.txt", bytes: part1 }, { name: "p2.txt", bytes: part2 }], (done) => seen.push(done));
    expect(seen[0]).toBeLessThanOrEqual(part1.length);
    expect(seen.some((done) => done > part1.length && done < part1.length + part2.length)).toBe(true);
    expect(seen[seen.length - 1]).toBe(part1.length + part2.length);
  });

  test("importFec passes the reading's progress on, after the « lecture » phase starts and before « creances »", () => {
    const events: string[] = [];
    importFec(
      { files: [{ name: "a.txt", bytes: fec(PROGRESS_EVERY_LINES + 5) }], asOf: toEpochDay(2025, 12, 31), terms: { kind: "days", days: 30 } },
      (phase) => events.push(phase),
      (done, total) => events.push(done === total ? "fin" : "morceau"),
    );
    expect(events).toEqual(["lecture", "morceau", "fin", "creances"]);
  });
});

describe("the string pool the reader keeps repeated fields in", () => {
  test("one string per distinct value, equal to the slice it stands for", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (values) => {
        const pool = new StringPool(4);
        const text = values.join("|");
        let at = 0;
        for (const value of values) {
          expect(pool.intern(text, at, at + value.length)).toBe(value);
          at += value.length + 1;
        }
      }),
    );
  });
});
