import type { SandboxClock } from './clock';

/**
 * Makes `Date.now()` and `new Date()` read the sandbox clock, so unmodified app code (which
 * reads the time as it would on Forge) lives in the same virtual time as queues and timers.
 * Returns a function that restores the real Date.
 */
export function installVirtualDate(clock: SandboxClock): () => void {
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return clock.now();
    }
  }
  globalThis.Date = VirtualDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
