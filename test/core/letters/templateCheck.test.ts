import { checkTemplateTags, editDistance, suggestField, type FoundTag } from "../../../src/core/letters/templateCheck";

const tag = (name: string, kind: FoundTag["kind"] = "champ", within: string[] = [], part: FoundTag["part"] = "corps"): FoundTag => ({ name, kind, within, part });

describe("checkTemplateTags", () => {
  test("a correct template with a loop", () => {
    const report = checkTemplateTags([
      tag("client"),
      tag("factures", "section"),
      tag("numero", "champ", ["factures"]),
      tag("montant", "champ", ["factures"]),
      tag("client", "champ", ["factures"]),
      tag("total_du"),
      tag("contact", "section"),
      tag("contact", "champ", ["contact"]),
      tag("particulier", "sectionInverse"),
      tag("creancier", "champ", [], "pied"),
    ]);
    expect(report).toEqual({ ok: true, errors: [], warnings: [], unknown: [], fieldsUsed: ["client", "contact", "creancier", "factures", "montant", "numero", "particulier", "total_du"] });
  });

  test("unknown fields, all listed at once, with the closest known name", () => {
    const report = checkTemplateTags([tag("clien"), tag("totl_du"), tag("Total du"), tag("date_echeance", "champ", ["factures"]), tag("montant_restant", "champ", ["factures"]), tag("xyzzy"), tag("clien")]);
    expect(report.ok).toBe(false);
    expect(report.unknown).toEqual([
      { name: "clien", suggestion: "client" },
      { name: "totl_du", suggestion: "total_du" },
      { name: "Total du", suggestion: "total_du" },
      { name: "date_echeance", suggestion: "echeance" },
      { name: "montant_restant", suggestion: "montant" },
      { name: "xyzzy" },
    ]);
    expect(report.errors[0]).toBe(
      "6 champs inconnus : {clien} (vouliez-vous dire {client} ?), {totl_du} (vouliez-vous dire {total_du} ?), {Total du} (vouliez-vous dire {total_du} ?), " +
        "{date_echeance} (vouliez-vous dire {echeance} ?), {montant_restant} (vouliez-vous dire {montant} ?), {xyzzy}. " +
        "Corrigez le modèle dans Word ; la liste des champs est dans l'aide « Modèles de lettres : champs de fusion ».",
    );
  });

  test("an invoice field outside the loop", () => {
    const report = checkTemplateTags([tag("client"), tag("numero")]);
    expect(report.errors).toEqual(["{numero} ne s'emploie qu'à l'intérieur de la boucle {#factures} … {/factures} (une ligne par facture)."]);
  });

  test("a list used as a plain field, an unknown loop, raw XML", () => {
    const report = checkTemplateTags([tag("client"), tag("factures"), tag("facture", "section"), tag("client", "brut")]);
    expect(report.errors).toEqual([
      "Champ inconnu : {facture} (vouliez-vous dire {factures} ?). Corrigez le modèle dans Word ; la liste des champs est dans l'aide « Modèles de lettres : champs de fusion ».",
      "{factures} est une liste : écrivez {#factures} au début de la partie à répéter et {/factures} à la fin.",
      "La balise {@client} insère du XML brut : elle n'est pas acceptée. Écrivez {client}.",
    ]);
  });

  test("warnings: client fields in a header, no {client}, no field at all", () => {
    expect(checkTemplateTags([tag("client", "champ", [], "en-tete"), tag("date_lettre", "champ", [], "en-tete")]).warnings).toEqual([
      "En-tête ou pied de page : {client} change d'une lettre à l'autre. Dans le document combiné, l'en-tête est commun à toutes les lettres et ces champs y resteront vides ; placez-les dans le corps de la lettre.",
    ]);
    expect(checkTemplateTags([tag("total_du")]).warnings).toEqual(["Le modèle ne contient pas {client} : le nom du destinataire n'apparaîtra pas."]);
    expect(checkTemplateTags([]).warnings).toEqual(["Le modèle ne contient aucun champ de fusion : toutes les lettres seront identiques."]);
    expect(checkTemplateTags([]).ok).toBe(true);
  });
});

test("suggestions and distances", () => {
  expect(editDistance("totl_du", "total_du")).toBe(1);
  expect(editDistance("cleint", "client")).toBe(1);
  expect(suggestField("Code Postal", ["code_postal", "client"])).toBe("code_postal");
  expect(suggestField("nom", ["client", "numero"])).toBe("client");
  expect(suggestField("montant_facture", ["montant", "total_du"])).toBe("montant");
  expect(suggestField("zzzzzz", ["client"])).toBeUndefined();
});
