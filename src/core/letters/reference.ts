/**
 * The small texts of a letter that are not its wording: the document's
 * reference (ASCII, safe as a file name, shortened on a word boundary), an
 * address on one line, and whether the oldest invoice is still within the
 * first reminder's window (« sans doute un simple oubli »).
 */
import { formatDateIso, type EpochDay } from "../calendar";
import type { Scenario } from "../escalation/scenario";

const STEP_CODES: Readonly<Record<string, string>> = {
  preventive: "PREV",
  relance1: "R1",
  relance2: "R2",
  relance3: "R3",
  miseEnDemeure: "MED",
  echeancier: "ECH",
};

function asciiSlug(text: string, max: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "CLIENT";
  // Shortened on a word boundary: « SOCIETE-GENERALE-D », never « …-ECLAI ».
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, "");
}

/** "REL-2026-11-23-SARL-DUPONT-MED": the document's reference, ASCII, safe as a file name. */
export function documentReference(letterDate: EpochDay, client: string, stepOrTemplateId: string): string {
  const code = Object.hasOwn(STEP_CODES, stepOrTemplateId) ? STEP_CODES[stepOrTemplateId] : asciiSlug(stepOrTemplateId, 12);
  return `REL-${formatDateIso(letterDate)}-${asciiSlug(client, 24)}-${code}`;
}

/** Lines of an address joined with « , », blank lines dropped. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(", ");
}

/**
 * « Sans doute un simple oubli » only while the oldest invoice is within the
 * first overdue step's window (before the next step's day): past it, the
 * letter states the delay instead (issue 14 §4).
 */
export function withinFirstWindow(scenario: Scenario, maxDaysLate: number): boolean {
  const steps = [...scenario].sort((a, b) => a.offsetDays - b.offsetDays);
  const first = steps.findIndex((s) => s.offsetDays > 0);
  const next = first < 0 ? undefined : steps[first + 1];
  return next === undefined || maxDaysLate < next.offsetDays;
}
