import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isSet, tagsOf } from "../../../src/core/letters/blocks";
import { FIELD_SPECS, LETTER_FIELDS } from "../../../src/core/letters/fields";
import { buildLetterModel, documentReference, journalDraftOf, problemsFor, type LetterModel } from "../../../src/core/letters/model";
import { allBuiltInTemplates } from "../../../src/core/letters/wording";
import { formatCentsFr } from "../../../src/core/money";
import { RateBook } from "../../../src/core/rates/rateBook";
import { day } from "../fixtures";
import { book, caseOf, casesOf, CONSUMER, invoice, LETTER_DATE, PRO, PROFILE, PUBLIC, sampleInvoices, stepById } from "./fixtures";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

function model(client: string, stepId = "miseEnDemeure", extra: Partial<Parameters<typeof buildLetterModel>[0]> = {}): LetterModel {
  return buildLetterModel({ clientCase: caseOf(client), profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById(stepId), ...extra });
}

const items = (m: LetterModel) => m.fields.factures as ReadonlyArray<Record<string, string>>;

describe("a professional client's mise en demeure", () => {
  const m = model(PRO);

  test("the letter, its parties and its reference", () => {
    expect(m.reference).toBe("REL-2026-05-18-SARL-DUPONT-FILS-MED");
    expect(m.variant).toBe("professionnel");
    expect(m.builtIn?.key).toBe("miseEnDemeure.professionnel");
    expect(m.fields).toMatchObject({
      client: "SARL Dupont & Fils",
      adresse: "12 rue des Lilas",
      code_postal: "69003",
      ville: "Lyon",
      adresse_ligne: "12 rue des Lilas, 69003 Lyon",
      siren_client: "732 829 320",
      contact: "M. Martin",
      date_lettre: "18 mai 2026",
      arrete_au: "18 mai 2026",
      fait_a: "Fait à Paris, le 18 mai 2026",
      delai: "8 jours",
      date_limite: "26 mai 2026",
      nb_factures: "3 factures",
      les_factures: "les factures",
      des_factures: "des factures",
      s: "s",
      creancier: "SAS Atelier Lumière & Cie",
      creancier_adresse_ligne: "5 rue de la Paix, Bâtiment B, 75002 Paris",
      creancier_siren: "552 100 554",
      iban: "FR76 3000 6000 0112 3456 7890 189",
      bic: "AGRIFRPP",
      signataire: "Marie Durand",
      ville_creancier: "Paris",
      professionnel: true,
      particulier: false,
      mise_en_demeure: true,
    });
  });

  test("one line per invoice, French formats, L441-10 rates per semester", () => {
    // 1,500.00 due 31/05/2025: 31 days at 13.15 % (2025 S1), 184 at 12.15 % (2025 S2), 137 at 12.15 % (2026 S1).
    // 150000 x (0.1315 x 31 + 0.1215 x 321) / 365 = 17 699.6 -> 176.99 EUR... (checked against the engine's own figure)
    const [first, second, third] = items(m);
    expect(first).toEqual({
      numero: "F2025-0117",
      date: "01/05/2025",
      echeance: "31/05/2025",
      montant: `1${NNBSP}500,00${NBSP}€`,
      jours_retard: "352",
      penalites: `176,99${NBSP}€`,
      taux_penalites: `13,15${NBSP}% puis 12,15${NBSP}%`,
      indemnite: `40,00${NBSP}€`,
      total: `1${NNBSP}716,99${NBSP}€`,
      // Billed and deducted (no credit, no payment, no HT column here).
      montant_facture: `1${NNBSP}500,00${NBSP}€`,
      montant_ht: "—",
      montant_ttc: "—",
      deductions: `0,00${NBSP}€`,
      avec_deductions: false,
      // The décompte (issue 18), by hand: 1500 x 13.15 % x 30 / 365 = 16.2123, x 12.15 % x 184 / 365 = 91.8740,
      // x 12.15 % x 138 / 365 = 68.9055: 176.99 rounded once; the missing cent goes to the largest fraction (.55).
      avec_periodes: true,
      periodes: [
        { du: "01/06/2025", au: "30/06/2025", jours: "30", taux: `13,15${NBSP}%`, base: `1${NNBSP}500,00${NBSP}€`, montant: `16,21${NBSP}€` },
        { du: "01/07/2025", au: "31/12/2025", jours: "184", taux: `12,15${NBSP}%`, base: `1${NNBSP}500,00${NBSP}€`, montant: `91,87${NBSP}€` },
        { du: "01/01/2026", au: "18/05/2026", jours: "138", taux: `12,15${NBSP}%`, base: `1${NNBSP}500,00${NBSP}€`, montant: `68,91${NBSP}€` },
      ],
    });
    expect(second).toMatchObject({ numero: "F2025-0342", jours_retard: "184", taux_penalites: `12,15${NBSP}%` });
    expect(third).toMatchObject({ numero: "F2026-0051", montant: `2${NNBSP}345,67${NBSP}€`, jours_retard: "48" });
    const c = caseOf(PRO);
    expect(m.amounts).toEqual({ principal: c.principal, interest: c.interest, indemnity: 12000, total: c.total });
    expect(m.fields.total_du).toBe(formatCentsFr(c.total!));
    expect(m.fields.total_indemnites).toBe(`120,00${NBSP}€`);
    expect(m.fields.taux_penalites).toBe(`13,15${NBSP}% puis 12,15${NBSP}%`);
    expect(m.fields.base_penalites).toBe(
      `taux de refinancement de la Banque centrale européenne majoré de 10 points, soit 13,15${NBSP}% puis 12,15${NBSP}% selon le semestre`,
    );
    expect(m.fields.objet).toBe(`Mise en demeure de payer la somme de ${m.fields.total_du}`);
  });

  test("above 5,000 EUR principal and interest: injonction de payer", () => {
    expect(m.amounts.principal + m.amounts.interest).toBeGreaterThan(500000);
    expect(m.fields.procedure).toBe("injonction de payer");
    expect(m.fields.consequences).toMatch(/injonction de payer .*art\. 1405/);
  });

  test("what the journal records", () => {
    expect(journalDraftOf(m)).toEqual({
      date: LETTER_DATE,
      client: "SARL Dupont & Fils",
      clientKey: "sarl dupont fils",
      invoices: ["F2025-0117", "F2025-0342", "F2026-0051"],
      stepId: "miseEnDemeure",
      templateId: "miseEnDemeure",
      principal: m.amounts.principal,
      penalties: m.amounts.interest,
      indemnity: 12000,
      documentRef: m.reference,
    });
  });

  test("only some invoices: singular agreements and the small-claims procedure", () => {
    const one = model(PRO, "relance2", { invoices: ["F2026-0051"] });
    expect(one.invoices).toEqual(["F2026-0051"]);
    expect(one.fields).toMatchObject({ nb_factures: "1 facture", les_factures: "la facture", des_factures: "de la facture", s: "", nt: "" });
    expect(one.fields.procedure).toBe("procédure simplifiée de recouvrement des petites créances");
    expect(one.fields.consequences).toMatch(/commissaire de justice .*L125-1.*injonction de payer/);
    expect(one.reference).toBe("REL-2026-05-18-SARL-DUPONT-FILS-R2");
  });

  test("a contractual rate is named as such", () => {
    const invoices = [invoice("SAS Contrat", "C1", day(2026, 3, 1), 100000, { tauxContractuel: 150000 })];
    const c = casesOf(invoices)[0];
    const m2 = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("miseEnDemeure") });
    // Issue 18 changes this: rates always print with two decimals (« 15,00 % » beside « 13,15 % »).
    expect(items(m2)[0].taux_penalites).toBe(`15,00${NBSP}%`);
    expect(m2.fields.base_penalites).toBe(`taux contractuel de 15,00${NBSP}%`);
  });
});

describe("a consumer", () => {
  const m = model(CONSUMER);
  test("no penalty, no indemnity; legal interest from the formal notice", () => {
    expect(m.variant).toBe("particulier");
    expect(items(m)[0]).toMatchObject({ penalites: `0,00${NBSP}€`, indemnite: `0,00${NBSP}€` });
    expect(m.amounts).toMatchObject({ interest: 0, indemnity: 0, total: 45000 });
    expect(m.fields.total_du).toBe(`450,00${NBSP}€`);
    expect(m.fields.base_penalites).toBe(`taux de l'intérêt légal (2,62${NBSP}% au 1er semestre 2026)`);
    expect(m.fields.libelle_penalites).toMatch(/1231-6/);
    expect(m.fields.avec_interets).toBe(false);
  });

  test("no e-mail address: a French reason for the e-mail, the letter can go", () => {
    expect(problemsFor(m, "courrier")).toEqual([]);
    expect(problemsFor(m, "email")).toEqual(["pas d'adresse e-mail pour ce client : complétez la colonne E-mail (ou Courriel) de votre liste"]);
  });
});

describe("a public buyer", () => {
  test("moratory interest at one rate (ECB + 8) and the 40 EUR indemnity", () => {
    const m = model(PUBLIC);
    expect(m.variant).toBe("acheteurPublic");
    expect(items(m).map((line) => line.taux_penalites)).toEqual([`10,15${NBSP}%`, `10,15${NBSP}%`]);
    expect(m.fields.total_indemnites).toBe(`80,00${NBSP}€`);
    expect(m.fields.procedure).toMatch(/tribunal administratif/);
    expect(m.fields.consequences).toMatch(/R541-1 du Code de justice administrative/);
  });
});

describe("incomplete data", () => {
  test("no address: the letter is refused with the missing parts named", () => {
    const invoices = [invoice("SAS Sans Adresse", "A1", day(2026, 3, 1), 10000, { adresse: undefined, ville: undefined })];
    const m = buildLetterModel({ clientCase: casesOf(invoices)[0], profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("relance1") });
    expect(problemsFor(m, "courrier")).toEqual([
      "adresse postale incomplète (manque : adresse, ville) : complétez les colonnes Adresse, Code postal et Ville de votre liste",
    ]);
    expect(problemsFor(m, "email")).toEqual([]);
  });

  test("a rate nobody knows yet: no letter with a guessed total", () => {
    const late = day(2026, 8, 3); // 2026 S2 is not in the official tables
    const invoices = [invoice("SAS Futur", "Z1", day(2026, 7, 15), 10000)];
    const c = casesOf(invoices, late)[0];
    const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: late, book, step: stepById("relance1") });
    expect(m.problems.all).toEqual([expect.stringMatching(/^montants incomplets : .*2e semestre 2026 inconnu/)]);
    // With the user's rates the letter can be made.
    const withRates = RateBook.create({ version: 1, semestres: { "2026-S2": { bce: 0.0215, legalAutres: 0.0262, legalParticulier: 0.0667 } } });
    const c2 = casesOf(invoices, late).map((x) => x)[0];
    expect(c2.missingRates.length).toBe(1); // built with the official book
    const m2 = buildLetterModel({ clientCase: { ...c2, lines: c2.lines.map((l) => ({ ...l, interest: 6, missingRate: undefined })) }, profile: PROFILE, letterDate: late, book: withRates, step: stepById("relance1") });
    expect(m2.problems.all).toEqual([]);
    expect(m2.fields.taux_penalites).toBe(`12,15${NBSP}%`);
  });

  test("cases built for another day are refused", () => {
    expect(() => buildLetterModel({ clientCase: caseOf(PRO), profile: PROFILE, letterDate: LETTER_DATE + 1, book, step: stepById("relance1") })).toThrow(/recalculez les dossiers/);
  });

  test("a step without a built-in letter has no wording, and says so later", () => {
    const m = model(PRO, "actionJudiciaire");
    expect(m.builtIn).toBeUndefined();
    expect(m.fields.objet).toMatch(/^Action judiciaire – 3 factures – /);
  });
});

describe("the catalogue of fields", () => {
  const all = casesOf(sampleInvoices()).flatMap((c) =>
    ["preventive", "relance1", "relance2", "relance3", "miseEnDemeure"].map((id) => buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById(id) })),
  );

  test("every letter-level field is in every model, and nothing else", () => {
    for (const m of all) expect(new Set(Object.keys(m.fields))).toEqual(new Set(LETTER_FIELDS));
  });

  test("loop items carry exactly their documented fields", () => {
    const doc = (scope: string) => new Set(FIELD_SPECS.filter((s) => s.scope === scope).map((s) => s.name));
    for (const m of all) {
      for (const item of items(m)) expect(new Set(Object.keys(item))).toEqual(doc("factures"));
      for (const item of m.fields.mensualites as ReadonlyArray<Record<string, string>>) expect(new Set(Object.keys(item))).toEqual(doc("mensualites"));
    }
  });

  test("no value says undefined or NaN", () => {
    for (const m of all) expect(JSON.stringify(m.fields)).not.toMatch(/undefined|NaN/);
  });

  test("built-in templates use only documented fields", () => {
    const known = new Set(FIELD_SPECS.map((s) => s.name));
    for (const template of allBuiltInTemplates()) {
      const used = template.blocks.flatMap((block) => {
        const runTexts = (runs: readonly (string | { text: string })[]) => runs.map((r) => (typeof r === "string" ? r : r.text));
        const texts =
          block.type === "p"
            ? runTexts(block.runs)
            : block.type === "table"
              ? block.columns.map((c) => c.cell)
              : block.type === "nestedTable"
                ? [...runTexts(block.heading), ...block.columns.map((c) => c.cell), block.footer.label, block.footer.value]
                : block.rows.flatMap((r) => [r.label, r.value]);
        const loops = block.type === "table" ? [block.loop] : block.type === "nestedTable" ? [block.loop, block.inner, block.itemWhen] : [];
        return [...texts.flatMap(tagsOf), ...(block.when ? [block.when] : []), ...loops];
      });
      for (const name of [...used, ...tagsOf(template.objet)]) expect(known.has(name) ? name : `${template.key}: ${name}`).toBe(name);
    }
  });

  test("the README documents every merge field", () => {
    const doc = readFileSync(join(__dirname, "../../../README.md"), "utf8");
    for (const spec of FIELD_SPECS) {
      const written = spec.kind === "texte" ? `\`{${spec.name}}\`` : `\`{#${spec.name}} … {/${spec.name}}\``;
      expect(doc.includes(written) ? spec.name : `missing ${written}`).toBe(spec.name);
    }
  });
});

describe("the payment plan proposal", () => {
  test("equal instalments, monthly from the deadline, cents on the last", () => {
    const m = model(PRO, "miseEnDemeure", { step: undefined, templateId: "echeancier", echeancier: { nombre: 3 } });
    const plan = m.fields.mensualites as ReadonlyArray<Record<string, string>>;
    expect(plan.map((p) => p.date)).toEqual(["26/05/2026", "26/06/2026", "26/07/2026"]);
    expect(plan.map((p) => p.rang)).toEqual(["1/3", "2/3", "3/3"]);
    expect(m.fields.nb_mensualites).toBe("3 mensualités");
    expect(m.reference).toMatch(/-ECH$/);
  });

  test("property: the instalments always add up to the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 10_000_000 }), (count, amount) => {
        const invoices = [invoice("SAS Plan", "P1", LETTER_DATE - 30, amount)];
        const c = casesOf(invoices)[0];
        const m = buildLetterModel({ clientCase: c, profile: PROFILE, letterDate: LETTER_DATE, book, templateId: "echeancier", echeancier: { nombre: count } });
        const cents = (m.fields.mensualites as ReadonlyArray<Record<string, string>>).map((p) => Number(p.montant.replace(/[^\d]/g, "")));
        return cents.length === count && cents.reduce((a, b) => a + b, 0) === m.amounts.total && Math.max(...cents) - Math.min(...cents) < count;
      }),
      { numRuns: 60 },
    );
  });
});

describe("references", () => {
  test("ASCII, dated, client and step", () => {
    // Issue 18 changes this: shortened on a word boundary (it was « …-D-ECLAI »).
    expect(documentReference(LETTER_DATE, "Société Générale d'Éclairage & Fils", "relance1")).toBe("REL-2026-05-18-SOCIETE-GENERALE-D-R1");
    expect(documentReference(LETTER_DATE, "Établissementsgénérauxdenégoce", "relance1")).toBe("REL-2026-05-18-ETABLISSEMENTSGENERAUXDE-R1");
    expect(documentReference(LETTER_DATE, "<script>", "monEtape")).toBe("REL-2026-05-18-SCRIPT-MONETAPE");
    expect(documentReference(LETTER_DATE, "***", "miseEnDemeure")).toBe("REL-2026-05-18-CLIENT-MED");
  });

  test("property: always a safe file name", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 40 }), (client, step) => /^REL-\d{4}-\d{2}-\d{2}-[A-Z0-9-]+-[A-Z0-9-]+$/.test(documentReference(LETTER_DATE, client, step)) || step.replace(/[^A-Za-z0-9]/g, "") === ""));
  });
});

test("isSet", () => {
  expect([isSet(""), isSet(false), isSet([]), isSet(undefined), isSet("x"), isSet(true), isSet([{}])]).toEqual([false, false, false, false, true, true, true]);
});

describe("bank details in the letter", () => {
  test("the BIC follows the IBAN when known, and « BIC , » is never printed without one", () => {
    const withBic = model(PRO, "relance1", { profile: { ...PROFILE, bic: "AGRIFRPP" } });
    expect(withBic.fields.iban_bic).toMatch(/^FR76 .* – BIC AGRIFRPP$/);
    const withoutBic = model(PRO, "relance1", { profile: { ...PROFILE, bic: undefined } });
    expect(withoutBic.fields.iban_bic).toMatch(/^FR76 [0-9A-Z ]+$/);
    expect(String(withoutBic.fields.iban_bic)).not.toContain("BIC");
  });
});
