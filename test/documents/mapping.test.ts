/**
 * The user's own templates as they are: names proposed by meaning, the
 * user's choices stored with the template, the merge through them.
 */
import { proposeMapping, type FieldMapping } from "../../src/core/letters/mapping";
import { buildLetterModel } from "../../src/core/letters/model";
import { loadUserTemplate, renderUserLetter } from "../../src/documents/userTemplate";
import { book, casesOf, invoice, LETTER_DATE, PROFILE, stepById } from "../core/letters/fixtures";
import { day } from "../core/fixtures";
import { docxText, documentXml } from "./helpers";
import { docxtemplaterExample, lawyerTemplate } from "./foreignTemplates";

function proposalsOf(bytes: Uint8Array): Record<string, string | undefined> {
  const result = loadUserTemplate(bytes);
  return Object.fromEntries(result.proposals.map((p) => [p.name, p.suggestion]));
}

describe("proposals by meaning", () => {
  test("a lawyer's template: the creditor's and the debtor's fields apart, a date is a date, a gender is a civility", () => {
    const proposed = proposalsOf(lawyerTemplate());
    expect(proposed).toMatchObject({
      raison_sociale_creancier: "creancier",
      adresse_creancier: "creancier_adresse",
      code_postal_creancier: "creancier_code_postal",
      nom_debiteur: "client",
      adresse_debiteur: "adresse",
      code_postal_debiteur: "code_postal",
      ville_debiteur: "ville",
      date_mise_en_demeure: "date_lettre",
      isFemale: "madame",
      totalClaimed: "total_du",
      interetsTotal: "total_penalites",
      invoices: "factures",
      invoiceNumber: "numero",
      dueDate: "echeance",
      amountDue: "montant",
      lateInterest: "penalites",
      periods: "periodes",
      from: "du",
      to: "au",
      days: "jours",
      rate: "taux",
      interest: "montant",
      signataire_creancier: "signataire",
    });
    // {ville_creancier} and {base} (inside the periods) are Recouvre's own names: not proposed at all.
    expect(Object.keys(proposed)).not.toContain("ville_creancier");
    expect(Object.keys(proposed)).not.toContain("base");
  });

  test("docxtemplater's example: a customer's name and a list of products", () => {
    const proposed = proposalsOf(docxtemplaterExample());
    expect(proposed).toMatchObject({ last_name: "client", products: "factures", price: "montant", phone: "creancier_telephone" });
  });

  test("each name is proposed once, and the user's choice wins", () => {
    const tags = [
      { name: "isFemale", kind: "section" as const, within: [], part: "corps" as const },
      { name: "isFemale", kind: "sectionInverse" as const, within: [], part: "corps" as const },
      { name: "cp_client", kind: "champ" as const, within: [], part: "corps" as const },
    ];
    expect(proposeMapping(tags).map((p) => p.name)).toEqual(["isFemale", "cp_client"]);
    expect(proposeMapping(tags, { isFemale: "monsieur" }).find((p) => p.name === "isFemale")!.choices).toContain("monsieur");
  });
});

describe("rendering through the mapping", () => {
  const client = "SELARL Exemple";
  const invoices = [
    invoice(client, "F-1", day(2025, 11, 30), 300_000, { contact: "Mme Martin" }),
    invoice(client, "F-2", day(2026, 2, 15), 120_000, { contact: "Mme Martin" }),
  ];
  const letter = buildLetterModel({ clientCase: casesOf(invoices)[0], profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("miseEnDemeure") });

  test("refused until every name is mapped or left blank; then merged with Recouvre's values", () => {
    const bytes = lawyerTemplate();
    const first = loadUserTemplate(bytes, "avocat.docx");
    expect(first.ok).toBe(false);
    // The user accepts every proposal but one: {numero_rg} (a court docket number) is left blank on purpose.
    const mapping: Record<string, string | null> = {};
    for (const p of first.proposals) mapping[p.name] = p.suggestion ?? null;
    mapping.numero_rg = null;
    const withoutRg = Object.fromEntries(Object.entries(mapping).filter(([name]) => name !== "numero_rg"));
    expect(loadUserTemplate(bytes, "avocat.docx", withoutRg).ok).toBe(false);
    const loaded = loadUserTemplate(bytes, "avocat.docx", mapping);
    if (!loaded.ok) throw new Error(loaded.report.errors.join("\n"));
    const text = docxText(documentXml(renderUserLetter(loaded.template, letter)));
    expect(text).toContain("SAS Atelier Lumière & Cie");
    expect(text).toContain("75002 Paris"); // the creditor's postal code, not the debtor's
    expect(text).toContain("69003 Lyon");
    expect(text).toContain("Le 18 mai 2026");
    expect(text).toMatch(/^Madame, $/m);
    expect(text).toContain("Dossier n° \n");
    expect(text).toMatch(/Facture F-1 échue le 30\/11\/2025 : 3\u202f000,00\u00a0€, intérêts/);
    expect(text).toMatch(/du 01\/12\/2025 au 31\/12\/2025, 31 jours à 12,15\u00a0% sur 3\u202f000,00\u00a0€ : /);
    expect(text).toContain("Facture F-2");
    expect(text).not.toMatch(/[{}]/);
  });

  test("a mapping onto the wrong place is reported by the checker (a period field outside its loop)", () => {
    const bytes = lawyerTemplate();
    const mapping: FieldMapping = { ...Object.fromEntries(loadUserTemplate(bytes).proposals.map((p) => [p.name, p.suggestion ?? null])), totalClaimed: "du" };
    const loaded = loadUserTemplate(bytes, "avocat.docx", mapping);
    expect(loaded.ok).toBe(false);
    expect(loaded.report.errors.join("\n")).toMatch(/\{du\} ne s'emploie qu'à l'intérieur de la boucle \{#periodes\}/);
  });
});
