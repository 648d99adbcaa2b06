/**
 * The formulas' #VALUE! and #N/A messages speak Office's display language:
 * the shipped bundle loaded in a runtime whose Office says "en-US" answers in
 * English, "fr-FR" (or no Office at all) in French. Run after `npm run build`.
 */
import { FakeExcelError, loadFunctionsBundle, type RegisteredFunction } from "../support/excelRuntime";

function bundleIn(displayLanguage: string | undefined) {
  const office = displayLanguage === undefined ? {} : { Office: { onReady: () => Promise.resolve({}), context: { displayLanguage } } };
  const { functions } = loadFunctionsBundle(office);
  return (id: string, ...args: unknown[]) => (functions.get(id) as RegisteredFunction)(...args) as unknown[][];
}

function messages(cells: unknown[][]): string[] {
  return cells.map(([cell]) => {
    expect(cell).toBeInstanceOf(FakeExcelError);
    return (cell as FakeExcelError).message;
  });
}

const S_2024_12_15 = 45641;

describe.each([
  ["en-US", "en"],
  ["en-GB", "en"],
  ["fr-FR", "fr"],
  [undefined, "fr"],
] as const)("display language %s", (displayLanguage, expected) => {
  const call = bundleIn(displayLanguage);

  it(`writes #VALUE! messages in ${expected === "en" ? "English" : "French"}`, () => {
    const texts = messages(call("PENALITE", [["abc"], [-5], [12.345]], [[S_2024_12_15]], [["31/02/2025"]], null));
    if (expected === "en") {
      expect(texts).toEqual([
        "montant: “abc” is not an amount",
        "montant: “-5” is negative; a credit note is not an overdue invoice",
        "montant: “12.345” is not an amount to the cent (round it with ROUND)",
      ]);
    } else {
      expect(texts).toEqual([
        "montant : « abc » n'est pas un montant",
        "montant : « -5 » est négatif ; un avoir n'est pas une facture en retard",
        "montant : « 12,345 » n'est pas un montant au centime près (arrondissez-le avec ARRONDI)",
      ]);
    }
  });

  it(`writes a date argument's message in ${expected === "en" ? "English" : "French"}`, () => {
    const [text] = messages(call("JOURS_RETARD", [["31/02/2025"]], null));
    expect(text).toBe(
      expected === "en"
        ? "echeance: “31/02/2025” is not a date (dd/mm/yyyy or yyyy-mm-dd)"
        : "echeance : « 31/02/2025 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)",
    );
  });

  it(`writes the missing-rate #N/A in ${expected === "en" ? "English" : "French"}, once for a whole column`, () => {
    const cells = call("TAUX_BCE", [["2026-07-01"], ["2026-08-01"], ["2026-09-30"]]);
    expect(cells.map(([cell]) => (cell as FakeExcelError).code)).toEqual(["#N/A", "#N/A", "#N/A"]);
    // One distinct cause, one error cell shared by the rows.
    expect(cells[1][0]).toBe(cells[0][0]);
    expect((cells[0][0] as FakeExcelError).message).toBe(
      expected === "en"
        ? "ECB rate (main refinancing operations) for the second half of 2026 unknown: enter it in the Recouvre pane, “Rates” tab."
        : "Taux BCE (opérations principales de refinancement) du 2e semestre 2026 inconnu : saisissez-le dans le volet Recouvre, onglet « Taux ».",
    );
  });
});
