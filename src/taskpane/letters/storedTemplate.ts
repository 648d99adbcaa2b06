/**
 * The user's template as the workbook keeps it (setting
 * « recouvre.modeleUtilisateur »): its file name, its bytes in base64 and,
 * since issue 18, the mapping of its own field names to Recouvre's. A
 * template stored before the mapping existed has none and loads as before.
 */
import { fromBase64 } from "../../core/base64";
import { parseFieldMapping, type FieldMapping } from "../../core/letters/mapping";
import type { TemplateCheckReport } from "../../core/letters/templateCheck";
import type { UserTemplate } from "../../documents/userTemplate";
import type { WorkbookGateway } from "../../excel/gateway";

export const USER_TEMPLATE_SETTING = "recouvre.modeleUtilisateur";

/** What the workbook keeps. */
export interface StoredTemplate {
  readonly name: string;
  readonly base64: string;
  /** The user's names → Recouvre fields (null: left blank); absent when the template uses Recouvre's names only. */
  readonly mapping?: FieldMapping;
}

/** The stored value as written: `mapping` only when there is one, so plain templates keep the old format. */
export function storedValue(name: string, base64: string, mapping: FieldMapping): StoredTemplate {
  return Object.keys(mapping).length > 0 ? { name, base64, mapping } : { name, base64 };
}

export function parseStoredTemplate(stored: unknown): StoredTemplate | undefined {
  if (!stored || typeof stored !== "object" || stored instanceof Error) return undefined;
  const { name, base64, mapping } = stored as { name?: unknown; base64?: unknown; mapping?: unknown };
  if (typeof name !== "string" || typeof base64 !== "string" || base64 === "") return undefined;
  const parsed = parseFieldMapping(mapping);
  return storedValue(name, base64, parsed);
}

export function readStoredTemplate(gateway: WorkbookGateway): StoredTemplate | undefined {
  return parseStoredTemplate(gateway.readSetting(USER_TEMPLATE_SETTING));
}

export const loadedCache = new Map<string, UserTemplate>();

const cacheKey = (stored: StoredTemplate) => `${JSON.stringify(stored.mapping ?? {})}:${stored.base64}`;

export function rememberLoaded(stored: StoredTemplate, template: UserTemplate): void {
  loadedCache.set(cacheKey(stored), template);
}

/**
 * The stored template, checked again through its mapping (the checker may
 * have changed since it was saved): the template to merge with, or the
 * report of why not.
 */
export async function resolveStoredTemplate(stored: StoredTemplate): Promise<{ ok: true; template: UserTemplate } | { ok: false; report: TemplateCheckReport }> {
  const cached = loadedCache.get(cacheKey(stored));
  if (cached) return { ok: true, template: cached };
  const documents = await import(/* webpackChunkName: "documents" */ "../../documents");
  const result = documents.loadUserTemplate(fromBase64(stored.base64), stored.name, stored.mapping ?? {});
  if (!result.ok) return { ok: false, report: result.report };
  rememberLoaded(stored, result.template);
  return { ok: true, template: result.template };
}
