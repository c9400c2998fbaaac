import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

interface Slot {
  load?: number;
  version?: number;
}

const slots = () => kvs.entity<Slot>('agent-slot');
const versionIs = (version: number) => new Filter<Slot>().and('version', FilterConditions.equalTo(version));

describe.each(BACKENDS)('KVS transactions through the real @forge/kvs client (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  it('applies every set and delete of a transaction whose conditions hold', async () => {
    await h.run(async () => {
      await kvs.set('old', 'bye');
      await slots().set('agent-1', { load: 0, version: 1 });
      await kvs
        .transact()
        .set('new', 'hello')
        .delete('old')
        .set('agent-1', { load: 1, version: 2 }, { entityName: 'agent-slot', conditions: versionIs(1) })
        .execute();
      expect(await kvs.get('new')).toBe('hello');
      expect(await kvs.get('old')).toBeUndefined();
      expect(await slots().get('agent-1')).toEqual({ load: 1, version: 2 });
    });
  });

  it('applies nothing when one condition fails, answering 409 CONDITIONAL_CHECK_FAILED', async () => {
    await h.run(async () => {
      await kvs.set('keep', 'original');
      await slots().set('agent-1', { load: 0, version: 5 });
      const failing = kvs
        .transact()
        .set('keep', 'changed')
        .delete('agent-1', { entityName: 'agent-slot', conditions: versionIs(4) })
        .execute();
      const error = await kvsErrorOf(failing);
      expect(error).toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED', status: 409 });
      expect(error.context.failedOperations).toEqual([{ kind: 'delete', key: 'agent-1', entityName: 'agent-slot' }]);
      expect(await kvs.get('keep')).toBe('original');
      expect(await slots().get('agent-1')).toEqual({ load: 0, version: 5 });
    });
  });

  it('rolls back on a failing check, and a check on an absent item sees no attributes', async () => {
    await h.run(async () => {
      const absent = kvs
        .transact()
        .set('written', 1)
        .check('nobody', { entityName: 'agent-slot', conditions: versionIs(0) })
        .execute();
      expect((await kvsErrorOf(absent)).code).toBe('CONDITIONAL_CHECK_FAILED');
      expect(await kvs.get('written')).toBeUndefined();
      const notExists = new Filter<Slot>().and('version', FilterConditions.notExists());
      await kvs.transact().set('agent-9', { load: 0, version: 1 }, { entityName: 'agent-slot', conditions: notExists }).execute();
      const again = kvs.transact().set('agent-9', { load: 0, version: 1 }, { entityName: 'agent-slot', conditions: notExists }).execute();
      expect((await kvsErrorOf(again)).code).toBe('CONDITIONAL_CHECK_FAILED');
    });
  });

  it('of two concurrent transactions whose conditions cannot both hold, exactly one commits', async () => {
    await h.run(() => slots().set('agent-1', { load: 0, version: 1 }));
    const claim = (load: number) =>
      h.run(() =>
        kvs
          .transact()
          .set('agent-1', { load, version: 2 }, { entityName: 'agent-slot', conditions: versionIs(1) })
          .execute()
      );
    const outcomes = await Promise.allSettled([claim(10), claim(20)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(loser?.reason).toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    const winner = outcomes[0].status === 'fulfilled' ? 10 : 20;
    expect(await h.run(() => slots().get('agent-1'))).toEqual({ load: winner, version: 2 });
  });

  it('never lets concurrent reservations push a slot past its maximum', async () => {
    const max = 3;
    await h.run(() => slots().set('agent-1', { load: 0, version: 0 }));
    // Each invocation reads, then reserves one unit conditioned on the version it read; losers retry.
    const reserve = () =>
      h.run(async () => {
        for (;;) {
          const slot = (await slots().get('agent-1')) as Required<Slot>;
          if (slot.load >= max) return false;
          const next = { load: slot.load + 1, version: slot.version + 1 };
          try {
            await kvs
              .transact()
              .set('agent-1', next, { entityName: 'agent-slot', conditions: versionIs(slot.version) })
              .execute();
            return true;
          } catch (error) {
            if ((error as { code?: string }).code !== 'CONDITIONAL_CHECK_FAILED') throw error;
          }
        }
      });
    const results = await Promise.all(Array.from({ length: 10 }, reserve));
    expect(results.filter(Boolean)).toHaveLength(max);
    expect(await h.run(() => slots().get('agent-1'))).toEqual({ load: max, version: max });
  });

  describe('limits', () => {
    const setMany = (n: number) => Array.from({ length: n }, (_, i) => i).reduce((tx, i) => tx.set(`k${i}`, i), kvs.transact());

    it('accepts 25 operations and refuses 26 with TOO_MANY_OPERATIONS, applying nothing', async () => {
      await h.run(async () => {
        await setMany(25).execute();
        expect(await kvs.get('k24')).toBe(24);
        expect(await kvsErrorOf(setMany(26).delete('k0').execute())).toMatchObject({ code: 'TOO_MANY_OPERATIONS', status: 400 });
        expect(await kvs.get('k0')).toBe(0);
      });
    });

    it('refuses a key used twice with DUPLICATE_KEYS, but a plain key and an entity of the same name are two items', async () => {
      await h.run(async () => {
        expect(await kvsErrorOf(kvs.transact().set('twice', 1).delete('twice').execute())).toMatchObject({
          code: 'DUPLICATE_KEYS',
          status: 400
        });
        expect(await kvs.get('twice')).toBeUndefined();
        await kvs.transact().set('both', 1).set('both', { load: 1 }, { entityName: 'agent-slot' }).execute();
        expect(await slots().get('both')).toEqual({ load: 1 });
      });
    });

    it('refuses a payload over 4 MB with MAX_SIZE and an invalid operation with its own error, applying nothing', async () => {
      const big = 'x'.repeat(230 * 1024);
      await h.run(async () => {
        const tooBig = Array.from({ length: 18 }, (_, i) => i).reduce((tx, i) => tx.set(`big${i}`, big), kvs.transact());
        expect(await kvsErrorOf(tooBig.execute())).toMatchObject({ code: 'MAX_SIZE', status: 400 });
        const invalid = kvs.transact().set('fine', 1).set('slot', { load: 'many' }, { entityName: 'agent-slot' }).execute();
        expect((await kvsErrorOf(invalid)).code).toBe('INVALID_ENTITY_VALUE');
        expect(await kvs.get('fine')).toBeUndefined();
        expect(await kvs.get('big0')).toBeUndefined();
      });
    });

    it('refuses an empty transaction and conditions on a plain key with BAD_REQUEST', async () => {
      await h.run(async () => {
        expect((await kvsErrorOf(kvs.transact().execute())).code).toBe('BAD_REQUEST');
        const plain = kvs.transact().set('plain', 1, { entityName: undefined as unknown as string, conditions: versionIs(1) as never });
        expect((await kvsErrorOf(plain.execute())).code).toBe('BAD_REQUEST');
      });
    });
  });
});
