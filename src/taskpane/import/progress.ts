/**
 * The import's progress bar: each phase has its usual share of the time, and
 * the reading (the long part on a large FEC) moves the bar within its share
 * as the worker reports chunks of lines.
 */
export type ImportPhase = "chargement" | "lecture" | "creances" | "ecriture";

/** Where the bar stands when a phase starts: the phases' usual share of the time. */
export const PHASE_PROGRESS: Readonly<Record<ImportPhase, number>> = { chargement: 0.05, lecture: 0.2, creances: 0.7, ecriture: 0.9 };

const PHASE_END: Readonly<Record<ImportPhase, number>> = { chargement: PHASE_PROGRESS.lecture, lecture: PHASE_PROGRESS.creances, creances: PHASE_PROGRESS.ecriture, ecriture: 1 };

/** Where the bar stands `within` (0..1) a phase: between the phase's start and the next one's. */
export function progressValue(phase: ImportPhase, within = 0): number {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(within) ? within : 0));
  return PHASE_PROGRESS[phase] + fraction * (PHASE_END[phase] - PHASE_PROGRESS[phase]);
}

