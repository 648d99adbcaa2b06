/**
 * Templates written elsewhere, in the styles Recouvre meets: a lawyer's mise
 * en demeure in French with party suffixes, a condition on gender, short
 * {/} closes and nested loops (invoices, then their interest periods); and
 * docxtemplater's own example style in English. None uses Recouvre's names.
 */
import { userTemplateDocx } from "./userTemplates";

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...texts: string[]) => `<w:p>${texts.map(run).join("")}</w:p>`;

export function lawyerTemplate(): Uint8Array {
  return userTemplateDocx(
    para("{raison_sociale_creancier}") +
      para("{adresse_creancier}") +
      para("{code_postal_creancier} {ville_creancier}") +
      para("{nom_debiteur}") +
      para("{adresse_debiteur}") +
      para("{code_postal_debiteur} {ville_debiteur}") +
      para("Le {date_mise_en_demeure}") +
      para("Dossier n° {numero_rg}") +
      para("{#isFemale}Madame{/}{^isFemale}Monsieur{/}, ") +
      para("Nous vous mettons en demeure de régler {totalClaimed}, dont {interetsTotal} d'intérêts :") +
      para("{#invoices}") +
      para("Facture {invoiceNumber} échue le {dueDate} : {amountDue}, intérêts {lateInterest}") +
      para("{#periods}du {from} au {to}, {days} jours à {rate} sur {base} : {interest}{/}") +
      para("{/invoices}") +
      para("{signataire_creancier}"),
    para("{raison_sociale_creancier}"),
  );
}

export function docxtemplaterExample(): Uint8Array {
  return userTemplateDocx(para("{last_name} {first_name}") + para("{phone}") + para("{#products}{name} {price}{/products}") + para("{description}"), para("{company}"));
}
