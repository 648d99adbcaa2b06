/**
 * « Dossier contentieux » of one client: what the next procedure asks for,
 * as blocks the PDF layout draws (documents/pdf.ts):
 * - the parties with SIREN and addresses;
 * - the claim at a chosen date: principal, interest, indemnities, total, and
 *   the décompte des intérêts per invoice (decompte.ts, to the cent);
 * - the route: procédure simplifiée de recouvrement des petites créances up
 *   to 5,000 EUR principal and interest, injonction de payer above (court of
 *   the debtor's domicile, tribunal de commerce or tribunal judiciaire), the
 *   administrative judge for a public buyer, with the references of
 *   FACTS.md §7;
 * - the chronology from the journal: each entry's date, kind, channel,
 *   document reference, LRAR number, who recorded it (the row's origin) and
 *   note.
 */
import { formatDateFr, formatDateLongFr, type EpochDay } from "../calendar";
import { suggestProcedure } from "../escalation/legalAction";
import { ENTRY_TYPE_LABELS, type JournalEntry } from "../escalation/journal";
import type { Scenario } from "../escalation/scenario";
import type { ClientCase } from "../escalation/workflow";
import { formatCentsFr } from "../money";
import type { RateBook } from "../rates/rateBook";
import type { FieldItem, MergedBlock, MergedParagraph } from "./blocks";
import { buildLetterModel, type LetterModel } from "./model";
import type { CreditorProfile } from "./profile";

export interface CourtFileInput {
  readonly clientCase: ClientCase;
  readonly profile: CreditorProfile;
  /** The date the claim is stated at; the case must have been built with it. */
  readonly date: EpochDay;
  readonly book: RateBook;
  /** The client's journal entries (any order). */
  readonly journal: readonly JournalEntry[];
  readonly scenario?: Scenario;
}

export interface CourtFile {
  readonly model: LetterModel;
  readonly route: { readonly procedure: string; readonly court: string; readonly references: readonly string[] };
  readonly chronology: ReadonlyArray<readonly string[]>;
  readonly blocks: readonly MergedBlock[];
}

/** The journal's own labels, two of them said more fully for a judge. */
const ENTRY_LABELS: Readonly<Record<JournalEntry["type"], string>> = {
  ...ENTRY_TYPE_LABELS,
  step: "Étape de relance",
  payment: "Paiement reçu",
};

const CHANNEL_LABELS: Readonly<Record<string, string>> = { email: "E-mail", courrier: "Courrier", lrar: "LRAR", telephone: "Téléphone", action: "Procédure" };

function routeOf(model: LetterModel): CourtFile["route"] {
  if (model.variant === "acheteurPublic") {
    return {
      procedure: "Référé-provision devant le tribunal administratif",
      court: "Tribunal administratif dans le ressort duquel se trouve l'acheteur public",
      references: ["art. R541-1 du Code de justice administrative", "art. L2192-13 et R2192-31 du Code de la commande publique (intérêts moratoires)"],
    };
  }
  const suggestion = suggestProcedure(model.amounts.principal, model.amounts.interest);
  const court = model.variant === "particulier" ? "Tribunal judiciaire du domicile du débiteur" : "Tribunal de commerce du domicile du débiteur (tribunal judiciaire s'il n'est pas commerçant)";
  if (suggestion.procedure === "petitesCreances") {
    return {
      procedure: "Procédure simplifiée de recouvrement des petites créances (au plus 5 000 € en principal et intérêts), par un commissaire de justice",
      court: `À défaut d'accord : injonction de payer devant le ${court.charAt(0).toLowerCase()}${court.slice(1)}`,
      references: ["art. L125-1 et R125-1 s. du Code des procédures civiles d'exécution", "art. 750-1 du Code de procédure civile (tentative amiable préalable)", "art. 1405 à 1425 du Code de procédure civile"],
    };
  }
  return {
    procedure: "Requête en injonction de payer (créance contractuelle de montant certain)",
    court,
    references: [
      "art. 1405 à 1425 du Code de procédure civile",
      model.variant === "particulier" ? "formulaire Cerfa 12948 (tribunal judiciaire)" : "formulaire Cerfa 12946 (tribunal de commerce) ou 12948 (tribunal judiciaire)",
      "signification dans les 6 mois ; opposition dans le mois de la signification",
    ],
  };
}

const para = (text: string, style: MergedParagraph["style"] = "normal", bold = false, keepNext = false): MergedParagraph => ({
  type: "p",
  style,
  runs: [{ text, bold, italic: false, underline: false }],
  ...(keepNext && { keepNext: true }),
});

const column = (header: string, align: "left" | "right" | "center", width: number) => ({ header, align, width });

/** The court file of one client at a date. */
export function buildCourtFile(input: CourtFileInput): CourtFile {
  const { clientCase, profile, date, book } = input;
  const model = buildLetterModel({ clientCase, profile, letterDate: date, book, templateId: "miseEnDemeure", ...(input.scenario && { scenario: input.scenario }) });
  const f = model.fields;
  const route = routeOf(model);
  const entries = [...input.journal].filter((e) => e.clientKey === clientCase.clientKey).sort((a, b) => a.date - b.date || a.timestamp.localeCompare(b.timestamp));
  const chronology = entries.map((e) => [
    formatDateFr(e.date),
    e.type === "step" ? `${ENTRY_LABELS.step} : ${e.stepId}` : ENTRY_LABELS[e.type],
    e.channel ? (CHANNEL_LABELS[e.channel] ?? e.channel) : "—",
    e.documentRef ?? "—",
    ("lrar" in e && e.lrar) || "—",
    e.origin?.by ?? "—",
    [e.invoices.join(", "), e.note ?? ""].filter((x) => x !== "").join(" – "),
  ]);

  const blocks: MergedBlock[] = [
    para(`Dossier contentieux – ${clientCase.client}`, "title", true),
    para(`Créance arrêtée au ${formatDateLongFr(date)} – réf. ${model.reference}`, "subject"),
    para("1. Les parties", "subject", true, true),
    para(`Créancier : ${f.creancier}${f.creancier_mentions ? `, ${f.creancier_mentions as string}` : ""}, SIREN ${f.creancier_siren}, ${f.creancier_adresse_ligne}`),
    para(`Débiteur : ${f.client}${f.mention_siren_client}, ${f.adresse_ligne || "adresse inconnue"} (${model.variant === "particulier" ? "consommateur" : model.variant === "acheteurPublic" ? "acheteur public" : "professionnel"})`),
    para("2. La créance", "subject", true, true),
    {
      type: "table",
      columns: [column("Facture", "left", 15), column("Échéance", "center", 12), column("Principal", "right", 15), column("Intérêts", "right", 13), column("Indemnité", "right", 12), column("Total", "right", 15)],
      rows: (f.factures as readonly FieldItem[]).map((item) => [item.numero, item.echeance, item.montant, item.penalites, item.indemnite, item.total] as string[]),
    },
    {
      type: "totals",
      rows: [
        { label: "Principal", value: formatCentsFr(model.amounts.principal), bold: false },
        { label: f.libelle_penalites as string, value: formatCentsFr(model.amounts.interest), bold: false },
        { label: "Indemnités forfaitaires", value: formatCentsFr(model.amounts.indemnity), bold: false },
        { label: `Total au ${formatDateFr(date)}`, value: formatCentsFr(model.amounts.total), bold: true },
      ],
    },
    para(`Taux : ${f.base_penalites}.`, "small"),
  ];
  for (const item of f.factures as readonly FieldItem[]) {
    if (!item.avec_periodes) continue;
    blocks.push(para(`Décompte des intérêts – facture ${item.numero as string}`, "normal", true, true));
    blocks.push({
      type: "table",
      columns: [column("Du", "center", 12), column("Au", "center", 12), column("Jours", "right", 8), column("Taux", "right", 11), column("Base", "right", 15), column("Intérêts", "right", 13)],
      rows: (item.periodes as readonly FieldItem[]).map((p) => [p.du, p.au, p.jours, p.taux, p.base, p.montant] as string[]),
      footer: [`Total facture ${item.numero as string}`, "", "", "", "", item.penalites as string],
    });
  }
  blocks.push(
    para("3. La procédure", "subject", true, true),
    para(`Voie proposée : ${route.procedure}.`),
    para(`Juridiction : ${route.court}.`),
    para(`Références : ${route.references.join(" ; ")}.`, "small"),
    para("4. Chronologie des relances (journal des relances)", "subject", true, true),
  );
  blocks.push(
    chronology.length > 0
      ? {
          type: "table",
          columns: [
            column("Date", "center", 12),
            column("Action", "left", 16),
            column("Canal", "center", 10),
            column("Document", "left", 24),
            column("N° LRAR", "left", 13),
            column("Par", "left", 11),
            column("Factures, note", "left", 14),
          ],
          rows: chronology,
        }
      : para("Aucune action inscrite au journal pour ce client."),
  );
  return { model, route, chronology, blocks };
}
