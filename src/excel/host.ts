/**
 * Host detection in one place: is Office.js here, and which language does the
 * user read? Everything else asks these questions through this module.
 */
export function isOfficeHost(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

export type UiLanguage = "fr" | "en";

/** French unless Office displays in English. */
export function uiLanguage(): UiLanguage {
  const language = isOfficeHost() ? Office.context?.displayLanguage ?? "fr-FR" : "fr-FR";
  return language.toLowerCase().startsWith("en") ? "en" : "fr";
}

/** Resolves once Office.js is ready; never resolves outside Office. */
export function whenOfficeReady(): Promise<Office.HostType | undefined> {
  if (!isOfficeHost()) return new Promise(() => undefined);
  return Office.onReady().then((info) => info.host ?? undefined);
}
