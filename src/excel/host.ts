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

/** Dark when Office's body background is dark (Excel's dark and black themes). */
export function officeThemeIsDark(): boolean {
  const background = isOfficeHost() ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
