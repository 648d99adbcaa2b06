import { DEFAULT_STORED_SCENARIO, toStoredScenario, validateScenario } from "../../../src/core/escalation/scenarioSchema";
import { DEFAULT_SCENARIO, findStepIndex, isFormalNotice, letterTemplateOf, stepIndexDue, stepLabel } from "../../../src/core/escalation/scenario";

describe("stored scenario", () => {
  test("the default scenario is stored and read back unchanged", () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_STORED_SCENARIO));
    expect(stored.version).toBe(1);
    expect(validateScenario(stored)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });

  test("an edited scenario: custom channel, letter and formal notice flag", () => {
    const edited = toStoredScenario([
      { id: "appel", label: "Appel de courtoisie", offsetDays: 3, channel: "telephone" },
      { id: "lettre", label: "Lettre de rappel", offsetDays: 20, channel: "courrier", letterTemplateId: "rappel-ferme" },
      { id: "med", label: "Mise en demeure", offsetDays: 40, channel: "email", formalNotice: true },
    ]);
    const result = validateScenario(edited);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.map((s) => [letterTemplateOf(s), isFormalNotice(s)])).toEqual([
      ["appel", false],
      ["rappel-ferme", false],
      ["med", true],
    ]);
    // The formula helpers work with it.
    expect(stepLabel(result.scenario, stepIndexDue(result.scenario, 25, 0))).toBe("Lettre de rappel");
    expect(findStepIndex(result.scenario, "lettre de RAPPEL")).toBe(1);
  });

  test("errors name the step, in French", () => {
    const result = validateScenario({
      version: 1,
      etapes: [
        { id: "r1", label: "Relance", offsetDays: 10, channel: "email" },
        { id: "r1", label: "relance", offsetDays: 5, channel: "fax" },
        { id: "3x", label: "  ", offsetDays: 2.5, channel: "lrar" },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        "étape 2 : canal inconnu : e-mail, courrier, LRAR, téléphone ou action",
        "étape 3 : identifiant d'étape : lettres, chiffres, - ou _, 40 caractères au plus, commençant par une lettre",
        "étape 3 : le libellé de l'étape est vide",
        "étape 3 : le délai doit être un nombre entier de jours",
      ],
    });
    const order = validateScenario({
      version: 1,
      etapes: [
        { id: "r1", label: "Relance", offsetDays: 10, channel: "email" },
        { id: "r1", label: "relance", offsetDays: 5, channel: "email" },
        { id: "r3", label: "À échoir", offsetDays: 20, channel: "email" },
      ],
    });
    expect(order).toEqual({
      ok: false,
      errors: [
        "étape 3 : « À échoir » est réservé",
        "étape 2 : identifiant « r1 » déjà utilisé",
        "étape 2 : libellé « relance » déjà utilisé",
        "étape 2 : son délai (5 j) doit suivre celui de l'étape précédente (10 j)",
      ],
    });
    expect(validateScenario({ version: 1, etapes: [] })).toEqual({ ok: false, errors: ["le scénario doit compter au moins une étape"] });
  });
});
