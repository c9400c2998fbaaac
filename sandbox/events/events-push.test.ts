import {
  InvalidPushSettingsError,
  InvalidQueueNameError,
  InvocationLimitReachedError,
  JobDoesNotExistError,
  PartialSuccessError,
  PayloadTooBigError,
  Queue,
  RateLimitError,
  TooManyEventsError
} from '@forge/events';
import { eventsHarness } from './events-test-harness';

// Contract tests: the real @forge/events SDK against the sandbox's queue service.
const stargate = { type: 'fpp', provider: 'app', remote: 'stargate' };
const PUSH_PATH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';

describe('Queue.push against the sandbox', () => {
  it('delivers the AsyncEvent shape a consumer gets on Forge', async () => {
    const h = eventsHarness();
    const { jobId } = await h.asResolver(() => new Queue({ key: 'routing' }).push({ body: { conversationId: 'c1' } }));
    expect(h.deliveries).toHaveLength(0); // delivery is asynchronous
    await h.clock.settle();
    expect(h.deliveries).toHaveLength(1);
    const { event, queueKey } = h.deliveries[0];
    expect(queueKey).toBe('routing');
    expect(event).toEqual({ queueName: 'routing', jobId, eventId: expect.any(String), body: { conversationId: 'c1' } });
    expect(event).not.toHaveProperty('retryContext');
    expect(event).not.toHaveProperty('payload');
    expect(h.meter.snapshot()['queue.events']).toBe(1);
    expect(h.events.pending()).toBe(0);
  });

  it('fires a delayed event at exactly delayInSeconds of virtual time', async () => {
    const h = eventsHarness();
    const start = h.clock.now();
    await h.asResolver(() => new Queue({ key: 'timers' }).push({ body: { kind: 'offer-timeout' }, delayInSeconds: 120 }));
    await h.clock.advance(119_999);
    expect(h.deliveries).toHaveLength(0);
    expect(h.events.pending()).toBe(1);
    await h.clock.advance(1);
    expect(h.deliveries.map((d) => d.at)).toEqual([start + 120_000]);
  });

  it('refuses more than 50 events in one push, in the SDK and on the platform', async () => {
    const h = eventsHarness();
    const events = Array.from({ length: 51 }, (_, i) => ({ body: { i } }));
    await expect(h.asResolver(() => new Queue({ key: 'q' }).push(events))).rejects.toBeInstanceOf(TooManyEventsError);
    const response = await h.asResolver(() =>
      h.seam.fetch(stargate, PUSH_PATH, { method: 'POST', body: JSON.stringify({ queueName: 'q', jobId: 'j', payload: events }) })
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'This push contains more than the 50 events allowed.' });
    await expect(h.asResolver(() => new Queue({ key: 'q' }).push(events.slice(0, 50)))).resolves.toHaveProperty('jobId');
  });

  it('refuses a combined payload over 200 KB with PayloadTooBigError', async () => {
    const h = eventsHarness();
    const big = [{ body: { text: 'x'.repeat(205 * 1024) } }];
    await expect(h.asResolver(() => new Queue({ key: 'q' }).push(big))).rejects.toBeInstanceOf(PayloadTooBigError);
    const response = await h.asResolver(() =>
      h.seam.fetch(stargate, PUSH_PATH, { method: 'POST', body: JSON.stringify({ queueName: 'q', jobId: 'j', payload: big }) })
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errorMessage: 'The maximum payload size is 200KB.' });
  });

  it('refuses delayInSeconds outside 0..900', async () => {
    const h = eventsHarness();
    await expect(h.asResolver(() => new Queue({ key: 'q' }).push({ body: {}, delayInSeconds: 901 }))).rejects.toBeInstanceOf(
      InvalidPushSettingsError
    );
    const payload = [
      { body: {}, delayInSeconds: 901 },
      { body: { ok: true }, delayInSeconds: 900 }
    ];
    const response = await h.asResolver(() =>
      h.seam.fetch(stargate, PUSH_PATH, { method: 'POST', body: JSON.stringify({ queueName: 'q', jobId: 'j', payload }) })
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      failedEvents: [{ index: 0, errorMessage: 'The delayInSeconds setting must be between 0 and 900.' }]
    });
    await h.clock.advance(900_000);
    expect(h.deliveries.map((d) => d.event.body)).toEqual([{ ok: true }]);
  });

  it('reports a bad concurrency setting as a PartialSuccessError and keeps the good events', async () => {
    const h = eventsHarness();
    const bad = { body: { n: 1 }, concurrency: { key: '', limit: 0 } };
    const error = await h.asResolver(() => new Queue({ key: 'q' }).push([bad, { body: { n: 2 } }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialSuccessError);
    expect((error as PartialSuccessError).failedEvents).toEqual([{ errorMessage: expect.stringContaining('concurrency'), payload: bad }]);
    await h.clock.settle();
    expect(h.deliveries.map((d) => d.event.body)).toEqual([{ n: 2 }]);
  });

  it('checks the queue name as the platform does', async () => {
    const h = eventsHarness();
    expect(() => new Queue({ key: 'has space' })).toThrow(InvalidQueueNameError);
    const response = await h.asResolver(() =>
      h.seam.fetch(stargate, PUSH_PATH, { method: 'POST', body: JSON.stringify({ queueName: 'a/b', jobId: 'j', payload: [{ body: {} }] }) })
    );
    expect(response.status).toBe(400);
  });

  it('allows 500 events per minute per installation, then answers RateLimitError until the minute passes', async () => {
    const h = eventsHarness();
    const fifty = Array.from({ length: 50 }, (_, i) => ({ body: { i } }));
    const queue = new Queue({ key: 'bulk' });
    for (let i = 0; i < 10; i += 1) await h.asResolver(() => queue.push(fifty));
    await expect(h.asResolver(() => queue.push({ body: {} }))).rejects.toBeInstanceOf(RateLimitError);
    await h.clock.advance(59_999);
    await expect(h.asResolver(() => queue.push({ body: {} }))).rejects.toBeInstanceOf(RateLimitError);
    await h.clock.advance(1);
    await expect(h.asResolver(() => queue.push({ body: {} }))).resolves.toHaveProperty('jobId');
    expect(h.meter.snapshot()['queue.events']).toBe(501);
  });

  it('stops a push chain at 1000 push requests from one origin with InvocationLimitReachedError', async () => {
    let limitError: unknown;
    const queue = new Queue({ key: 'chain' });
    const h = eventsHarness(async (event) => {
      try {
        await queue.push({ body: { hop: (event.body.hop as number) + 1 }, delayInSeconds: 1 });
      } catch (error) {
        limitError = error;
      }
    });
    await h.asResolver(() => queue.push({ body: { hop: 1 } }));
    await h.clock.advance(1_100 * 1000);
    expect(limitError).toBeInstanceOf(InvocationLimitReachedError);
    expect(h.deliveries).toHaveLength(1000);
    // Another invocation starts its own chain.
    await expect(h.asResolver(() => queue.push({ body: { hop: 0 } }))).resolves.toHaveProperty('jobId');
  });
});

describe('job stats and cancel', () => {
  it('counts a job as in progress, then successful', async () => {
    const h = eventsHarness();
    const queue = new Queue({ key: 'q' });
    const { jobId } = await h.asResolver(() => queue.push([{ body: { a: 1 } }, { body: { a: 2 }, delayInSeconds: 60 }]));
    await h.clock.settle();
    expect(await h.asResolver(() => queue.getStats(jobId))).toEqual({ success: 1, inProgress: 1, failed: 0 });
    await h.clock.advance(60_000);
    expect(await h.asResolver(() => queue.getJob(jobId).getStats())).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('cancel stops events that have not started', async () => {
    const h = eventsHarness();
    const queue = new Queue({ key: 'q' });
    const { jobId } = await h.asResolver(() =>
      queue.push([
        { body: {}, delayInSeconds: 30 },
        { body: {}, delayInSeconds: 30 }
      ])
    );
    await h.asResolver(() => queue.cancel(jobId));
    await h.clock.advance(60_000);
    expect(h.deliveries).toHaveLength(0);
    expect(h.events.pending()).toBe(0);
    expect(await h.asResolver(() => queue.getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 0 });
  });

  it('answers JobDoesNotExistError for an unknown job or another queue', async () => {
    const h = eventsHarness();
    const { jobId } = await h.asResolver(() => new Queue({ key: 'q' }).push({ body: {} }));
    await expect(h.asResolver(() => new Queue({ key: 'other' }).getStats(jobId))).rejects.toBeInstanceOf(JobDoesNotExistError);
    await expect(h.asResolver(() => new Queue({ key: 'q' }).cancel('no-such-job'))).rejects.toBeInstanceOf(JobDoesNotExistError);
  });

  it('only accepts pushes from a running invocation', async () => {
    const h = eventsHarness();
    const response = await h.seam.fetch(stargate, PUSH_PATH, {
      method: 'POST',
      body: JSON.stringify({ queueName: 'q', jobId: 'j', payload: [{ body: {} }] })
    });
    expect(response.status).toBe(401);
  });
});
