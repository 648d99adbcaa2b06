/** The letters module plugged into sending: the step's letter as the e-mail body, its PDF attached for a courrier step, the .eml drafts. */
import type { JournalEntry } from "../../src/core/escalation/journal";
import { nodePdfFonts } from "../../src/documents/nodeFonts";
import { lettersComposer, lettersEmlBuilder } from "../../src/sending/lettersAdapter";
import { day } from "../core/fixtures";
import { PROFILE } from "../core/letters/fixtures";
import { BOOK, invoice, planFor, SCENARIO } from "../core/sending/fixtures";

const hostile = invoice({ client: "<script>alert(1)</script> SARL", numero: "F1", email: "compta@dupont.fr", adresse: "1 rue X", codePostal: "75001", ville: "Paris" });

test("relance 1: the built-in letter as the e-mail body, merged values escaped, no attachment", async () => {
  const [message] = planFor([hostile]).items.map((i) => i.message);
  const content = await lettersComposer({ profile: PROFILE, book: BOOK, scenario: SCENARIO })(message);
  expect(content.subject.length).toBeGreaterThan(5);
  expect(content.html).not.toContain("<script>");
  expect(content.html).toContain("&lt;script&gt;");
  expect(content.text).toContain("F1");
  expect(content.attachments).toBeUndefined();

  const eml = await lettersEmlBuilder(PROFILE, () => new Date(Date.UTC(2025, 3, 1, 9)))(message, content);
  expect(eml.filename).toBe(`${message.reference}.eml`);
  expect(String(eml.content)).toContain("X-Unsent: 1");
  expect(String(eml.content)).toContain("To: compta@dupont.fr");
});

test("relance 3 (courrier): the letter's PDF is attached; without fonts, a clear refusal", async () => {
  const step = (stepId: string, date: number, i: number) =>
    ({ id: `h${i}`, timestamp: "2025-03-01T09:00:00Z", client: hostile.client, clientKey: hostile.clientKey, type: "step", stepId, date, invoices: ["F1"] }) as JournalEntry;
  const journal = [step("relance1", day(2025, 3, 2), 1), step("relance2", day(2025, 3, 17), 2)];
  const [message] = planFor([{ ...hostile, echeance: day(2025, 3, 1) }], journal).items.map((i) => i.message);
  expect(message.attachLetter).toBe(true);
  await expect(lettersComposer({ profile: PROFILE, book: BOOK, scenario: SCENARIO })(message)).rejects.toThrow("polices du PDF");
  const content = await lettersComposer({ profile: PROFILE, book: BOOK, scenario: SCENARIO, pdfFonts: nodePdfFonts() })(message);
  expect(content.attachments).toHaveLength(1);
  expect(content.attachments![0].contentType).toBe("application/pdf");
  expect(Buffer.from(content.attachments![0].bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
}, 30_000);
