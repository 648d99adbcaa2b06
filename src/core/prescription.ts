/**
 * Prescription (limitation) of the claim (FACTS.md §6): 5 years between
 * traders (C. com. L110-4) and in civil matters (C. civ. 2224); 2 years for a
 * professional against a consumer (C. consom. L218-2). The period runs from
 * the due date; an acknowledgment, a partial payment, a court claim or an
 * enforcement measure starts a new one (C. civ. 2240, 2241, 2244) — a mise en
 * demeure does not.
 */
import { addYears, type EpochDay } from "./calendar";

export const PRESCRIPTION_YEARS_PROFESSIONAL = 5;
export const PRESCRIPTION_YEARS_CONSUMER = 2;

/** Last day to act, from the due date or the last interrupting event. */
export function prescriptionDay(from: EpochDay, debtorIsConsumer: boolean): EpochDay {
  return addYears(from, debtorIsConsumer ? PRESCRIPTION_YEARS_CONSUMER : PRESCRIPTION_YEARS_PROFESSIONAL);
}
