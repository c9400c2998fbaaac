import { kvs } from '@forge/kvs';
import { startKvs } from './kvs-test-harness';

/** `npm start` keeps app data in a SQLite file: closing and reopening the sandbox loses nothing. */
describe('KVS SQLite persistence', () => {
  it('keeps keys, secrets, entities and TTLs across a close and reopen', async () => {
    const h = startKvs('sqlite');
    try {
      await h.run(async () => {
        await kvs.set('settings:site', { maxConversations: 3 });
        await kvs.setSecret('conversation-secret:c1', 'token');
        await kvs.entity('conversation').set('c1', { projectKey: 'SUP', status: 'waiting', createdAt: 1 });
        await kvs.set('short-lived', 1, { ttl: { value: 1, unit: 'MINUTES' } });
      });
      h.reopen();
      await h.run(async () => {
        expect(await kvs.get('settings:site')).toEqual({ maxConversations: 3 });
        expect(await kvs.getSecret('conversation-secret:c1')).toBe('token');
        const { results } = await kvs
          .entity('conversation')
          .query()
          .index('by-project', { partition: ['SUP'] })
          .getMany();
        expect(results.map((r) => r.key)).toEqual(['c1']);
        expect(await kvs.get('short-lived')).toBe(1);
      });
      await h.clock.advance(60_000);
      h.reopen();
      await h.run(async () => expect(await kvs.get('short-lived')).toBeUndefined());
      expect(h.service.dump().keys.map((item) => item.key)).toEqual(['settings:site']);
    } finally {
      h.dispose();
    }
  });

  it('starts empty after clear()', async () => {
    const h = startKvs('sqlite');
    try {
      await h.run(() => kvs.set('k', 1));
      h.service.clear();
      h.reopen();
      await h.run(async () => expect(await kvs.get('k')).toBeUndefined());
    } finally {
      h.dispose();
    }
  });
});
