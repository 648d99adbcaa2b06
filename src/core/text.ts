/** Text helpers shared by the parsers of user wording. */

/** Lower case, no accents, single spaces: "À Réception " -> "a reception". */
export function normalizeWords(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
}

/** Singular or plural French noun: "1 facture", "3 factures". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Math.abs(count) >= 2 ? pluralForm : singular}`;
}
