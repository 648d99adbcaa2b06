import fc from "fast-check";
import { formatIban, formatSiren, ibanProblem, isValidIban, isValidSiren, legalMentionsOf, luhn, parseCreditorProfile } from "../../../src/core/letters/profile";
import { PROFILE_INPUT } from "./fixtures";

describe("SIREN (Luhn)", () => {
  test("valid and invalid numbers", () => {
    expect(isValidSiren("552100554")).toBe(true);
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("552100555")).toBe(false);
    expect(isValidSiren("55210055")).toBe(false);
    expect(isValidSiren("55210055a")).toBe(false);
  });

  test("property: changing one digit always breaks the key", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = "552100554".split("").map(Number);
        digits[position] = (digits[position] + delta) % 10;
        return !luhn(digits.join(""));
      }),
    );
  });

  test("grouped by three", () => expect(formatSiren("552100554")).toBe("552 100 554"));
});

describe("IBAN (ISO 13616 mod 97)", () => {
  test("valid IBANs, any spacing or case", () => {
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 189")).toBe(true);
    expect(isValidIban("fr7630006000011234567890189")).toBe(true);
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("BE68 5390 0754 7034")).toBe(true);
  });

  test("French reasons for what is wrong", () => {
    expect(ibanProblem("FR76 3000 6000 0112 3456 7890 188")).toMatch(/clé de contrôle/);
    expect(ibanProblem("FR76 3000 6000 0112 3456 7890")).toMatch(/27 caractères attendus/);
    expect(ibanProblem("ZZ76 3000")).toMatch(/pays « ZZ » non reconnu/);
    expect(ibanProblem("bonjour")).toMatch(/IBAN invalide/);
  });

  test("property: swapping two different adjacent digits is detected", () => {
    const iban = "FR7630006000011234567890189";
    fc.assert(
      fc.property(fc.integer({ min: 4, max: iban.length - 2 }), (i) => {
        if (iban[i] === iban[i + 1]) return true;
        const swapped = iban.slice(0, i) + iban[i + 1] + iban[i] + iban.slice(i + 2);
        return !isValidIban(swapped);
      }),
    );
  });

  test("printed by groups of four", () => expect(formatIban("FR7630006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189"));
});

describe("the profile schema", () => {
  test("a full profile is normalized", () => {
    const result = parseCreditorProfile({ ...PROFILE_INPUT, siren: "552 100 554 00017", bic: "agri frpp" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toMatchObject({ version: 1, siren: "552100554", iban: "FR7630006000011234567890189", bic: "AGRIFRPP", raisonSociale: "SAS Atelier Lumière & Cie" });
  });

  test("optional fields may be blank; they are then absent", () => {
    const result = parseCreditorProfile({ ...PROFILE_INPUT, iban: "", bic: " ", telephone: "", mentionsLegales: "", fonction: "" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.iban).toBeUndefined();
    expect(result.profile.telephone).toBeUndefined();
    expect(result.profile.fonction).toBeUndefined();
  });

  test("every error comes in French with its field", () => {
    const result = parseCreditorProfile({ ...PROFILE_INPUT, raisonSociale: " ", siren: "552100555", iban: "FR76 3000 6000 0112 3456 7890 188", codePostal: "7500", email: "pas-un-email", bic: "XX" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.champ, e.message]));
    expect(byField.raisonSociale).toBe("Raison sociale : champ obligatoire");
    expect(byField.siren).toMatch(/SIREN invalide : la clé de contrôle \(formule de Luhn\)/);
    expect(byField.iban).toMatch(/IBAN invalide : la clé de contrôle/);
    expect(byField.codePostal).toMatch(/5 chiffres/);
    expect(byField.email).toMatch(/E-mail invalide/);
    expect(byField.bic).toMatch(/BIC : 8 ou 11 caractères/);
  });

  test("unknown keys and wrong types are refused in French", () => {
    const result = parseCreditorProfile({ ...PROFILE_INPUT, couleur: "bleu", ville: 12 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual(expect.arrayContaining(["champ inconnu : couleur", "Ville : texte attendu"]));
  });
});

describe("legal form, capital and registry (issue 18)", () => {
  const base = { raisonSociale: "Atelier Exemple", adresse: "5 rue de la Paix", codePostal: "75002", ville: "Paris", siren: "552 100 554", contact: "Marie Durand", email: "compta@exemple.fr" };
  test("a profile saved before these fields still loads, without a legal line", () => {
    const old = parseCreditorProfile({ version: 1, ...base });
    expect(old.ok).toBe(true);
    if (old.ok) expect(legalMentionsOf(old.profile)).toBe("");
  });
  test("the legal line is composed from the form, the capital and the registry city", () => {
    const parsed = parseCreditorProfile({ ...base, formeJuridique: "SAS", capital: "10 000 €", villeRcs: "Paris" });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(legalMentionsOf(parsed.profile)).toBe("SAS au capital de 10 000\u00a0€ – RCS Paris 552 100 554");
  });
  test("what the user wrote wins", () => {
    const parsed = parseCreditorProfile({ ...base, formeJuridique: "SAS", mentionsLegales: "SAS au capital variable" });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(legalMentionsOf(parsed.profile)).toBe("SAS au capital variable");
  });
});
