import type { SandboxClock } from './clock';

/**
 * Makes `Date.now()`, `new Date()` and `Date()` read the sandbox clock, so unmodified app and SDK
 * code (which reads the time as it would on Forge) lives in the same virtual time as queues,
 * timers and token expiry. The seam installs it with itself (ForgeSeam.install). Installs nest:
 * the latest clock is read until its restore function is called, then the one before it, and
 * with none left the real Date is back. Everything else (Date.UTC, Date.parse, instances) is the
 * real Date's.
 */
const REAL_DATE = Symbol.for('live-chat-sandbox.real-date');
const CLOCKS = Symbol.for('live-chat-sandbox.date-clocks');

interface DateGlobals {
  [REAL_DATE]?: DateConstructor;
  [CLOCKS]?: SandboxClock[];
}

export function installVirtualDate(clock: SandboxClock): () => void {
  const g = globalThis as typeof globalThis & DateGlobals;
  const RealDate = (g[REAL_DATE] ??= Date);
  const clocks = (g[CLOCKS] ??= []);
  clocks.push(clock);
  if (clocks.length === 1) globalThis.Date = virtualDate(RealDate, () => clocks[clocks.length - 1].now());
  return () => {
    const index = clocks.lastIndexOf(clock);
    if (index >= 0) clocks.splice(index, 1);
    if (clocks.length === 0) globalThis.Date = RealDate;
  };
}

function virtualDate(RealDate: DateConstructor, now: () => number): DateConstructor {
  return new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver))
  });
}
