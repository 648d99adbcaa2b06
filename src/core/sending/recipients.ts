/**
 * Recipients of a reminder: the "Email" cell of the list, checked before
 * anything is sent, with a French reason the pane shows beside the client.
 *
 * A cell may hold several addresses separated by ";" or "," ("compta@x.fr;
 * dg@x.fr"), and an address may come with a display name ("Service compta
 * <compta@x.fr>"). Each address must be an RFC 5322 addr-spec in its common
 * dot-atom form (quoted local parts and IP-literal domains are refused: they
 * are almost always typing mistakes in a customer list):
 *
 * - local part: letters, digits and ! # $ % & ' * + / = ? ^ _ ` { | } ~ -,
 *   with single dots between them, at most 64 characters;
 * - domain: at least two labels of letters (accented letters allowed: IDN),
 *   digits and inner hyphens, each at most 63 characters, a top-level label
 *   that is not all digits, at most 253 characters;
 * - the whole address at most 254 characters (RFC 5321).
 *
 * Duplicates (ignoring case) are dropped; at most MAX_RECIPIENTS addresses.
 */

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const NAMED_ADDRESS = /^(.*)<([^<>]*)>$/s;

/** Exchange Online accepts 500; a reminder goes to a handful of people. */
export const MAX_RECIPIENTS = 20;

/** Why `address` is not a usable e-mail address, in French; undefined when it is. */
export function emailProblem(address: string): string | undefined {
  if (address === "") return "adresse vide";
  if (/\s/u.test(address) || hasControlCharacter(address)) return `« ${address} » contient un espace ou un caractère de contrôle`;
  const at = address.lastIndexOf("@");
  if (at < 0) return `« ${address} » n'a pas de @`;
  if (address.indexOf("@") !== at) return `« ${address} » contient plusieurs @`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === "") return `« ${address} » : rien avant le @`;
  if (domain === "") return `« ${address} » : pas de domaine après le @`;
  if (address.length > 254) return `« ${address.slice(0, 40)}… » dépasse 254 caractères`;
  if (local.length > 64) return `« ${address} » : la partie avant le @ dépasse 64 caractères`;
  if (!LOCAL_PART.test(local)) {
    if (/\.\.|^\.|\.$/.test(local)) return `« ${address} » : point mal placé avant le @`;
    return `« ${address} » : caractère non autorisé avant le @ (lettres sans accent, chiffres, . _ - + …)`;
  }
  if (domain.length > 253) return `« ${address} » : domaine trop long`;
  const labels = domain.split(".");
  if (labels.length < 2) return `« ${address} » : domaine incomplet (ex. « societe.fr »)`;
  if (labels.some((label) => label === "")) return `« ${address} » : point mal placé dans le domaine`;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return `« ${address} » : caractère non autorisé dans le domaine`;
  if (/^\d+$/.test(labels[labels.length - 1])) return `« ${address} » : le domaine ne peut pas finir par un nombre`;
  return undefined;
}

export type RecipientsCheck =
  | { readonly ok: true; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly reason: "missing" | "invalid"; readonly message: string };

/** The addresses of an "Email" cell, or why the client cannot be e-mailed. */
export function parseRecipients(cell: string | undefined): RecipientsCheck {
  const text = (cell ?? "").trim();
  if (text === "") return { ok: false, reason: "missing", message: "pas d'adresse e-mail dans la liste pour ce client" };
  const parts = splitAddresses(text);
  const addresses: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const part of parts) {
    const named = NAMED_ADDRESS.exec(part);
    const address = (named ? named[2] : part).trim();
    const problem = emailProblem(address);
    if (problem) problems.push(problem);
    else if (!seen.has(address.toLowerCase())) {
      seen.add(address.toLowerCase());
      addresses.push(address);
    }
  }
  if (problems.length > 0) return { ok: false, reason: "invalid", message: `adresse e-mail invalide : ${problems.join(" ; ")}` };
  if (addresses.length === 0) return { ok: false, reason: "missing", message: "pas d'adresse e-mail dans la liste pour ce client" };
  if (addresses.length > MAX_RECIPIENTS) {
    return { ok: false, reason: "invalid", message: `${addresses.length} adresses e-mail pour un seul client : ${MAX_RECIPIENTS} au plus` };
  }
  return { ok: true, addresses };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Splits on ";" and "," outside a display name's quotes and angle brackets. */
function splitAddresses(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === "<" && !quoted) angle = true;
    else if (char === ">" && !quoted) angle = false;
    if ((char === ";" || char === ",") && !quoted && !angle) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== "");
}
