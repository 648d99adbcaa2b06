/**
 * The real Graph sender against a local fake Graph server (127.0.0.1), with
 * faults. Time is virtual (injected clock and sleep) except the request
 * timeout, kept short.
 */
import { createGraphSender, GRAPH_BASE_URL, networkFailureIsBeforeSending, REFERENCE_PROPERTY_ID, sendMailBody, sendMailUrl, type GraphSenderOptions, type OutgoingMail } from "../../src/mail/graphSender";
import { backoffMs, retryAfterMs, SlidingWindowLimiter, VirtualClock } from "../../src/mail/timing";
import { localOnlyFetch, startFakeGraph, type Fault, type FakeGraph } from "./fakeGraphServer";

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.SECRET-TOKEN.zzz";

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph();
});
afterEach(async () => {
  await graph.close();
});

function mail(reference = "MAIL-2026-03-02-0123456789abcdef0123", extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return { reference, to: ["compta@dupont.fr", "dg@dupont.fr"], subject: "Relance 1 : 1 facture impayée", html: "<p>Bonjour &amp; merci</p>", ...extra };
}

function sender(clock = new VirtualClock(Date.now()), options: Partial<GraphSenderOptions> = {}) {
  const tokens: Array<{ forceRefresh?: boolean } | undefined> = [];
  const s = createGraphSender({
    baseUrl: graph.baseUrl,
    fetch: localOnlyFetch(),
    getToken: async (o) => {
      tokens.push(o);
      return o?.forceRefresh ? `${TOKEN}-fresh` : TOKEN;
    },
    clock,
    sleep: clock.sleep,
    random: () => 0.5,
    timeoutMs: 300,
    ...options,
  });
  return { send: s.send, clock, tokens };
}

function faultsInOrder(...faults: Fault[]) {
  return (request: { index: number }) => faults[request.index] ?? { kind: "ok" as const };
}

describe("the request", () => {
  test("POST /me/sendMail: JSON body, HTML content, recipients, attachments, saveToSentItems, bearer token", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00, 0x80]);
    const result = await sender().send(mail(undefined, { attachments: [{ filename: "Relance 3 - Dupont.pdf", contentType: "application/pdf", bytes: pdf }] }));
    expect(result).toEqual({ status: "sent", attempts: 1, httpStatus: 202 });
    expect(graph.requests).toHaveLength(1);
    const [request] = graph.requests;
    expect(request).toMatchObject({ method: "POST", url: "/v1.0/me/sendMail", authorization: `Bearer ${TOKEN}`, contentType: "application/json" });
    expect(request.body).toEqual({
      message: {
        subject: "Relance 1 : 1 facture impayée",
        body: { contentType: "HTML", content: "<p>Bonjour &amp; merci</p>" },
        toRecipients: [{ emailAddress: { address: "compta@dupont.fr" } }, { emailAddress: { address: "dg@dupont.fr" } }],
        internetMessageHeaders: [{ name: "X-Recouvre-Reference", value: "MAIL-2026-03-02-0123456789abcdef0123" }],
        singleValueExtendedProperties: [{ id: REFERENCE_PROPERTY_ID, value: "MAIL-2026-03-02-0123456789abcdef0123" }],
        attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "Relance 3 - Dupont.pdf", contentType: "application/pdf", contentBytes: Buffer.from(pdf).toString("base64") }],
      },
      saveToSentItems: true,
    });
  });

  test("no attachments key without attachments", () => {
    expect((sendMailBody(mail()) as { message: Record<string, unknown> }).message).not.toHaveProperty("attachments");
  });

  test("https only, except plain http to this machine", () => {
    expect(sendMailUrl(GRAPH_BASE_URL)).toBe("https://graph.microsoft.com/v1.0/me/sendMail");
    expect(sendMailUrl("http://127.0.0.1:1234/v1.0/")).toBe("http://127.0.0.1:1234/v1.0/me/sendMail");
    expect(() => sendMailUrl("http://graph.example.com/v1.0")).toThrow("https obligatoire");
    expect(() => sendMailUrl("pas une adresse")).toThrow("invalide");
  });

  test("a message too big for Graph fails before any request", async () => {
    const big = new Uint8Array(3_200_000);
    const result = await sender().send(mail(undefined, { attachments: [{ filename: "gros.pdf", contentType: "application/pdf", bytes: big }] }));
    expect(result).toMatchObject({ status: "failed", attempts: 0 });
    expect(graph.requests).toHaveLength(0);
  });
});

describe("retries only when nothing was sent", () => {
  test("429 with Retry-After in seconds: not sent, returned at once with the pause for the whole batch", async () => {
    graph.faults = faultsInOrder({ kind: "throttle", retryAfter: "7" });
    const s = sender();
    const result = await s.send(mail());
    expect(result).toMatchObject({ status: "throttled", attempts: 1, httpStatus: 429, pauseMs: 7000 });
    expect(s.clock.sleeps).toEqual([]);
    expect(graph.delivered).toHaveLength(0);
  });

  test("429 with Retry-After as an HTTP date", async () => {
    const clock = new VirtualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
    graph.faults = faultsInOrder({ kind: "throttle", retryAfter: new Date(clock.now() + 42_000).toUTCString() });
    const s = sender(clock);
    expect(await s.send(mail())).toMatchObject({ status: "throttled", pauseMs: 42_000 });
  });

  test("a long Retry-After is a pause of the mailbox, not a failure of the message", async () => {
    graph.faults = faultsInOrder({ kind: "throttle", retryAfter: "3600" });
    const result = await sender().send(mail());
    expect(result).toMatchObject({ status: "throttled", httpStatus: 429, pauseMs: 3_600_000 });
    expect(result.status === "throttled" && result.reason).toContain("limite d'envoi de Microsoft 365 atteinte");
  });

  test("503: Graph's documents do not rule out acceptance: unknown, with a pause", async () => {
    graph.faults = () => ({ kind: "unavailable" });
    const s = sender(undefined, { maxRetries: 4, baseDelayMs: 1000 });
    const result = await s.send(mail());
    expect(result).toMatchObject({ status: "unknown", attempts: 1, httpStatus: 503, pauseMs: 750 });
    expect(graph.requests).toHaveLength(1);
  });

  test("503 with Retry-After: the pause is the header's", async () => {
    graph.faults = faultsInOrder({ kind: "unavailable", retryAfter: "1" });
    expect(await sender().send(mail())).toMatchObject({ status: "unknown", pauseMs: 1000 });
  });


  test("backoff: grows, capped, jittered between half and all of the ceiling", () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 1000, 8000, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 1000, 8000, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  test("401: one retry with a fresh token", async () => {
    graph.faults = faultsInOrder({ kind: "unauthorized" });
    const s = sender();
    expect(await s.send(mail())).toMatchObject({ status: "sent", attempts: 2 });
    expect(s.tokens).toEqual([undefined, { forceRefresh: true }]);
    expect(graph.requests[1].authorization).toBe(`Bearer ${TOKEN}-fresh`);
  });

  test("401 twice: failed, asks to sign in again", async () => {
    graph.faults = () => ({ kind: "unauthorized" });
    const result = await sender().send(mail());
    expect(result).toMatchObject({ status: "failed", httpStatus: 401 });
    expect(graph.requests).toHaveLength(2);
  });

  test("connection refused: nothing left, so retried, then failed", async () => {
    await graph.close();
    const s = sender(undefined, { maxRetries: 2 });
    const result = await s.send(mail());
    expect(result.status).toBe("failed");
    expect(result.status === "failed" && result.reason).toContain("rien n'a été envoyé");
    expect(s.clock.sleeps).toHaveLength(2);
    graph = await startFakeGraph();
  });

  test("which network errors prove nothing was sent", () => {
    const undici = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });
    expect(networkFailureIsBeforeSending(undici("ECONNREFUSED"))).toBe(true);
    expect(networkFailureIsBeforeSending(undici("ENOTFOUND"))).toBe(true);
    expect(networkFailureIsBeforeSending(undici("ECONNRESET"))).toBe(false);
    expect(networkFailureIsBeforeSending(undici("UND_ERR_SOCKET"))).toBe(false);
    expect(networkFailureIsBeforeSending(new TypeError("Failed to fetch"))).toBe(false); // a browser says nothing more
  });
});

describe("never retried when it may have been sent: unknown", () => {
  test.each<[string, Fault, boolean]>([
    ["connection reset before the answer", { kind: "reset" }, false],
    ["response lost after delivery", { kind: "lost" }, true],
    ["answer slower than the timeout", { kind: "slow", delayMs: 1500 }, true],
    ["500 after delivery", { kind: "serverError" }, true],
  ])("%s", async (_, fault, delivered) => {
    graph.faults = faultsInOrder(fault);
    const s = sender();
    const result = await s.send(mail());
    expect(result.status).toBe("unknown");
    expect(result.status === "unknown" && result.reason).toContain("peut-être parti");
    expect(graph.requests).toHaveLength(1);
    if (fault.kind === "slow") await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(graph.delivered).toHaveLength(delivered ? 1 : 0);
  }, 10_000);

  test("400: failed at once with Graph's reason", async () => {
    graph.faults = faultsInOrder({ kind: "badRequest" });
    const result = await sender().send(mail());
    expect(result).toMatchObject({ status: "failed", httpStatus: 400, attempts: 1 });
    expect(result.status === "failed" && result.reason).toContain("ErrorInvalidRecipients : At least one recipient is not valid.");
  });

  test("token failure: failed, no request", async () => {
    const s = createGraphSender({ baseUrl: graph.baseUrl, fetch: localOnlyFetch(), getToken: () => Promise.reject(new Error("connexion annulée par l'utilisateur")) });
    expect(await s.send(mail())).toEqual({ status: "failed", attempts: 0, reason: "connexion à Microsoft 365 impossible : connexion annulée par l'utilisateur" });
    expect(graph.requests).toHaveLength(0);
  });
});

describe("throttling: at most 30 messages in any minute", () => {
  test("65 messages: every 60 s window holds at most 30 requests, and the batch is not slower than needed", async () => {
    const clock = new VirtualClock(0);
    const stamps: number[] = [];
    const s = createGraphSender({
      baseUrl: graph.baseUrl,
      fetch: (input, init) => {
        stamps.push(clock.now());
        clock.advance(200); // each request takes 200 ms
        return localOnlyFetch()(input, init);
      },
      getToken: async () => TOKEN,
      clock,
      sleep: clock.sleep,
    });
    for (let i = 0; i < 65; i++) expect((await s.send(mail(`MAIL-2026-03-02-${String(i).padStart(20, "0")}`))).status).toBe("sent");
    for (const start of stamps) expect(stamps.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(30);
    expect(stamps[30]).toBe(60_000);
    expect(stamps[60]).toBe(120_000);
    expect(graph.delivered).toHaveLength(65);
  });

  test("the limiter on its own", async () => {
    const clock = new VirtualClock(1000);
    const limiter = new SlidingWindowLimiter(2, 1000, clock, clock.sleep);
    await limiter.acquire();
    clock.advance(300);
    await limiter.acquire();
    expect(limiter.inWindow()).toBe(2);
    await limiter.acquire();
    expect(clock.now()).toBe(2000);
    expect(clock.sleeps).toEqual([700]);
  });

  test("Retry-After parsing", () => {
    expect(retryAfterMs("120", 0)).toBe(120_000);
    expect(retryAfterMs("1.5", 0)).toBe(1500);
    expect(retryAfterMs("Wed, 21 Oct 2026 07:28:00 GMT", Date.UTC(2026, 9, 21, 7, 27, 0))).toBe(60_000);
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", Date.UTC(2026, 0, 1))).toBe(0);
    expect(retryAfterMs("bientôt", 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});

describe("the token stays in memory", () => {
  test("no result, reason or console output ever holds it", async () => {
    const logged: unknown[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => jest.spyOn(console, method).mockImplementation((...args) => void logged.push(args)));
    try {
      const faults: Fault[] = [{ kind: "badRequest" }, { kind: "reset" }, { kind: "lost" }, { kind: "serverError" }, { kind: "unauthorized" }, { kind: "throttle", retryAfter: "99999" }];
      const results = [];
      for (const fault of faults) {
        graph.faults = () => fault;
        results.push(await sender().send(mail()));
      }
      const text = JSON.stringify(results);
      expect(text).not.toContain("SECRET-TOKEN");
      expect(JSON.stringify(logged)).not.toContain("SECRET-TOKEN");
      expect(logged).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
