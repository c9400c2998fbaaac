import { kvs } from '@forge/kvs';
import { kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

/** Injected platform failures reach the app as the errors Forge raises for them. */
describe('KVS fault injection', () => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs('memory');
  });
  afterEach(() => h.dispose());

  it('answers http5xx with 500 INTERNAL_SERVER_ERROR, then serves again once the fault is spent', async () => {
    h.faults.set([{ target: 'kvs', kind: 'http5xx', times: 1 }]);
    await h.run(async () => {
      expect(await kvsErrorOf(kvs.set('k', 1))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
      expect(await kvs.get('k')).toBeUndefined();
      await kvs.set('k', 1);
      expect(await kvs.get('k')).toBe(1);
    });
  });

  it('answers http429 with RATE_LIMIT_EXCEEDED, and TOO_MANY_REQUESTS for transactions', async () => {
    h.faults.set([{ target: 'kvs', kind: 'http429' }]);
    await h.run(async () => {
      expect(await kvsErrorOf(kvs.get('k'))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', status: 429 });
      expect(await kvsErrorOf(kvs.transact().set('k', 1).execute())).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    });
  });

  it('cancels a transaction on an injected conflict as on a failed condition, applying nothing', async () => {
    h.faults.set([{ target: 'kvs', kind: 'conflict', match: 'transaction', times: 1 }]);
    await h.run(async () => {
      const error = await kvsErrorOf(kvs.transact().set('a', 1).set('b', 2).execute());
      expect(error).toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED', status: 409, context: { reason: 'TransactionConflict' } });
      expect(await kvs.get('a')).toBeUndefined();
      await kvs.transact().set('a', 1).set('b', 2).execute();
      expect(await kvs.get('b')).toBe(2);
    });
  });

  it('matches rules against the operation and the keys it names', async () => {
    h.faults.set([{ target: 'kvs', kind: 'http5xx', match: /^entity\.set conversation:c2$/ }]);
    await h.run(async () => {
      await kvs.entity('conversation').set('conversation:c1', { status: 'waiting' });
      expect((await kvsErrorOf(kvs.entity('conversation').set('conversation:c2', { status: 'waiting' }))).code).toBe(
        'INTERNAL_SERVER_ERROR'
      );
      await kvs.set('conversation:c2', 'plain keys are another operation');
    });
    expect(h.faults.count()).toBe(1);
  });

  it('leaves plain writes alone on a conflict rule, since last-write-wins cannot conflict', async () => {
    h.faults.set([{ target: 'kvs', kind: 'conflict' }]);
    await h.run(async () => {
      await kvs.set('k', 1);
      expect(await kvs.get('k')).toBe(1);
    });
  });
});
