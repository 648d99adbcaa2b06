/** The MSAL wiring, with a fake public client application: silent first, popup next, French errors, memory cache. */
import type { Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { DEFAULT_AUTHORITY, MAIL_SCOPES, MsalConfigError, msalSettings } from "../../src/auth/config";
import { createMsalTokenProvider, nestedAppConfiguration } from "../../src/auth/msalAuth";

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const settings = msalSettings({ clientId: CLIENT_ID });
const account = { homeAccountId: "h", environment: "login.microsoftonline.com", tenantId: "t", username: "marie@acme.fr", localAccountId: "l" };

class FakePca {
  calls: string[] = [];
  silentRequests: unknown[] = [];
  active: typeof account | null = null;
  accounts: Array<typeof account> = [];
  silent: () => Promise<unknown> = async () => ({ accessToken: "silent-token", account });
  popup: () => Promise<unknown> = async () => ({ accessToken: "popup-token", account });
  getActiveAccount() {
    return this.active;
  }
  getAllAccounts() {
    return this.accounts;
  }
  setActiveAccount(a: typeof account) {
    this.active = a;
  }
  acquireTokenSilent(request: unknown) {
    this.calls.push("silent");
    this.silentRequests.push(request);
    return this.silent();
  }
  acquireTokenPopup(request: { scopes: string[] }) {
    this.calls.push(`popup:${request.scopes.join(",")}`);
    return this.popup();
  }
}

function provider(pca: FakePca) {
  const configurations: Configuration[] = [];
  const tokens = createMsalTokenProvider(settings, async (configuration) => {
    configurations.push(configuration);
    return pca as unknown as IPublicClientApplication;
  });
  return { tokens, configurations };
}

describe("configuration", () => {
  test("client id required, GUID, authority defaulted; French errors", () => {
    expect(settings).toEqual({ clientId: CLIENT_ID, authority: DEFAULT_AUTHORITY, scopes: ["Mail.Send", "Mail.Read"] });
    expect(MAIL_SCOPES).toEqual(["Mail.Send", "Mail.Read"]);
    expect(() => msalSettings({})).toThrow(MsalConfigError);
    expect(() => msalSettings({})).toThrow("l'identifiant d'application (client id) Microsoft Entra de Recouvre manque");
    expect(() => msalSettings({ clientId: "mon-appli" })).toThrow("Identifiant d'application Microsoft Entra invalide");
    expect(msalSettings({ clientId: CLIENT_ID, authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com/" }).authority).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com");
    expect(() => msalSettings({ clientId: CLIENT_ID, authority: "http://login.example.com/x" })).toThrow("Autorité Microsoft Entra invalide");
  });

  test("without a build-time value, this build is not configured", () => {
    expect(() => msalSettings()).toThrow(MsalConfigError);
  });

  test("nested app configuration: the client id, the authority, tokens in memory only", () => {
    expect(nestedAppConfiguration(settings)).toEqual({
      auth: { clientId: CLIENT_ID, authority: DEFAULT_AUTHORITY },
      cache: { cacheLocation: "memoryStorage" },
      system: { loggerOptions: { piiLoggingEnabled: false } },
    });
  });
});

describe("getToken", () => {
  test("silent first; the PCA is created once", async () => {
    const pca = new FakePca();
    const { tokens, configurations } = provider(pca);
    expect(await tokens.getToken()).toBe("silent-token");
    expect(await tokens.getToken()).toBe("silent-token");
    expect(configurations).toHaveLength(1);
    expect(pca.calls).toEqual(["silent", "silent"]);
    expect(pca.silentRequests[0]).toEqual({ scopes: ["Mail.Send", "Mail.Read"] });
    expect(pca.silentRequests[1]).toEqual({ scopes: ["Mail.Send", "Mail.Read"], account });
    expect(tokens.account()).toBe("marie@acme.fr");
  });

  test("popup when silent fails", async () => {
    const pca = new FakePca();
    pca.silent = () => Promise.reject(Object.assign(new Error("interaction required"), { errorCode: "interaction_required" }));
    const { tokens } = provider(pca);
    expect(await tokens.getToken()).toBe("popup-token");
    expect(pca.calls).toEqual(["silent", "popup:Mail.Send,Mail.Read"]);
    expect(pca.active).toEqual(account);
  });

  test("forceRefresh reaches MSAL", async () => {
    const pca = new FakePca();
    pca.accounts = [account];
    await provider(pca).tokens.getToken({ forceRefresh: true });
    expect(pca.silentRequests[0]).toEqual({ scopes: ["Mail.Send", "Mail.Read"], account, forceRefresh: true });
  });

  test.each([
    ["user_cancelled", "connexion à Microsoft 365 annulée"],
    ["popup_window_error", "fenêtres surgissantes bloquées"],
    ["consent_required", "demandez à votre administrateur"],
    ["something_else", "connexion à Microsoft 365 impossible (something_else)"],
  ])("popup failure %s: a French error", async (code, message) => {
    const pca = new FakePca();
    pca.silent = () => Promise.reject(new Error("no"));
    pca.popup = () => Promise.reject(Object.assign(new Error("raw msal text"), { errorCode: code }));
    await expect(provider(pca).tokens.getToken()).rejects.toThrow(message);
  });

  test("a factory failure is retried at the next call", async () => {
    let calls = 0;
    const pca = new FakePca();
    const tokens = createMsalTokenProvider(settings, async () => {
      if (calls++ === 0) throw Object.assign(new Error("nested app auth not available"), { errorCode: "naa_unavailable" });
      return pca as unknown as IPublicClientApplication;
    });
    await expect(tokens.getToken()).rejects.toThrow("connexion à Microsoft 365 impossible (naa_unavailable)");
    expect(await tokens.getToken()).toBe("silent-token");
  });
});
