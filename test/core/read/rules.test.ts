/**
 * One reader: the formulas (functions/coerce.ts) and the list (core/ledger/cells.ts)
 * read rates and yes/no cells with the same rules (core/read/rules.ts): for any
 * value, both accept it with the same result or both refuse it.
 */
import fc from "fast-check";
import { readFlag, readRate } from "../../../src/core/ledger/cells";
import { CellError } from "../../../src/core/ledger/cellError";
import { Misread, readBoolean, readRate as ruleRate } from "../../../src/core/read/rules";
import { coerceBoolean, coerceRate } from "../../../src/functions/coerce";
import { Problem } from "../../../src/functions/problem";

const settle = (value: unknown) => (value instanceof Problem || value instanceof CellError || value instanceof Misread ? "refused" : value);

const rateValues = fc.oneof(
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.integer({ min: 0, max: 1_000_000 }).map((millionths) => millionths / 1e6),
  fc.constantFrom("12,15 %", "12.15%", "0,1215", "abc", "150 %", "-1 %", "12,123456 %", " "),
);
const flagValues = fc.oneof(fc.boolean(), fc.integer({ min: -2, max: 3 }), fc.constantFrom("oui", "Non", "x", "VRAI", "faux", "yes", "peut-être", " "));

describe("formulas and list read with the same rules", () => {
  test("rates", () => {
    fc.assert(
      fc.property(rateValues, (value) => {
        expect(settle(coerceRate(value, "taux"))).toEqual(settle(readRate(value)));
        expect(settle(ruleRate(value))).toEqual(settle(readRate(value)));
      }),
    );
  });

  test("yes/no", () => {
    fc.assert(
      fc.property(flagValues, (value) => {
        expect(settle(coerceBoolean(value, "particulier"))).toEqual(settle(readFlag(value)));
        expect(settle(readBoolean(value))).toEqual(settle(readFlag(value)));
      }),
    );
  });

  test("a refusal is a code each side words its own way", () => {
    expect(readRate(1.5)).toEqual(expect.objectContaining({ reason: "taux supérieur à 100 % : écrivez-le en pourcentage (12 %) ou en fraction (0,12)" }));
    expect((coerceRate(1.5, "taux") as Problem).text("en")).toBe(
      "taux: “1.5” is above 100%; write the rate as a percentage (12.15%) or a fraction (0.1215)",
    );
  });
});
