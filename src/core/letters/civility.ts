/**
 * How a letter greets its reader: « Madame Martin, » when the contact (or,
 * for a consumer, the client) is named with a civility, « Madame,
 * Monsieur, » otherwise (« Madame, » when the surname is only an initial); the closing formula repeats the civility alone
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

/** « P. », « P »: an initial stands for a name, it is not one to greet someone by. */
const INITIAL = /^\p{L}\.?$/u;

/** The surname in « Jean de La Fontaine », « DUPONT Jean », « J. Martin », « Martin »; "" when it is only an initial (« Claire P. »). */
function surnameOf(words: readonly string[]): string {
  const isUpper = (w: string) => w === w.toLocaleUpperCase("fr-FR") && /\p{L}/u.test(w);
  const names = words.filter((w) => !INITIAL.test(w));
  // « Claire P. »: a first name then an initial; « M. DUPONT J. » keeps its capitalised surname.
  if (INITIAL.test(words[words.length - 1]) && names.length < 2 && !(names.length === 1 && isUpper(names[0]))) return "";
  const upper = names.filter((w) => w.length > 1 && isUpper(w));
  if (upper.length > 0 && upper.length < names.length) return upper.join(" ");
  return names.length > 1 ? names.slice(1).join(" ") : names.join(" ");
}

export function civilityOf(name: string | undefined): Civility {
  const words = (name ?? "").trim().split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return UNKNOWN;
  const title = TITLES.find(([pattern]) => pattern.test(words[0]));
  if (!title) return UNKNOWN;
  const nom = surnameOf(words.slice(1));
  const civilite = title[1];
  // Known civility, surname only as an initial: « Madame, » rather than « Madame P., ».
  return { civilite, nom, appel: nom === "" ? `${civilite},` : `${civilite} ${nom},`, politesse: civilite };
}
