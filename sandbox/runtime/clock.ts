/**
 * The sandbox's one source of time. Everything that waits on the platform (queue delays,
 * offer timeouts, KVS TTLs, scheduled triggers, realtime token expiry) reads and schedules
 * through it, so tests move 20 minutes in milliseconds and `npm start` follows the wall clock.
 * The seam makes `Date` read it too (virtual-date.ts), so the SDKs' own checks (@forge/realtime
 * compares a token's `exp` with `Date.now()`) live in the same time as the services.
 */
export interface TimerHandle {
  readonly id: number;
  readonly at: number;
}

type Task = () => unknown;

interface Timer extends TimerHandle {
  task: Task;
  label: string;
}

export class SandboxClock {
  private current: number;
  private nextId = 1;
  private timers: Timer[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private running = false;

  constructor(start: number = defaultClockStart()) {
    if (!Number.isSafeInteger(start)) throw new RangeError(`the sandbox clock cannot start at ${start}`);
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Runs `task` once virtual time reaches `at` (at once on the next advance/settle if already due). */
  schedule(at: number, task: Task, label = 'timer'): TimerHandle {
    const timer: Timer = { id: this.nextId++, at: Math.max(at, this.current), task, label };
    // Keep the list ordered by due time, then by scheduling order, so equal times run FIFO.
    const index = this.timers.findIndex((t) => t.at > timer.at);
    if (index === -1) this.timers.push(timer);
    else this.timers.splice(index, 0, timer);
    return { id: timer.id, at: timer.at };
  }

  cancel(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Work started outside a timer (an HTTP call, a resolver) that settle() must wait for. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    const done = () => this.inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  }

  pendingTimers(): ReadonlyArray<{ at: number; label: string }> {
    return this.timers.map(({ at, label }) => ({ at, label }));
  }

  /** Moves time forward by `ms`, running every timer that falls due, in time order, and whatever they start. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    await this.runUntil(this.current + ms);
  }

  /** Returns once nothing is due now and no tracked work is in flight. Time does not move. */
  async settle(): Promise<void> {
    await this.runUntil(this.current);
  }

  private async runUntil(target: number): Promise<void> {
    if (this.running) throw new Error('the sandbox clock is already advancing; await the running advance first');
    this.running = true;
    try {
      for (;;) {
        await this.drainInFlight();
        const next = this.timers[0];
        if (!next || next.at > target) break;
        // Everything due at the same instant runs concurrently, as it would on the platform.
        const due = this.timers.filter((t) => t.at === next.at);
        this.timers = this.timers.filter((t) => t.at !== next.at);
        this.current = Math.max(this.current, next.at);
        for (const timer of due) this.track(Promise.resolve().then(timer.task));
      }
      this.current = Math.max(this.current, target);
    } finally {
      this.running = false;
    }
  }

  private async drainInFlight(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      // Let continuations that schedule more work run before checking again.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Where `SANDBOX_CLOCK_START` (an ISO date-time) moves every clock's start, for a whole run. */
export const CLOCK_START_VARIABLE = 'SANDBOX_CLOCK_START';

/**
 * Virtual time starts at the real now (to the whole second), so nothing depends on the day a test
 * was written. A run can start it elsewhere with SANDBOX_CLOCK_START (the suite checks a year
 * either way); a test that needs a calendar date passes its own start.
 */
export function defaultClockStart(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env[CLOCK_START_VARIABLE];
  if (configured) {
    const at = Date.parse(configured);
    if (Number.isNaN(at)) throw new RangeError(`${CLOCK_START_VARIABLE}=${configured} is not a date-time`);
    return at;
  }
  return Math.floor(realNow() / 1000) * 1000;
}

/** The machine's time, whatever Date the sandbox has installed (performance's clock is never virtual). */
export function realNow(): number {
  return Math.round(performance.timeOrigin + performance.now());
}
