/**
 * Sends one e-mail through Microsoft Graph (POST {baseUrl}/me/sendMail, the
 * user's own mailbox, delegated Mail.Send), in the browser and in Node.
 *
 * Graph's sendMail is not idempotent: posting the same message twice sends
 * it twice. So a request is repeated here only when it certainly did not send:
 *   - 401: the token was refused before anything happened; one retry with a
 *     fresh token;
 *   - a network error that happened before the connection was made (refused,
 *     unknown host, unreachable network, TLS failure): back off and retry.
 * 429 Too Many Requests is a refusal (nothing sent): the sender returns
 * "throttled" at once with the Retry-After (seconds or HTTP date), and the
 * batch runner pauses the whole mailbox, every runtime on it, not one message.
 *
 * 503 Service Unavailable: Graph's documentation says only that the service
 * is "temporarily unavailable for maintenance or is overloaded" and that the
 * request may be repeated after the Retry-After delay. It does not say that
 * a message answered 503 was not accepted (a front end may answer 503 after
 * the mailbox took it), so acceptance cannot be ruled out: 503 is "unknown"
 * (never resent without the mailbox witness or the user) and pauses the
 * batch like a 429.
 *
 * Every other failure after the request may have reached Graph is "unknown":
 * a timeout, a connection reset, a response lost, a 500/502/504. A 4xx other
 * than those is a definitive "failed" (nothing was sent).
 *
 * Each message carries its reference in a single-value extended property
 * (REFERENCE_PROPERTY_ID) that Sent Items can be filtered on
 * (sentItemsWitness.ts), and in an X- header for people reading the source.
 *
 * Throttling: at most `maxPerMinute` requests (default 30, Exchange Online's
 * limit) in any sliding minute, every attempt counted.
 *
 * The access token comes from getToken() at each attempt and lives only in
 * the request's Authorization header: it is never logged, stored, or put in
 * an error message.
 */
import type { MessageAttachment } from "../core/sending/model";
import { toBase64 } from "../core/base64";
import { backoffMs, retryAfterMs, SlidingWindowLimiter, systemClock, systemSleep, type Clock, type Sleep } from "./timing";

export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
/** Custom header carrying the message reference (readable in the message source). */
export const REFERENCE_HEADER = "X-Recouvre-Reference";
/**
 * A named MAPI string property in Recouvre's own property set (a fixed GUID):
 * Graph can $filter messages on its value (singleValueExtendedProperties).
 * Never change it: the witness finds earlier messages by it.
 */
export const REFERENCE_PROPERTY_ID = "String {5f3c2a71-8e4b-4d2a-9c61-2b7e0d4f9a13} Name RecouvreReference";
/** Graph refuses JSON requests above 4 MB; base64 makes attachments a third bigger. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024 - 64 * 1024;

export interface OutgoingMail {
  readonly reference: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** HTML body, merged values already escaped. */
  readonly html: string;
  readonly attachments?: readonly MessageAttachment[];
}

export type SendResult =
  | { readonly status: "sent"; readonly attempts: number; readonly httpStatus: number }
  /** Certainly not sent. */
  | { readonly status: "failed"; readonly reason: string; readonly attempts: number; readonly httpStatus?: number }
  /** May have been sent: never retry without the user. */
  | { readonly status: "unknown"; readonly reason: string; readonly attempts: number; readonly httpStatus?: number; readonly pauseMs?: number }
  /** 429: refused, certainly not sent; the mailbox must pause (pauseMs from Retry-After when given). */
  | { readonly status: "throttled"; readonly reason: string; readonly attempts: number; readonly httpStatus: 429; readonly pauseMs?: number };

/** Asked before every HTTP request: resolves when one more request fits the mailbox's budget. */
export interface RequestGate {
  acquire(): Promise<void>;
}

export interface MailSender {
  /** `gate`: asked before each request instead of the sender's own limiter. */
  send(mail: OutgoingMail, gate?: RequestGate): Promise<SendResult>;
}

export type GetToken = (options?: { readonly forceRefresh?: boolean }) => Promise<string>;

export interface GraphSenderOptions {
  readonly getToken: GetToken;
  /** Default https://graph.microsoft.com/v1.0; plain http only to the local machine (tests). */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Per attempt, from the request to the response headers. Default 30 s. */
  readonly timeoutMs?: number;
  readonly maxPerMinute?: number;
  /** Share one limiter between senders of the same mailbox. */
  readonly limiter?: SlidingWindowLimiter;
  /** Replaces the limiter: the batch runner's mailbox budget, read from the journal. */
  readonly gate?: RequestGate;
  /** Retries after the first attempt (429, 503, connection not made). Default 4. */
  readonly maxRetries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** The JSON body of POST /me/sendMail. */
export function sendMailBody(mail: OutgoingMail): unknown {
  return {
    message: {
      subject: mail.subject,
      body: { contentType: "HTML", content: mail.html },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
      internetMessageHeaders: [{ name: REFERENCE_HEADER, value: mail.reference }],
      singleValueExtendedProperties: [{ id: REFERENCE_PROPERTY_ID, value: mail.reference }],
      ...(mail.attachments &&
        mail.attachments.length > 0 && {
          attachments: mail.attachments.map((attachment) => ({
            "@odata.type": "#microsoft.graph.fileAttachment",
            name: attachment.filename,
            contentType: attachment.contentType,
            contentBytes: toBase64(attachment.bytes),
          })),
        }),
    },
    saveToSentItems: true,
  };
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The sendMail URL; refuses anything but https, except plain http to this machine. */
export function sendMailUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Adresse de Microsoft Graph invalide : « ${baseUrl} »`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    throw new Error(`Adresse de Microsoft Graph refusée : « ${baseUrl} » (https obligatoire)`);
  }
  return `${baseUrl.replace(/\/+$/, "")}/me/sendMail`;
}

/** Network error codes that prove the request never left: no connection was made. */
const NOT_CONNECTED_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner));
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/**
 * Whether a fetch rejection proves nothing was sent. Browsers give a bare
 * TypeError for every network failure: it proves nothing, so it is unknown.
 */
export function networkFailureIsBeforeSending(error: unknown): boolean {
  const codes = errorCodes(error);
  return codes.length > 0 && codes.every((code) => NOT_CONNECTED_CODES.has(code));
}

function describeNetworkError(error: unknown): string {
  const codes = errorCodes(error);
  return codes.length > 0 ? codes.join(", ") : error instanceof Error ? error.message : String(error);
}

async function graphErrorText(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 4000);
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === "string" ? parsed.error.code : undefined;
    const message = typeof parsed.error?.message === "string" ? parsed.error.message : undefined;
    return [code, message].filter(Boolean).join(" : ").slice(0, 500);
  } catch {
    return "";
  }
}

function failedReason(status: number, detail: string): string {
  const suffix = detail ? ` (${detail})` : "";
  switch (status) {
    case 400:
      return `Microsoft 365 a refusé le message (400)${suffix} : vérifiez les adresses et la pièce jointe`;
    case 401:
      return `Microsoft 365 a refusé la connexion (401)${suffix} : reconnectez-vous`;
    case 403:
      return `droit d'envoi refusé (403)${suffix} : l'autorisation Mail.Send n'est pas accordée à Recouvre pour ce compte`;
    case 404:
      return `boîte aux lettres introuvable (404)${suffix} : le compte n'a pas de messagerie Exchange Online`;
    case 413:
      return `message trop volumineux (413)${suffix}`;
    case 429:
      return `limite d'envoi de Microsoft 365 atteinte (429)${suffix} : réessayez plus tard`;
    case 503:
      return `service Microsoft 365 indisponible (503)${suffix} : réessayez plus tard`;
    default:
      return `Microsoft 365 a répondu ${status}${suffix}`;
  }
}

export function createGraphSender(options: GraphSenderOptions): MailSender {
  const url = sendMailUrl(options.baseUrl ?? GRAPH_BASE_URL);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? systemSleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const limiter: RequestGate = options.gate ?? options.limiter ?? new SlidingWindowLimiter(options.maxPerMinute ?? 30, 60_000, clock, sleep);

  async function send(mail: OutgoingMail, gate?: RequestGate): Promise<SendResult> {
    if (mail.to.length === 0) return { status: "failed", reason: "aucun destinataire", attempts: 0 };
    const body = JSON.stringify(sendMailBody(mail));
    if (body.length > MAX_REQUEST_BYTES) {
      return { status: "failed", reason: `message trop volumineux pour Microsoft Graph (${Math.round(body.length / 1024)} Ko, 4 Mo au plus pièces jointes comprises)`, attempts: 0 };
    }

    let attempts = 0;
    let retries = 0;
    let refreshedToken = false;
    let forceRefresh = false;
    for (;;) {
      let token: string;
      try {
        token = await options.getToken(forceRefresh ? { forceRefresh: true } : undefined);
      } catch (error) {
        return { status: "failed", reason: `connexion à Microsoft 365 impossible : ${error instanceof Error ? error.message : String(error)}`, attempts };
      }
      forceRefresh = false;
      await (gate ?? limiter).acquire();
      attempts++;

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body,
          signal: controller.signal,
        });
      } catch (error) {
        clearTimeout(timer);
        if (controller.signal.aborted) {
          return { status: "unknown", reason: `pas de réponse de Microsoft 365 en ${Math.round(timeoutMs / 1000)} s : le message est peut-être parti`, attempts };
        }
        if (networkFailureIsBeforeSending(error) && retries < maxRetries) {
          retries++;
          await sleep(backoffMs(retries, baseDelayMs, maxDelayMs, random));
          continue;
        }
        if (networkFailureIsBeforeSending(error)) {
          return { status: "failed", reason: `Microsoft 365 injoignable (${describeNetworkError(error)}) : rien n'a été envoyé`, attempts };
        }
        return { status: "unknown", reason: `connexion interrompue (${describeNetworkError(error)}) : le message est peut-être parti`, attempts };
      }

      const status = response.status;
      if (status >= 200 && status < 300) {
        clearTimeout(timer);
        void response.body?.cancel().catch(() => undefined);
        return { status: "sent", attempts, httpStatus: status };
      }
      // The error body is read under the same timeout (an abort ends the read).
      const detail = await graphErrorText(response);
      clearTimeout(timer);
      if (status === 401 && !refreshedToken) {
        refreshedToken = true;
        forceRefresh = true;
        continue;
      }
      if (status === 429 || status === 503) {
        const wait = retryAfterMs(response.headers.get("Retry-After"), clock.now());
        const pause = wait ?? backoffMs(1, baseDelayMs, maxDelayMs, random);
        if (status === 429) return { status: "throttled", reason: failedReason(429, detail), attempts, httpStatus: 429, pauseMs: pause };
        return {
          status: "unknown",
          reason: `service Microsoft 365 indisponible (503)${detail ? ` (${detail})` : ""} : Microsoft ne garantit pas que le message n'a pas été pris en compte`,
          attempts,
          httpStatus: 503,
          pauseMs: pause,
        };
      }
      if (status >= 500) {
        return {
          status: "unknown",
          reason: `Microsoft 365 a répondu ${status}${detail ? ` (${detail})` : ""} : le message est peut-être parti`,
          attempts,
          httpStatus: status,
        };
      }
      return { status: "failed", reason: failedReason(status, detail), attempts, httpStatus: status };
    }
  }

  return { send };
}
