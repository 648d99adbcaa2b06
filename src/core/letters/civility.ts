/**
 * How a letter greets its reader: « Madame Martin, » when the contact (or,
 * for a consumer, the client) is named with a civility, « Madame,
 * Monsieur, » otherwise; the closing formula repeats the civility alone
 * (« Veuillez agréer, Madame, … »). A name without civility (« Paul
 * Durand », « Service comptable ») is never given a guessed gender.
 */

export interface Civility {
  /** « Madame », « Monsieur », or "" when unknown. */
  readonly civilite: "Madame" | "Monsieur" | "";
  /** Surname as written: « Martin », « de La Fontaine ». */
  readonly nom: string;
  /** The salutation, comma included: « Madame Martin, » or « Madame, Monsieur, ». */
  readonly appel: string;
  /** What the closing formula addresses: « Madame » or « Madame, Monsieur ». */
  readonly politesse: string;
}

const TITLES: ReadonlyArray<readonly [RegExp, "Madame" | "Monsieur"]> = [
  [/^(mme|madame|mlle|mademoiselle)\.?$/i, "Madame"],
  [/^(m|mr|monsieur)\.?$/i, "Monsieur"],
];

const UNKNOWN: Civility = { civilite: "", nom: "", appel: "Madame, Monsieur,", politesse: "Madame, Monsieur" };

/** The surname in « Jean de La Fontaine », « DUPONT Jean », « Martin ». */
function surnameOf(words: readonly string[]): string {
  const upper = words.filter((w) => w.length > 1 && w === w.toLocaleUpperCase("fr-FR") && /\p{L}/u.test(w));
  if (upper.length > 0 && upper.length < words.length) return upper.join(" ");
  return words.length > 1 ? words.slice(1).join(" ") : words.join(" ");
}

export function civilityOf(name: string | undefined): Civility {
  const words = (name ?? "").trim().split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return UNKNOWN;
  const title = TITLES.find(([pattern]) => pattern.test(words[0]));
  if (!title) return UNKNOWN;
  const nom = surnameOf(words.slice(1));
  const civilite = title[1];
  return { civilite, nom, appel: `${civilite} ${nom},`, politesse: civilite };
}
