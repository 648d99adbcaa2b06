/**
 * Access tokens for Microsoft Graph (Mail.Send) through MSAL's nested app
 * authentication: Office itself signs the user in (the add-in runs nested in
 * Excel), so a token usually comes silently; otherwise a popup asks.
 *
 * Thin on purpose: it cannot run outside Office. Tokens stay in memory
 * (MSAL's memoryStorage cache, no logging of personal data); they are handed
 * to the Graph sender per request and never written anywhere.
 */
import { createNestablePublicClientApplication, type Configuration, type IPublicClientApplication } from "@azure/msal-browser";
import type { GetToken } from "../mail/graphSender";
import type { MsalSettings } from "./config";

export type PcaFactory = (configuration: Configuration) => Promise<IPublicClientApplication>;

export interface TokenProvider {
  readonly getToken: GetToken;
  /** The signed-in account's user name (e-mail), once known. */
  account(): string | undefined;
}

/** The MSAL configuration for nested app authentication. */
export function nestedAppConfiguration(settings: MsalSettings): Configuration {
  return {
    auth: { clientId: settings.clientId, authority: settings.authority },
    cache: { cacheLocation: "memoryStorage" },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  };
}

function errorCode(error: unknown): string {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "string" ? code : "";
}

function frenchSignInError(error: unknown): Error {
  const code = errorCode(error);
  if (code === "user_cancelled") return new Error("connexion à Microsoft 365 annulée");
  if (code === "popup_window_error" || code === "empty_window_error") return new Error("la fenêtre de connexion à Microsoft 365 n'a pas pu s'ouvrir (fenêtres surgissantes bloquées ?)");
  if (code === "consent_required" || code === "interaction_required") return new Error("autorisation d'envoi (Mail.Send) non accordée : demandez à votre administrateur de l'approuver");
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`connexion à Microsoft 365 impossible${code ? ` (${code})` : ""} : ${message.split("\n")[0].slice(0, 300)}`);
}

export function createMsalTokenProvider(settings: MsalSettings, factory: PcaFactory = createNestablePublicClientApplication): TokenProvider {
  let pca: Promise<IPublicClientApplication> | undefined;
  let username: string | undefined;
  const scopes = [...settings.scopes];

  const getToken: GetToken = async (options) => {
    pca ??= factory(nestedAppConfiguration(settings)).catch((error: unknown) => {
      pca = undefined;
      throw frenchSignInError(error);
    });
    const app = await pca;
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      const result = await app.acquireTokenSilent({ scopes, ...(account && { account }), ...(options?.forceRefresh && { forceRefresh: true }) });
      if (result.account) {
        app.setActiveAccount(result.account);
        username = result.account.username;
      }
      return result.accessToken;
    } catch {
      // Silent failed (no consent yet, session expired, conditional access): ask the user.
    }
    try {
      const result = await app.acquireTokenPopup({ scopes });
      if (result.account) {
        app.setActiveAccount(result.account);
        username = result.account.username;
      }
      return result.accessToken;
    } catch (error) {
      throw frenchSignInError(error);
    }
  };

  return { getToken, account: () => username };
}
