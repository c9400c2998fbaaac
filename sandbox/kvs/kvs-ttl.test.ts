import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

const MINUTE = 60_000;

describe.each(BACKENDS)('KVS time-to-live on the sandbox clock (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  it('keeps a value until its TTL passes, then every read treats it as gone', async () => {
    await h.run(async () => {
      await kvs.set('session:1', 'alive', { ttl: { value: 5, unit: 'MINUTES' } });
      await kvs.entity('conversation').set('c1', { projectKey: 'SUP', createdAt: 1 }, { ttl: { value: 5, unit: 'MINUTES' } });
    });
    await h.clock.advance(5 * MINUTE - 1);
    await h.run(async () => expect(await kvs.get('session:1')).toBe('alive'));
    await h.clock.advance(1);
    await h.run(async () => {
      expect(await kvs.get('session:1')).toBeUndefined();
      expect((await kvs.query().getMany()).results).toEqual([]);
      expect(await kvs.entity('conversation').get('c1')).toBeUndefined();
      expect(
        (
          await kvs
            .entity('conversation')
            .query()
            .index('by-project', { partition: ['SUP'] })
            .getMany()
        ).results
      ).toEqual([]);
      expect((await kvs.batchGet([{ key: 'session:1' }])).failedKeys[0].error.code).toBe('KEY_NOT_FOUND');
    });
    expect(h.service.dump()).toEqual({ keys: [], secrets: [], entities: {} });
  });

  it('reports expireTime as an ISO instant and lets FAIL_IF_EXISTS claim an expired key', async () => {
    const expiry = new Date(h.clock.now() + 2 * 86_400_000).toISOString().replace('.000Z', 'Z');
    await h.run(async () => {
      await kvs.set('lock', 'first', { ttl: { value: 2, unit: 'DAYS' }, keyPolicy: 'FAIL_IF_EXISTS' });
      expect(await kvs.get('lock', { metadataFields: [MetadataField.EXPIRE_TIME] })).toEqual({
        key: 'lock',
        value: 'first',
        expireTime: expiry
      });
      expect((await kvsErrorOf(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }))).code).toBe('KEY_CONFLICT');
    });
    await h.clock.advance(2 * 86_400_000);
    await h.run(async () => {
      await kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });
      expect(await kvs.get('lock')).toBe('second');
    });
  });

  it('drops the TTL when a value is overwritten without one', async () => {
    await h.run(async () => {
      await kvs.set('k', 1, { ttl: { value: 30, unit: 'SECONDS' } });
      await kvs.set('k', 2);
    });
    await h.clock.advance(10 * MINUTE);
    await h.run(async () => expect(await kvs.get('k')).toBe(2));
  });

  it('applies TTLs given in batches and transactions', async () => {
    await h.run(async () => {
      await kvs.batchSet([{ key: 'b', value: 1, options: { ttl: { value: 1, unit: 'HOURS' } } }]);
      await kvs
        .transact()
        .set('t', 1, undefined, { ttl: { value: 1, unit: 'HOURS' } })
        .execute();
    });
    await h.clock.advance(60 * MINUTE);
    await h.run(async () => expect((await kvs.batchGet([{ key: 'b' }, { key: 't' }])).successfulKeys).toEqual([]));
  });

  it.each([
    ['zero', { value: 0, unit: 'SECONDS' }],
    ['fractional', { value: 1.5, unit: 'HOURS' }],
    ['in an unknown unit', { value: 1, unit: 'WEEKS' }]
  ])('refuses a TTL that is %s with BAD_REQUEST', async (_label, ttl) => {
    await h.run(async () => expect((await kvsErrorOf(kvs.set('k', 1, { ttl } as never))).code).toBe('BAD_REQUEST'));
  });
});
