import { ChatWorld } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from './testing/space-events';

/**
 * Busy storage is the ports' StorageBusyError, whichever store met it: the caller is told to try
 * again (`unavailable`), never given an internal error. Routing's stores and the spaces' alike
 * (src/platform/storage-busy.ts): nothing above the platform knows how KVS says "busy".
 */
const SUP = 'SUP';
const BUSY = { code: 'unavailable', message: 'Live chat storage is busy. Please try again in a moment.' };

describe('busy storage', () => {
  let world: ChatWorld;
  beforeEach(async () => {
    world = new ChatWorld();
    await deliverSpaceCreated(world.sandbox, SUP);
  });
  afterEach(() => world.close());

  it.each(['http429', 'http5xx'] as const)(
    'a space record read that meets %s answers unavailable, and the next call is served',
    async (kind) => {
      world.sandbox.faults.set([{ target: 'kvs', kind, match: new RegExp(`^entity\\.get ${SUP}$`), times: 1 }]);
      expect(await world.call('space.settings.get', { projectKey: SUP }, 'admin-sup', SUP)).toEqual({ error: BUSY });
      expect(await world.ok('space.settings.get', { projectKey: SUP }, 'admin-sup', SUP)).toMatchObject({ enabled: true });
    }
  );

  it('the site settings read that meets http429 answers unavailable', async () => {
    world.sandbox.faults.set([{ target: 'kvs', kind: 'http429', match: /^get site-settings$/, times: 1 }]);
    expect(await world.call('site.settings.get', {}, 'admin')).toEqual({ error: BUSY });
  });
});
