/**
 * The sandbox's one source of time. Everything that waits on the platform (queue delays,
 * offer timeouts, KVS TTLs, scheduled triggers, realtime token expiry) reads and schedules
 * through it, so tests move 20 minutes in milliseconds and `npm start` follows the wall clock.
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

  constructor(start: number = Date.UTC(2026, 10, 23, 9, 0, 0)) {
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
