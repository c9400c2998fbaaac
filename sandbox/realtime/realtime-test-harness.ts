import { randomUUID } from 'node:crypto';
import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { ForgeSeam } from '../runtime/forge-seam';
import { runInInvocation } from '../runtime/invocation-context';
import { UsageMeter } from '../runtime/usage-meter';
import type { RealtimeEvent } from './channel-hub';
import type { RealtimeContext } from './channel-scope';
import { createRealtimeService, type RealtimeService, type SubscribeRequest } from './realtime-service';

/**
 * What the realtime contract tests share: a seam with only the realtime service on it, a
 * stand-in app host that knows each invocation's extension context, and subscribers that
 * collect what they receive.
 */
export interface RealtimeHarness {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  realtime: RealtimeService;
  /** Runs `fn` as an invocation of `context.moduleKey` on the page `context.extension`. */
  onPage<T>(context: RealtimeContext, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` as a queue consumer: no Atlassian app context. */
  asConsumer<T>(fn: () => Promise<T>): Promise<T>;
  /** Subscribes and returns the list the received payloads (parsed) are appended to. */
  listen(request: SubscribeRequest): unknown[];
}

export function realtimeHarness(): RealtimeHarness {
  const clock = new SandboxClock();
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const seam = new ForgeSeam(clock);
  const extensions = new Map<string, Record<string, unknown>>();
  const realtime = createRealtimeService({
    clock,
    meter,
    faults,
    contextOf: (invocation) => {
      const extension = extensions.get(invocation.invocationId);
      return extension ? { moduleKey: invocation.moduleKey, extension } : undefined;
    }
  });
  realtime.register(seam);
  seam.install();
  const run = <T>(moduleKey: string, extension: Record<string, unknown> | undefined, fn: () => Promise<T>) => {
    const invocationId = randomUUID();
    if (extension) extensions.set(invocationId, extension);
    return runInInvocation(
      { invocationId, functionKey: 'fn', moduleKey, startedAt: clock.now(), timeoutMs: 25_000, license: undefined },
      fn
    );
  };
  return {
    clock,
    meter,
    faults,
    realtime,
    onPage: (context, fn) => run(context.moduleKey, context.extension, fn),
    asConsumer: (fn) => run('queue-consumer', undefined, fn),
    listen(request) {
      const received: unknown[] = [];
      realtime.subscribe(request, (event: RealtimeEvent) => received.push(JSON.parse(event.payload)));
      return received;
    }
  };
}
