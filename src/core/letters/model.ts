/**
 * The merge model: one client case + the creditor's profile + the letter's
 * date + the step -> the merge fields of one letter (fields.ts), every value
 * already written the French way, and what the journal records of it.
 *
 * Amounts are those of the case: build the cases with `today` = the letter's
 * date ("arrêté au"). A case built for another day is refused (the penalties
 * printed would not be those of the date printed).
 *
 * A client whose data cannot make the document gets French `problems`
 * instead of a half-filled letter: no invoice, a missing rate (the total
 * cannot be stated), debtor kinds mixed up; no postal address blocks a
 * letter, no e-mail an e-mail. The documents layer skips such clients and
 * goes on with the others.
 */
import { textOf } from "../messages";
import { addMonths, formatDateFr, formatDateLongFr, type EpochDay } from "../calendar";
import type { DebtorKind } from "../escalation/claim";
import { suggestProcedure } from "../escalation/legalAction";
import { DEFAULT_SCENARIO, letterTemplateOf, type Scenario, type ScenarioStep } from "../escalation/scenario";
import type { ClientCase } from "../escalation/workflow";
import { formatCentsFr, type Cents } from "../money";
import type { RateBook } from "../rates/rateBook";
import { plural } from "../text";
import { mergeText, type FieldValue } from "./blocks";
import { civilityOf } from "./civility";
import { decompteFieldsOf } from "./decompteFields";
import { creditorFieldsOf, registeredFieldsOf } from "./creditorFields";
import { formatSiren, type CreditorProfile } from "./profile";
import { basePenalites, consequencesOf, INTEREST_LABELS, joinFr, joinOr, lineRates, rateText } from "./rateTexts";
import { documentReference, oneLine, withinFirstWindow } from "./reference";

export { documentReference } from "./reference";
import { invoiceSettlementFields, letterSettlementFields, lineSettlement } from "./settlementFields";
import { BUILT_IN_TEMPLATE_LABELS, builtInTemplate, isBuiltInTemplateId, type LetterTemplate } from "./wording";

/** Payment terms given by the letters: 8 days, the usual term of a mise en demeure (FACTS.md §7). */
export const DEFAULT_DELAI_JOURS = 8;
export const DEFAULT_INSTALMENTS = 3;
export const MAX_INSTALMENTS = 24;

export interface LetterModelInput {
  readonly clientCase: ClientCase;
  readonly profile: CreditorProfile;
  /** Date of the letter; the case must have been built with this `today`. */
  readonly letterDate: EpochDay;
  readonly book: RateBook;
  /** The scenario step the letter is for (its letter template: letterTemplateOf). */
  readonly step?: ScenarioStep;
  /** A template id instead of (or over) the step's: e.g. "echeancier". */
  readonly templateId?: string;
  /** Only these invoice numbers (e.g. a step group's); all the case's lines otherwise. */
  readonly invoices?: readonly string[];
  /** Days given to pay (8 by default). */
  readonly delaiJours?: number;
  /** The scenario, for the wording that fits the delay (the default scenario otherwise). */
  readonly scenario?: Scenario;
  /** Payment plan proposal: number of monthly instalments (3) and the first one's date (the deadline). */
  readonly echeancier?: { readonly nombre?: number; readonly premiere?: EpochDay };
  /** The LRAR number the journal records for this letter, and who recorded it (a registered letter only). */
  readonly lrar?: { readonly number: string; readonly recordedBy?: string };
}

export type LetterFields = Readonly<Record<string, FieldValue>>;

export interface LetterProblems {
  /** Stop every document for this client. */
  readonly all: readonly string[];
  /** Stop the printed letter (docx, PDF). */
  readonly courrier: readonly string[];
  /** Stop the e-mail. */
  readonly email: readonly string[];
}

export interface LetterModel {
  readonly reference: string;
  readonly clientKey: string;
  readonly client: string;
  readonly templateId: string;
  readonly stepId: string;
  readonly stepLabel: string;
  readonly variant: DebtorKind;
  /** The built-in wording for this step and debtor, when there is one. */
  readonly builtIn?: LetterTemplate;
  readonly letterDate: EpochDay;
  readonly email?: string;
  /** Invoice numbers the letter covers: the journal entry's invoices. */
  readonly invoices: readonly string[];
  /** Amounts claimed, for the journal (cents). */
  readonly amounts: { readonly principal: Cents; readonly interest: Cents; readonly indemnity: Cents; readonly total: Cents };
  readonly fields: LetterFields;
  readonly problems: LetterProblems;
}

/** The merge model of one letter (see the module comment). */
export function buildLetterModel(input: LetterModelInput): LetterModel {
  const { clientCase, profile, letterDate, book } = input;
  const templateId = input.templateId ?? (input.step ? letterTemplateOf(input.step) : undefined);
  if (templateId === undefined) throw new Error("buildLetterModel : donnez l'étape (step) ou le modèle (templateId) de la lettre");
  const stepId = input.step?.id ?? templateId;
  const stepLabel = input.step?.label ?? (isBuiltInTemplateId(templateId) ? BUILT_IN_TEMPLATE_LABELS[templateId] : templateId);

  const wanted = input.invoices && new Set(input.invoices);
  const lines = clientCase.lines.filter((line) => !wanted || wanted.has(line.invoice.numero));
  for (const line of lines) {
    if (line.daysLate !== Math.max(0, letterDate - line.invoice.echeance)) {
      throw new Error(
        `buildLetterModel : le dossier ${clientCase.client} a été calculé pour un autre jour que la lettre du ${formatDateFr(letterDate)} ; recalculez les dossiers avec cette date`,
      );
    }
  }

  const all: string[] = [];
  const kinds = [...new Set(lines.map((line) => line.debtorKind))];
  const variant: DebtorKind = kinds[0] ?? "professionnel";
  if (lines.length === 0) all.push("aucune facture à relancer pour ce client (factures payées, en litige ou non sélectionnées)");
  if (kinds.length > 1) {
    all.push(
      "ses factures ne sont pas toutes du même type de client (particulier, professionnel, acheteur public) : corrigez les colonnes « Particulier » et « Acheteur public » de votre liste",
    );
  }
  const missing = [...new Set(lines.flatMap((line) => (line.missingRate ? [line.missingRate] : [])))];
  for (const message of missing) all.push(`montants incomplets : ${textOf(message, "fr")}`);

  const delaiJours = input.delaiJours ?? DEFAULT_DELAI_JOURS;
  const dateLimite = letterDate + delaiJours;
  const perLine = lines.map((line) => lineRates(line, book, letterDate));

  let principal = 0;
  let interest = 0;
  let indemnity = 0;
  const settlements = lines.map(lineSettlement);
  const factures = lines.map((line, i) => {
    const rates = perLine[i];
    const lineInterest = line.interest ?? 0;
    principal += line.amountDue;
    interest += lineInterest;
    indemnity += line.indemnity;
    return {
      numero: line.invoice.numero,
      date: line.invoice.dateFacture === undefined ? "—" : formatDateFr(line.invoice.dateFacture),
      echeance: formatDateFr(line.invoice.echeance),
      montant: formatCentsFr(line.amountDue),
      jours_retard: String(line.daysLate),
      penalites: line.interest === undefined ? "—" : formatCentsFr(lineInterest),
      taux_penalites: rates && rates.rates.length ? joinFr(rates.rates.map(rateText)) : "—",
      indemnite: formatCentsFr(line.indemnity),
      total: line.interest === undefined ? "—" : formatCentsFr(line.amountDue + lineInterest + line.indemnity),
      ...invoiceSettlementFields(settlements[i]),
      ...decompteFieldsOf(line, book, letterDate),
    };
  });
  const total = principal + interest + indemnity;
  const allRates = [...new Set(perLine.flatMap((r) => r?.rates ?? []))].map(rateText);
  // A public buyer's rates are one per invoice, not a change over time.
  const joinRates = variant === "acheteurPublic" ? joinOr : joinFr;
  const legal = suggestProcedure(principal, missing.length ? undefined : interest);
  const { procedure, consequences } = consequencesOf(variant, legal.procedure);

  // Payment plan: equal monthly instalments of the total, the rounding cents on the last one.
  const count = Math.min(MAX_INSTALMENTS, Math.max(1, Math.floor(input.echeancier?.nombre ?? DEFAULT_INSTALMENTS)));
  const first = input.echeancier?.premiere ?? dateLimite;
  const base = Math.floor(total / count);
  const mensualites = Array.from({ length: count }, (_, i) => ({
    rang: `${i + 1}/${count}`,
    date: formatDateFr(addMonths(first, i)),
    montant: formatCentsFr(i === count - 1 ? total - base * (count - 1) : base),
  }));

  const n = lines.length;
  const maxDaysLate = lines.reduce((max, line) => Math.max(max, line.daysLate), 0);
  const civility = civilityOf(clientCase.contact.contact || (variant === "particulier" ? clientCase.client : undefined));
  const villeCreancier = profile.villeSignature ?? profile.ville;
  const adresse = clientCase.contact.adresse ?? "";
  const codePostal = clientCase.contact.codePostal ?? "";
  const ville = clientCase.contact.ville ?? "";
  const sirenClient = clientCase.contact.siren ? formatSiren(clientCase.contact.siren) : "";
  const reference = documentReference(letterDate, clientCase.client, stepId);
  const builtIn = isBuiltInTemplateId(templateId) ? builtInTemplate(templateId, variant) : undefined;
  // Registered: the step goes by LRAR, or the built-in letter is one (the mise en demeure).
  const registered = input.step?.channel === "lrar" || (builtIn?.lrar ?? false);
  const dateLettre = formatDateLongFr(letterDate);

  const fields: Record<string, FieldValue> = {
    client: clientCase.client,
    adresse,
    code_postal: codePostal,
    ville,
    adresse_ligne: oneLine([adresse, `${codePostal} ${ville}`.trim()].join("\n")),
    siren_client: sirenClient,
    mention_siren_client: sirenClient ? `, SIREN ${sirenClient}` : "",
    contact: clientCase.contact.contact ?? "",
    civilite: civility.civilite,
    nom_contact: civility.nom,
    formule_appel: civility.appel,
    formule_politesse: civility.politesse,
    madame: civility.civilite === "Madame",
    monsieur: civility.civilite === "Monsieur",
    email_client: clientCase.contact.email ?? "",
    reference,
    etape: stepLabel,
    date_lettre: dateLettre,
    arrete_au: dateLettre,
    fait_a: `Fait à ${villeCreancier}, le ${dateLettre}`,
    delai: plural(delaiJours, "jour"),
    delai_jours: String(delaiJours),
    date_limite: formatDateLongFr(dateLimite),
    nb_factures: plural(n, "facture"),
    retard_max: plural(maxDaysLate, "jour"),
    simple_oubli: withinFirstWindow(input.scenario ?? DEFAULT_SCENARIO, maxDaysLate),
    les_factures: n >= 2 ? "les factures" : "la facture",
    des_factures: n >= 2 ? "des factures" : "de la facture",
    s: n >= 2 ? "s" : "",
    nt: n >= 2 ? "nt" : "",
    total_principal: formatCentsFr(principal),
    total_penalites: formatCentsFr(interest),
    total_indemnites: formatCentsFr(indemnity),
    total_du: formatCentsFr(total),
    libelle_penalites: INTEREST_LABELS[variant],
    taux_penalites: allRates.length ? joinRates(allRates) : "—",
    base_penalites: basePenalites(variant, perLine, letterDate, book),
    procedure,
    consequences,
    factures,
    mensualites,
    nb_mensualites: plural(count, "mensualité"),
    total_echeancier: formatCentsFr(total),
    ...creditorFieldsOf(profile),
    ...registeredFieldsOf(registered, input.lrar),
    ...letterSettlementFields(settlements),
    professionnel: variant === "professionnel",
    particulier: variant === "particulier",
    acheteur_public: variant === "acheteurPublic",
    avec_interets: interest > 0,
    mise_en_demeure: templateId === "miseEnDemeure",
  };
  fields.objet = builtIn ? mergeText(builtIn.objet, fields) : `${stepLabel} – ${fields.nb_factures as string} – ${fields.total_du as string}`;

  const courrier: string[] = [];
  const absent = [
    ...(adresse.trim() === "" ? ["adresse"] : []),
    ...(codePostal.trim() === "" ? ["code postal"] : []),
    ...(ville.trim() === "" ? ["ville"] : []),
  ];
  if (absent.length) {
    courrier.push(`adresse postale incomplète (manque : ${absent.join(", ")}) : complétez les colonnes Adresse, Code postal et Ville de votre liste`);
  }
  const email: string[] = [];
  if (!clientCase.contact.email) email.push("pas d'adresse e-mail pour ce client : complétez la colonne E-mail (ou Courriel) de votre liste");

  return {
    reference,
    clientKey: clientCase.clientKey,
    client: clientCase.client,
    templateId,
    stepId,
    stepLabel,
    variant,
    ...(builtIn && { builtIn }),
    letterDate,
    ...(clientCase.contact.email && { email: clientCase.contact.email }),
    invoices: lines.map((line) => line.invoice.numero),
    amounts: { principal, interest, indemnity, total },
    fields,
    problems: { all, courrier, email },
  };
}

/** Everything that stops a document of this channel for this client ([] when it can be made). */
export function problemsFor(model: LetterModel, channel: "courrier" | "email"): string[] {
  return [...model.problems.all, ...(channel === "courrier" ? model.problems.courrier : model.problems.email)];
}

/**
 * What the journal records of a generated document (the pane adds id,
 * timestamp, type and channel): a "step" entry for a scenario step, a
 * "document" entry for a letter outside the scenario (échéancier).
 */
export function journalDraftOf(model: LetterModel) {
  return {
    date: model.letterDate,
    client: model.client,
    clientKey: model.clientKey,
    invoices: [...model.invoices],
    stepId: model.stepId,
    templateId: model.templateId,
    principal: model.amounts.principal,
    penalties: model.amounts.interest,
    indemnity: model.amounts.indemnity,
    documentRef: model.reference,
  };
}
