import fc from "fast-check";
import { emailProblem, MAX_RECIPIENTS, parseRecipients } from "../../../src/core/sending/recipients";

describe("emailProblem", () => {
  test.each(["compta@dupont.fr", "jean.dupont+relances@mail.example.co.uk", "o'brien@x.ie", "a_b-c@sous-domaine.société.fr", "x@y.museum", "1@2.fr"])("accepts %s", (address) => {
    expect(emailProblem(address)).toBeUndefined();
  });

  test.each([
    ["", "adresse vide"],
    ["compta.dupont.fr", "pas de @"],
    ["a@b@c.fr", "plusieurs @"],
    ["@dupont.fr", "rien avant le @"],
    ["compta@", "pas de domaine"],
    ["compta@dupont", "domaine incomplet"],
    ["compta@dupont..fr", "point mal placé dans le domaine"],
    [".compta@dupont.fr", "point mal placé avant le @"],
    ["compta..x@dupont.fr", "point mal placé avant le @"],
    ["jérôme@dupont.fr", "caractère non autorisé avant le @"],
    ["compta@-dupont.fr", "caractère non autorisé dans le domaine"],
    ["compta@dupont.123", "finir par un nombre"],
    ["compta @dupont.fr", "espace"],
    ["compta@dupont.fr\r\nBcc: x@y.fr", "espace"],
    ["a\u0001b@dupont.fr", "caractère de contrôle"],
    [`${"a".repeat(65)}@dupont.fr`, "64 caractères"],
    [`a@${"b".repeat(250)}.fr`, "254 caractères"],
  ])("refuses %j: %s", (address, reason) => {
    expect(emailProblem(address)).toContain(reason);
  });

  test("never throws, and a refusal always names the address (French message)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const problem = emailProblem(text);
        if (problem !== undefined && text !== "") expect(problem.length).toBeGreaterThan(5);
      }),
    );
  });

  test("whatever fast-check calls an e-mail address in dot-atom form is accepted", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        fc.pre(address.length <= 254 && !/^\d+$/.test(address.split(".").pop()!));
        expect(emailProblem(address)).toBeUndefined();
      }),
    );
  });
});

describe("parseRecipients", () => {
  test("missing and blank cells: a clear French reason", () => {
    expect(parseRecipients(undefined)).toEqual({ ok: false, reason: "missing", message: "pas d'adresse e-mail dans la liste pour ce client" });
    expect(parseRecipients("  ")).toMatchObject({ ok: false, reason: "missing" });
    expect(parseRecipients(" ; , ")).toMatchObject({ ok: false, reason: "missing" });
  });

  test("several addresses, display names, duplicates ignoring case", () => {
    expect(parseRecipients("compta@x.fr; DG <dg@x.fr>, \"Dupont, Jean\" <jean@x.fr> ; COMPTA@x.fr")).toEqual({
      ok: true,
      addresses: ["compta@x.fr", "dg@x.fr", "jean@x.fr"],
    });
  });

  test("one invalid address refuses the client, naming it", () => {
    const result = parseRecipients("compta@x.fr; dg@x");
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(!result.ok && result.message).toBe("adresse e-mail invalide : « dg@x » : domaine incomplet (ex. « societe.fr »)");
  });

  test("too many recipients", () => {
    const cell = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `a${i}@x.fr`).join(";");
    expect(parseRecipients(cell)).toMatchObject({ ok: false, reason: "invalid" });
  });
});
