/**
 * French texts of core's messages (French is the default language). Wording
 * the users and the tests already know is kept word for word.
 */
import type { RateKind } from "../rates/kinds";
import type { Catalogue } from "./catalogue";
import { longDate, monthName, quotedValue, semesterName } from "./language";

/** The rate series' names, also used by the French letters and the rate book. */
export const RATE_KIND_LABELS_FR: Readonly<Record<RateKind, string>> = {
  bce: "taux BCE (opérations principales de refinancement)",
  legalParticulier: "taux de l'intérêt légal (créancier particulier)",
  legalAutres: "taux de l'intérêt légal (autres cas)",
};

const q = (value: unknown) => quotedValue(value, "fr");
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const DATE_RANGE = "entre le 01/01/1900 et le 31/12/9999";

export const FR: Catalogue = {
  "arg.inputError": ({ name, error }) => `${name} : la cellule contient une erreur (${error})`,
  "arg.notAccepted": ({ name, value }) => `${name} : ${q(value)} n'est pas une valeur acceptée`,
  "arg.missing": ({ name }) => `${name} : valeur manquante`,
  "arg.rangeTooSmall": ({ name, rows, cols }) =>
    `${name} : plage de ${rows} ligne(s) sur ${cols} colonne(s), plus petite que les autres arguments`,
  "arg.singleDate": ({ name }) => `${name} : une seule date est attendue, pas une plage`,
  "arg.notADate": ({ name, value }) => `${name} : ${q(value)} n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)`,
  "arg.dateOutOfRange": ({ name, value }) => `${name} : ${q(value)} n'est pas une date ${DATE_RANGE}`,
  "arg.notAnAmount": ({ name, value }) => `${name} : ${q(value)} n'est pas un montant`,
  "arg.amountNegative": ({ name, value }) => `${name} : ${q(value)} est négatif ; un avoir n'est pas une facture en retard`,
  "arg.amountNotCents": ({ name, value }) => `${name} : ${q(value)} n'est pas un montant au centime près (arrondissez-le avec ARRONDI)`,
  "arg.notARate": ({ name, value }) => `${name} : ${q(value)} n'est pas un taux (ex. 12,15 % ou 0,1215)`,
  "arg.rateNegative": ({ name, value }) => `${name} : ${q(value)} : un taux ne peut pas être négatif`,
  "arg.rateAbove100": ({ name, value }) =>
    `${name} : ${q(value)} est supérieur à 100 % ; écrivez le taux en pourcentage (12,15 %) ou en fraction (0,1215)`,
  "arg.rateTooPrecise": ({ name, value }) => `${name} : ${q(value)} : au plus quatre décimales en pourcentage`,
  "arg.notABoolean": ({ name, value }) => `${name} : ${q(value)} : attendu VRAI ou FAUX`,
  "arg.notANumber": ({ name, value }) => `${name} : ${q(value)} n'est pas un nombre`,
  "arg.numberNegative": ({ name, value }) => `${name} : ${q(value)} ne peut pas être négatif`,
  "arg.notDays": ({ name, value }) => `${name} : ${q(value)} n'est pas un nombre de jours entre 0 et 3650`,
  "arg.notTerms": ({ name, value, forms }) =>
    `${name} : ${q(value)} n'est pas une condition de paiement reconnue. Formes acceptées : ${forms}`,
  "arg.notAStep": ({ name, value, steps }) => `${name} : ${q(value)} n'est pas une étape connue (${steps.join(", ")})`,
  "arg.notWholeDays": ({ name, value }) => `${name} : ${q(value)} n'est pas un nombre entier de jours`,
  "arg.bounds": ({ name, problem }, say) => `${name} : ${say(problem)}`,
  "arg.pastLastDate": ({ name, what }) =>
    `${name} : ${what === "prescription" ? "la date de prescription" : "l'échéance calculée"} dépasse le 31/12/9999`,
  "aging.sizeMismatch": ({ amounts, dues }) =>
    `montants (${amounts[0]} × ${amounts[1]}) et echeances (${dues[0]} × ${dues[1]}) doivent avoir la même taille`,
  "aging.missingValue": ({ name, index, byRow }) => `${name}, ${byRow ? "ligne" : "colonne"} ${index} : valeur manquante`,
  "dso.revenueNotPositive": ({ name }) => `${name} : doit être strictement positif`,
  "dso.daysNotWhole": ({ name }) => `${name} : nombre entier de jours attendu (365 par défaut)`,
  "dso.outOfRange": () => "DSO : encours trop grand par rapport au chiffre d'affaires (résultat hors limites)",
  "bounds.none": () => "au moins une borne est nécessaire (ex. 30 ; 60 ; 90)",
  "bounds.tooMany": ({ max }) => `au plus ${max} bornes`,
  "bounds.notPositive": ({ value }) => `« ${value} » n'est pas un nombre de jours entier positif`,
  "bounds.notIncreasing": () => "les bornes doivent être strictement croissantes (ex. 30 ; 60 ; 90)",
  "rate.missing": ({ kind, semester, enterable }) => {
    const what = `${capitalize(RATE_KIND_LABELS_FR[kind])} du ${semesterName(semester, "fr")}`;
    return enterable
      ? `${what} inconnu : saisissez-le dans le volet Recouvre, onglet « Taux ».`
      : `${what} : antérieur aux tables de Recouvre (taux BCE depuis 2012, taux légal depuis 2015), aucun calcul possible.`;
  },
  "cell.amountExpected": () => "montant attendu",
  "cell.amountUnreadable": () => "montant illisible",
  "cell.amountNotCents": () => "montant qui n'est pas au centime près (arrondissez-le)",
  "cell.amountTooLarge": () => "montant trop élevé (100 milliards d'euros au plus)",
  "cell.amountAmbiguous": () =>
    "montant ambigu : le point ou la virgule suivi de 3 chiffres sépare les milliers ou les décimales, et aucune autre valeur de la colonne ne tranche ; écrivez 12500 ou 12,50",
  "cell.amountAmbiguousMixed": () =>
    "montant ambigu : la colonne emploie à la fois le point et la virgule comme séparateur décimal ; écrivez ce montant sans séparateur de milliers",
  "cell.amountNegative": () => "montant négatif : un avoir n'est pas une créance à relancer ; imputez-le sur la facture concernée",
  "cell.dateExpected": () => "une date est attendue",
  "cell.dateOutOfRange": () => "date hors de la plage 01/01/1900 - 31/12/9999",
  "cell.dateUnreadable": () => "date illisible : attendu jj/mm/aaaa ou aaaa-mm-jj (années sur 4 chiffres)",
  "cell.dateAmbiguousMixed": () =>
    "date ambiguë : la colonne contient des dates jour/mois (25/08) et mois/jour (08/25) ; écrivez celle-ci sous la forme aaaa-mm-jj",
  "cell.dateNonexistent": ({ year, month, day }) =>
    month < 1 || month > 12
      ? `date inexistante : il n'y a pas de mois ${month}`
      : `le ${day === 1 ? "1er" : day} ${monthName(month, "fr")} ${year} n'existe pas`,
  "cell.rateUnreadable": () => "taux illisible",
  "cell.rateExpected": () => "taux attendu",
  "cell.rateNegative": () => "un taux ne peut pas être négatif",
  "cell.rateAbove100": () => "taux supérieur à 100 % : écrivez-le en pourcentage (12 %) ou en fraction (0,12)",
  "cell.rateTooPrecise": () => "au plus quatre décimales en pourcentage",
  "cell.textExpected": () => "texte attendu",
  "cell.textNotBoolean": () => "texte attendu, pas VRAI/FAUX",
  "cell.flagExpected": () => "attendu oui/non (VRAI/FAUX, x, 1/0)",
  "cell.sirenExpected": () => "SIREN (9 chiffres) ou SIRET (14 chiffres) attendu",
  "cell.emailInvalid": () => "adresse e-mail invalide",
  "cell.termsUnknown": ({ forms }) => `conditions de paiement non reconnues. Formes acceptées : ${forms}`,
  "cell.termsDays": () => "nombre de jours entre 0 et 3650 attendu",
  "cell.creditWithoutDate": () => "date manquante : un avoir ou un paiement (montant négatif) doit être daté pour être imputé",
  "column.datesUndecided": ({ count }) =>
    `${count} date(s) comme 03/04/2025 peuvent se lire jour/mois ou mois/jour, et aucune date de la colonne ne tranche : lues jour/mois (usage français) ; vérifiez-les`,
  "column.datesMonthFirst": () => "dates lues mois/jour (format américain) : la colonne contient des dates comme 8/25/2013",
  "column.datesMixed": () => "la colonne mélange des dates jour/mois et mois/jour : les dates ambiguës sont refusées",
  "column.amountsMixed": () => "la colonne mélange le point et la virgule comme séparateur décimal : les montants ambigus sont refusés",
  "row.clientMissing": () => "client manquant",
  "row.numberMissing": () => "numéro de facture manquant",
  "row.amountMissing": () => "montant manquant",
  "row.unusable": () => "ligne inutilisable",
  "row.duplicate": ({ earlierRow }) => `facture en double : même client et même numéro qu'à la ligne ${earlierRow}`,
  "row.clientNoLetter": () => "nom de client sans lettre ni chiffre",
  "row.numberSemicolon": () => "un numéro de facture ne peut pas contenir « ; » (séparateur des factures dans le journal)",
  "row.consumerAndPublic": () => "une ligne ne peut être à la fois « particulier » et « acheteur public »",
  "row.dueDateMissing": ({ hasTermsColumn }) =>
    hasTermsColumn
      ? "échéance manquante : saisissez-la, ou la date de facture et les conditions de paiement pour la calculer"
      : "échéance manquante : saisissez-la, ou ajoutez une colonne « Conditions de paiement » pour la calculer",
  "row.dueBeforeInvoice": () => "échéance antérieure à la date de facture : vérifiez les dates",
  "row.negativeHT": () => "montant HT négatif : ignoré",
  "label.notDue": () => "Non échu",
  "label.bucket": ({ from, to }) => `${from}-${to} j`,
  "label.bucketOver": ({ from }) => `> ${from} j`,
  "label.total": () => "Total",
  "label.agingTitle": () => "Balance âgée",
  "label.semester": ({ semester }) => semesterName(semester, "fr"),
  "label.longDate": ({ day }) => longDate(day, "fr"),
  "label.rateKind": ({ kind }) => RATE_KIND_LABELS_FR[kind],
};
