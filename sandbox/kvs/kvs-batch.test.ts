import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

describe.each(BACKENDS)('KVS batch operations through the real @forge/kvs client (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  it('sets plain keys and entities in one batch, failing only the invalid items', async () => {
    await h.run(async () => {
      const result = await kvs.batchSet<unknown>([
        { key: 'plain', value: 1 },
        { key: 'c1', value: { status: 'waiting' }, entityName: 'conversation' },
        { key: 'bad/key', value: 2 },
        { key: 'c2', value: { status: 3 }, entityName: 'conversation' }
      ]);
      expect(result.successfulKeys).toEqual([{ key: 'plain' }, { key: 'c1', entityName: 'conversation' }]);
      expect(result.failedKeys).toEqual([
        { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
        { key: 'c2', entityName: 'conversation', error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) } }
      ]);
      expect(await kvs.get('plain')).toBe(1);
      expect(await kvs.entity('conversation').get('c1')).toEqual({ status: 'waiting' });
    });
  });

  it('gets several items, reporting missing ones as KEY_NOT_FOUND', async () => {
    await h.run(async () => {
      await kvs.set('here', 'yes');
      await kvs.entity('conversation').set('c1', { status: 'active' });
      const result = await kvs.batchGet([
        { key: 'here' },
        { key: 'c1', entityName: 'conversation', options: { metadataFields: [MetadataField.UPDATED_AT] } },
        { key: 'gone' }
      ] as never);
      expect(result.successfulKeys).toEqual([
        { key: 'here', value: 'yes' },
        { key: 'c1', entityName: 'conversation', value: { status: 'active' }, updatedAt: Math.floor(h.clock.now() / 1000) }
      ]);
      expect(result.failedKeys).toEqual([{ key: 'gone', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
    });
  });

  it('deletes several items at once', async () => {
    await h.run(async () => {
      await kvs.batchSet([
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
        { key: 'c', value: 3 }
      ]);
      const result = await kvs.batchDelete([{ key: 'a' }, { key: 'b' }]);
      expect(result).toEqual({ successfulKeys: [{ key: 'a' }, { key: 'b' }], failedKeys: [] });
      expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['c']);
    });
  });

  it('accepts 25 items and refuses 26 with TOO_MANY_OPERATIONS, storing nothing', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
    await h.run(async () => {
      expect((await kvs.batchSet(items(25))).successfulKeys).toHaveLength(25);
      await kvs.batchDelete(items(25).map(({ key }) => ({ key })));
      expect(await kvsErrorOf(kvs.batchSet(items(26)))).toMatchObject({ code: 'TOO_MANY_OPERATIONS', status: 400 });
      expect((await kvsErrorOf(kvs.batchGet(items(26)))).code).toBe('TOO_MANY_OPERATIONS');
      expect(await kvs.get('k0')).toBeUndefined();
    });
  });

  it('fails a whole batch that is empty or names the same item twice', async () => {
    await h.run(async () => {
      expect((await kvsErrorOf(kvs.batchSet([]))).code).toBe('BAD_REQUEST');
      const twice = [
        { key: 'same', value: 1 },
        { key: 'same', value: 2 }
      ];
      expect(await kvsErrorOf(kvs.batchSet(twice))).toMatchObject({ code: 'DUPLICATE_KEYS', status: 400 });
      expect(await kvs.get('same')).toBeUndefined();
      // The same key as a plain key and as an entity is two items, not a duplicate.
      await kvs.batchSet<unknown>([
        { key: 'same', value: 1 },
        { key: 'same', value: { status: 'x' }, entityName: 'conversation' }
      ]);
    });
  });

  it('refuses a batchSet payload over 4 MB with MAX_SIZE', async () => {
    const value = 'x'.repeat(200 * 1024);
    await h.run(async () => {
      const items = Array.from({ length: 21 }, (_, i) => ({ key: `big${i}`, value }));
      expect(await kvsErrorOf(kvs.batchSet(items))).toMatchObject({ code: 'MAX_SIZE', status: 400 });
      expect(await kvs.get('big0')).toBeUndefined();
    });
  });
});
