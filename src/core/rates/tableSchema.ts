/**
 * The shape of the official rate tables (data/*.json), checked by the test
 * suite, which `npm test` runs after the build: a row without its value, its
 * source or its publication date, a semester out of order, a publication
 * after the semester it fixes, fails the build. Only the tests import this
 * file, so zod never reaches the formulas' bundle; the bundle's copy of the
 * tables is stripped to its values by tools/ratesTableLoader.js.
 */
import { z } from "zod";
import { isValidCivilDate, parseSemesterKey, semesterStart, toEpochDay } from "../calendar";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date (yyyy-mm-dd)")
  .refine((text) => {
    const [year, month, day] = text.split("-").map(Number);
    return isValidCivilDate(year, month, day);
  }, "no such day");
const semester = z.string().refine((key) => parseSemesterKey(key) !== undefined, "expected a semester key such as 2026-S2");
const basisPoints = z.number().int().min(0).max(5000);
/** Where the figure was read: the issuing authority's publication, named with its date. */
const source = z.string().min(30).max(400);

/** Semesters strictly consecutive, each published before it starts (when the date is known). */
function consecutive(rows: ReadonlyArray<{ semestre: string; publie: string | null }>, context: z.RefinementCtx): void {
  rows.forEach((row, i) => {
    const index = parseSemesterKey(row.semestre) as number;
    if (i > 0 && index !== (parseSemesterKey(rows[i - 1].semestre) as number) + 1) {
      context.addIssue({ code: "custom", path: ["lignes", i, "semestre"], message: `${row.semestre} does not follow ${rows[i - 1].semestre}` });
    }
    if (row.publie !== null && isoDay(row.publie) >= semesterStart(index)) {
      context.addIssue({ code: "custom", path: ["lignes", i, "publie"], message: `${row.semestre} published on ${row.publie}, after the semester began` });
    }
  });
}

function isoDay(text: string): number {
  const [year, month, day] = text.split("-").map(Number);
  return toEpochDay(year, month, day);
}

/** data/ecb.json: the MRO rate in force on 1 January / 1 July, per semester. */
export const ecbTableSchema = z
  .object({
    table: z.string(),
    lignes: z.array(z.object({ semestre: semester, bp: basisPoints, publie: isoDate, source }).strict()).min(1),
  })
  .strict()
  .superRefine((table, context) => consecutive(table.lignes, context));

/** data/mro.json: every change of the MRO rate, at its effective date. */
export const mroTableSchema = z
  .object({
    table: z.string(),
    /** Last decision read in the sources (unchanged rates included): the history is known up to it. */
    confirmeLe: isoDate,
    confirmation: source,
    lignes: z.array(z.object({ effet: isoDate, bp: basisPoints, publie: isoDate, source }).strict()).min(1),
  })
  .strict()
  .superRefine((table, context) => {
    table.lignes.forEach((row, i) => {
      if (row.publie > row.effet) context.addIssue({ code: "custom", path: ["lignes", i, "publie"], message: `decision of ${row.publie} after its effective date` });
      if (i > 0 && row.effet <= table.lignes[i - 1].effet) {
        context.addIssue({ code: "custom", path: ["lignes", i, "effet"], message: "changes expected in date order" });
      }
    });
  });

/**
 * data/legal.json: both columns of the arrêté, per semester. The
 * publication date may be null only where the sources did not give the
 * Journal officiel's date (older semesters); a new row carries it.
 */
export const legalTableSchema = z
  .object({
    table: z.string(),
    lignes: z
      .array(z.object({ semestre: semester, particulier: basisPoints, autres: basisPoints, publie: isoDate.nullable(), source }).strict())
      .min(1),
  })
  .strict()
  .superRefine((table, context) => consecutive(table.lignes, context));
