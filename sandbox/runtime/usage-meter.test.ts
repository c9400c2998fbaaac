import { Filter, FilterConditions } from '@forge/kvs';
import { supportDesk } from '../../src/app/routing/testing/chat-world';
import { Sandbox } from './sandbox';

/** The meter the bench reads: what each invocation caused, transactions that failed, lines logged. */
describe('usage meter', () => {
  it('attributes every cost to the invocation that caused it', async () => {
    const world = await supportDesk(['agent-ana']);
    try {
      world.sandbox.meter.reset();
      await world.start();
      const usage = world.sandbox.meter.snapshot();
      const start = usage.byScope['resolver chat.start'];
      expect(start).toMatchObject({ 'invocations.resolver': 1, 'jira.requests': expect.any(Number), 'kvs.writes': expect.any(Number) });
      expect(usage.byScopeDetail['resolver chat.start']['jira.requests POST /rest/servicedeskapi/request']).toBe(1);
      // Every metric's scopes add up to its total.
      const sum = Object.values(usage.byScope).reduce((total, scope) => total + (scope['kvs.writes'] ?? 0), 0);
      expect(sum).toBe(usage['kvs.writes']);
    } finally {
      world.close();
    }
  });

  it('counts a transaction cancelled on a condition, and one refused as a conflict by an injected fault', async () => {
    const sandbox = new Sandbox({ fixture: 'empty', appExports: {} });
    try {
      const { kvs } = await import('@forge/kvs');
      const { runInInvocation } = await import('./invocation-context');
      const run = (fn: () => Promise<unknown>) =>
        runInInvocation({ functionKey: 'test', moduleKey: 'test', startedAt: 0, timeoutMs: 25_000, license: undefined }, async () => {
          await fn().catch(() => undefined);
        });
      await run(() =>
        kvs
          .transact()
          .set(
            'c1',
            { version: 1 },
            { entityName: 'conversation', conditions: new Filter<{ version: number }>().and('version', FilterConditions.notExists()) }
          )
          .execute()
      );
      await run(() =>
        kvs
          .transact()
          .set(
            'c1',
            { version: 2 },
            { entityName: 'conversation', conditions: new Filter<{ version: number }>().and('version', FilterConditions.notExists()) }
          )
          .execute()
      );
      sandbox.faults.set([{ target: 'kvs', kind: 'conflict', match: 'transaction', times: 1 }]);
      await run(() => kvs.transact().set('c2', { version: 1 }, { entityName: 'conversation' }).execute());
      sandbox.faults.set([{ target: 'kvs', kind: 'http5xx', times: 1 }]);
      await run(() => kvs.get('x'));
      const usage = sandbox.meter.snapshot();
      expect(usage).toMatchObject({ 'kvs.transactions': 1, 'kvs.conflicts': 2, 'kvs.refused': 1 });
    } finally {
      sandbox.close();
    }
  });

  it('counts the lines the app logs inside an invocation, when asked to', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const world = await supportDesk(['agent-ana'], {}, { meterLogs: true });
    try {
      world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: '/assignee', times: 1 }]);
      const chat = await world.start();
      await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
      expect(world.sandbox.meter.snapshot().byScope['resolver offer.accept']?.['logs.lines']).toBeUndefined();
      // A busy Jira is not worth a log line; a refusal that cannot change is (one line).
      world.sandbox.jira.setUserActive('agent-ana', false);
      await world.advance(60_000);
      console.warn('outside any invocation: not counted');
      expect(world.sandbox.meter.snapshot()['logs.lines']).toBe(1);
    } finally {
      world.close();
      warn.mockRestore();
    }
  });
});
