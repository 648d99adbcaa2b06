/**
 * A shared workbook in memory for fault-injection tests: several runtimes
 * (panes, people) append to one journal; each sees its own rows at once and
 * the others' after a random delay up to `maxDelayMs` (co-authoring), so the
 * rows of two runtimes reach each a third in either order. One runtime's
 * rows arrive in the order it wrote them. Time is virtual: `Scheduler`
 * advances it to the next timer when every runtime waits, so a test of
 * hours of sending runs in milliseconds and never measures real time.
 */
import type { JournalEntry } from "../../src/core/escalation/journal";

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

export class Scheduler {
  now: number;
  private timers: Timer[] = [];
  private seq = 0;
  constructor(start: number) {
    this.now = start;
  }
  at(delayMs: number, fire: () => void): void {
    this.timers.push({ at: this.now + Math.max(0, delayMs), seq: this.seq++, fire });
  }
  sleep(ms: number, alive: () => boolean = () => true): Promise<void> {
    return new Promise((resolve) => this.at(ms, () => alive() && resolve()));
  }
  /** Runs until `done()` or no timer is left; microtasks settle between timers. */
  async drive(done: () => boolean, maxTimers = 5_000_000): Promise<void> {
    for (let i = 0; i < maxTimers; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done() || this.timers.length === 0) return;
      let next = 0;
      for (let k = 1; k < this.timers.length; k++) {
        const a = this.timers[k];
        const b = this.timers[next];
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = k;
      }
      const [timer] = this.timers.splice(next, 1);
      this.now = Math.max(this.now, timer.at);
      timer.fire();
    }
    throw new Error("simulation did not settle");
  }
}

export interface SyncFaults {
  /** Probability that an append fails before anything is written. */
  readonly failBefore: number;
  /** Probability that an append is written, then reported as failed (sync lost the answer). */
  readonly failAfter: number;
}

export class SharedWorkbook {
  /** Every row ever written, in write order (the workbook once everyone has synced). */
  readonly all: JournalEntry[] = [];
  private readonly views = new Map<string, JournalEntry[]>();
  private readonly lastArrival = new Map<string, number>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly random: () => number,
    private readonly maxDelayMs: number,
    private readonly faults: SyncFaults = { failBefore: 0, failAfter: 0 },
  ) {}

  /** A pane opening the workbook: it sees what had reached its machine (here: everything written). */
  open(viewer: string): { loadJournal(): Promise<readonly JournalEntry[]>; append(entries: readonly JournalEntry[]): Promise<void> } {
    if (!this.views.has(viewer)) this.views.set(viewer, [...this.all]);
    const view = this.views.get(viewer)!;
    return {
      loadJournal: async () => [...view],
      append: async (entries) => {
        if (this.random() < this.faults.failBefore) throw new Error("synchronisation du classeur impossible");
        this.write(viewer, entries);
        if (this.random() < this.faults.failAfter) throw new Error("synchronisation du classeur interrompue");
      },
    };
  }

  private write(from: string, entries: readonly JournalEntry[]): void {
    this.all.push(...entries);
    this.views.get(from)!.push(...entries);
    for (const [viewer, view] of this.views) {
      if (viewer === from) continue;
      const key = `${from}>${viewer}`;
      const arrival = Math.max(this.lastArrival.get(key) ?? 0, this.scheduler.now + this.random() * this.maxDelayMs);
      this.lastArrival.set(key, arrival);
      const copy = [...entries];
      this.scheduler.at(arrival - this.scheduler.now, () => view.push(...copy));
    }
  }
}
