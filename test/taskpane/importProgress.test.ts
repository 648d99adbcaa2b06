import { PHASE_PROGRESS, progressValue, type ImportPhase } from "../../src/taskpane/import/progress";

const PHASES: ImportPhase[] = ["chargement", "lecture", "creances", "ecriture"];

test("the import's bar moves within the reading as the worker reports chunks, never past the next phase's start", () => {
  expect(progressValue("lecture")).toBe(PHASE_PROGRESS.lecture);
  expect(progressValue("lecture", 0.5)).toBeCloseTo((PHASE_PROGRESS.lecture + PHASE_PROGRESS.creances) / 2, 10);
  expect(progressValue("lecture", 1)).toBe(PHASE_PROGRESS.creances);
  expect(progressValue("lecture", 7)).toBe(PHASE_PROGRESS.creances);
  expect(progressValue("lecture", Number.NaN)).toBe(PHASE_PROGRESS.lecture);
  expect(progressValue("ecriture", 1)).toBe(1);
  // Along the phases and within them, the bar only goes forward.
  const along = PHASES.flatMap((phase) => [0, 0.25, 0.75, 1].map((within) => progressValue(phase, within)));
  for (let k = 1; k < along.length; k++) expect(along[k]).toBeGreaterThanOrEqual(along[k - 1]);
});
