/**
 * The built-in wording, merged: what each letter says, by step and kind of
 * debtor (FACTS.md §1, §4, §5, §7), and the e-mail bodies with hostile
 * values.
 */
import { paragraphText, type MergedBlock } from "../../../src/core/letters/blocks";
import { buildLetterModel, type LetterModel } from "../../../src/core/letters/model";
import { escapeHtml, letterPreviewHtml, mergedLetter, renderEmail } from "../../../src/core/letters/render";
import { allBuiltInTemplates, BUILT_IN_TEMPLATE_IDS } from "../../../src/core/letters/wording";
import { day } from "../fixtures";
import { book, caseOf, casesOf, CONSUMER, invoice, LETTER_DATE, PRO, PROFILE, PUBLIC, stepById } from "./fixtures";

function textOf(blocks: readonly MergedBlock[]): string {
  return blocks
    .map((b) => (b.type === "p" ? paragraphText(b) : b.type === "table" ? [b.columns.map((c) => c.header).join(" | "), ...b.rows.map((r) => r.join(" | "))].join("\n") : b.rows.map((r) => `${r.label} ${r.value}`).join("\n")))
    .join("\n");
}

function letter(client: string, templateId: string, channel: "courrier" | "email" = "courrier"): { model: LetterModel; text: string } {
  const model = buildLetterModel({ clientCase: caseOf(client), profile: PROFILE, letterDate: LETTER_DATE, book, templateId });
  return { model, text: textOf(mergedLetter(model, channel)) };
}

describe("the mise en demeure to a professional (FACTS.md §7)", () => {
  const { text, model } = letter(PRO, "miseEnDemeure");

  test.each([
    ["the words", /MISE EN DEMEURE DE PAYER/],
    ["sent by LRAR", /Lettre recommandée avec accusé de réception/],
    ["the date", /Paris, le 18 mai 2026/],
    ["the creditor", /Créancier : SAS Atelier Lumière & Cie, SIREN 552 100 554, 5 rue de la Paix, Bâtiment B, 75002 Paris/],
    ["the debtor", /Débiteur : SARL Dupont & Fils, SIREN 732 829 320, 12 rue des Lilas, 69003 Lyon/],
    ["unpaid despite reminders", /Malgré nos relances, les factures suivantes demeurent impayées :/],
    ["the invoices table", /N° facture \| Date \| Échéance \| Montant dû \| Jours de retard \| Taux \| Pénalités \| Indemnité/],
    ["an invoice row", /F2025-0117 \| 01\/05\/2025 \| 31\/05\/2025 \| 1\u202f500,00\u00a0€ \| 352 \| 13,15\u00a0% puis 12,15\u00a0% \| 176,99\u00a0€ \| 40,00\u00a0€/],
    ["L441-10 penalties and their rate", /pénalités de retard .*L441-10 du Code de commerce.*majoré de 10 points/s],
    // Issue 18: « 40 € » with a no-break space, never split across lines.
    ["the 40 EUR indemnity", /indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ est due pour chaque facture .*D441-5/s],
    ["the total", /Total dû au 18 mai 2026 5\u202f220,69\u00a0€/],
    ["8 days", /dans un délai de 8 jours à compter de la date de la présente lettre, soit au plus tard le 26 mai 2026/],
    ["injonction de payer", /injonction de payer/],
    ["commissaires de justice", /huissiers de justice exercent sous le titre de commissaires de justice/],
    ["C. civ. 1344", /vaut mise en demeure au sens de l'article 1344 du Code civil/],
    ["payment details", /IBAN FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP, en indiquant la référence REL-2026-05-18-SARL-DUPONT-FILS-MED/],
    ["the signatory", /Marie Durand\nResponsable comptable/],
  ])("%s", (_, pattern) => expect(text).toMatch(pattern));

  test("no tag left unmerged", () => expect(text).not.toMatch(/[{}]/));
  test("the totals add up", () => expect(model.amounts.principal + model.amounts.interest + model.amounts.indemnity).toBe(model.amounts.total));
});

describe("the small-claims procedure under 5,000 EUR", () => {
  test("named with the commissaire de justice", () => {
    const { text } = letter(CONSUMER, "miseEnDemeure");
    expect(text).toMatch(/procédure simplifiée de recouvrement des petites créances, mise en œuvre par un commissaire de justice/);
    expect(text).toMatch(/ou par une requête en injonction de payer/);
  });
});

describe("the consumer variant", () => {
  test.each(BUILT_IN_TEMPLATE_IDS)("%s: no 40 EUR, no L441-10 penalties", (id) => {
    const { text } = letter(CONSUMER, id);
    expect(text).not.toMatch(/40\s€|40,00|L441-10|D441-5|Pénalités|pénalités|Indemnité/);
  });

  test("legal interest from the formal notice", () => {
    const { text } = letter(CONSUMER, "miseEnDemeure");
    expect(text).toMatch(/Conformément aux articles 1231-6 et 1344-1 du Code civil, les sommes dues porteront intérêts au taux de l'intérêt légal \(2,62\u00a0% au 1er semestre 2026\) à compter de la présente mise en demeure/);
    expect(letter(CONSUMER, "relance2").text).toMatch(/une mise en demeure vous sera adressée : à compter de sa date, les sommes dues porteront intérêts au taux légal/);
  });

  test("a second notice after the first one: the legal interest appears in the totals", () => {
    const inv = [invoice("Mme Claire Petit", "P1", day(2026, 1, 10), 100000, { particulier: true })];
    const journal = [{ id: "e1", timestamp: "2026-03-01T09:00:00Z", date: day(2026, 3, 1), client: "Mme Claire Petit", clientKey: "mme claire petit", invoices: ["P1"], type: "step", stepId: "miseEnDemeure" }];
    const c = casesOf(inv, LETTER_DATE, journal as never)[0];
    const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "miseEnDemeure" });
    // 1,000.00 EUR x 2.62 % x 78 days / 365 = 5.60 EUR
    expect(m.fields.total_penalites).toBe("5,60\u00a0€");
    expect(textOf(mergedLetter(m))).toMatch(/Intérêts au taux légal au 18 mai 2026 5,60\u00a0€/);
  });
});

describe("the public buyer variant", () => {
  test("moratory interest R2192-31 and the 40 EUR of D2192-35", () => {
    const { text } = letter(PUBLIC, "miseEnDemeure");
    expect(text).toMatch(/Intérêts moratoires/);
    expect(text).toMatch(/R2192-31/);
    expect(text).toMatch(/D2192-35/);
    expect(text).toMatch(/majoré de 8 points, soit 10,15\u00a0%/);
    expect(text).toMatch(/tribunal administratif/);
    expect(text).not.toMatch(/L441-10|injonction de payer/);
  });
});

describe("the tone of each step", () => {
  test("relance préventive: before the due date, no late wording", () => {
    const invoices = [invoice("SAS Avenir", "A1", LETTER_DATE + 4, 50000)];
    const m = buildLetterModel({ clientCase: casesOf(invoices)[0], profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("preventive") });
    const text = textOf(mergedLetter(m));
    expect(text).toMatch(/la facture ci-dessous arrive prochainement à échéance/);
    expect(text).not.toMatch(/retard|impayée/);
  });
  test("relance 1: courteous, perhaps an oversight", () => {
    // Issue 14 §4 changes this: « simple oubli » only within the first step's window (before relance 2, J+15).
    const recent = [invoice("SAS Récente", "R1", LETTER_DATE - 5, 50000, { contact: "Mme Martin" })];
    const m = buildLetterModel({ clientCase: casesOf(recent)[0], profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("relance1") });
    const text = textOf(mergedLetter(m));
    expect(text).toMatch(/Il s'agit sans doute d'un simple oubli/);
    expect(text).toMatch(/^Madame Martin,$/m);
    expect(text).toContain("Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.");
  });
  test("relance 1 for a debt past the first step's window: the delay, not « un simple oubli »", () => {
    const { text } = letter(PRO, "relance1");
    expect(text).not.toMatch(/simple oubli/);
    expect(text).toMatch(/Ce retard atteint désormais 352 jours\./);
  });
  test("relance 2: reminds the law", () => expect(letter(PRO, "relance2").text).toMatch(/Malgré notre précédente relance.*L441-10 et D441-5/s));
  test("relance 3: firm, announces the formal notice", () => expect(letter(PRO, "relance3").text).toMatch(/dernière relance amiable.*mise en demeure par lettre recommandée avec accusé de réception/s));
  test("échéancier: instalments and the consequence of a missed one", () => {
    const { text } = letter(PRO, "echeancier");
    expect(text).toMatch(/en 3 mensualités selon l'échéancier suivant/);
    expect(text).toMatch(/1\/3 \| 26\/05\/2026 \| /);
    expect(text).toMatch(/redeviendra immédiatement exigible/);
    expect(text).toMatch(/Bon pour accord/);
  });

  test("every template merges without leftover tags, for every kind of debtor", () => {
    for (const template of allBuiltInTemplates()) {
      const client = template.variant === "particulier" ? CONSUMER : template.variant === "acheteurPublic" ? PUBLIC : PRO;
      const model = buildLetterModel({ clientCase: caseOf(client), profile: PROFILE, letterDate: LETTER_DATE, book, templateId: template.id });
      for (const channel of ["courrier", "email"] as const) expect(textOf(mergedLetter(model, channel))).not.toMatch(/[{}]|undefined/);
    }
  });
});

describe("e-mail bodies", () => {
  test("subject, HTML and text; the letterhead stays out of the e-mail", () => {
    const model = buildLetterModel({ clientCase: caseOf(PRO), profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "relance1" });
    const email = renderEmail(model);
    expect(email.subject).toBe("Factures échues non réglées – 4\u202f826,17\u00a0€");
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain("SARL Dupont &amp; Fils");
    // Issue 18 changes this: a named contact (« M. Martin ») is greeted by name, not « Madame, Monsieur, ».
    expect(email.text).toContain("Monsieur Martin,");
    expect(email.text).not.toContain("Madame, Monsieur,");
    expect(email.text).toContain("- N° facture : F2025-0117 ; Date : 01/05/2025 ; Échéance : 31/05/2025 ; Montant dû : 1\u202f500,00\u00a0€ ; Jours de retard : 352");
    expect(email.text).toContain("Réf. : REL-2026-05-18-SARL-DUPONT-FILS-R1");
    expect(email.text).not.toContain("12 rue des Lilas"); // the address block is for the post
    expect(email.text).toMatch(/Marie Durand\nResponsable comptable\nSAS Atelier Lumière & Cie\nTél\. 01 23 45 67 89\ncompta@atelier-lumiere\.fr/);
  });

  const HOSTILE = [`<script>alert("x")</script>`, `=HYPERLINK("http://evil.example","clic")`, `Tom & Jerry's "Bar" <b>`, "A".repeat(400)];

  test.each(HOSTILE)("hostile client name %#: escaped in HTML, whole in text", (name) => {
    const invoices = [invoice(name, `F<1>&"'`, LETTER_DATE - 20, 12345, { contact: `<img src=x onerror=alert(1)>`, adresse: `1 rue "<b>"` })];
    const c = casesOf(invoices)[0];
    const model = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "relance2" });
    const email = renderEmail(model);
    expect(email.html).toContain(escapeHtml(name));
    expect(email.html).toContain("F&lt;1&gt;&amp;&quot;&#39;");
    expect(email.html).not.toMatch(/<script|<img|<b>/);
    expect(email.text).toContain(`F<1>&"'`);
    const preview = letterPreviewHtml(model);
    expect(preview).toContain(escapeHtml(name));
    expect(preview).toContain(escapeHtml(`<img src=x onerror=alert(1)>`));
    expect(preview).not.toMatch(/<script|<img|<b>/);
  });

  test("escapeHtml", () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
});
