/**
 * The creditor's profile: who signs the letters and where the debtor pays.
 *
 * Entered once in the pane and stored in the workbook (document settings,
 * key CREDITOR_PROFILE_SETTING), so the letters come out the same on every
 * PC. Validation messages are French: the pane shows them beside the field.
 *
 * Checks: SIREN with its Luhn key (INSEE), IBAN with its ISO 13616 mod-97
 * checksum and its country length, BIC shape (ISO 9362), French postcode,
 * e-mail. Everything is trimmed; SIREN and IBAN are stored without spaces
 * and printed grouped (formatSiren, formatIban).
 */
import { z } from "zod";

export const CREDITOR_PROFILE_SETTING = "recouvre.profilCreancier";

const DIGITS = /^\d+$/;

/** SIREN: 9 digits whose Luhn sum is a multiple of 10. */
export function isValidSiren(siren: string): boolean {
  if (siren.length !== 9 || !DIGITS.test(siren)) return false;
  return luhn(siren);
}

/** Luhn checksum over a string of digits (rightmost digit kept, the next one doubled...). */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** IBAN lengths of the SEPA countries a French SME meets (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

export function normalizeIban(iban: string): string {
  return iban.replace(/[\s\u00a0\u202f-]+/g, "").toUpperCase();
}

/** Why an IBAN is refused, in French, or undefined when it is valid. */
export function ibanProblem(input: string): string | undefined {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return "IBAN invalide : deux lettres du pays, deux chiffres de contrôle, puis lettres et chiffres (ex. FR76 3000 6000 0112 3456 7890 189)";
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected === undefined) return `IBAN : pays « ${iban.slice(0, 2)} » non reconnu (zone SEPA attendue)`;
  if (iban.length !== expected) return `IBAN ${iban.slice(0, 2)} : ${expected} caractères attendus, ${iban.length} saisis`;
  // ISO 7064 mod 97-10: move the first four characters to the end, letters to numbers (A = 10).
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1 ? undefined : "IBAN invalide : la clé de contrôle ne correspond pas (vérifiez chaque caractère)";
}

export function isValidIban(iban: string): boolean {
  return ibanProblem(iban) === undefined;
}

/** "FR76 3000 6000 0112 3456 7890 189" */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}

/** "123 456 789" */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
}

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
const PHONE = /^\+?[\d\s.()-]{6,25}$/;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} : texte attendu` })
    .trim()
    .min(1, `${label} : champ obligatoire`)
    .max(max, `${label} : ${max} caractères au plus`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} : texte attendu` })
    .trim()
    .max(max, `${label} : ${max} caractères au plus`)
    .optional()
    .transform((value) => (value === "" ? undefined : value));

export const creditorProfileSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Raison sociale: "SARL Martin Électricité". */
    raisonSociale: text("Raison sociale", 120),
    /** Street lines; several lines separated by line breaks. */
    adresse: text("Adresse", 300),
    codePostal: z
      .string({ error: "Code postal : texte attendu" })
      .trim()
      .regex(/^\d{5}$/, "Code postal : 5 chiffres attendus (ex. 75002)"),
    ville: text("Ville", 80),
    siren: z
      .string({ error: "SIREN : texte attendu" })
      .transform((value) => value.replace(/[\s\u00a0\u202f.]+/g, ""))
      .refine((value) => /^\d{9}(\d{5})?$/.test(value), "SIREN : 9 chiffres attendus (ou le SIRET de 14 chiffres)")
      .transform((value) => value.slice(0, 9))
      .refine(isValidSiren, "SIREN invalide : la clé de contrôle (formule de Luhn) ne correspond pas ; vérifiez les 9 chiffres"),
    /** Optional legal line under the letterhead: "SARL au capital de 10 000 € – RCS Paris 123 456 789". */
    mentionsLegales: optionalText("Mentions légales", 200),
    /** Legal form: "SAS", "SARL"… (issue 18; absent from profiles saved before). */
    formeJuridique: optionalText("Forme juridique", 40),
    /** Share capital as printed: "10 000 €". */
    capital: optionalText("Capital social", 40),
    /** City of the registry (greffe) the company is registered with: "RCS Paris 552 100 554". */
    villeRcs: optionalText("Ville du RCS", 80),
    iban: z
      .string({ error: "IBAN : texte attendu" })
      .optional()
      .transform((value) => (value === undefined || value.trim() === "" ? undefined : normalizeIban(value)))
      .superRefine((value, ctx) => {
        const problem = value === undefined ? undefined : ibanProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    bic: z
      .string({ error: "BIC : texte attendu" })
      .optional()
      .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.replace(/\s+/g, "").toUpperCase()))
      .refine((value) => value === undefined || BIC.test(value), "BIC : 8 ou 11 caractères (ex. AGRIFRPP ou BNPAFRPPXXX)"),
    /** The person the debtor can call; signs the letters unless `signataire` says otherwise. */
    contact: text("Contact", 80),
    /** "Responsable comptable", "Gérante": printed under the name. */
    fonction: optionalText("Fonction", 80),
    email: z
      .string({ error: "E-mail : texte attendu" })
      .trim()
      .regex(EMAIL, "E-mail invalide (ex. compta@exemple.fr)"),
    telephone: z
      .string({ error: "Téléphone : texte attendu" })
      .trim()
      .optional()
      .transform((value) => (value === "" ? undefined : value))
      .refine((value) => value === undefined || PHONE.test(value), "Téléphone : chiffres, espaces, points, + ou parenthèses (ex. 01 23 45 67 89)"),
    /** Free text under the signature (several lines allowed), e.g. "Pour la société, la gérante". */
    signature: optionalText("Signature", 300),
    /** City written in "Paris, le …" / "Fait à Paris"; the company's city when empty. */
    villeSignature: optionalText("Ville de signature", 80),
  })
  .strict();

export type CreditorProfile = z.output<typeof creditorProfileSchema>;
export type CreditorProfileInput = z.input<typeof creditorProfileSchema>;

export type ProfileResult =
  | { readonly ok: true; readonly profile: CreditorProfile }
  | { readonly ok: false; readonly errors: ReadonlyArray<{ readonly champ: string; readonly message: string }> };

/** Validates a profile typed in the pane or read back from the workbook. */
export function parseCreditorProfile(input: unknown): ProfileResult {
  const parsed = creditorProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      champ: issue.path.map(String).join(".") || "profil",
      message: issue.code === "unrecognized_keys" ? `champ inconnu : ${issue.keys.join(", ")}` : issue.message,
    })),
  };
}

/** Labels of the profile's fields, for the pane's form. */
export const CREDITOR_PROFILE_LABELS: Readonly<Record<Exclude<keyof CreditorProfile, "version">, string>> = {
  raisonSociale: "Raison sociale",
  adresse: "Adresse",
  codePostal: "Code postal",
  ville: "Ville",
  siren: "SIREN",
  mentionsLegales: "Mentions légales (si vous les écrivez vous-même)",
  formeJuridique: "Forme juridique (SAS, SARL…)",
  capital: "Capital social (ex. 10 000 €)",
  villeRcs: "Ville du RCS (greffe)",
  iban: "IBAN",
  bic: "BIC",
  contact: "Contact (nom du signataire)",
  fonction: "Fonction du signataire",
  email: "E-mail",
  telephone: "Téléphone",
  signature: "Texte sous la signature",
  villeSignature: "Ville de signature (« Fait à … »)",
};

/**
 * The creditor's legal line: what the user wrote, or « SAS au capital de
 * 10 000 € – RCS Paris 552 100 554 » composed from the form, capital and
 * registry city (Code de commerce R123-237); "" when nothing is known.
 */
export function legalMentionsOf(profile: CreditorProfile): string {
  if (profile.mentionsLegales) return profile.mentionsLegales;
  const capital = profile.capital ? `au capital de ${profile.capital.replace(/(\d) ?€/, "$1\u00a0€")}` : "";
  const first = [profile.formeJuridique ?? "", capital].filter((x) => x !== "").join(" ");
  const rcs = profile.villeRcs ? `RCS ${profile.villeRcs} ${formatSiren(profile.siren)}` : "";
  return [first, rcs].filter((x) => x !== "").join(" – ");
}
