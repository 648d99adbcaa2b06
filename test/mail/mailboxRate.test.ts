/**
 * The 30-a-minute cap belongs to the mailbox: a batch stopped and resumed
 * at once, and panes taking turns or overlapping on one mailbox, never put
 * more than 30 requests in any 60 s window (virtual time, counted at the
 * Graph double).
 */
import { defaultContent } from "../../src/core/sending/defaultContent";
import type { MailSender } from "../../src/mail/graphSender";
import { runBatch } from "../../src/sending/runBatch";
import { newRuntimeId } from "../../src/sending/runtimeIdentity";
import { messagesFor } from "../core/sending/fixtures";
import { Scheduler, SharedWorkbook } from "../support/sharedWorkbook";
import { seeded } from "./fakeGraphServer";

jest.setTimeout(120_000);

function maxInWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 60_000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

test("stopped and resumed again and again, from four panes on one mailbox: never more than 30 requests in 60 s", async () => {
  const random = seeded(17);
  const scheduler = new Scheduler(Date.UTC(2026, 2, 2, 8));
  const workbook = new SharedWorkbook(scheduler, random, 15_000);
  const requests: number[] = [];
  const sender: MailSender = {
    async send(_mail, gate) {
      await gate?.acquire();
      requests.push(scheduler.now);
      return { status: "sent", attempts: 1, httpStatus: 202 };
    },
  };
  const messages = messagesFor(180);
  let finished = 0;
  const pane = async (index: number) => {
    const journal = workbook.open(`pane${index}`);
    // Each pane sends its own part of the batch and the next pane's: they compete for the mailbox and for some messages.
    const mine = [...messages.slice(index * 40, index * 40 + 60)];
    for (let run = 0; run < 30; run++) {
      // Each run is stopped after a few messages: a new run (new limiter in the old design) starts at once.
      let sent = 0;
      const stopAfter = 3 + Math.floor(random() * 12);
      const report = await runBatch(mine, {
        identity: { by: `Personne ${index}`, runtime: newRuntimeId(random), mailbox: "relances@acme.fr" },
        ...journal,
        compose: async (m) => defaultContent(m),
        transport: { kind: "graph", sender },
        clock: { now: () => scheduler.now },
        sleep: (ms) => scheduler.sleep(ms),
        onProgress: (p) => void (p.result.kind === "envoye" && sent++),
        shouldStop: () => sent >= stopAfter,
      });
      if (report.results.every((r) => r.kind === "envoye" || r.kind === "dejaEnvoye")) break;
    }
    finished++;
  };
  void Promise.all([0, 1, 2, 3].map(pane));
  await scheduler.drive(() => finished === 4);
  expect(requests.length).toBeGreaterThanOrEqual(180);
  expect(new Set(requests).size).toBeGreaterThan(0);
  expect(maxInWindow(requests)).toBeLessThanOrEqual(30);
  // The cap is used, not merely respected by sending nothing.
  expect(maxInWindow(requests)).toBeGreaterThanOrEqual(20);
});
