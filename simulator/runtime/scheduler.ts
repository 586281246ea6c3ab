/**
 * Simulated time. Nothing in the simulator reads the wall clock: `sleep`, timeouts, restart
 * back-off and "Up 2 minutes" all come from here. The driver (runUntil) alternates between
 * letting every runnable task run and moving the clock to the next timer, so a `sleep 300`
 * costs no real time in tests, while the browser can choose to let time pass in real time.
 */
export interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

/** How the simulator gives the event loop a turn: supplied by the platform (browser or Node). */
export type YieldFn = () => Promise<void>;

export function defaultYield(): Promise<void> {
  const g = globalThis as unknown as {
    setImmediate?: (f: () => void) => void;
    setTimeout: (f: () => void, ms: number) => void;
    MessageChannel?: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
  };
  if (g.setImmediate) return new Promise((r) => g.setImmediate!(r));
  if (g.MessageChannel) {
    return new Promise((r) => {
      const ch = new g.MessageChannel!();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    });
  }
  return new Promise((r) => g.setTimeout(r, 0));
}

export interface RunOptions {
  /**
   * Wait real time before moving the clock (the browser's foreground commands). Resolves with
   * the milliseconds actually waited: less than asked when something (Ctrl-C) cut the wait short.
   */
  realTime?: (ms: number) => Promise<number>;
  /** Give up when simulated time passes this point (ms since epoch). */
  deadline?: number;
  /** Called when nothing at all is scheduled: wait for outside input instead of failing. */
  idle?: () => Promise<void>;
}

export class Scheduler {
  now: number;
  private timers: Timer[] = [];
  private seq = 0;
  /** Called while waiting for work: lets an outside party (Ctrl-C, a check) interrupt. */
  /**
   * The platform's wall clock (ms), when it wants long work cut into slices: the browser passes
   * performance.now so that no main-thread task runs much past SLICE_MS. Simulated time is not
   * affected; tests leave it out and run each command in one go.
   */
  wallClock: (() => number) | null = null;
  static readonly SLICE_MS = 12;
  private sliceStart = 0;
  /** Tasks waiting in breathe() for their event-loop turn: runnable work, not a deadlock. */
  private breathing = 0;

  constructor(
    start: number,
    readonly yieldToLoop: YieldFn = defaultYield,
  ) {
    this.now = start;
  }

  /** Give the event loop a turn if this slice of work has run long enough (see wallClock). */
  async breathe(): Promise<void> {
    const clock = this.wallClock;
    if (!clock) return;
    const t = clock();
    if (t - this.sliceStart < Scheduler.SLICE_MS) return;
    this.breathing++;
    try {
      await this.yieldToLoop();
    } finally {
      this.breathing--;
    }
    this.sliceStart = clock();
  }

  /** Run `fire` when the clock reaches now + ms. Returns a cancel function. */
  at(ms: number, fire: () => void): () => void {
    const t: Timer = { at: this.now + Math.max(0, ms), seq: this.seq++, fire, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((r) => this.at(ms, r));
  }

  private nextTimer(): Timer | null {
    this.timers = this.timers.filter((t) => !t.cancelled);
    let best: Timer | null = null;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }

  /** Advance the clock to the next timer and fire every timer due then. False when none is left. */
  step(limit = Infinity): boolean {
    const t = this.nextTimer();
    if (!t || t.at > limit) return false;
    if (t.at > this.now) this.now = t.at;
    const due = this.timers.filter((x) => !x.cancelled && x.at <= this.now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = this.timers.filter((x) => !due.includes(x));
    for (const x of due) x.fire();
    return true;
  }

  /** Time until the next timer, or null. */
  nextDelay(): number | null {
    const t = this.nextTimer();
    return t ? Math.max(0, t.at - this.now) : null;
  }

  /**
   * Drive the simulation until `done` settles: drain runnable work, then move the clock to the
   * next timer, until the promise has settled. Throws if nothing can make progress any more.
   */
  async runUntil<T>(done: Promise<T>, opts: RunOptions = {}): Promise<T> {
    let settled = false;
    let value: T | undefined;
    let error: unknown;
    let failed = false;
    done.then(
      (v) => {
        settled = true;
        value = v;
      },
      (e) => {
        settled = true;
        failed = true;
        error = e;
      },
    );
    for (;;) {
      await this.yieldToLoop();
      if (settled) break;
      if (this.breathing > 0) continue;
      const d = this.nextDelay();
      if (d === null) {
        if (!opts.idle) throw new Error("simulation deadlock: nothing left to run");
        await opts.idle();
        continue;
      }
      if (opts.deadline !== undefined && this.now + d > opts.deadline) throw new Error("simulation deadline passed");
      if (opts.realTime && d > 0) {
        const waited = await opts.realTime(d);
        if (waited < d) {
          this.now += Math.max(0, waited);
          continue;
        }
      }
      this.step();
    }
    if (failed) throw error;
    return value as T;
  }
}
