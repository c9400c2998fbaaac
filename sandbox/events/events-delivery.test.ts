import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { InvocationFailure } from './async-event';
import { eventsHarness } from './events-test-harness';

// Redelivery, retention and fault behaviour, driven through the real SDK and the virtual clock.
const DAY_MS = 24 * 60 * 60 * 1000;

async function pushOne(h: ReturnType<typeof eventsHarness>, body: Record<string, unknown> = { id: 'e1' }, key = 'work') {
  return h.asResolver(() => new Queue({ key }).push({ body }));
}

describe('redelivery', () => {
  it('redelivers after the InvocationError retryAfter, with retryContext counting retries', async () => {
    const h = eventsHarness(
      () => new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { page: 2 } })
    );
    const start = h.clock.now();
    await pushOne(h);
    await h.clock.settle();
    await h.clock.advance(29_999);
    expect(h.deliveries).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.deliveries).toHaveLength(2);
    expect(h.deliveries[1].at).toBe(start + 30_000);
    expect(h.deliveries[1].event.retryContext).toEqual({
      retryCount: 1,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { page: 2 },
      retentionWindow: { startTime: new Date(start).toISOString(), remainingTimeMs: DAY_MS - 30_000 }
    });
    h.consumer = () => undefined;
    await h.clock.advance(30_000);
    expect(h.deliveries.map((d) => d.event.retryContext?.retryCount)).toEqual([undefined, 1, 2]);
    expect(h.deliveries.every((d) => d.event.eventId === h.deliveries[0].event.eventId)).toBe(true);
    expect(h.events.pending()).toBe(0);
  });

  it('lowers a retryAfter above 900 seconds to 900', async () => {
    const h = eventsHarness(() => new InvocationError({ retryAfter: 3600, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }));
    const start = h.clock.now();
    await pushOne(h);
    await h.clock.advance(900_000);
    expect(h.deliveries.map((d) => d.at - start)).toEqual([0, 900_000]);
  });

  it('retries a thrown error with exponential backoff and counts it as a retry', async () => {
    const h = eventsHarness(() => {
      throw new Error('boom');
    });
    const start = h.clock.now();
    await pushOne(h);
    await h.clock.advance(15_000 + 30_000 + 60_000);
    expect(h.deliveries.map((d) => d.at - start)).toEqual([0, 15_000, 45_000, 105_000]);
    expect(h.deliveries[3].event.retryContext).toMatchObject({ retryCount: 3, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
  });

  it('gives an always-failing event up when the 24 h retention window closes', async () => {
    const h = eventsHarness(() => new InvocationError({ retryAfter: 900, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }));
    const queue = new Queue({ key: 'work' });
    const { jobId } = await h.asResolver(() => queue.push({ body: {} }));
    await h.clock.advance(DAY_MS + 60 * 60 * 1000);
    expect(h.deliveries).toHaveLength(96); // one attempt every 15 minutes for 24 hours
    expect(h.events.pending()).toBe(0);
    expect(await h.asResolver(() => queue.getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 1 });
    expect(h.events.jobs()[0].events[0]).toMatchObject({ status: 'failed', retryCount: 95 });
  });

  it('refuses a retry whose retryData is over 4 KB', async () => {
    const h = eventsHarness(
      () =>
        new InvocationError({
          retryAfter: 5,
          retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
          retryData: { blob: 'x'.repeat(5000) }
        })
    );
    const { jobId } = await pushOne(h);
    await h.clock.advance(60_000);
    expect(h.deliveries).toHaveLength(1);
    expect(await h.asResolver(() => new Queue({ key: 'work' }).getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('does not count a platform-level failure as a retry', async () => {
    const h = eventsHarness(() => Promise.reject(new InvocationFailure('FUNCTION_PLATFORM_UNKNOWN_ERROR')));
    await pushOne(h);
    await h.clock.advance(15_000);
    expect(h.deliveries[1].event.retryContext).toMatchObject({ retryCount: 0, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
  });

  it('does not redeliver a cancelled job that was waiting for a retry', async () => {
    const h = eventsHarness(() => new InvocationError({ retryAfter: 10, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }));
    const queue = new Queue({ key: 'work' });
    const { jobId } = await h.asResolver(() => queue.push({ body: {} }));
    await h.clock.settle();
    await h.asResolver(() => queue.cancel(jobId));
    await h.clock.advance(60_000);
    expect(h.deliveries).toHaveLength(1);
  });
});

describe('faults', () => {
  it('duplicate: the consumer receives the same event twice', async () => {
    const h = eventsHarness();
    h.faults.set([{ target: 'queue', kind: 'duplicate', times: 1 }]);
    await pushOne(h);
    await h.clock.settle();
    expect(h.deliveries).toHaveLength(2);
    expect(h.deliveries[0].event).toEqual(h.deliveries[1].event);
    expect(h.events.pending()).toBe(0);
  });

  it('drop: the event never arrives and the platform still thinks it is in progress', async () => {
    const h = eventsHarness();
    h.faults.set([{ target: 'queue', kind: 'drop', match: 'work', times: 1 }]);
    const { jobId } = await pushOne(h);
    await h.clock.advance(DAY_MS * 2);
    expect(h.deliveries).toHaveLength(0);
    expect(h.events.pending()).toBe(0);
    expect(await h.asResolver(() => new Queue({ key: 'work' }).getStats(jobId))).toEqual({ success: 0, inProgress: 1, failed: 0 });
  });

  it('die: the consumer ran, the invocation failed, and the event comes back', async () => {
    const h = eventsHarness();
    h.faults.set([{ target: 'consumer', kind: 'die', times: 1 }]);
    await pushOne(h);
    await h.clock.advance(15_000);
    expect(h.deliveries).toHaveLength(2);
    expect(h.deliveries[1].event.retryContext).toMatchObject({ retryCount: 0, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
    expect(h.events.pending()).toBe(0);
  });
});

describe('concurrency', () => {
  async function peakConcurrency(concurrency?: { key: string; limit: number }) {
    let active = 0;
    let peak = 0;
    const h = eventsHarness(async () => {
      active += 1;
      peak = Math.max(peak, active);
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      active -= 1;
    });
    const events = [{ body: { n: 1 } }, { body: { n: 2 } }].map((e) => (concurrency ? { ...e, concurrency } : e));
    await h.asResolver(() => new Queue({ key: 'a' }).push(events));
    await h.clock.advance(60_000);
    return { peak, h };
  }

  it('runs events without a concurrency setting side by side', async () => {
    expect((await peakConcurrency()).peak).toBe(2);
  });

  it('runs at most `limit` events of one key at a time, backing the others off', async () => {
    const { peak, h } = await peakConcurrency({ key: 'jira', limit: 1 });
    expect(peak).toBe(1);
    expect(h.deliveries).toHaveLength(2);
    expect(h.deliveries[1].at - h.deliveries[0].at).toBe(15_000);
    expect(h.deliveries[1].event).not.toHaveProperty('retryContext'); // never invoked, so not a retry
  });
});
