import {
  applyStoredMapping,
  detectColumns,
  headerKey,
  knownWordings,
  LEDGER_FIELDS,
  missingFields,
  overrideMapping,
  storedColumnMappingSchema,
  toStoredMapping,
} from "../../../src/core/ledger/headers";

describe("headerKey", () => {
  test.each([
    ["N° facture", "n facture"],
    ["Nº facture", "no facture"], // U+2116 NUMERO SIGN
    ["  Date d’échéance : ", "date d echeance"],
    ["ÉCHÉANCE", "echeance"],
    ["E-mail", "e mail"],
    ["Montant TTC (€)", "montant ttc"],
    ["Reste\u00a0dû", "reste du"],
    [null, ""],
    [42, "42"],
  ])("%p -> %p", (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe("detectColumns", () => {
  test("a French export, with both Montant TTC and Reste dû: the amount owed wins", () => {
    const headers = [
      "Raison sociale", // 0
      "N° facture", // 1
      "Date de facture", // 2
      "Date d'échéance", // 3
      "Montant TTC", // 4
      "Reste dû", // 5
      "Réglé le", // 6
      "Courriel", // 7
      "Contact", // 8
      "Adresse", // 9
      "Code postal", // 10
      "Ville", // 11
      "SIRET", // 12
      "Conditions de paiement", // 13
      "Particulier", // 14
      "Acheteur public", // 15
      "Taux pénalités", // 16
      "Commercial", // 17
    ];
    const { mapping, unmapped, missing } = detectColumns(headers);
    expect(mapping).toEqual({
      client: 0,
      numero: 1,
      dateFacture: 2,
      echeance: 3,
      montant: 5,
      datePaiement: 6,
      email: 7,
      contact: 8,
      adresse: 9,
      codePostal: 10,
      ville: 11,
      siren: 12,
      conditions: 13,
      particulier: 14,
      acheteurPublic: 15,
      tauxContractuel: 16,
    });
    expect(unmapped).toEqual([
      { index: 4, header: "Montant TTC", couldBe: "montant" },
      { index: 17, header: "Commercial" },
    ]);
    expect(missing).toEqual([]);
  });

  test("Solde beats Montant TTC even when it comes later; Montant TTC beats Montant", () => {
    expect(detectColumns(["Client", "Facture", "Échéance", "Montant TTC", "Solde"]).mapping.montant).toBe(4);
    expect(detectColumns(["Client", "Facture", "Échéance", "Montant", "Montant TTC"]).mapping.montant).toBe(4);
    expect(detectColumns(["Client", "Facture", "Échéance", "Montant"]).mapping.montant).toBe(3);
  });

  test("an English export", () => {
    const headers = ["Customer", "Invoice number", "Invoice date", "Due date", "Amount", "Balance", "Payment date", "Email", "Payment terms", "B2C", "Zip code", "City"];
    expect(detectColumns(headers).mapping).toEqual({
      client: 0,
      numero: 1,
      dateFacture: 2,
      echeance: 3,
      montant: 5,
      datePaiement: 6,
      email: 7,
      conditions: 8,
      particulier: 9,
      codePostal: 10,
      ville: 11,
    });
  });

  test("other usual wordings", () => {
    const { mapping } = detectColumns(["Débiteur", "Pièce", "Date", "Date échéance", "Reste à payer", "Paid on", "E-mail", "Secteur public", "Consommateur", "Délai de paiement", "Taux contractuel", "SIREN"]);
    expect(mapping).toEqual({
      client: 0,
      numero: 1,
      dateFacture: 2,
      echeance: 3,
      montant: 4,
      datePaiement: 5,
      email: 6,
      acheteurPublic: 7,
      particulier: 8,
      conditions: 9,
      tauxContractuel: 10,
      siren: 11,
    });
    expect(detectColumns(["Nom client", "Invoice", "Amount due", "Due date"]).mapping).toEqual({ client: 0, numero: 1, montant: 2, echeance: 3 });
    expect(detectColumns(["Client", "Référence", "Échéance", "Reste dû", "Public"]).mapping).toEqual({ client: 0, numero: 1, echeance: 2, montant: 3, acheteurPublic: 4 });
  });

  test("case, accents and punctuation do not matter", () => {
    const { mapping } = detectColumns(["CLIENT", "n°facture", "ECHEANCE", "reste du", "E-MAIL", "Nº pièce"]);
    expect(mapping).toEqual({ client: 0, numero: 1, echeance: 2, montant: 3, email: 4 });
  });

  test("a longer header is recognised by its start, generic words are not", () => {
    const { mapping, unmapped } = detectColumns(["Client final", "Échéance prévue", "Montant TTC en euros", "Date limite", "Facture"]);
    expect(mapping).toEqual({ client: 0, echeance: 1, montant: 2, numero: 4 });
    expect(unmapped).toEqual([{ index: 3, header: "Date limite" }]);
  });

  test("an exact wording beats a prefix, whatever the columns' order", () => {
    expect(detectColumns(["Client final", "Client"]).mapping.client).toBe(1);
    expect(detectColumns(["Date de paiement", "Date facture"]).mapping).toEqual({ datePaiement: 0, dateFacture: 1 });
    // "Adresse e-mail" is the e-mail, not the postal address.
    expect(detectColumns(["Adresse e-mail", "Adresse"]).mapping).toEqual({ email: 0, adresse: 1 });
  });

  test("what is missing is said in French", () => {
    expect(detectColumns(["Client", "Facture"]).missing).toEqual([
      "colonne « Montant restant dû » introuvable",
      "colonne « Échéance » introuvable (ou, à défaut, les colonnes « Date de facture » et « Conditions de paiement » pour la calculer)",
    ]);
    // The due date can be computed: nothing missing.
    expect(missingFields({ client: 0, numero: 1, montant: 2, dateFacture: 3, conditions: 4 })).toEqual([]);
    expect(missingFields({ client: 0, numero: 1, montant: 2, dateFacture: 3 })).toHaveLength(1);
  });

  test("each known wording belongs to one field, and every field has one", () => {
    const fields = new Set([...knownWordings().values()].map((w) => w.field));
    expect([...fields].sort()).toEqual([...LEDGER_FIELDS].sort());
    for (const key of knownWordings().keys()) expect(headerKey(key)).toBe(key);
  });
});

describe("overrideMapping", () => {
  const headers = ["Client", "Facture", "Échéance", "Montant TTC", "Reste dû", "Notes"];

  test("the user takes a column for another field, or removes a field", () => {
    const { mapping } = detectColumns(headers);
    expect(mapping).toEqual({ client: 0, numero: 1, echeance: 2, montant: 4 });
    const changed = overrideMapping(headers, mapping, { montant: 3, contact: 5 });
    expect(changed.mapping).toEqual({ client: 0, numero: 1, echeance: 2, montant: 3, contact: 5 });
    expect(changed.unmapped).toEqual([{ index: 4, header: "Reste dû" }]);
    // Giving column 0 to the contact takes it from the client, which is then missing.
    const taken = overrideMapping(headers, changed.mapping, { contact: 0 });
    expect(taken.mapping).toEqual({ contact: 0, numero: 1, echeance: 2, montant: 3 });
    expect(taken.missing).toEqual(["colonne « Client » introuvable"]);
    expect(overrideMapping(headers, mapping, { echeance: null }).mapping).toEqual({ client: 0, numero: 1, montant: 4 });
  });

  test("an index outside the header row is ignored", () => {
    const { mapping } = detectColumns(headers);
    expect(overrideMapping(headers, mapping, { contact: 6 }).mapping).toEqual(mapping);
    expect(overrideMapping(headers, mapping, { contact: -1 }).mapping).toEqual(mapping);
  });
});

describe("stored mapping", () => {
  const headers = ["Client", "Facture", "Échéance", "Montant TTC", "Reste dû", "Notes"];

  test("stored and applied again, it gives the same mapping", () => {
    const { mapping } = overrideMapping(headers, detectColumns(headers).mapping, { montant: 3, contact: 5 });
    const stored = JSON.parse(JSON.stringify(toStoredMapping(headers, mapping)));
    expect(stored).toEqual({
      version: 1,
      columns: {
        client: { index: 0, header: "Client" },
        numero: { index: 1, header: "Facture" },
        echeance: { index: 2, header: "Échéance" },
        montant: { index: 3, header: "Montant TTC" },
        contact: { index: 5, header: "Notes" },
      },
    });
    const applied = applyStoredMapping(headers, stored);
    expect(applied.ok && applied.detection.mapping).toEqual(mapping);
  });

  test("a column moved since is found again by its header; a vanished one is reported", () => {
    const { mapping } = overrideMapping(headers, detectColumns(headers).mapping, { montant: 3, contact: 5 });
    const stored = toStoredMapping(headers, mapping);
    // The user inserted a column at the start and deleted "Notes".
    const now = ["Agence", "Client", "Facture", "Échéance", "Montant TTC", "Reste dû"];
    const applied = applyStoredMapping(now, stored);
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(applied.detection.mapping).toEqual({ client: 1, numero: 2, echeance: 3, montant: 4 });
    expect(applied.moved).toEqual(["client", "numero", "echeance", "montant"]);
    expect(applied.lost).toEqual(["contact"]);
  });

  test("a field the user removed stays removed", () => {
    const { mapping } = overrideMapping(headers, detectColumns(headers).mapping, { echeance: null });
    const stored = toStoredMapping(headers, mapping);
    expect(stored.columns.echeance).toBeNull();
    const applied = applyStoredMapping(headers, stored);
    expect(applied.ok && applied.detection.mapping.echeance).toBeUndefined();
  });

  test("a damaged stored mapping is refused with French reasons", () => {
    const result = applyStoredMapping(headers, { version: 1, columns: { client: { index: -1, header: "Client" }, numero: { index: 1.5, header: "x" } } });
    expect(result).toEqual({
      ok: false,
      errors: ["columns › client › index : numéro de colonne négatif", "columns › numero › index : numéro de colonne entier attendu"],
    });
    const twice = storedColumnMappingSchema.safeParse({ version: 1, columns: { client: { index: 0, header: "A" }, numero: { index: 0, header: "A" } } });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0].message).toBe("la colonne 1 sert déjà au champ « client »");
    expect(applyStoredMapping(headers, { version: 2, columns: {} }).ok).toBe(false);
  });
});
