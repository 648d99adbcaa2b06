/**
 * English metadata for the RECOUVRE.* formulas, as Office documents the
 * localization of custom functions: one functions.json per language, the
 * same ids (a workbook computes the same in French and English Excel), the
 * names and descriptions in the user's language; the manifest points an
 * English Excel at functions-en.json (bt:Override of Functions.Metadata.Url).
 *
 * The French file is what custom-functions-metadata-plugin generates from the
 * JSDoc of src/functions/functions.ts; the English texts come from
 * src/functions/functions.en.json. localizeFunctions() writes the English
 * file from the two and throws on any disagreement, so the build fails
 * rather than ship an English Excel a formula it cannot name.
 */
"use strict";
const fs = require("fs");

/** Office's rule for a function's name: a letter first, at least three characters, letters, digits, "_" and ".". */
const NAME = /^[A-Za-z][A-Za-z0-9_.]{2,}$/;
/** A parameter's name: what Excel shows in the tooltip, one word. */
const PARAMETER = /^[a-z][a-z0-9_]*$/;

function fail(message) {
  throw new Error(`functions.en.json: ${message}`);
}

/**
 * The English metadata from the French one and the English texts. Same
 * ids, same order, same parameters (type, dimensionality, optional) as the
 * French: only names and descriptions change.
 */
function localizeFunctions(french, english) {
  const texts = english.functions;
  const frenchIds = french.functions.map((f) => f.id);
  const extra = Object.keys(texts).filter((id) => !frenchIds.includes(id));
  if (extra.length > 0) fail(`no formula has the id ${extra.join(", ")} (functions.ts declares ${frenchIds.join(", ")})`);
  const names = new Set();
  const functions = french.functions.map((f) => {
    const text = texts[f.id];
    if (text === undefined) fail(`${f.id} has no English name and description`);
    if (!NAME.test(text.name)) fail(`${f.id}: « ${text.name} » is not a valid function name`);
    if (names.has(text.name)) fail(`${f.id}: the name ${text.name} is given twice`);
    names.add(text.name);
    if (!text.description) fail(`${f.id} has no English description`);
    const params = text.parameters ?? [];
    if (params.length !== f.parameters.length) {
      fail(`${f.id} has ${f.parameters.length} parameter(s) in functions.ts and ${params.length} in English`);
    }
    const parameters = f.parameters.map((p, i) => {
      const t = params[i];
      if (t.fr !== p.name) fail(`${f.id}: parameter ${i + 1} is ${p.name} in functions.ts, ${t.fr} in English`);
      if (!PARAMETER.test(t.name)) fail(`${f.id}: « ${t.name} » is not a parameter name`);
      if (!t.description) fail(`${f.id}: parameter ${t.name} has no description`);
      return { ...p, name: t.name, description: t.description };
    });
    return { ...f, name: text.name, description: text.description, parameters };
  });
  return { ...french, functions };
}

/**
 * Webpack: after custom-functions-metadata-plugin has added `source`
 * (functions.json), adds `output` (functions-en.json) beside it. Both are
 * written without indentation: Excel loads one of them before the formulas
 * register, and the indentation cost 0.16 KiB gzipped for no reader.
 */
class LocalizedFunctionsPlugin {
  constructor({ source, output, english }) {
    this.source = source;
    this.output = output;
    this.english = english;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(this.english);
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.source);
        // The metadata plugin reports its own errors (a bad JSDoc) and then adds no asset.
        if (asset === undefined) return;
        try {
          const french = JSON.parse(asset.source.source().toString());
          const english = JSON.parse(fs.readFileSync(this.english, "utf8"));
          const localized = localizeFunctions(french, english);
          compilation.updateAsset(this.source, new sources.RawSource(JSON.stringify(french)));
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized)));
        } catch (error) {
          compilation.errors.push(new compiler.webpack.WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { localizeFunctions, LocalizedFunctionsPlugin };
