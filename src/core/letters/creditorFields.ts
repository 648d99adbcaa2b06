/**
 * The creditor's merge fields (fields.ts, « Créancier »), from its profile:
 * letterhead, legal mentions, contact, bank details and signature. The same
 * for every letter of a run.
 */
import { formatIban, formatSiren, legalMentionsOf, type CreditorProfile } from "./profile";
import { oneLine } from "./reference";

export function creditorFieldsOf(profile: CreditorProfile) {
  const telephone = profile.telephone ?? "";
  const villeCreancier = profile.villeSignature ?? profile.ville;
  return {
    creancier: profile.raisonSociale,
    creancier_adresse: profile.adresse,
    creancier_code_postal: profile.codePostal,
    creancier_ville: profile.ville,
    creancier_adresse_ligne: oneLine(`${profile.adresse}\n${profile.codePostal} ${profile.ville}`),
    creancier_siren: formatSiren(profile.siren),
    creancier_mentions: legalMentionsOf(profile),
    creancier_forme: profile.formeJuridique ?? "",
    creancier_capital: profile.capital ?? "",
    creancier_rcs: profile.villeRcs ? `RCS ${profile.villeRcs} ${formatSiren(profile.siren)}` : "",
    creancier_email: profile.email,
    creancier_telephone: telephone,
    contact_creancier: profile.contact,
    joignable: telephone ? ` au ${telephone} ou par e-mail à ${profile.email}` : ` par e-mail à ${profile.email}`,
    iban: profile.iban ? formatIban(profile.iban) : "",
    bic: profile.bic ?? "",
    // A letter never prints « BIC , »: without a BIC the IBAN stands alone.
    iban_bic: profile.iban ? `${formatIban(profile.iban)}${profile.bic ? ` – BIC ${profile.bic}` : ""}` : "",
    signataire: profile.contact,
    fonction_signataire: profile.fonction ?? "",
    signature: profile.signature ?? "",
    ville_creancier: villeCreancier,
  };
}

/**
 * The registered letter's number and who recorded it (journal.ts, `lrar`
 * and the row's origin), for a letter sent by LRAR; empty otherwise or
 * while no number is recorded (the letter is printed before it is posted).
 */
export function registeredFieldsOf(registered: boolean, lrar: { readonly number: string; readonly recordedBy?: string } | undefined) {
  const numero = registered && lrar ? lrar.number : "";
  const par = numero ? (lrar?.recordedBy ?? "") : "";
  return {
    numero_lrar: numero,
    lrar_enregistre_par: par,
    mention_lrar: numero ? `Lettre recommandée avec accusé de réception n° ${numero}${par ? ` (enregistrée par ${par})` : ""}` : "",
  };
}
