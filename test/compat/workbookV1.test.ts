/**
 * A workbook written by Recouvre version 1 (commit 56b8389, the five first
 * capabilities) keeps working: its settings (column mapping, scenario, the
 * user's rates, creditor profile, user template) and its journal (layout 1)
 * were written by v1's own writers (test/fixtures/workbook-v1/
 * writeV1Workbook.v1.ts.txt, run in a checkout of that commit), and v1's
 * results on that workbook were recorded beside them. Today's code must read
 * everything without a complaint and reach the same cases, amounts and
 * letters. The one difference an issue asked for is named where it is
 * allowed (no-break spaces in amounts, issue 18).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { toEpochDay } from "../../src/core/calendar";
import { analyzeList } from "../../src/core/listAnalysis";
import { parseCreditorProfile } from "../../src/core/letters/profile";
import { RateBook } from "../../src/core/rates/rateBook";
import { generateZip } from "../../src/documents/generate";
import { loadUserTemplate } from "../../src/documents/userTemplate";
import { readUserRates } from "../../src/excel/userRatesStore";
import { readJsonSetting, type SettingsStore } from "../../src/excel/workbookSettings";
import { parseStoredTemplate } from "../../src/taskpane/letters/storedTemplate";
import { fromBase64 } from "../../src/core/base64";
import { docxText, documentXml, unzip } from "../documents/helpers";

const DIR = join(__dirname, "../fixtures/workbook-v1");
const workbook = JSON.parse(readFileSync(join(DIR, "workbook.json"), "utf8"));
const v1 = JSON.parse(readFileSync(join(DIR, "computedByV1.json"), "utf8"));

/** Office's settings as the workbook holds them: the JSON strings v1 wrote. */
const settings: SettingsStore = {
  get: (key) => workbook.settings[key],
  set: () => {
    throw new Error("reading a workbook must not write to it");
  },
  saveAsync: () => {
    throw new Error("reading a workbook must not write to it");
  },
};

const [YEAR, MONTH, DAY] = (workbook.today as string).split("-").map(Number);
const TODAY = toEpochDay(YEAR, MONTH, DAY);

function analysis() {
  const rates = readUserRates(settings);
  if (!rates.ok) throw new Error(`v1 user rates refused: ${JSON.stringify(rates.errors)}`);
  const book = RateBook.create(rates.value);
  const result = analyzeList({
    ...workbook.list,
    journal: workbook.journal,
    storedMapping: readJsonSetting(settings, "recouvre.colonnes"),
    storedScenario: readJsonSetting(settings, "recouvre.scenario"),
    book,
    today: TODAY,
  });
  return { result, book };
}

const byClient = <T extends { clientKey: string }>(items: readonly T[]) => new Map(items.map((item) => [item.clientKey, item]));

test("v1's settings and layout-1 journal are read without a complaint", () => {
  const { result } = analysis();
  expect(result.mappingErrors).toEqual([]);
  expect(result.scenarioErrors).toEqual([]);
  expect(result.journal.damaged).toEqual([]);
  expect(result.journal.missingColumns).toEqual([]);
  expect(result.journal.entries).toHaveLength(workbook.journal.rows.length);
  expect(result.ledger.problems).toEqual([]);
  expect(result.ledger.invoices).toHaveLength(workbook.list.rows.length);
  // The user's renamed step and shifted delays, as v1 stored them.
  expect(result.scenario.map((step) => [step.id, step.label, step.offsetDays])).toEqual([
    ["preventive", "Relance préventive", -5],
    ["relance1", "Premier rappel", 3],
    ["relance2", "Relance 2", 20],
    ["relance3", "Relance 3", 35],
    ["miseEnDemeure", "Mise en demeure", 50],
    ["actionJudiciaire", "Action judiciaire", 75],
  ]);
});

test("the same cases, amounts to the cent and steps as v1 computed", () => {
  const { result } = analysis();
  const now = byClient(result.result.cases);
  expect([...now.keys()].sort()).toEqual(v1.cases.map((c: { clientKey: string }) => c.clientKey).sort());
  expect(result.result.settled).toBe(v1.settled);
  for (const before of v1.cases) {
    const after = now.get(before.clientKey)!;
    const figures = (c: Record<string, unknown>) => ({ principal: c.principal, interest: c.interest ?? null, indemnity: c.indemnity, total: c.total ?? null, disputedPrincipal: c.disputedPrincipal, daysLate: c.daysLate });
    expect({ client: after.client, ...figures(after as never) }).toEqual({ client: before.client, ...figures(before) });
    expect(after.lastStep ? { id: after.lastStep.id, date: after.lastStep.date } : null).toEqual(before.lastStep);
    expect(after.lines.map((l) => ({ numero: l.invoice.numero, amountDue: l.amountDue, interest: l.interest ?? null, indemnity: l.indemnity }))).toEqual(
      before.lines.map((l: Record<string, unknown>) => ({ numero: l.numero, amountDue: l.amountDue, interest: l.interest, indemnity: l.indemnity })),
    );
    expect(after.disputed.map((l) => ({ numero: l.invoice.numero, amountDue: l.amountDue, status: l.status }))).toEqual(before.disputed);
    expect(after.next ? { id: after.next.id, label: after.next.label, dueOn: after.next.dueOn, dueNow: after.next.dueNow } : null).toEqual(before.next);
    expect(after.stepGroups.map((g) => ({ id: g.id, invoices: g.invoices }))).toEqual(before.stepGroups);
    expect(after.lines.map((l) => ({ numero: l.invoice.numero, status: l.status, pausedUntil: l.pausedUntil ?? null, next: l.next?.id ?? null }))).toEqual(
      before.lines.map((l: Record<string, unknown>) => ({ numero: l.numero, status: l.status, pausedUntil: l.pausedUntil, next: l.next })),
    );
  }
});

test("v1's creditor profile and user template still produce the letters v1 produced", async () => {
  const { result, book } = analysis();
  const profile = parseCreditorProfile(readJsonSetting(settings, "recouvre.profilCreancier"));
  if (!profile.ok) throw new Error(`v1 profile refused: ${JSON.stringify(profile.errors)}`);
  const stored = parseStoredTemplate(readJsonSetting(settings, "recouvre.modeleUtilisateur"));
  expect(stored).toBeDefined();
  expect(stored!.mapping).toBeUndefined();
  const loaded = loadUserTemplate(fromBase64(stored!.base64), stored!.name, stored!.mapping ?? {});
  if (!loaded.ok) throw new Error(`v1 template refused: ${JSON.stringify(loaded.report)}`);

  const stepOf = (c: (typeof result.result.cases)[number]) => result.scenario.find((step) => step.id === (c.stepGroups[0]?.id ?? c.next?.id));
  const unchanged = result.result.cases.filter((c) => stepOf(c));
  const zip = await generateZip(
    unchanged.map((c) => ({ clientCase: c, step: stepOf(c)!, invoices: c.stepGroups[0]?.invoices })),
    { profile: profile.profile, letterDate: TODAY, book, userTemplate: loaded.template },
  );
  expect(zip.skipped).toEqual([]);
  const files = unzip(zip.bytes).files;
  const letters = Object.fromEntries(Object.keys(files).sort().map((name) => [name, docxText(documentXml(files[name].asUint8Array()))]));
  const expected = v1.letters as Record<string, string>;
  // Issue 18 asked for no-break spaces inside amounts and « 40 € »: the same words, kept on one line.
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  expect(Object.keys(letters)).toEqual(Object.keys(expected));
  for (const name of Object.keys(expected)) expect(spaces(letters[name])).toBe(spaces(expected[name]));
});
