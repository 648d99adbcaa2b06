/**
 * The demonstration's workbook: the same for a seed, of the size the README
 * promises, and read by the core exactly as the pane reads a real one (no
 * unusable row, no damaged journal row, the stories the demo tells present).
 */
import { sampleWorkbook, DEMO_TODAY } from "../../demo/sample/workbook";
import { analyzeList } from "../../src/core/listAnalysis";
import { RateBook } from "../../src/core/rates/rateBook";
import { epochDayToSerial } from "../../src/core/calendar";

const sample = sampleWorkbook();
const book = RateBook.builtIn();

function sheet(name: string) {
  const found = sample.state.sheets!.find((s) => s.name === name);
  if (!found?.data) throw new Error(`feuille ${name} absente`);
  return found.data as unknown[][];
}

function analysis() {
  const list = sheet("Factures").map((row) => row.slice(0, 13));
  const journal = sheet("Journal des relances");
  return analyzeList({
    header: list[0],
    rows: list.slice(1),
    firstRowNumber: 2,
    journal: { header: journal[0], rows: journal.slice(1), firstRowNumber: 2 },
    storedMapping: undefined,
    storedScenario: undefined,
    book,
    today: DEMO_TODAY,
  });
}

test("the same seed gives the same workbook; another seed another one", () => {
  expect(JSON.stringify(sampleWorkbook().state)).toBe(JSON.stringify(sample.state));
  expect(JSON.stringify(sampleWorkbook(7).state)).not.toBe(JSON.stringify(sample.state));
});

test("a few hundred invoices over a few dozen clients, a consumer and a public buyer among them", () => {
  expect(sample.invoices.length).toBeGreaterThanOrEqual(200);
  expect(sample.invoices.length).toBeLessThanOrEqual(500);
  expect(sample.clients.length).toBeGreaterThanOrEqual(24);
  expect(sample.clients.length).toBeLessThanOrEqual(60);
  expect(sample.clients.filter((c) => c.particulier)).toHaveLength(1);
  expect(sample.clients.filter((c) => c.acheteurPublic)).toHaveLength(1);
  expect(new Set(sample.invoices.map((i) => i.numero)).size).toBe(sample.invoices.length);
  expect(sample.invoices.every((i) => i.paidOn === undefined || i.paidOn < DEMO_TODAY)).toBe(true);
  // Fictional contact details only: the reserved .example domain.
  expect(sample.clients.every((c) => c.email.endsWith(".example"))).toBe(true);
});

test("the core reads every row of the list and of the journal", () => {
  const result = analysis();
  expect(result.ledger.problems).toEqual([]);
  expect(result.ledger.invoices).toHaveLength(sample.invoices.length);
  expect(result.journal.damaged).toEqual([]);
  expect(result.journal.entries).toHaveLength(sample.journal.length);
  expect(result.result.journalWarnings).toEqual([]);
});

test("the journal tells the stories the demonstration shows", () => {
  const types = sample.journal.map((e) => e.type);
  for (const type of ["step", "call", "dispute", "disputeResolved", "promise", "plan", "payment", "acknowledgment"]) expect(types).toContain(type);
  expect(types.filter((t) => t === "plan")).toHaveLength(1);
  const cases = analysis().result.cases;
  expect(cases.length).toBeGreaterThanOrEqual(8);
  expect(cases.some((c) => c.disputed.length > 0)).toBe(true);
  // Every case's figures are computed: the demonstration's day has known rates.
  expect(cases.flatMap((c) => c.missingRates)).toEqual([]);
  // Some clients are a step behind: the pane has reminders to propose.
  expect(cases.some((c) => c.next !== undefined)).toBe(true);
});

test("the formulas sit beside the list, one row each, on the invoice's own row", () => {
  const factures = sample.state.sheets![0];
  expect(factures.formulas![1].slice(13)).toEqual(["=RECOUVRE.JOURS_RETARD(D2,F2)", expect.stringMatching(/^=RECOUVRE\.(PENALITE|INTERETS_MORATOIRES)\(E2,D2,F2\)$|^null$/), expect.anything()]);
  expect(sample.listAddress).toBe(`A2:M${sample.invoices.length + 1}`);
  expect(factures.data![1][3]).toBe(epochDayToSerial(sample.invoices[0].echeance));
});
