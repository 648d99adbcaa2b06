/**
 * Word output: unzip what was generated and read word/document.xml.
 */
import { buildLetterModel, type LetterModel } from "../../src/core/letters/model";
import { allBuiltInTemplates, builtInTemplate } from "../../src/core/letters/wording";
import { builtInTemplateDocx, renderBuiltInLetter, renderCombinedBuiltIn } from "../../src/documents/docx";
import { generateCombinedDocx, generateZip, type GenerationProgress, type LetterRequest } from "../../src/documents/generate";
import { MAX_TEMPLATE_BYTES } from "../../src/core/letters/templateCheck";
import { checkUserTemplate, loadUserTemplate, renderCombinedUser } from "../../src/documents/userTemplate";
import { book, caseOf, casesOf, CONSUMER, invoice, LETTER_DATE, PRO, PROFILE, PUBLIC, sampleInvoices, stepById } from "../core/letters/fixtures";
import { docxText, documentXml, unzip } from "./helpers";
import { goodUserTemplate, userTemplateDocx } from "./userTemplates";

const context = { profile: PROFILE, letterDate: LETTER_DATE, book };

function model(client: string, templateId: string): LetterModel {
  return buildLetterModel({ clientCase: caseOf(client), profile: PROFILE, letterDate: LETTER_DATE, book, templateId });
}

describe("the built-in templates as .docx", () => {
  test.each(allBuiltInTemplates().map((t) => [t.key, t] as const))("%s: a valid package, A4, the invoice row loops", (_, template) => {
    const zip = unzip(builtInTemplateDocx(template));
    for (const part of ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml"]) {
      expect(zip.file(part)).not.toBeNull();
    }
    const xml = zip.file("word/document.xml")!.asText();
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toMatch(/<w:tr>(?:(?!<\/w:tr>).)*\{#factures\}(?:(?!<\/w:tr>).)*\{\/factures\}(?:(?!<\/w:tr>).)*<\/w:tr>/);
    expect(zip.file("word/styles.xml")!.asText()).toContain('w:styleId="Destinataire"');
    // What a user downloads can be loaded back as their own template.
    const back = loadUserTemplate(builtInTemplateDocx(template));
    expect(back.report.errors).toEqual([]);
    expect(back.ok).toBe(true);
  });
});

describe("one letter", () => {
  test("merged, nothing left of the tags", () => {
    const text = docxText(documentXml(renderBuiltInLetter(model(PRO, "miseEnDemeure"))));
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain("MISE EN DEMEURE DE PAYER");
    expect(text).toContain("SARL Dupont & Fils");
    expect(text).toContain("F2025-0117");
    expect(text).toContain("1\u202f500,00\u00a0€");
    expect(text).toContain("13,15\u00a0% puis 12,15\u00a0%");
    expect(text).toContain("au plus tard le 26 mai 2026");
    expect(text).toContain("commissaires de justice");
    expect(text).toMatch(/À l'attention de M\. Martin/);
    const footer = unzip(renderBuiltInLetter(model(PRO, "miseEnDemeure"))).file("word/footer1.xml")!.asText();
    expect(docxText(footer)).toContain("SAS Atelier Lumière & Cie – 5 rue de la Paix, Bâtiment B, 75002 Paris – SIREN 552 100 554 – page");
  });

  test("a condition not met leaves no paragraph behind", () => {
    const xml = documentXml(renderBuiltInLetter(model(CONSUMER, "relance1")));
    expect(docxText(xml)).not.toContain("À l'attention de");
    expect(xml).not.toContain("<w:p><w:pPr><w:pStyle w:val=\"Destinataire\"/></w:pPr></w:p>");
  });
});

describe("the payment plan in Word", () => {
  test("from the terms to « Bon pour accord » and the debtor's signature: one table row that cannot split", () => {
    const xml = documentXml(renderBuiltInLetter(model(PRO, "echeancier")));
    const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
    const kept = rows.filter((r) => r.includes("Bon pour accord"));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain("<w:cantSplit/>");
    const text = docxText(kept[0]);
    for (const part of ["Cette proposition suppose le respect de chaque échéance", "Nous vous prions d'agréer", "Marie Durand", "Bon pour accord, le", "Nom, qualité et signature du débiteur"]) {
      expect(text).toContain(part);
    }
    // The décompte that follows is outside it.
    expect(text).not.toContain("Décompte des intérêts");
  });
});

describe("the combined document: one render, one letter per section", () => {
  test("mixed steps and kinds of debtor", () => {
    const letters = [model(PRO, "miseEnDemeure"), model(CONSUMER, "miseEnDemeure"), model(PUBLIC, "relance3"), model(PRO, "relance1")];
    const xml = documentXml(renderCombinedBuiltIn(letters));
    const text = docxText(xml);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(4); // 3 breaks between letters + the body's own
    expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(4);
    expect(text).not.toMatch(/[{}]|_modele_/);
    const order = ["SARL Dupont & Fils", "M. Jean Lefèvre", "Commune de Saint-Étienne-du-Rouvray", "Factures échues non réglées"].map((s) => text.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(text.match(/MISE EN DEMEURE DE PAYER/g)).toHaveLength(2);
    expect(text).toContain("Dernière relance avant mise en demeure");
    expect(text).toContain("R2192-31");
  });

  test("hostile values come out escaped and whole", () => {
    const names = [`<script>alert("x")</script>`, `=HYPERLINK("http://evil.example";"clic")`, `Tom & Jerry's "Bar" <b>`, `${"Très Longue Raison Sociale ".repeat(12)}SARL`];
    const invoices = names.map((name, i) => invoice(name, `F-${i}<&>`, LETTER_DATE - 50, 100000 + i, { contact: `<img src=x onerror=alert(1)>`, adresse: `1 rue "A&B"\n2e étage` }));
    const letters = casesOf(invoices).map((c) => buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("miseEnDemeure") }));
    const xml = documentXml(renderCombinedBuiltIn(letters));
    expect(xml).not.toMatch(/<script|<img|<b>/);
    expect(xml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(xml).toContain("F-0&lt;&amp;&gt;");
    const text = docxText(xml);
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('1 rue "A&B"\n2e étage'); // a line break in a cell value becomes <w:br/>
  });
});

describe("generateCombinedDocx / generateZip", () => {
  const requests: LetterRequest[] = casesOf([
    ...sampleInvoices(),
    invoice("SAS Sans Adresse", "X1", LETTER_DATE - 50, 5000, { adresse: undefined, codePostal: undefined }),
  ]).map((c) => ({ clientCase: c, step: stepById("miseEnDemeure") }));

  test("the others are produced; the incomplete client gets a French reason", async () => {
    const progress: GenerationProgress[] = [];
    const result = await generateCombinedDocx(requests, { ...context, chunkSize: 2, onProgress: (p) => progress.push(p) });
    expect(result.skipped).toEqual([
      { clientKey: "sas sans adresse", client: "SAS Sans Adresse", reasons: ["adresse postale incomplète (manque : adresse, code postal) : complétez les colonnes Adresse, Code postal et Ville de votre liste"] },
    ]);
    expect(result.documents.map((d) => d.client).sort()).toEqual([CONSUMER, PUBLIC, PRO].sort());
    expect(result.documents.every((d) => d.journal.documentRef === d.reference)).toBe(true);
    expect(result.fileName).toBe("lettres-2026-05-18.docx");
    expect(documentXml(result.bytes).match(/<w:sectPr>/g)).toHaveLength(3);
    expect(progress.filter((p) => p.phase === "preparation").map((p) => p.done)).toEqual([2, 4]);
    expect(progress.at(-1)).toEqual({ phase: "fusion", done: 3, total: 3 });
  });

  test("a step without a letter is reported, not guessed", async () => {
    const result = await generateCombinedDocx([{ clientCase: caseOf(PRO), step: stepById("actionJudiciaire") }], context);
    expect(result.skipped[0].reasons).toEqual(["pas de lettre intégrée pour l'étape « Action judiciaire » : chargez votre propre modèle Word pour cette étape"]);
    expect(result.bytes.length).toBe(0);
  });

  test("a .zip with one .docx per client, named by reference", async () => {
    const result = await generateZip(requests, context);
    const zip = unzip(result.bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(result.documents.map((d) => d.fileName).sort());
    expect(names).toContain("REL-2026-05-18-SARL-DUPONT-FILS-MED.docx");
    for (const name of names) {
      const text = docxText(documentXml(zip.file(name)!.asUint8Array()));
      expect(text).toContain("MISE EN DEMEURE DE PAYER");
      expect(text).toContain(name.replace(/\.docx$/, ""));
    }
  });
});

describe("the user's own template", () => {
  test("checked, then merged: the row loop repeats, split tags work, the header gets the creditor", async () => {
    const loaded = loadUserTemplate(goodUserTemplate(), "ma-relance.docx");
    expect(loaded.report).toEqual({ ok: true, errors: [], warnings: [], unknown: [], fieldsUsed: expect.arrayContaining(["client", "factures", "numero", "particulier"]) });
    if (!loaded.ok) return;
    const result = await generateCombinedDocx(
      [PRO, CONSUMER, PUBLIC].map((client) => ({ clientCase: caseOf(client), step: stepById("relance2") })),
      { ...context, userTemplate: loaded.template },
    );
    const zip = unzip(result.bytes);
    const xml = zip.file("word/document.xml")!.asText();
    const text = docxText(xml);
    expect(text).not.toMatch(/[{}]/);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml).toContain('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'); // the template's own section repeated
    expect(text).toMatch(/SARL Dupont & Fils[\s\S]*F2025-0117[\s\S]*F2025-0342[\s\S]*F2026-0051[\s\S]*M\. Jean Lefèvre[\s\S]*F2026-0090[\s\S]*Commune de Saint-Étienne-du-Rouvray[\s\S]*F2025-0400[\s\S]*F2026-0012/);
    expect(xml.match(/<w:tr>/g)).toHaveLength(3 * 1 + 6); // header rows + one row per invoice
    expect(text).toContain("Intérêts au taux légal dès la mise en demeure.");
    expect(text.match(/Indemnité forfaitaire/g)).toHaveLength(2);
    expect(docxText(zip.file("word/header1.xml")!.asText())).toContain("SAS Atelier Lumière & Cie – SIREN 552 100 554");
    // Per client, too.
    const perClient = await generateZip([{ clientCase: caseOf(PRO), step: stepById("relance2") }], { ...context, userTemplate: loaded.template });
    const one = unzip(perClient.bytes).file("REL-2026-05-18-SARL-DUPONT-FILS-R2.docx")!.asUint8Array();
    expect(docxText(documentXml(one))).toContain("SARL Dupont & Fils");
  });

  test("unknown fields are reported before any merge, with the closest name", () => {
    const report = checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{clent} {totl_du} {#factures}{numro}{/factures} {montant}</w:t></w:r></w:p>`));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      "3 champs inconnus : {clent} (vouliez-vous dire {client} ?), {totl_du} (vouliez-vous dire {total_du} ?), {numro} (vouliez-vous dire {numero} ?). Corrigez le modèle dans Word ; la liste des champs est dans l'aide « Modèles de lettres : champs de fusion ».",
      "{montant} ne s'emploie qu'à l'intérieur de la boucle {#factures} … {/factures} (une ligne par facture).",
    ]);
  });

  test("the short close {/} ends the innermost section: a field of the loop after it is reported, nested loops are followed", () => {
    const after = checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client} {#factures}{numero}{/} {montant}</w:t></w:r></w:p>`));
    expect(after.errors).toEqual(["{montant} ne s'emploie qu'à l'intérieur de la boucle {#factures} … {/factures} (une ligne par facture)."]);
    const nested = checkUserTemplate(
      userTemplateDocx(`<w:p><w:r><w:t>{client} {#factures}{numero}{#periodes}{du} {au} {montant}{/} {penalites}{/} {total_du}</w:t></w:r></w:p>`),
    );
    expect(nested.errors).toEqual([]);
    const outside = checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client} {#periodes}{du}{/periodes}</w:t></w:r></w:p>`));
    expect(outside.ok).toBe(false);
  });

  test("the documents layer refuses a file over the pane's size limit itself", () => {
    const big = new Uint8Array(MAX_TEMPLATE_BYTES + 1);
    const result = loadUserTemplate(big, "lourd.docx");
    expect(result.ok).toBe(false);
    expect(result.report.errors).toEqual([expect.stringMatching(/^« lourd\.docx » pèse 1,5 Mo : la limite est de 1,5 Mo/)]);
  });

  test("syntax errors in French", () => {
    expect(checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client} {#factures}{numero}</w:t></w:r></w:p>`)).errors).toEqual([
      "La boucle {#factures} n'est pas refermée : ajoutez {/factures} à la fin de la partie à répéter.",
    ]);
    expect(checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client</w:t></w:r></w:p>`)).errors).toEqual(["Accolade ouverte jamais refermée : « {client ». Ajoutez « } »."]);
    expect(checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client}</w:t></w:r></w:p>`, `<w:p><w:r><w:t>{/factures}</w:t></w:r></w:p>`)).errors).toEqual([
      "{/factures} ferme une boucle qui n'a pas été ouverte (en-tête) : ajoutez {#factures} au début.",
    ]);
  });

  test("client fields in the header: a warning for the combined document", () => {
    const report = checkUserTemplate(userTemplateDocx(`<w:p><w:r><w:t>{client}</w:t></w:r></w:p>`, `<w:p><w:r><w:t>{client} – {reference}</w:t></w:r></w:p>`));
    expect(report.ok).toBe(true);
    expect(report.warnings[0]).toMatch(/^En-tête ou pied de page : \{client\}, \{reference\} changent d'une lettre à l'autre/);
  });

  test("not a .docx", () => {
    expect(checkUserTemplate(new TextEncoder().encode("%PDF-1.7 pas un docx")).errors[0]).toMatch(/n'est pas un document Word \.docx lisible/);
    expect(checkUserTemplate(unzipped())).toMatchObject({ ok: false });
  });

  test("hostile values in a user template are escaped too", () => {
    const loaded = loadUserTemplate(goodUserTemplate());
    if (!loaded.ok) throw new Error("template refused");
    const c = casesOf([invoice(`<w:p>&"'`, `</w:t>`, LETTER_DATE - 10, 100)])[0];
    const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "relance1" });
    const xml = documentXml(renderCombinedUser(loaded.template, [m]));
    expect(xml).toContain("&lt;w:p&gt;&amp;");
    expect(docxText(xml)).toContain(`<w:p>&"'`);
    expect(docxText(xml)).toContain(`</w:t>`);
  });
});

function unzipped(): Uint8Array {
  // A zip without word/document.xml.
  const zip = unzip(builtInTemplateDocx(builtInTemplate("relance1", "professionnel")));
  zip.remove("word/document.xml");
  return zip.generate({ type: "uint8array" });
}
