/**
 * Which Microsoft Entra ID application Recouvre signs in as, for Microsoft
 * Graph's Mail.Send: the application (client) id and the authority.
 *
 * Set at build time (the README, « Envoyer les relances par Microsoft 365 »): webpack's DefinePlugin
 * replaces __RECOUVRE_MSAL_CLIENT_ID__ and __RECOUVRE_MSAL_AUTHORITY__ with the
 * values of the RECOUVRE_MSAL_CLIENT_ID and RECOUVRE_MSAL_AUTHORITY
 * environment variables. Without them, the constants below are used: fill
 * them in for a build dedicated to one organisation. Nothing here depends on
 * the workbook: a workbook must not be able to redirect where the user's
 * mail is sent from.
 */

declare const __RECOUVRE_MSAL_CLIENT_ID__: string | undefined;
declare const __RECOUVRE_MSAL_AUTHORITY__: string | undefined;

/** The application (client) id of the Entra ID app registration, when not given at build time. */
export const MSAL_CLIENT_ID = "";
/** Work or school and personal Microsoft accounts; a tenant id restricts to one organisation. */
export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common";
/** Delegated permissions: send as the signed-in user; read its Sent Items to check an uncertain send (Mail.ReadBasic excludes extended properties). */
export const MAIL_SCOPES: readonly string[] = ["Mail.Send", "Mail.Read"];

export interface MsalSettings {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
}

export class MsalConfigError extends Error {
  override readonly name = "MsalConfigError";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function defined(read: () => string | undefined): string | undefined {
  try {
    const value = read();
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  } catch {
    return undefined; // not replaced at build time: the name does not exist
  }
}

/** The settings, or a MsalConfigError in French saying what to do. */
export function msalSettings(
  values: { clientId?: string; authority?: string } = {
    clientId: defined(() => __RECOUVRE_MSAL_CLIENT_ID__) ?? (MSAL_CLIENT_ID || undefined),
    authority: defined(() => __RECOUVRE_MSAL_AUTHORITY__),
  },
): MsalSettings {
  const clientId = values.clientId?.trim() ?? "";
  if (clientId === "") {
    throw new MsalConfigError(
      "L'envoi par Microsoft 365 n'est pas configuré : l'identifiant d'application (client id) Microsoft Entra de Recouvre manque. " +
        "Construisez le complément avec RECOUVRE_MSAL_CLIENT_ID (voir « Envoyer les relances par Microsoft 365 » dans le README), " +
        "ou préparez les relances en brouillons .eml.",
    );
  }
  if (!GUID.test(clientId)) {
    throw new MsalConfigError(`Identifiant d'application Microsoft Entra invalide : « ${clientId} » (attendu : un GUID comme 11111111-2222-3333-4444-555555555555).`);
  }
  const authority = (values.authority?.trim() || DEFAULT_AUTHORITY).replace(/\/+$/, "");
  if (!/^https:\/\/[^/\s]+\/[^/\s]+$/.test(authority)) {
    throw new MsalConfigError(`Autorité Microsoft Entra invalide : « ${authority} » (attendu : https://login.microsoftonline.com/<locataire>).`);
  }
  return { clientId, authority, scopes: MAIL_SCOPES };
}
