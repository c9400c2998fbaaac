import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, rawKvsCall, startKvs, type KvsHarness } from './kvs-test-harness';

interface Conversation {
  projectKey?: string;
  status?: string;
  createdAt?: number;
  version?: number;
  score?: number;
  urgent?: boolean;
  tags?: unknown;
}

const conversations = () => kvs.entity<Conversation>('conversation');

describe.each(BACKENDS)('KVS custom entities through the real @forge/kvs client (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  const seed = (items: Array<[string, Conversation]>) =>
    h.run(async () => Promise.all(items.map(([key, value]) => conversations().set(key, value))));

  it('stores, reads and deletes entity values, apart from plain keys of the same name', async () => {
    await h.run(async () => {
      const value = { projectKey: 'SUP', status: 'waiting', createdAt: 1, version: 1, score: 0.5, urgent: true, tags: { any: ['json'] } };
      await conversations().set('c1', value);
      await kvs.set('c1', 'plain');
      expect(await conversations().get('c1')).toEqual(value);
      expect(await kvs.get('c1')).toBe('plain');
      await conversations().delete('c1');
      expect(await conversations().get('c1')).toBeUndefined();
      expect(await kvs.get('c1')).toBe('plain');
    });
  });

  it.each([
    ['an undeclared attribute', { colour: 'red' }],
    ['a string attribute holding a number', { status: 7 }],
    ['an integer attribute holding a fraction', { createdAt: 1.5 }],
    ['an integer attribute beyond 32 bits', { version: 2 ** 31 }],
    ['a float attribute below the smallest magnitude', { score: 1e-131 }],
    ['a boolean attribute holding a string', { urgent: 'yes' }]
  ])('refuses %s with INVALID_ENTITY_VALUE', async (_label, value) => {
    await h.run(async () => {
      expect(await kvsErrorOf(conversations().set('bad', value as Conversation))).toMatchObject({
        code: 'INVALID_ENTITY_VALUE',
        status: 400
      });
      expect(await conversations().get('bad')).toBeUndefined();
    });
  });

  it.each([
    ['ab', 'ENTITY_TYPE_TOO_SHORT'],
    ['e'.repeat(61), 'ENTITY_TYPE_TOO_LARGE'],
    ['Conversation', 'INVALID_ENTITY_TYPE'],
    ['not-declared', 'INVALID_ENTITY_TYPE']
  ])('refuses the entity name %s with %s', async (name, code) => {
    await h.run(async () => expect((await kvsErrorOf(kvs.entity(name).get('k'))).code).toBe(code));
  });

  it('refuses an empty entity key with EMPTY_KEY', async () => {
    await h.run(async () => expect((await kvsErrorOf(conversations().set('', { status: 'x' }))).code).toBe('EMPTY_KEY'));
  });

  describe('index queries', () => {
    beforeEach(() =>
      seed([
        ['c1', { projectKey: 'SUP', status: 'waiting', createdAt: 30 }],
        ['c2', { projectKey: 'SUP', status: 'active', createdAt: 10, urgent: true }],
        ['c3', { projectKey: 'SUP', status: 'waiting', createdAt: 20, urgent: true }],
        ['c4', { projectKey: 'OPS', status: 'waiting', createdAt: 5 }],
        ['c5', { projectKey: 'SUP', status: 'waiting' }]
      ])
    );
    const keys = (results: Array<{ key: string }>) => results.map((r) => r.key);

    it('queries one partition in range order, leaving out items without the range attribute', async () => {
      await h.run(async () => {
        const { results } = await conversations()
          .query()
          .index('by-project', { partition: ['SUP'] })
          .getMany();
        expect(keys(results)).toEqual(['c2', 'c3', 'c1']);
        expect(results[0]).toEqual({ key: 'c2', value: { projectKey: 'SUP', status: 'active', createdAt: 10, urgent: true } });
      });
    });

    it('applies range conditions and descending sort', async () => {
      await h.run(async () => {
        const index = () =>
          conversations()
            .query()
            .index('by-project', { partition: ['SUP'] });
        expect(keys((await index().where(WhereConditions.greaterThan(10)).getMany()).results)).toEqual(['c3', 'c1']);
        expect(keys((await index().where(WhereConditions.between(10, 20)).sort(Sort.DESC).getMany()).results)).toEqual(['c3', 'c2']);
        const byStatus = await conversations().query().index('status').where(WhereConditions.beginsWith('act')).getMany();
        expect(keys(byStatus.results)).toEqual(['c2']);
      });
    });

    it('queries a composite partition', async () => {
      await h.run(async () => {
        const { results } = await conversations()
          .query()
          .index('by-project-status', { partition: ['SUP', 'waiting'] })
          .getMany();
        expect(keys(results)).toEqual(['c3', 'c1']);
      });
    });

    it('filters with and / or', async () => {
      await h.run(async () => {
        const index = () =>
          conversations()
            .query()
            .index('by-project', { partition: ['SUP'] });
        const both = new Filter<Conversation>().and('status', FilterConditions.equalTo('waiting')).and('urgent', FilterConditions.exists());
        expect(keys((await index().filters(both).getMany()).results)).toEqual(['c3']);
        const either = new Filter<Conversation>()
          .or('status', FilterConditions.equalTo('active'))
          .or('createdAt', FilterConditions.greaterThanEqualTo(30));
        expect(keys((await index().filters(either).getMany()).results)).toEqual(['c2', 'c1']);
      });
    });

    it('applies the limit before the filters, so a filtered page can be short yet have a cursor', async () => {
      await h.run(async () => {
        const waiting = new Filter<Conversation>().and('status', FilterConditions.equalTo('waiting'));
        const first = await conversations()
          .query()
          .index('by-project', { partition: ['SUP'] })
          .filters(waiting)
          .limit(1)
          .getMany();
        expect(first.results).toEqual([]);
        expect(first.nextCursor).toEqual(expect.any(String));
      });
    });

    it('pages with cursors so every item comes back exactly once', async () => {
      await seed(Array.from({ length: 23 }, (_, i): [string, Conversation] => [`p${i}`, { projectKey: 'PAGE', createdAt: i % 5 }]));
      const seen: string[] = [];
      await h.run(async () => {
        let cursor: string | undefined;
        do {
          const query = conversations()
            .query()
            .index('by-project', { partition: ['PAGE'] })
            .sort(Sort.DESC)
            .limit(4);
          const page = await (cursor ? query.cursor(cursor) : query).getMany();
          seen.push(...keys(page.results));
          cursor = page.nextCursor;
        } while (cursor);
      });
      expect([...seen].sort()).toEqual(Array.from({ length: 23 }, (_, i) => `p${i}`).sort());
      expect(new Set(seen).size).toBe(23);
    });

    it('refuses an unknown index, a missing partition, a limit over 100 and a cursor from another partition', async () => {
      await h.run(async () => {
        expect((await kvsErrorOf(conversations().query().index('by-nothing').getMany())).code).toBe('INVALID_ENTITY_INDEX');
        expect(await kvsErrorOf(conversations().query().index('by-project').getMany())).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
        const tooMany = conversations().query().index('status').limit(101).getMany();
        expect((await kvsErrorOf(tooMany)).code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
        const { nextCursor } = await conversations()
          .query()
          .index('by-project', { partition: ['SUP'] })
          .limit(1)
          .getMany();
        const elsewhere = conversations()
          .query()
          .index('by-project', { partition: ['OPS'] })
          .cursor(nextCursor as string);
        expect((await kvsErrorOf(elsewhere.getMany())).code).toBe('INVALID_CURSOR');
      });
    });

    it('refuses BETWEEN with one value with INSUFFICIENT_FILTER_VALUES', async () => {
      await h.run(async () => {
        const oneValue = new Filter<Conversation>().and('createdAt', { condition: 'BETWEEN', values: [1] } as never);
        expect((await kvsErrorOf(conversations().query().index('status').filters(oneValue).getMany())).code).toBe(
          'INSUFFICIENT_FILTER_VALUES'
        );
      });
    });

    it('refuses empty and mixed filter operators, which only a hand-built body can send', async () => {
      const query = (filters: unknown) =>
        rawKvsCall(h, '/api/v1/entity/query', { entityName: 'conversation', indexName: 'status', filters });
      const clause = { property: 'status', condition: 'EQUAL_TO', values: ['waiting'] };
      expect(await query({ and: [] })).toMatchObject({ status: 400, body: { code: 'EMPTY_FILTER_OPERATOR' } });
      expect(await query({ and: [clause], or: [clause] })).toMatchObject({
        status: 400,
        body: { code: 'INVALID_FILTER_OPERATORS_COMBINATION' }
      });
      expect(await query({ and: [{ ...clause, condition: 'LIKE' }] })).toMatchObject({
        status: 400,
        body: { code: 'INVALID_FILTER_CONDITION' }
      });
    });
  });
});
