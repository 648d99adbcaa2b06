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

/**
 * A count and its noun: "1 facture", "3 factures", "0 client". The one
 * plural rule of the add-in (core, pane, ribbon, FEC command): singular
 * below 2, as French says it; the pane's English keeps it ("0 invoice"), as
 * it always has. `writeCount` writes the number (thousands separators).
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`, writeCount: (count: number) => string = String): string {
  return `${writeCount(count)} ${Math.abs(count) >= 2 ? pluralForm : singular}`;
}
