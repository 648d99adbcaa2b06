/**
 * Rates the user supplies for semesters our sources do not cover yet (2026 S2
 * and later). They are stored in the workbook so that the file computes the
 * same on every PC; this module only defines and validates their shape.
 */
import { z } from "zod";
import { parseSemesterKey, semesterLabel, type SemesterIndex } from "../calendar";
import { RATE_KIND_LABELS, RATE_KINDS, type RateKind } from "./kinds";

export { RATE_KINDS, type RateKind } from "./kinds";

/** A rate as a fraction with at most 4 decimals in percent (0.121500). */
const rateFraction = z
  .number({ error: "le taux doit être un nombre" })
  .refine(Number.isFinite, "le taux doit être un nombre fini")
  .refine((x) => x >= 0 && x <= 0.5, "le taux doit être compris entre 0 % et 50 %")
  .refine((x) => Math.abs(x * 1e6 - Math.round(x * 1e6)) < 1e-6, "au plus quatre décimales en pourcentage (ex. 2,1500 %)");

const semesterEntry = z
  .object({
    bce: rateFraction.optional(),
    legalParticulier: rateFraction.optional(),
    legalAutres: rateFraction.optional(),
    /** Where the figure comes from (e.g. "arrêté du 15/06/2026"): evidence for the file. */
    source: z.string().max(300).optional(),
    /** ISO date on which it was entered. */
    saisiLe: z.string().max(40).optional(),
  })
  .strict();

export const userRatesSchema = z
  .object({
    version: z.literal(1),
    semestres: z.record(
      z.string().refine((key) => parseSemesterKey(key) !== undefined, "semestre attendu au format 2026-S2"),
      semesterEntry,
    ),
  })
  .strict();

export type UserRates = z.infer<typeof userRatesSchema>;
export type UserSemesterRates = z.infer<typeof semesterEntry>;

export const EMPTY_USER_RATES: UserRates = { version: 1, semestres: {} };

export type UserRatesResult = { ok: true; value: UserRates } | { ok: false; errors: string[] };

/**
 * The first semester a user could ever enter: the built-in tables stopped at
 * 2026-S1 when user rates came in. An entry for a later semester that the
 * tables have since received is superseded, not wrong: the workbook keeps it
 * (it is the user's record), the official figure is used, and the Taux tab
 * lists any difference (supersededUserRates).
 */
export const FIRST_ENTERABLE_SEMESTER: SemesterIndex = 2026 * 2 + 1;

/**
 * Validates rates read from the workbook or typed by the user. `firstOpen`
 * gives, per kind, the first semester the built-in tables do not cover: a
 * user figure may never replace an official one. `kept` says which entries
 * for official semesters may stay: "stored" (reading a workbook) keeps every
 * superseded entry; a UserRates (saving) keeps those it holds unchanged, so
 * that saving a new semester does not drop the user's older record.
 */
export function validateUserRates(
  input: unknown,
  firstOpen: Readonly<Record<RateKind, SemesterIndex>>,
  kept?: UserRates | "stored",
): UserRatesResult {
  const parsed = userRatesSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        // A refused record key comes wrapped in zod's English "Invalid key in record": show our own message.
        const message = issue.code === "invalid_key" ? issue.issues.map((inner) => inner.message).join(" ; ") : issue.message;
        return `${issue.path.join(" › ") || "taux"} : ${message}`;
      }),
    };
  }
  const errors: string[] = [];
  for (const [key, entry] of Object.entries(parsed.data.semestres)) {
    const semester = parseSemesterKey(key) as SemesterIndex;
    if (semester > 2099 * 2 + 1) errors.push(`${key} : semestre trop lointain`);
    for (const kind of RATE_KINDS) {
      const superseded =
        semester >= FIRST_ENTERABLE_SEMESTER && (kept === "stored" || (kept !== undefined && kept.semestres[key]?.[kind] === entry[kind]));
      if (entry[kind] !== undefined && semester < firstOpen[kind] && !superseded) {
        errors.push(
          `${key} : le ${RATE_KIND_LABELS[kind]} du ${semesterLabel(semester)} est déjà connu (taux officiel) et ne peut pas être remplacé`,
        );
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data };
}
