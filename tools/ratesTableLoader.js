/**
 * Webpack loader for src/core/rates/data/*.json: the formulas need the
 * values, not the sources. Every row must carry its source and publication
 * date (the test suite checks them in full against tableSchema.ts); the
 * bundle receives the rows stripped to their values, so that a semester's
 * citation costs nothing in what Excel loads before the formulas register.
 * A row without its source or publication field fails the build here.
 */
const VALUE_FIELDS = ["semestre", "effet", "bp", "particulier", "autres"];

module.exports = function ratesTableLoader(source) {
  const table = JSON.parse(source);
  if (!Array.isArray(table.lignes)) throw new Error(`${this.resourcePath}: « lignes » manquant`);
  const lignes = table.lignes.map((row, i) => {
    if (typeof row.source !== "string" || row.source.length === 0 || !("publie" in row)) {
      throw new Error(`${this.resourcePath}, ligne ${i + 1} : source et date de publication obligatoires`);
    }
    const kept = {};
    for (const field of VALUE_FIELDS) if (field in row) kept[field] = row[field];
    return kept;
  });
  return JSON.stringify({ lignes });
};
