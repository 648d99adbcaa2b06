/**
 * Numbers typed as text, French or English: "1 234,56", "1234.56",
 * "1 234,56 €", "12,5 %" (a percent divides by 100 when allowed).
 */
export function parseNumberText(text: string, allowPercent: boolean): number | undefined {
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(/€$|^€|EUR$/i, "");
  let scale = 1;
  if (cleaned.endsWith("%")) {
    if (!allowPercent) return undefined;
    scale = 100;
    cleaned = cleaned.slice(0, -1);
  }
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(cleaned)) return undefined;
  const value = Number(cleaned.replace(",", "."));
  return Number.isFinite(value) ? value / scale : undefined;
}
