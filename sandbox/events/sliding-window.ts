/**
 * A per-installation rate limit over a sliding window of virtual time. Forge states its
 * limits as "N per minute" or "N per second" without naming the window type; a sliding
 * window is the strictest reading, so an app that passes here also passes on Forge.
 * Shared by the queue (500 events/min), realtime (50 ops/s) and LLM (100 requests/min).
 */
export class SlidingWindow {
  private entries: Array<{ at: number; amount: number }> = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {}

  /** Counts `amount` units at `now` if they fit under the limit; returns false (and counts nothing) if not. */
  admit(now: number, amount = 1): boolean {
    this.prune(now);
    if (this.used(now) + amount > this.limit) return false;
    this.entries.push({ at: now, amount });
    return true;
  }

  /** Units counted in the window that ends at `now`. */
  used(now: number): number {
    this.prune(now);
    return this.entries.reduce((sum, entry) => sum + entry.amount, 0);
  }

  /** Milliseconds until the oldest counted unit leaves the window (0 when nothing is counted). */
  msUntilRoom(now: number): number {
    this.prune(now);
    const oldest = this.entries[0];
    return oldest ? oldest.at + this.windowMs - now : 0;
  }

  private prune(now: number): void {
    const from = now - this.windowMs;
    while (this.entries.length > 0 && this.entries[0].at <= from) this.entries.shift();
  }
}
