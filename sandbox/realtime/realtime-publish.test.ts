import { Jira, publish, publishGlobal } from '@forge/realtime';
import type { RealtimeContext } from './channel-scope';
import { realtimeHarness } from './realtime-test-harness';

// Contract tests: the real @forge/realtime SDK against the sandbox's realtime service.
const panelOn = (issue: string, project = 'P1'): RealtimeContext => ({
  moduleKey: 'chat-panel',
  extension: { issue: { id: issue }, project: { id: project } }
});

describe('publish scoping', () => {
  it('reaches the same module in the same issue only', async () => {
    const h = realtimeHarness();
    const sameIssue = h.listen({ channel: 'chat', context: panelOn('10001') });
    const otherIssue = h.listen({ channel: 'chat', context: panelOn('10002') });
    const otherModule = h.listen({ channel: 'chat', context: { ...panelOn('10001'), moduleKey: 'chat-glance' } });
    const result = await h.onPage(panelOn('10001'), () => publish('chat', { text: 'hi' }));
    expect(result).toEqual({ eventId: expect.any(String), eventTimestamp: new Date(h.clock.now()).toISOString() });
    expect(result).not.toHaveProperty('errors');
    expect(sameIssue).toEqual([{ text: 'hi' }]);
    expect(otherIssue).toEqual([]);
    expect(otherModule).toEqual([]);
    expect(h.meter.snapshot()['realtime.publishes']).toBe(1);
    expect(h.meter.snapshot()['realtime.subscriptions']).toBe(3);
  });

  it('publishGlobal reaches every global subscriber of the channel, whatever their context', async () => {
    const h = realtimeHarness();
    const anywhere = h.listen({ channel: 'agents', isGlobal: true });
    const elsewhere = h.listen({ channel: 'agents', isGlobal: true, context: panelOn('999', 'P9') });
    const contextual = h.listen({ channel: 'agents', context: panelOn('10001') });
    await h.asConsumer(() => publishGlobal('agents', { offer: 'c1' }));
    expect(anywhere).toEqual([{ offer: 'c1' }]);
    expect(elsewhere).toEqual([{ offer: 'c1' }]);
    expect(contextual).toEqual([]);
  });

  it('contextOverrides scope the channel to the named context properties across modules', async () => {
    const h = realtimeHarness();
    const projectPage = h.listen({
      channel: 'queue',
      context: { moduleKey: 'settings', extension: { project: { id: 'P1' } } },
      contextOverrides: ['project']
    });
    const otherProject = h.listen({
      channel: 'queue',
      context: { moduleKey: 'settings', extension: { project: { id: 'P2' } } },
      contextOverrides: ['project']
    });
    await h.onPage(panelOn('10001', 'P1'), () => publish('queue', { waiting: 3 }, { contextOverrides: [Jira.Project] }));
    expect(projectPage).toEqual([{ waiting: 3 }]);
    expect(otherProject).toEqual([]);
  });

  it('answers an override the context does not have with errors, not a throw', async () => {
    const h = realtimeHarness();
    const result = await h.onPage({ moduleKey: 'inbox', extension: {} }, () => publish('queue', {}, { contextOverrides: [Jira.Board] }));
    expect(result).toEqual({
      eventId: null,
      eventTimestamp: null,
      errors: [expect.objectContaining({ message: expect.stringContaining('board') })]
    });
  });

  it('a non-global publish from a consumer has no page context to reach', async () => {
    const h = realtimeHarness();
    const page = h.listen({ channel: 'chat', context: panelOn('10001') });
    await expect(h.asConsumer(() => publish('chat', { text: 'lost' }))).resolves.toHaveProperty('eventId');
    expect(page).toEqual([]);
  });
});

describe('limits and faults', () => {
  it('allows 50 operations per second per installation, then answers RATE_LIMIT_EXCEEDED', async () => {
    const h = realtimeHarness();
    h.listen({ channel: 'c', isGlobal: true }); // subscriptions count too
    for (let i = 0; i < 49; i += 1) {
      await expect(h.asConsumer(() => publishGlobal('c', { i }))).resolves.toHaveProperty('eventId');
    }
    const limited = await h.asConsumer(() => publishGlobal('c', { i: 50 }));
    expect(limited).toEqual({ eventId: null, eventTimestamp: null, errors: [{ message: 'RATE_LIMIT_EXCEEDED', status: 429 }] });
    expect(() => h.listen({ channel: 'c', isGlobal: true })).toThrow(expect.objectContaining({ code: 'RATE_LIMIT_EXCEEDED' }));
    await h.clock.advance(1000);
    await expect(h.asConsumer(() => publishGlobal('c', { i: 51 }))).resolves.toHaveProperty('eventId');
  });

  it('refuses a payload over the sandbox cap of 32 KB', async () => {
    const h = realtimeHarness();
    const result = await h.asConsumer(() => publishGlobal('c', { text: 'x'.repeat(33 * 1024) }));
    expect(result.errors).toEqual([
      { message: expect.stringContaining('32KB'), extensions: { errorType: 'PAYLOAD_TOO_LARGE', statusCode: 413 } }
    ]);
  });

  it('answers injected platform failures the way the SDK reports them', async () => {
    const h = realtimeHarness();
    h.faults.set([
      { target: 'realtime', kind: 'http5xx', times: 1 },
      { target: 'realtime', kind: 'http429', times: 1 }
    ]);
    expect((await h.asConsumer(() => publishGlobal('c', {}))).errors).toEqual([{ message: 'Internal Server Error', status: 500 }]);
    expect((await h.asConsumer(() => publishGlobal('c', {}))).errors).toEqual([{ message: 'RATE_LIMIT_EXCEEDED', status: 429 }]);
    expect(await h.asConsumer(() => publishGlobal('c', {}))).not.toHaveProperty('errors');
  });
});
