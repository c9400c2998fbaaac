import type { SandboxClock } from '../runtime/clock';

/**
 * Under `npm start` virtual time follows the wall clock: every tick advances the sandbox clock
 * by the real time elapsed, so timeouts fire as they would on Forge. Explicit advances from the
 * scripting API (`POST /api/clock/advance`) jump ahead through the same queue, never concurrently.
 */
export class ClockDriver {
  private chain: Promise<void> = Promise.resolve();
  private lastWall = performance.now();
  private interval: NodeJS.Timeout | undefined;

  constructor(private clock: SandboxClock) {}

  start(everyMs = 100): void {
    // performance.now(): monotonic, and untouched by the virtual Date the sandbox installs.
    this.lastWall = performance.now();
    this.interval = setInterval(() => {
      // Whole milliseconds, carrying the remainder, so virtual time stays an integer epoch.
      const elapsed = Math.max(0, Math.floor(performance.now() - this.lastWall));
      this.lastWall += elapsed;
      void this.advance(elapsed).catch(() => undefined);
    }, everyMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
  }

  /** Switches to another clock (after a reset). */
  use(clock: SandboxClock): void {
    this.clock = clock;
  }

  advance(ms: number): Promise<void> {
    const run = this.chain.then(() => this.clock.advance(ms));
    this.chain = run.catch(() => undefined);
    return run;
  }

  settle(): Promise<void> {
    const run = this.chain.then(() => this.clock.settle());
    this.chain = run.catch(() => undefined);
    return run;
  }
}
