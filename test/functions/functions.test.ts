import { expectExcelError, thrownBy } from "./fakeCustomFunctions";
import {
  balanceAgee,
  dso,
  echeance,
  etape,
  indemnite,
  interetsLegaux,
  interetsMoratoires,
  joursRetard,
  penalite,
  prescription,
  tauxBce,
  tauxLegal,
  tauxMinimum,
  tauxPenalite,
  totalDu,
  tranche,
} from "../../src/functions/functions";
import { serial } from "../core/fixtures";
import { col, column, one, row } from "./cells";

/** Scalar call: every argument as a 1 x 1 range, as Excel passes a single cell. */
const c = (value: unknown): unknown[][] => [[value]];

describe("JOURS_RETARD", () => {
  test("days late, never negative", () => {
    expect(one(joursRetard(c("15/03/2025"), c("14/04/2025")))).toBe(30);
    expect(one(joursRetard(c(serial(2025, 3, 15)), c(serial(2025, 3, 16))))).toBe(1);
    expect(one(joursRetard(c("15/03/2025"), c("01/03/2025")))).toBe(0);
  });
});

describe("ECHEANCE", () => {
  test("each wording, as Excel serials", () => {
    const out = echeance(
      c("10/03/2025"),
      col("comptant", "A RÉCEPTION", 30, "30 jours", "45 jours fin de mois", "fin de mois 45 jours", "fin de mois + 45 jours", "30 jours fin de mois le 10"),
    );
    expect(column(out)).toEqual([
      serial(2025, 3, 10),
      serial(2025, 3, 10),
      serial(2025, 4, 9),
      serial(2025, 4, 9),
      serial(2025, 4, 30),
      serial(2025, 5, 15),
      serial(2025, 5, 15),
      serial(2025, 5, 10),
    ]);
  });

  test("the 1900 serial quirk: 28/02/1900 + 1 day is serial 61", () => {
    expect(one(echeance(c(59), c(1)))).toBe(61);
    expect(one(echeance(c(1), c("comptant")))).toBe(1);
  });

  test("a due date past 31/12/9999 is an error, not a serial Excel cannot show", () => {
    expect(one(echeance(c("01/12/9999"), c(30)))).toBe(2958465);
    expectExcelError(one(echeance(c("31/12/9999"), c("30 jours"))), "#VALUE!", "conditions", "31/12/9999");
  });

  test("unknown wording: #VALUE! listing the accepted forms", () => {
    expectExcelError(one(echeance(c("10/03/2025"), c("bientôt"))), "#VALUE!", "conditions", "« bientôt »", "Formes acceptées", "fin de mois 45 jours");
  });
});

describe("rate functions", () => {
  test("TAUX_BCE and TAUX_PENALITE on both sides of 1 July", () => {
    expect(column(tauxBce(col("30/06/2025", "01/07/2025", serial(2024, 12, 31), serial(2025, 1, 1))))).toEqual([0.0315, 0.0215, 0.0425, 0.0315]);
    expect(column(tauxPenalite(col("30/06/2025", "01/07/2025")))).toEqual([0.1315, 0.1215]);
  });

  test("TAUX_LEGAL columns (a) and (b), TAUX_MINIMUM", () => {
    expect(one(tauxLegal(c("01/01/2026")))).toBe(0.0262);
    expect(one(tauxLegal(c("01/01/2026"), c(false)))).toBe(0.0262);
    expect(one(tauxLegal(c("01/01/2026"), c(true)))).toBe(0.0667);
    expect(one(tauxLegal(c("15/09/2020"), c("VRAI")))).toBe(0.0311);
    expect(one(tauxMinimum(c("01/01/2026")))).toBe(0.0786);
    expect(one(tauxMinimum(c("01/03/2024")))).toBe(0.1521);
  });

  test("2026-S2 is #N/A naming the semester and where to enter it", () => {
    for (const out of [tauxBce(c("01/07/2026")), tauxPenalite(c("01/07/2026")), tauxLegal(c("31/12/2026"), c(true)), tauxMinimum(c("01/07/2026"))]) {
      expectExcelError(one(out), "#N/A", "2e semestre 2026", "volet Recouvre");
    }
    // Before the official tables nothing can be entered: the message must not send the user to the pane.
    for (const out of [tauxBce(c("15/03/2011")), tauxLegal(c("15/03/2014"))]) {
      expectExcelError(one(out), "#N/A", "antérieur aux tables de Recouvre");
    }
  });

  test("a bad date: #VALUE! naming the parameter", () => {
    expectExcelError(one(tauxBce(c("31/02/2025"))), "#VALUE!", "date : « 31/02/2025 » n'est pas une date");
  });
});

describe("PENALITE", () => {
  test("10,000 EUR due 15/12/2024 paid 15/01/2025 = 116.51 EUR, whatever the date format", () => {
    expect(one(penalite(c(10000), c("15/12/2024"), c("15/01/2025")))).toBe(116.51);
    expect(one(penalite(c(10000), c("2024-12-15"), c("2025-01-15")))).toBe(116.51);
    expect(one(penalite(c(10000), c(serial(2024, 12, 15)), c(serial(2025, 1, 15))))).toBe(116.51);
    expect(one(penalite(c("10 000,00 €"), c(serial(2024, 12, 15) + 0.5), c(serial(2025, 1, 15))))).toBe(116.51);
  });

  test("a contractual rate, as a fraction or percent text", () => {
    // 12 % over 31 days: 1,000,000 cents x 0.12 x 31 / 365 = 10,191.78 -> 101.92 EUR
    expect(one(penalite(c(10000), c("15/12/2024"), c("15/01/2025"), c(0.12)))).toBe(101.92);
    expect(one(penalite(c(10000), c("15/12/2024"), c("15/01/2025"), c("12 %")))).toBe(101.92);
    expectExcelError(one(penalite(c(10000), c("15/12/2024"), c("15/01/2025"), c(12))), "#VALUE!", "taux", "« 12 »", "100 %");
  });

  test("a column with a broadcast payment date, blank rows and per-row errors", () => {
    const out = column(
      penalite(
        col(10000, 100, null, 2000, -5, 10000),
        col("15/12/2024", serial(2024, 12, 15), null, "15/06/2025", "15/12/2024", "31/02/2025"),
        c("15/01/2025"),
      ),
    );
    expect(out.slice(0, 4)).toEqual([116.51, 1.17, "", 0]);
    expectExcelError(out[4], "#VALUE!", "montant", "« -5 »", "négatif");
    expectExcelError(out[5], "#VALUE!", "echeance", "« 31/02/2025 »", "n'est pas une date");
  });

  test("Excel desktop passes 0 for the blank cells of a range: an empty row stays empty", () => {
    const out = column(penalite(col(10000, 0, 0), col("15/12/2024", 0, "15/12/2024"), c("15/01/2025")));
    // row 2 is blank on the sheet; row 3 is a real 0 amount with a due date
    expect(out).toEqual([116.51, "", 0]);
    expect(column(totalDu(col(10000, 0), col("15/12/2024", 0), col("15/01/2025", 0)))).toEqual([10156.51, ""]);
    expect(column(interetsLegaux(col(2000, 0), col("31/08/2020", 0), col("30/09/2020", 0), col(true, 0), col(0, 0)))).toEqual([5.11, ""]);
    expect(column(dso(col(50000, 0), col(365000, 0), col(365, 0)))).toEqual([50, ""]);
    expect(column(etape(col(serial(2025, 3, 15), 0), col(serial(2025, 3, 16), 0), col("Relance 1", 0)))).toEqual(["Relance 1", ""]);
  });

  test("echeance « 31/02/2025 »: #VALUE! with the French message of the contract", () => {
    expectExcelError(one(penalite(c(1000), c("31/02/2025"), c("01/04/2025"))), "#VALUE!", "echeance : « 31/02/2025 » n'est pas une date");
  });

  test("a missing required value", () => {
    expectExcelError(one(penalite(c(1000), c(null), c("01/04/2025"))), "#VALUE!", "echeance : valeur manquante");
  });

  test("2026-S2: #N/A, but a contractual rate needs no table", () => {
    expectExcelError(one(penalite(c(10000), c("15/06/2026"), c("15/07/2026"))), "#N/A", "2e semestre 2026");
    // 12 % x 30 days: 1,000,000 x 0.12 x 30 / 365 = 9,863.01 -> 98.63
    expect(one(penalite(c(10000), c("15/06/2026"), c("15/07/2026"), c(0.12)))).toBe(98.63);
  });

  test("one row by N columns spills as a row", () => {
    expect(penalite(row(10000, 100), c("15/12/2024"), c("15/01/2025"))).toEqual([[116.51, 1.17]]);
  });

  test("a shorter range: #N/A in the extra cells", () => {
    const out = column(penalite(col(10000, 100, 100), col("15/12/2024", "15/12/2024"), c("15/01/2025")));
    expect(out.slice(0, 2)).toEqual([116.51, 1.17]);
    expectExcelError(out[2], "#N/A", "echeance : plage de 2 ligne(s) sur 1 colonne(s)");
  });

  test("an error in an input cell passes through", () => {
    expectExcelError(one(penalite(c({ code: "#N/A" }), c("15/12/2024"), c("15/01/2025"))), "#N/A", "montant", "#N/A");
  });
});

describe("INDEMNITE, INTERETS_MORATOIRES, INTERETS_LEGAUX, TOTAL_DU", () => {
  test("INDEMNITE: 40 only when paid after the due date", () => {
    expect(column(indemnite(c("15/12/2024"), col("16/12/2024", "15/12/2024", "14/12/2024")))).toEqual([40, 0, 0]);
  });

  test("INTERETS_MORATOIRES: one rate from due + 1", () => {
    // 11.15 % (2025-S1 ECB 3.15 % + 8) for all 30 days: 1,000,000 x 0.1115 x 30 / 365 = 9,164.38 -> 91.64
    expect(one(interetsMoratoires(c(10000), c("20/06/2025"), c("20/07/2025")))).toBe(91.64);
    expect(one(interetsMoratoires(c(10000), c("20/07/2025"), c("20/06/2025")))).toBe(0);
  });

  test("INTERETS_LEGAUX: service-public example, majoration", () => {
    expect(one(interetsLegaux(c(2000), c("31/08/2020"), c("30/09/2020"), c(true)))).toBe(5.11);
    expect(one(interetsLegaux(c(2000), c("31/08/2020"), c("30/09/2020")))).toBe(1.38);
    // 2.76 % x 61 days + 5 points x 30 days on 10,000 EUR: 3,183,600 / 365 = 8,722.19 cents -> 87.22
    expect(one(interetsLegaux(c(10000), c("30/09/2025"), c("30/11/2025"), c(false), c("31/10/2025")))).toBe(87.22);
    expect(one(interetsLegaux(c(10000), c("30/09/2025"), c("30/11/2025"), c(0), c(0)))).toBe(46.13);
    expectExcelError(one(interetsLegaux(c(10000), c("30/09/2025"), c("30/11/2025"), c("peut-être"))), "#VALUE!", "creancier_particulier", "« peut-être »");
  });

  test("TOTAL_DU = amount + penalty + 40", () => {
    expect(one(totalDu(c(10000), c("15/12/2024"), c("15/01/2025")))).toBe(10156.51);
    expect(one(totalDu(c(10000), c("15/12/2024"), c("15/01/2025"), c(0.12)))).toBe(10141.92);
    expect(one(totalDu(c(10000), c("15/12/2024"), c("15/12/2024")))).toBe(10000);
    expectExcelError(one(totalDu(c(10000), c("15/06/2026"), c("15/07/2026"))), "#N/A", "2e semestre 2026");
  });
});

describe("TRANCHE and BALANCE_AGEE", () => {
  const ref = serial(2025, 6, 30);

  test("TRANCHE at the bucket boundaries", () => {
    const late = [-5, 0, 1, 30, 31, 60, 61, 90, 91];
    expect(column(tranche(col(...late.map((d) => ref - d)), c(ref)))).toEqual([
      "Non échu",
      "Non échu",
      "1-30 j",
      "1-30 j",
      "31-60 j",
      "31-60 j",
      "61-90 j",
      "61-90 j",
      "> 90 j",
    ]);
  });

  test("TRANCHE with bornes", () => {
    expect(column(tranche(col(ref - 15, ref - 16, ref - 46), c(ref), col(15, 45)))).toEqual(["1-15 j", "16-45 j", "> 45 j"]);
    expect(one(tranche(c(ref - 16), c(ref), row(15, 45, null)))).toBe("16-45 j");
    expectExcelError(thrownBy(() => tranche(c(ref), c(ref), col(30, 30))), "#VALUE!", "bornes", "strictement croissantes");
    expectExcelError(thrownBy(() => tranche(c(ref), c(ref), col(30.5))), "#VALUE!", "bornes", "« 30,5 »");
    expectExcelError(thrownBy(() => tranche(c(ref), c(ref), col(-1))), "#VALUE!", "bornes");
  });

  test("BALANCE_AGEE: one row per bucket and a Total", () => {
    const out = balanceAgee(col(100, 200, 300, 400, null, 0.5), col(ref + 5, ref - 10, ref - 45, ref - 100, null, ref - 61), c(ref));
    expect(out).toEqual([
      ["Non échu", 100],
      ["1-30 j", 200],
      ["31-60 j", 300],
      ["61-90 j", 0.5],
      ["> 90 j", 400],
      ["Total", 1000.5],
    ]);
  });

  test("BALANCE_AGEE with bornes", () => {
    expect(balanceAgee(col(100, 200), col(ref - 10, ref - 20), c(ref), col(15))).toEqual([
      ["Non échu", 0],
      ["1-15 j", 100],
      ["> 15 j", 200],
      ["Total", 300],
    ]);
  });

  test("BALANCE_AGEE errors", () => {
    expectExcelError(thrownBy(() => balanceAgee(col(1, 2), col(ref, ref, ref), c(ref))), "#VALUE!", "montants (2 × 1) et echeances (3 × 1) doivent avoir la même taille");
    expectExcelError(thrownBy(() => balanceAgee(col(1, 2), col(ref, null), c(ref))), "#VALUE!", "echeances, ligne 2 : valeur manquante");
    expectExcelError(thrownBy(() => balanceAgee(col(-1, 2), col(ref, ref), c(ref))), "#VALUE!", "montants, ligne 1", "« -1 »");
    expectExcelError(thrownBy(() => balanceAgee(col(1, 2), col(ref, "31/02/2025"), c(ref))), "#VALUE!", "echeances, ligne 2", "« 31/02/2025 »");
    expectExcelError(thrownBy(() => balanceAgee(col(1), col(ref), col(ref, ref))), "#VALUE!", "date_reference : une seule date");
    expectExcelError(thrownBy(() => balanceAgee(col(1), col(ref), c(ref), col(0))), "#VALUE!", "bornes");
  });
});

describe("ETAPE", () => {
  const due = serial(2025, 3, 15);

  test("the default scenario by date", () => {
    const offsets = [-6, -5, 0, 1, 14, 15, 30, 45, 60];
    expect(column(etape(c(due), col(...offsets.map((d) => due + d))))).toEqual([
      "À échoir",
      "Relance préventive",
      "Relance préventive",
      "Relance 1",
      "Relance 1",
      "Relance 2",
      "Relance 3",
      "Mise en demeure",
      "Action judiciaire",
    ]);
  });

  test("derniere_etape caps the step at the next one", () => {
    expect(one(etape(c(due), c(due + 60), c("Relance 1")))).toBe("Relance 2");
    expect(one(etape(c(due), c(due + 60), c("mise en demeure")))).toBe("Action judiciaire");
    expect(one(etape(c(due), c(due + 1), c("Relance 3")))).toBe("Relance 3");
    expectExcelError(one(etape(c(due), c(due + 60), c("Relance 9"))), "#VALUE!", "derniere_etape : « Relance 9 » n'est pas une étape connue");
  });
});

describe("PRESCRIPTION and DSO", () => {
  test("PRESCRIPTION", () => {
    expect(one(prescription(c(serial(2024, 2, 29))))).toBe(serial(2029, 2, 28));
    expectExcelError(one(prescription(c("01/01/9996"))), "#VALUE!", "echeance", "31/12/9999");
    expect(one(prescription(c("31/12/9994")))).toBe(2958465);
    expect(one(prescription(c(serial(2024, 2, 29)), c(true)))).toBe(serial(2026, 2, 28));
    expect(one(prescription(c("15/03/2025"), c("VRAI")))).toBe(serial(2027, 3, 15));
  });

  test("DSO", () => {
    expect(one(dso(c(50000), c(365000)))).toBe(50);
    expect(one(dso(c(30000), c(90000), c(90)))).toBe(30);
    expect(column(dso(col(10, 20), c(365)))).toEqual([10, 20]);
    expectExcelError(one(dso(c(1), c(0))), "#VALUE!", "chiffre_affaires");
    expectExcelError(one(dso(c(-1), c(10))), "#VALUE!", "encours", "« -1 »");
    // 1e308 / 1e-300 x 365 overflows: an error, never Infinity
    expectExcelError(one(dso(c(1e308), c(1e-300))), "#VALUE!", "hors limites");
    // a blank "jours" cell arrives as 0 from Excel desktop: the 365-day default applies
    expect(one(dso(c(50000), c(365000), c(0)))).toBe(50);
    expectExcelError(one(dso(c(1), c(10), c(30.5))), "#VALUE!", "jours", "entier");
  });
});

describe("an omitted date means today, and today moves", () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(2025, 0, 15, 23, 30) }); // local time: 15/01/2025 late evening
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test("PENALITE, JOURS_RETARD, INDEMNITE, TOTAL_DU read today's date, also from a 0 (desktop blank)", () => {
    expect(one(penalite(c(10000), c("15/12/2024")))).toBe(116.51);
    expect(one(penalite(c(10000), c("15/12/2024"), c(0)))).toBe(116.51);
    expect(one(penalite(c(10000), c("15/12/2024"), c("")))).toBe(116.51);
    expect(one(joursRetard(c("15/12/2024")))).toBe(31);
    expect(one(indemnite(c("15/01/2025")))).toBe(0);
    expect(one(totalDu(c(10000), c("15/12/2024")))).toBe(10156.51);
  });

  test("the next day, the same formulas give the next day's figures", () => {
    expect(one(penalite(c(10000), c("15/12/2024")))).toBe(116.51);
    jest.setSystemTime(new Date(2025, 0, 16, 0, 5));
    // 16 days at 14.25 % + 16 days at 13.15 %: 1,000,000 x (2.28 + 2.104) / 365 = 12,010.96 -> 120.11
    expect(one(penalite(c(10000), c("15/12/2024")))).toBe(120.11);
    expect(one(joursRetard(c("15/12/2024")))).toBe(32);
    expect(one(indemnite(c("15/01/2025")))).toBe(40);
    expect(one(totalDu(c(10000), c("15/12/2024")))).toBe(10160.11);
  });

  test("TRANCHE, ETAPE, BALANCE_AGEE, INTERETS_MORATOIRES default to today too", () => {
    const today = serial(2025, 1, 15);
    expect(one(tranche(c(today - 31)))).toBe("31-60 j");
    expect(one(etape(c(today - 15)))).toBe("Relance 2");
    expect(balanceAgee(col(100), col(today - 1))).toEqual([
      ["Non échu", 0],
      ["1-30 j", 100],
      ["31-60 j", 0],
      ["61-90 j", 0],
      ["> 90 j", 0],
      ["Total", 100],
    ]);
    // from 16/12/2024 (2024-S2): 12.25 % x 31 days on 10,000 EUR = 10,404.11 cents -> 104.04
    expect(one(interetsMoratoires(c(10000), c("15/12/2024")))).toBe(104.04);
  });
});
