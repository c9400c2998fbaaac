import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { ForgeSeam } from '../runtime/forge-seam';
import { runInInvocation } from '../runtime/invocation-context';
import { UsageMeter } from '../runtime/usage-meter';
import type { AsyncEventPayload } from './async-event';
import { createEventsService, type EventsService } from './events-service';

/**
 * What the events contract tests share: a seam with only the queue service on it, and a
 * stand-in app host whose `deliver` runs a swappable consumer in its own invocation and
 * records each delivery with the virtual time it arrived.
 */
export type Consumer = (event: AsyncEventPayload) => unknown;

export interface Delivery {
  at: number;
  queueKey: string;
  event: AsyncEventPayload;
}

export interface EventsHarness {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  seam: ForgeSeam;
  events: EventsService;
  deliveries: Delivery[];
  consumer: Consumer;
  /** Runs `fn` as a resolver invocation, the way app code would push. */
  asResolver<T>(fn: () => Promise<T>): Promise<T>;
}

export function eventsHarness(consumer: Consumer = () => undefined): EventsHarness {
  const clock = new SandboxClock();
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const seam = new ForgeSeam(clock);
  const harness = { clock, meter, faults, seam, deliveries: [] as Delivery[], consumer } as EventsHarness;
  harness.events = createEventsService({
    clock,
    meter,
    faults,
    deliver: (queueKey, event) =>
      runInInvocation(invocation('consumer', 'queue-consumer', clock.now(), 55_000), async () => {
        harness.deliveries.push({ at: clock.now(), queueKey, event });
        return harness.consumer(event);
      })
  });
  harness.events.register(seam);
  seam.install();
  harness.asResolver = (fn) => runInInvocation(invocation('resolver', 'live-chat-inbox', clock.now(), 25_000), fn);
  return harness;
}

function invocation(functionKey: string, moduleKey: string, startedAt: number, timeoutMs: number) {
  return { functionKey, moduleKey, accountId: undefined, startedAt, timeoutMs, license: undefined };
}
