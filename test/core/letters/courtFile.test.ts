import { buildCourtFile } from "../../../src/core/letters/courtFile";
import { book, casesOf, invoice, LETTER_DATE, PROFILE } from "./fixtures";

function routeFor(amount: number, extra: Parameters<typeof invoice>[4] = {}) {
  const c = casesOf([invoice("Débiteur Test", "T-1", LETTER_DATE - 60, amount, extra)])[0];
  return buildCourtFile({ clientCase: c, profile: PROFILE, date: LETTER_DATE, book, journal: [] }).route;
}

describe("the court file's route (FACTS.md §7)", () => {
  test("up to 5,000 EUR principal and interest: petites créances by a commissaire de justice, with the prior amicable attempt", () => {
    const route = routeFor(300_000);
    expect(route.procedure).toMatch(/^Procédure simplifiée de recouvrement des petites créances/);
    expect(route.references).toEqual(expect.arrayContaining([expect.stringMatching(/L125-1/), expect.stringMatching(/750-1/)]));
  });
  test("above: injonction de payer; a consumer before the tribunal judiciaire (Cerfa 12948)", () => {
    const pro = routeFor(600_000);
    expect(pro.procedure).toMatch(/injonction de payer/);
    expect(pro.court).toMatch(/^Tribunal de commerce/);
    const consumer = routeFor(600_000, { particulier: true });
    expect(consumer.court).toBe("Tribunal judiciaire du domicile du débiteur");
    expect(consumer.references.join(" ")).toContain("Cerfa 12948");
  });
  test("a public buyer: référé-provision before the administrative court", () => {
    expect(routeFor(600_000, { acheteurPublic: true }).procedure).toMatch(/Référé-provision/);
  });
  test("no journal: the chronology says so", () => {
    const c = casesOf([invoice("Débiteur Test", "T-1", LETTER_DATE - 60, 100_000)])[0];
    const file = buildCourtFile({ clientCase: c, profile: PROFILE, date: LETTER_DATE, book, journal: [] });
    expect(file.chronology).toEqual([]);
    expect(file.blocks.some((b) => b.type === "p" && b.runs[0].text === "Aucune action inscrite au journal pour ce client.")).toBe(true);
  });
});
