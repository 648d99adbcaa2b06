/**
 * The formulas' names in English (issue 13): functions-en.json is written at
 * build time from the French metadata (the JSDoc of functions.ts) and
 * functions.en.json. Here the French metadata is generated from the source by
 * the generator the build uses, so no build is needed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Metadata {
  functions: Array<{ id: string; name: string; description: string; options?: object; parameters: Array<{ name: string; description: string; optional?: boolean; type?: string; dimensionality?: string }> }>;
}
interface EnglishTexts {
  functions: Record<string, { name: string; description: string; parameters: Array<{ fr: string; name: string; description: string }> }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../../tools/localizedFunctions.js") as { localizeFunctions: (french: Metadata, english: EnglishTexts) => Metadata };

const root = join(__dirname, "..", "..");
const englishTexts = (): EnglishTexts => JSON.parse(readFileSync(join(root, "src/functions/functions.en.json"), "utf8"));

let french: Metadata;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([join(root, "src/functions/functions.ts")], false);
  expect(result.errors).toEqual([]);
  french = JSON.parse(result.metadataJson);
}, 60_000);

describe("English metadata of the formulas", () => {
  it("lists the same ids as the French, in the same order, with the same parameters", () => {
    const english = localizeFunctions(french, englishTexts());
    expect(english.functions.map((f) => f.id)).toEqual(french.functions.map((f) => f.id));
    english.functions.forEach((f, i) => {
      const fr = french.functions[i];
      expect(f.parameters.length).toBe(fr.parameters.length);
      expect(f.options).toEqual(fr.options);
      f.parameters.forEach((p, k) => {
        const { name: _frName, description: _frDescription, ...frRest } = fr.parameters[k];
        const { name: _name, description: _description, ...rest } = p;
        expect(rest).toEqual(frRest);
      });
    });
  });

  it("gives every formula an English name of its own, as in the issue", () => {
    const english = localizeFunctions(french, englishTexts());
    const names = english.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const byId = Object.fromEntries(english.functions.map((f) => [f.id, f.name]));
    expect(byId).toMatchObject({ PENALITE: "PENALTY", JOURS_RETARD: "DAYS_LATE", TRANCHE: "AGING_BUCKET", TOTAL_DU: "TOTAL_DUE" });
    for (const f of english.functions) {
      expect(f.description).not.toBe(french.functions.find((g) => g.id === f.id)?.description);
      for (const p of f.parameters) expect(p.description).not.toBe("");
    }
  });

  it("fails when the English texts drift from functions.ts", () => {
    const missing = englishTexts();
    delete missing.functions.PENALITE;
    expect(() => localizeFunctions(french, missing)).toThrow(/PENALITE has no English name/);

    const extra = englishTexts();
    extra.functions.PENALITE_BIS = { ...extra.functions.PENALITE, name: "PENALTY_TWO" };
    expect(() => localizeFunctions(french, extra)).toThrow(/no formula has the id PENALITE_BIS/);

    const shorter = englishTexts();
    shorter.functions.TOTAL_DU.parameters.pop();
    expect(() => localizeFunctions(french, shorter)).toThrow(/TOTAL_DU has 4 parameter\(s\) in functions.ts and 3 in English/);

    const renamed = englishTexts();
    renamed.functions.ECHEANCE.parameters[1].fr = "termes";
    expect(() => localizeFunctions(french, renamed)).toThrow(/parameter 2 is conditions in functions.ts, termes in English/);

    const twice = englishTexts();
    twice.functions.TOTAL_DU.name = "PENALTY";
    expect(() => localizeFunctions(french, twice)).toThrow(/PENALTY is given twice/);

    const badName = englishTexts();
    badName.functions.DSO.name = "D";
    expect(() => localizeFunctions(french, badName)).toThrow(/not a valid function name/);
  });

  it("is what the manifest gives an English Excel, the French file staying the default", () => {
    const manifest = new DOMParser().parseFromString(readFileSync(join(root, "manifest.xml"), "utf8"), "text/xml");
    const urls = Array.from(manifest.getElementsByTagName("bt:Url"));
    const metadataUrl = urls.find((url) => url.getAttribute("id") === "Functions.Metadata.Url");
    expect(metadataUrl?.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const overrides = Array.from(metadataUrl?.getElementsByTagName("bt:Override") ?? []);
    expect(overrides.map((o) => o.getAttribute("Locale")).sort()).toEqual(["en-GB", "en-US"]);
    for (const override of overrides) {
      expect(override.getAttribute("Value")).toBe(metadataUrl?.getAttribute("DefaultValue")?.replace(/functions\.json$/, "functions-en.json"));
    }
    // The metadata is named by this resource, in the CustomFunctions extension point.
    const metadata = manifest.getElementsByTagName("Metadata")[0];
    expect(metadata.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe("Functions.Metadata.Url");
  });

  it("gives both names of every formula in README's formula table", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const english = localizeFunctions(french, englishTexts());
    for (const f of english.functions) {
      expect(readme).toContain(`| \`RECOUVRE.${f.id}\` | \`RECOUVRE.${f.name}\` |`);
    }
  });
});
