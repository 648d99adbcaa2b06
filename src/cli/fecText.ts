/** The readable French summary `npm run fec` prints without --json. */
import type { ImportSummary } from "../core/books";
import { formatCentsFr } from "../core/money";
import { plural } from "../core/text";

const money = (euros: number): string => formatCentsFr(Math.round(euros * 100));

export function summaryText(summary: ImportSummary): string {
  const out: string[] = [];
  const r = summary.rapport;
  out.push(`Encours clients au ${summary.au} : ${money(summary.encours)} (comptes 411 et 416, débits ouverts moins crédits non imputés)`);
  out.push(`Clients au solde non nul : ${summary.clients} (${plural(summary.comptesDebiteurs, "débiteur")}, ${plural(summary.comptesCrediteurs, "créditeur")}, jamais relancés)`);
  out.push(`Factures ouvertes : ${summary.facturesOuvertes} pour ${money(summary.montantOuvert)} ; crédits non imputés : ${money(summary.creditsNonImputes)}`);
  out.push(`Échéances ${summary.echeancesSupposees ? "supposées" : "lues"} : conditions « ${summary.conditions} » (un FEC ne porte pas d'échéance)`);
  if (summary.dso) {
    const d = summary.dso;
    out.push(
      `DSO : ${d.jours === null ? "non calculable" : `${d.depasseLaPeriode ? "plus de " : ""}${String(d.jours).replace(".", ",")} jours`} sur ${d.mois} mois` +
        ` (${d.methode}; CA ${money(d.chiffreAffaires)}${d.joursMethodeSimple === null ? "" : `, méthode simple : ${String(d.joursMethodeSimple).replace(".", ",")} jours`})`,
    );
  } else out.push("DSO : pas de chiffre d'affaires dans la période");
  out.push("");
  for (const file of r.fichiers) {
    out.push(`Fichier ${file.file} : ${file.lines} lignes, ${file.encoding}, séparateur ${file.separator || "?"}, ${file.fields} champs${file.variant && file.variant !== "autre" ? ` (forme ${file.variant})` : ""}${file.headerRepeats ? `, en-tête répété ${file.headerRepeats} fois` : ""}`);
  }
  const l = r.lignes;
  out.push(`Lignes lues : ${r.lignesLues}, dont ${r.lignesClients} sur des comptes clients`);
  out.push(`  ${l.openDebits} débits ouverts, ${l.settledDebits} débits soldés, ${l.imputedCredits} crédits imputés, ${l.unimputedCredits} crédits non imputés, ${l.afterDate} postérieures à la date${l.reclassified ? `, ${l.reclassified} de transferts en douteux (411 vers 416)` : ""}`);
  if (r.avis.length > 0) {
    out.push("");
    out.push("Avis :");
    for (const avis of r.avis) out.push(`  - ${avis.message}`);
  }
  return out.join("\n");
}
