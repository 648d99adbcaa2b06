/**
 * Time as the sender sees it: a clock and a sleep, injected so that the tests
 * run a minute of throttling in milliseconds. The sliding-window limiter
 * keeps at most `limit` requests in any `windowMs`.
 */

export interface Clock {
  /** Milliseconds (Date.now() in production). */
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };
export const systemSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A clock whose sleep moves time forward at once: for tests. */
export class VirtualClock implements Clock {
  private time: number;
  /** Every sleep asked for, in order. */
  readonly sleeps: number[] = [];
  constructor(start = 0) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += Math.max(0, ms);
  }
  readonly sleep: Sleep = async (ms) => {
    this.sleeps.push(ms);
    this.advance(ms);
  };
}

/** At most `limit` acquisitions in any window of `windowMs` (Exchange: 30 messages a minute). */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new Error("limite d'envoi invalide");
  }

  /** Waits until one more request fits in the window, then counts it. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.stamps.length > 0 && this.stamps[0] <= now - this.windowMs) this.stamps.shift();
      if (this.stamps.length < this.limit) {
        this.stamps.push(now);
        return;
      }
      await this.sleep(this.stamps[0] + this.windowMs - now);
    }
  }

  /** Requests counted in the current window (for tests and progress). */
  inWindow(): number {
    const now = this.clock.now();
    return this.stamps.filter((stamp) => stamp > now - this.windowMs).length;
  }
}

/**
 * Milliseconds to wait from a Retry-After header: seconds ("120") or an HTTP
 * date ("Wed, 21 Oct 2026 07:28:00 GMT"). Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^\d+\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with "equal jitter": for the n-th retry, half of
 * min(max, base * 2^(n-1)) plus a random part up to the other half, so that
 * clients that failed together do not retry together, and never at once.
 */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
