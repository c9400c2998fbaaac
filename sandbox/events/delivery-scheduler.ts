import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import type { AsyncEventPayload, DeliverEvent, EventConcurrency } from './async-event';
import type { CyclicChains, PushChain } from './cyclic-chain';
import { MAX_RETENTION_MS, type EventRecord } from './job-ledger';
import { backoffMs, judge, type ConsumerOutcome } from './retry-policy';

/**
 * Hands queued events to the consumer on the sandbox clock: at least once, in no promised
 * order (events due at the same instant run concurrently), redelivering as retry-policy
 * says. Faults: `queue`/`drop` loses a delivery for good, `queue`/`duplicate` hands the same
 * event over twice, `consumer`/`die` fails an invocation after the consumer returned.
 */
export class DeliveryScheduler {
  private chainOf = new WeakMap<EventRecord, PushChain>();
  /** Concurrency counters are per installation and shared by every queue (Forge docs). */
  private inFlight = new Map<string, number>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly faults: FaultInjector,
    private readonly deliver: DeliverEvent,
    private readonly chains: CyclicChains
  ) {}

  enqueue(event: EventRecord, chain: PushChain): void {
    this.chainOf.set(event, chain);
    this.scheduleAt(event, event.enqueuedAt + (event.delayInSeconds ?? 0) * 1000);
  }

  /** Events not yet started never run; running ones finish but are not redelivered. */
  cancel(events: EventRecord[]): void {
    for (const event of events) {
      event.cancelled = true;
      if (event.status !== 'waiting') continue;
      event.status = 'cancelled';
      if (event.timer) this.clock.cancel(event.timer);
      event.timer = undefined;
    }
  }

  private scheduleAt(event: EventRecord, at: number): void {
    event.timer = this.clock.schedule(at, () => this.attempt(event), `queue ${event.queueName} ${event.eventId}`);
  }

  private async attempt(event: EventRecord): Promise<void> {
    event.timer = undefined;
    if (event.status !== 'waiting') return;
    if (event.concurrency && !this.takeSlot(event.concurrency)) {
      // The function is never invoked, so this is neither a retry nor a reason to extend retention.
      this.retryLater(event, backoffMs(event.backoffs++));
      return;
    }
    const fault = this.faults.take('queue', event.queueName);
    if (fault?.kind === 'drop') {
      this.releaseSlot(event.concurrency);
      event.status = 'lost';
      return;
    }
    event.status = 'running';
    const payload = this.payloadOf(event);
    // A duplicate runs beside the real delivery; the platform only listens to the first.
    if (fault?.kind === 'duplicate') void this.clock.track(this.invoke(event, structuredClone(payload)));
    let outcome: ConsumerOutcome;
    try {
      outcome = await this.invoke(event, payload);
    } finally {
      this.releaseSlot(event.concurrency);
    }
    if (outcome.kind === 'returned' && this.faults.take('consumer', event.queueName)?.kind === 'die') outcome = { kind: 'died' };
    this.settle(event, outcome);
  }

  private async invoke(event: EventRecord, payload: AsyncEventPayload): Promise<ConsumerOutcome> {
    event.deliveries += 1;
    const chain = this.chainOf.get(event);
    try {
      const run = () => this.deliver(event.queueName, payload);
      return { kind: 'returned', value: await (chain ? this.chains.within(chain, run) : run()) };
    } catch (error) {
      return { kind: 'threw', error };
    }
  }

  private settle(event: EventRecord, outcome: ConsumerOutcome): void {
    const verdict = judge(outcome);
    if (verdict.kind === 'acknowledge') {
      event.status = 'succeeded';
      return;
    }
    if (verdict.kind === 'refuse') {
      this.fail(event, verdict.reason);
      return;
    }
    if (event.cancelled) {
      event.status = 'cancelled';
      return;
    }
    const delay = verdict.retryAfterSeconds !== undefined ? verdict.retryAfterSeconds * 1000 : backoffMs(event.backoffs++);
    if (verdict.platformLevel) {
      event.retentionEndsAt = Math.min(event.enqueuedAt + MAX_RETENTION_MS, event.retentionEndsAt + delay);
    }
    this.retryLater(event, delay, {
      retryCount: (event.retryContext?.retryCount ?? 0) + (verdict.countsAsRetry ? 1 : 0),
      retryReason: verdict.reason,
      retryData: verdict.retryData
    });
  }

  /** `retryContext` replaces the event's when given: a busy concurrency key keeps the old one. */
  private retryLater(event: EventRecord, delayMs: number, retryContext?: EventRecord['retryContext']): void {
    const at = this.clock.now() + delayMs;
    if (at >= event.retentionEndsAt) {
      this.fail(event, `the retention window closed after ${event.deliveries} deliveries`);
      return;
    }
    if (retryContext) event.retryContext = retryContext;
    event.status = 'waiting';
    this.scheduleAt(event, at);
  }

  private fail(event: EventRecord, reason: string): void {
    event.status = 'failed';
    event.failureReason = reason;
  }

  private payloadOf(event: EventRecord): AsyncEventPayload {
    const { queueName, jobId, eventId, body, delayInSeconds, concurrency, retryContext } = event;
    const payload: AsyncEventPayload = { queueName, jobId, eventId, body };
    if (delayInSeconds !== undefined) payload.delayInSeconds = delayInSeconds;
    if (concurrency) payload.concurrency = concurrency;
    if (retryContext) {
      payload.retryContext = {
        ...retryContext,
        retentionWindow: {
          startTime: new Date(event.enqueuedAt).toISOString(),
          remainingTimeMs: event.retentionEndsAt - this.clock.now()
        }
      };
    }
    // The consumer gets its own copy, as it would after the platform's serialisation.
    return structuredClone(payload);
  }

  private takeSlot(concurrency: EventConcurrency): boolean {
    const running = this.inFlight.get(concurrency.key) ?? 0;
    if (running >= concurrency.limit) return false;
    this.inFlight.set(concurrency.key, running + 1);
    return true;
  }

  private releaseSlot(concurrency: EventConcurrency | undefined): void {
    if (!concurrency) return;
    this.inFlight.set(concurrency.key, Math.max(0, (this.inFlight.get(concurrency.key) ?? 1) - 1));
  }
}
