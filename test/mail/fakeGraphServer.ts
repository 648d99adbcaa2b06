/**
 * A local stand-in for Microsoft Graph's POST /me/sendMail, on 127.0.0.1
 * (plain HTTP, random port), with fault injection per request:
 *
 *   ok            202, the message is delivered
 *   throttle      429 + Retry-After (seconds, or an HTTP date), not delivered
 *   unavailable   503 (+ Retry-After when given), not delivered
 *   serverError   500 after delivering (the back end sent, then failed)
 *   badRequest    400 with a Graph error body, not delivered
 *   unauthorized  401, not delivered
 *   reset         the socket is destroyed before answering, not delivered
 *   lost          delivered, then the socket is destroyed: the answer is lost
 *   slow          delivered, answered after `delayMs` (beyond the client's timeout)
 *
 * "Delivered" messages are kept with the reference from the
 * X-Recouvre-Reference header, so tests can count duplicates; they are also
 * filed in Sent Items, which GET /me/mailFolders/sentitems/messages answers
 * with the $filter on the reference's single-value extended property, as
 * Graph does (`sentItemsReadable` false: 403, as without Mail.Read).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Fault =
  | { readonly kind: "ok" }
  | { readonly kind: "throttle"; readonly retryAfter?: string }
  | { readonly kind: "unavailable"; readonly retryAfter?: string }
  | { readonly kind: "serverError" }
  | { readonly kind: "badRequest" }
  | { readonly kind: "unauthorized" }
  | { readonly kind: "reset" }
  | { readonly kind: "lost" }
  | { readonly kind: "slow"; readonly delayMs: number };

export interface ReceivedRequest {
  readonly index: number;
  readonly url: string;
  readonly method: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly reference?: string;
}

export interface FakeGraph {
  readonly baseUrl: string;
  /** Every request, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** Messages delivered (what Exchange would have sent). */
  readonly delivered: ReceivedRequest[];
  /** The fault for each request; "ok" by default. */
  faults: (request: ReceivedRequest) => Fault;
  /** False: Sent Items answers 403 (no Mail.Read). */
  sentItemsReadable: boolean;
  /** Sent Items queries received. */
  readonly sentItemsQueries: string[];
  deliveredCount(reference: string): number;
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const requests: ReceivedRequest[] = [];
  const delivered: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const state: { faults: (request: ReceivedRequest) => Fault; sentItemsReadable: boolean } = { faults: () => ({ kind: "ok" }), sentItemsReadable: true };
  const sentItemsQueries: string[] = [];
  /** Sent Items: reference -> how many copies (set from the extended property, as Exchange stores it). */
  const propertyOf = (body: unknown): string | undefined =>
    (body as { message?: { singleValueExtendedProperties?: Array<{ id: string; value: string }> } } | undefined)?.message?.singleValueExtendedProperties?.find((p) => p.id.endsWith("Name RecouvreReference"))?.value;

  const answer = (res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: unknown) => {
    res.writeHead(status, { Connection: "close", ...(body !== undefined && { "Content-Type": "application/json" }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = undefined;
      }
      const headers = (body as { message?: { internetMessageHeaders?: Array<{ name: string; value: string }> } } | undefined)?.message?.internetMessageHeaders ?? [];
      const request: ReceivedRequest = {
        index: requests.length,
        url: req.url ?? "",
        method: req.method ?? "",
        ...(req.headers.authorization !== undefined && { authorization: req.headers.authorization }),
        ...(req.headers["content-type"] !== undefined && { contentType: req.headers["content-type"] }),
        body,
        ...(headers.find((h) => h.name === "X-Recouvre-Reference") && { reference: headers.find((h) => h.name === "X-Recouvre-Reference")!.value }),
      };
      if (req.method === "GET" && (req.url ?? "").startsWith("/v1.0/me/mailFolders/sentitems/messages?")) {
        const filter = new URL(req.url!, "http://127.0.0.1").searchParams.get("$filter") ?? "";
        sentItemsQueries.push(filter);
        if (!state.sentItemsReadable) return answer(res, 403, {}, { error: { code: "ErrorAccessDenied", message: "Access is denied." } });
        const match = /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '(String \{[0-9a-f-]+\} Name RecouvreReference)' and ep\/value eq '([^']*)'\)$/.exec(filter);
        if (!match) return answer(res, 400, {}, { error: { code: "BadRequest", message: "Invalid filter clause" } });
        const found = delivered.filter((d) => propertyOf(d.body) === match[2]);
        return answer(res, 200, {}, { value: found.slice(0, 1).map((d) => ({ id: `AAMk${d.index}`, sentDateTime: "2026-03-02T09:00:00Z" })) });
      }
      requests.push(request);
      if (req.method !== "POST" || req.url !== "/v1.0/me/sendMail") return answer(res, 404, {}, { error: { code: "NotFound", message: "no such route" } });
      if (!request.authorization?.startsWith("Bearer ")) return answer(res, 401, {}, { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } });

      const fault = state.faults(request);
      switch (fault.kind) {
        case "ok":
          delivered.push(request);
          return answer(res, 202);
        case "throttle":
          return answer(res, 429, fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {}, { error: { code: "ApplicationThrottled", message: "Too many requests" } });
        case "unavailable":
          return answer(res, 503, fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {}, { error: { code: "ServiceUnavailable", message: "Try later" } });
        case "serverError":
          delivered.push(request);
          return answer(res, 500, {}, { error: { code: "InternalServerError", message: "Something broke after sending" } });
        case "badRequest":
          return answer(res, 400, {}, { error: { code: "ErrorInvalidRecipients", message: "At least one recipient is not valid." } });
        case "unauthorized":
          return answer(res, 401, {}, { error: { code: "InvalidAuthenticationToken", message: "Lifetime validation failed, the token is expired." } });
        case "reset":
          req.socket.destroy();
          return;
        case "lost":
          delivered.push(request);
          req.socket.destroy();
          return;
        case "slow": {
          const timer = setTimeout(() => {
            timers.delete(timer);
            delivered.push(request);
            if (!res.destroyed && !req.socket.destroyed) answer(res, 202);
          }, fault.delayMs);
          timers.add(timer);
          return;
        }
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    delivered,
    get faults() {
      return state.faults;
    },
    get sentItemsReadable() {
      return state.sentItemsReadable;
    },
    set sentItemsReadable(value) {
      state.sentItemsReadable = value;
    },
    sentItemsQueries,
    set faults(value) {
      state.faults = value;
    },
    deliveredCount: (reference) => delivered.filter((request) => request.reference === reference).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** fetch that refuses any host but 127.0.0.1: the tests never leave the machine. */
export function localOnlyFetch(inner: typeof fetch = fetch): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname !== "127.0.0.1") throw new Error(`request to ${url.hostname} refused by the test`);
    return inner(input, init);
  };
}

/** Deterministic PRNG (mulberry32) for seeded random faults. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
