import {
  DEFAULT_SCENARIO,
  findStepIndex,
  NOT_YET_DUE_STEP_LABEL,
  stepIndexByDate,
  stepIndexDue,
  stepLabel,
} from "../../../src/core/escalation/scenario";

const label = (daysLate: number, lastDone?: number): string => stepLabel(DEFAULT_SCENARIO, stepIndexDue(DEFAULT_SCENARIO, daysLate, lastDone));

describe("default scenario", () => {
  test("steps and offsets of the issue", () => {
    expect(DEFAULT_SCENARIO.map((s) => [s.label, s.offsetDays])).toEqual([
      ["Relance préventive", -5],
      ["Relance 1", 1],
      ["Relance 2", 15],
      ["Relance 3", 30],
      ["Mise en demeure", 45],
      ["Action judiciaire", 60],
    ]);
    expect(NOT_YET_DUE_STEP_LABEL).toBe("À échoir");
  });

  test.each([
    [-100, "À échoir"],
    [-6, "À échoir"],
    [-5, "Relance préventive"],
    [0, "Relance préventive"],
    [1, "Relance 1"],
    [14, "Relance 1"],
    [15, "Relance 2"],
    [29, "Relance 2"],
    [30, "Relance 3"],
    [44, "Relance 3"],
    [45, "Mise en demeure"],
    [59, "Mise en demeure"],
    [60, "Action judiciaire"],
    [5000, "Action judiciaire"],
  ])("J%i -> %s", (daysLate, expected) => {
    expect(label(daysLate)).toBe(expected);
  });

  test("stepIndexByDate", () => {
    expect(stepIndexByDate(DEFAULT_SCENARIO, -6)).toBe(-1);
    expect(stepIndexByDate(DEFAULT_SCENARIO, 60)).toBe(5);
  });
});

describe("derniere_etape caps the step at the next one", () => {
  test("calendar ahead of the file: only one step beyond the last done", () => {
    expect(label(60, 1)).toBe("Relance 2"); // Relance 1 done, J+60: Relance 2, not legal action
    expect(label(60, 0)).toBe("Relance 1");
    expect(label(60, 3)).toBe("Mise en demeure");
    expect(label(60, 4)).toBe("Action judiciaire");
  });

  test("last step done at or past the calendar: it stays", () => {
    expect(label(1, 3)).toBe("Relance 3");
    expect(label(30, 3)).toBe("Relance 3");
    expect(label(-10, 0)).toBe("Relance préventive");
    expect(label(100, 5)).toBe("Action judiciaire");
  });

  test("nothing done yet (-1) follows the calendar", () => {
    expect(label(60, -1)).toBe("Action judiciaire");
    expect(label(-6, -1)).toBe("À échoir");
  });
});

describe("findStepIndex", () => {
  test.each([
    ["Relance préventive", 0],
    ["relance preventive", 0],
    ["RELANCE 1", 1],
    ["relance1", 1],
    ["Mise en demeure", 4],
    ["MISE EN DEMEURE", 4],
    ["miseEnDemeure", 4],
    ["Action judiciaire", 5],
    ["À échoir", -1],
    ["a echoir", -1],
  ])("%p -> %i", (text, index) => {
    expect(findStepIndex(DEFAULT_SCENARIO, text)).toBe(index);
  });

  test.each(["Relance 9", "", "injonction", "5"])("unknown step %p", (text) => {
    expect(findStepIndex(DEFAULT_SCENARIO, text)).toBeUndefined();
  });
});
