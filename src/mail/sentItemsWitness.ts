/**
 * The sender's own mailbox as a second witness: was the message with this
 * reference sent? Looks in Sent Items for the single-value extended property
 * every message carries (graphSender.ts REFERENCE_PROPERTY_ID):
 *
 *   GET {base}/me/mailFolders/sentitems/messages
 *       ?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '<id>' and ep/value eq '<ref>')
 *       &$select=id,sentDateTime&$top=1
 *
 * Extended properties are outside Mail.ReadBasic ("except ... any extended
 * properties"): this needs the delegated permission Mail.Read.
 *
 * "found": sent; "absent": not in Sent Items (proves nothing until Exchange
 * has had time to file it: the runner waits WITNESS_DELAY_MS); "unreadable":
 * the mailbox could not be read (permission refused, network...): the user
 * decides.
 */
import { GRAPH_BASE_URL, REFERENCE_PROPERTY_ID, sendMailUrl, type GetToken } from "./graphSender";

export type WitnessAnswer = { readonly kind: "found"; readonly sentAt?: string } | { readonly kind: "absent" } | { readonly kind: "unreadable"; readonly reason: string };

export interface SentItemsWitness {
  find(reference: string): Promise<WitnessAnswer>;
}

export interface WitnessOptions {
  readonly getToken: GetToken;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** The Sent Items query for a reference (exported for tests). */
export function sentItemsQueryUrl(baseUrl: string, reference: string): string {
  const base = sendMailUrl(baseUrl).replace(/\/me\/sendMail$/, "");
  const quote = (text: string) => text.replace(/'/g, "''");
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${quote(REFERENCE_PROPERTY_ID)}' and ep/value eq '${quote(reference)}')`;
  return `${base}/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent(filter)}&$select=id,sentDateTime&$top=1`;
}

export function createSentItemsWitness(options: WitnessOptions): SentItemsWitness {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const baseUrl = options.baseUrl ?? GRAPH_BASE_URL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async find(reference) {
      let token: string;
      try {
        token = await options.getToken();
      } catch (error) {
        return { kind: "unreadable", reason: `connexion à Microsoft 365 impossible (${error instanceof Error ? error.message : String(error)})` };
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await doFetch(sentItemsQueryUrl(baseUrl, reference), { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
        if (response.status === 403) return { kind: "unreadable", reason: "lecture des « Éléments envoyés » refusée (403) : l'autorisation Mail.Read n'est pas accordée à Recouvre" };
        if (response.status !== 200) return { kind: "unreadable", reason: `Microsoft 365 a répondu ${response.status} à la recherche dans les « Éléments envoyés »` };
        const body = (await response.json()) as { value?: Array<{ sentDateTime?: unknown }> };
        if (!Array.isArray(body.value)) return { kind: "unreadable", reason: "réponse illisible de Microsoft 365" };
        if (body.value.length === 0) return { kind: "absent" };
        const sentAt = body.value[0].sentDateTime;
        return { kind: "found", ...(typeof sentAt === "string" && { sentAt }) };
      } catch (error) {
        return { kind: "unreadable", reason: `« Éléments envoyés » illisibles (${error instanceof Error ? error.message : String(error)})` };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
