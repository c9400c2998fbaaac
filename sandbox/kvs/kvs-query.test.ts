import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

describe.each(BACKENDS)('KVS key queries through the real @forge/kvs client (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  const seed = (keys: string[]) => h.run(async () => Promise.all(keys.map((key) => kvs.set(key, { key }))));

  it('returns the plain keys that begin with a prefix, in key order, never secrets or entities', async () => {
    await seed(['msg:b', 'msg:a', 'msg:c', 'other:a', 'msg']);
    await h.run(async () => {
      await kvs.setSecret('msg:secret', 'x');
      await kvs.entity('conversation').set('msg:entity', { status: 'waiting' });
      const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('msg:')).getMany();
      expect(results).toEqual([
        { key: 'msg:a', value: { key: 'msg:a' } },
        { key: 'msg:b', value: { key: 'msg:b' } },
        { key: 'msg:c', value: { key: 'msg:c' } }
      ]);
      expect(nextCursor).toBeUndefined();
    });
  });

  it('pages with cursors so every key comes back exactly once, even when keys change between pages', async () => {
    const keys = Array.from({ length: 57 }, (_, i) => `item:${String(i).padStart(3, '0')}`);
    await seed(keys);
    const seen: string[] = [];
    await h.run(async () => {
      let cursor: string | undefined;
      let pages = 0;
      do {
        const query = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(10);
        const page = await (cursor ? query.cursor(cursor) : query).getMany();
        seen.push(...page.results.map((r) => r.key));
        cursor = page.nextCursor;
        pages += 1;
        // A write behind the cursor and a delete of an already-returned key must not disturb the rest.
        if (pages === 2) {
          await kvs.set('item:000a', 'late');
          await kvs.delete('item:001');
        }
      } while (cursor);
      expect(pages).toBe(6);
    });
    expect(seen).toEqual(keys);
  });

  it('pages 10 keys at a time by default and answers getOne with the first key', async () => {
    await seed(Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`));
    await h.run(async () => {
      const page = await kvs.query().getMany();
      expect(page.results).toHaveLength(10);
      expect(page.nextCursor).toEqual(expect.any(String));
      expect(await kvs.query().getOne()).toEqual({ key: 'k00', value: { key: 'k00' } });
    });
  });

  it('returns metadata fields only when asked for them', async () => {
    await seed(['meta:1']);
    await h.run(async () => {
      const { results } = await kvs.query({ metadataFields: [MetadataField.CREATED_AT] }).getMany();
      expect(results).toEqual([{ key: 'meta:1', value: { key: 'meta:1' }, createdAt: Math.floor(h.clock.now() / 1000) }]);
    });
  });

  it('accepts a limit of 100 and refuses 101 and 0 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await h.run(async () => {
      await expect(kvs.query().limit(100).getMany()).resolves.toEqual({ results: [] });
      for (const limit of [101, 0]) {
        expect(await kvsErrorOf(kvs.query().limit(limit).getMany())).toMatchObject({ code: 'LIST_QUERY_LIMIT_EXCEEDED', status: 400 });
      }
    });
  });

  it('refuses a cursor that is not one, or belongs to another query, with INVALID_CURSOR', async () => {
    await seed(['a:1', 'a:2', 'b:1']);
    await h.run(async () => {
      const { nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('a:')).limit(1).getMany();
      expect(nextCursor).toEqual(expect.any(String));
      const otherQuery = kvs
        .query()
        .where('key', WhereConditions.beginsWith('b:'))
        .cursor(nextCursor as string);
      expect(await kvsErrorOf(otherQuery.getMany())).toMatchObject({ code: 'INVALID_CURSOR', status: 400 });
      expect((await kvsErrorOf(kvs.query().cursor('not-a-cursor').getMany())).code).toBe('INVALID_CURSOR');
    });
  });

  it('refuses more than one where clause, a field other than key, and conditions other than BEGINS_WITH', async () => {
    // The builder's where() keeps one clause; the query options reach the wire unchanged.
    const queryWhere = (...where: unknown[]) => kvsErrorOf(kvs.query({ where } as never).getMany());
    const prefix = (value: string) => ({ property: 'key', ...WhereConditions.beginsWith(value) });
    await h.run(async () => {
      expect((await queryWhere(prefix('a'), prefix('b'))).code).toBe('QUERY_WHERE_INVALID');
      expect((await queryWhere({ ...prefix('a'), property: 'value' })).code).toBe('QUERY_WHERE_FIELD_INVALID');
      expect((await queryWhere({ property: 'key', ...WhereConditions.equalTo('a') })).code).toBe('INVALID_FILTER_CONDITION');
      expect((await queryWhere({ property: 'key', condition: 'BEGINS_WITH', values: ['a', 'b'] })).code).toBe('INVALID_FILTER_VALUES');
    });
  });
});
