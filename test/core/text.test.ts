import fc from "fast-check";
import { MONTHS_EN, MONTHS_FR } from "../../src/core/calendar";
import { plural } from "../../src/core/text";

describe("plural, the add-in's one rule", () => {
  test("singular below 2, plural from 2, the plural form given or with an s", () => {
    expect(plural(0, "facture")).toBe("0 facture");
    expect(plural(1, "facture")).toBe("1 facture");
    expect(plural(2, "facture")).toBe("2 factures");
    expect(plural(3, "mois", "mois")).toBe("3 mois");
    expect(plural(2, "facture échue", "factures échues")).toBe("2 factures échues");
    expect(plural(300000, "ligne", undefined, (n) => n.toLocaleString("fr-FR"))).toBe(`300${"\u202f"}000 lignes`);
  });

  test("the helpers it replaced said the same for every count", () => {
    fc.assert(fc.property(fc.nat(100000), (count) => plural(count, "client") === `${count} ${count > 1 ? "clients" : "client"}`));
  });
});

test("one list of month names per language, January first", () => {
  expect(MONTHS_FR).toHaveLength(12);
  expect(MONTHS_EN).toHaveLength(12);
  expect([MONTHS_FR[0], MONTHS_FR[7], MONTHS_EN[0], MONTHS_EN[11]]).toEqual(["janvier", "août", "January", "December"]);
});
