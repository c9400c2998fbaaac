import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import { FORGE_TTL_DELETION_LAG_MS } from './kvs-consistency';
import { BACKENDS, startKvs, TEST_ENTITIES, type KvsHarness } from './kvs-test-harness';

const SECOND = 1_000;
const MINUTE = 60_000;

const bySup = () =>
  kvs
    .entity<{ projectKey: string; status: string; createdAt: number }>('conversation')
    .query()
    .index('by-project', { partition: ['SUP'] });
const keysOf = async (query: ReturnType<typeof bySup>) => (await query.getMany()).results.map((r) => r.key);

/**
 * Forge documents custom entity queries as eventually consistent and TTL deletion as lagging
 * up to 48 hours (https://developer.atlassian.com/platform/forge/storage-reference/entities/,
 * .../storage-reference/kvs-api/). The sandbox reproduces both when asked (SandboxOptions.kvs).
 */
describe.each(BACKENDS)('Entity queries are eventually consistent (%s)', (backend) => {
  let h: KvsHarness;
  afterEach(() => h.dispose());

  it('a query sees a write only after the query lag, while get and a transaction see it at once', async () => {
    h = startKvs(backend, TEST_ENTITIES, { queryLagMs: 2 * SECOND, queryLag: 'fixed' });
    await h.run(async () => {
      await kvs.entity('conversation').set('c1', { projectKey: 'SUP', status: 'waiting', createdAt: 1 });
      expect(await keysOf(bySup())).toEqual([]);
      expect(await kvs.entity('conversation').get('c1')).toMatchObject({ status: 'waiting' });
      const stillWaiting = new Filter<{ status: string }>().and('status', FilterConditions.equalTo('waiting'));
      await kvs.transact().check('c1', { entityName: 'conversation', conditions: stillWaiting }).execute();
      expect((await kvs.query().getMany()).results).toEqual([]);
    });
    await h.clock.advance(2 * SECOND - 1);
    await h.run(async () => expect(await keysOf(bySup())).toEqual([]));
    await h.clock.advance(1);
    await h.run(async () => expect(await keysOf(bySup())).toEqual(['c1']));
  });

  it('until the lag passes, a query shows an updated item as it was and a deleted one as still there', async () => {
    h = startKvs(backend, TEST_ENTITIES, { queryLagMs: 5 * SECOND, queryLag: 'fixed' });
    await h.run(() => kvs.entity('conversation').set('c1', { projectKey: 'SUP', status: 'waiting', createdAt: 1 }));
    await h.run(() => kvs.entity('conversation').set('c2', { projectKey: 'SUP', status: 'waiting', createdAt: 2 }));
    await h.clock.advance(5 * SECOND);
    await h.run(async () => {
      await kvs.entity('conversation').set('c1', { projectKey: 'SUP', status: 'offered', createdAt: 1 });
      await kvs.entity('conversation').delete('c2');
      const page = await bySup().getMany();
      expect(page.results.map((r) => [r.key, r.value.status])).toEqual([
        ['c1', 'waiting'],
        ['c2', 'waiting']
      ]);
      expect(await kvs.entity('conversation').get('c2')).toBeUndefined();
      expect(await keysOf(bySup().where(WhereConditions.equalTo(1)))).toEqual(['c1']);
    });
    await h.clock.advance(5 * SECOND);
    await h.run(async () => expect((await bySup().getMany()).results.map((r) => [r.key, r.value.status])).toEqual([['c1', 'offered']]));
  });

  it('random lags stay within the bound and repeat for the same seed', async () => {
    const visibleAfter = async (seed: number) => {
      h = startKvs(backend, TEST_ENTITIES, { queryLagMs: 10 * SECOND, seed });
      await h.run(async () => {
        for (let i = 0; i < 20; i++) await kvs.entity('conversation').set(`c${i}`, { projectKey: 'SUP', status: 'waiting', createdAt: i });
      });
      const seen: number[] = [];
      for (let t = 0; t <= 10; t++) {
        seen.push((await h.run(() => bySup().limit(100).getMany())).results.length);
        await h.clock.advance(SECOND);
      }
      h.dispose();
      return seen;
    };
    const first = await visibleAfter(7);
    expect(first[0]).toBeLessThan(20);
    expect(first[10]).toBe(20);
    expect(await visibleAfter(7)).toEqual(first);
    h = startKvs(backend);
  });
});

describe.each(BACKENDS)('TTL deletion lags behind expiry (%s)', (backend) => {
  let h: KvsHarness;
  afterEach(() => h.dispose());

  it('an expired item is still returned by get, batch get and queries, and blocks FAIL_IF_EXISTS, until it is deleted', async () => {
    h = startKvs(backend, TEST_ENTITIES, { ttlLagMs: FORGE_TTL_DELETION_LAG_MS, ttlLag: 'fixed' });
    await h.run(async () => {
      await kvs.set('grant', { allowed: true }, { ttl: { value: 5, unit: 'MINUTES' } });
      await kvs
        .entity('conversation')
        .set('c1', { projectKey: 'SUP', status: 'resolved', createdAt: 1 }, { ttl: { value: 5, unit: 'MINUTES' } });
    });
    await h.clock.advance(5 * MINUTE + 1);
    await h.run(async () => {
      expect(await kvs.get('grant')).toEqual({ allowed: true });
      expect((await kvs.batchGet([{ key: 'grant' }])).successfulKeys).toHaveLength(1);
      expect(await keysOf(bySup())).toEqual(['c1']);
      await expect(kvs.set('grant', { allowed: false }, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toThrow();
    });
    await h.clock.advance(FORGE_TTL_DELETION_LAG_MS);
    await h.run(async () => {
      expect(await kvs.get('grant')).toBeUndefined();
      expect(await keysOf(bySup())).toEqual([]);
    });
    expect(h.service.dump()).toEqual({ keys: [], secrets: [], entities: {} });
  });

  it('without a lag configured, an expired item is gone at once (the exact reading other tests rely on)', async () => {
    h = startKvs(backend);
    await h.run(() => kvs.set('grant', true, { ttl: { value: 1, unit: 'SECONDS' } }));
    await h.clock.advance(SECOND);
    await h.run(async () => expect(await kvs.get('grant')).toBeUndefined());
  });
});
