import { ChatWorld, MINUTE } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from './testing/space-events';

/**
 * R28 for the settings pages' operations: every operation × every kind of caller, checked on
 * the server from Jira's permissions (never from the payload). A refused caller gets
 * `forbidden` and changes nothing.
 */
const CALLERS = {
  'an anonymous visitor': null,
  'a customer': 'customer-dana',
  'an agent of another space': 'agent-hana',
  'an agent of the space': 'agent-ana',
  'an admin of another space': 'admin-hr',
  'the space admin': 'admin-sup',
  'the site admin': 'admin'
} as const;

type Caller = keyof typeof CALLERS;
const SPACE_ADMINS: Caller[] = ['the space admin', 'the site admin'];
const SITE_ADMINS: Caller[] = ['the site admin'];

const OPERATIONS: { operation: string; payload: Record<string, unknown>; projectKey?: string; allowed: Caller[] }[] = [
  { operation: 'space.settings.get', payload: { projectKey: 'SUP' }, projectKey: 'SUP', allowed: SPACE_ADMINS },
  { operation: 'space.settings.save', payload: { projectKey: 'SUP', timeToReplyMinutes: 15 }, projectKey: 'SUP', allowed: SPACE_ADMINS },
  { operation: 'space.setup', payload: { projectKey: 'SUP' }, projectKey: 'SUP', allowed: SPACE_ADMINS },
  { operation: 'space.deactivate', payload: { projectKey: 'SUP' }, projectKey: 'SUP', allowed: SPACE_ADMINS },
  { operation: 'site.settings.get', payload: {}, allowed: SITE_ADMINS },
  { operation: 'site.settings.save', payload: { maxConversations: 5 }, allowed: SITE_ADMINS },
  { operation: 'site.overview', payload: {}, allowed: SITE_ADMINS }
];

const cases = OPERATIONS.flatMap((op) =>
  (Object.keys(CALLERS) as Caller[]).map((caller) => ({ ...op, caller, expected: op.allowed.includes(caller) ? 'allowed' : 'forbidden' }))
);

describe('R28: who may use the settings pages', () => {
  it.each(cases)('R28: $operation by $caller is $expected', async ({ operation, payload, projectKey, caller, expected }) => {
    const world = new ChatWorld();
    try {
      await deliverSpaceCreated(world.sandbox, 'SUP');
      const before = JSON.stringify(world.sandbox.kvs.dump().entities);
      const answer = await world.call(operation, payload, CALLERS[caller], projectKey);
      if (expected === 'allowed') {
        expect(answer).not.toHaveProperty('error');
      } else {
        expect(answer).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        expect(JSON.stringify(world.sandbox.kvs.dump().entities)).toBe(before);
      }
    } finally {
      world.close();
    }
  });

  it('R28: identity comes from the platform, never the payload', async () => {
    const world = new ChatWorld();
    try {
      const error = await world.fails('site.settings.save', { maxConversations: 9, accountId: 'admin' }, 'customer-dana');
      expect(error.code).toBe('invalid');
      expect((await world.fails('site.settings.save', { maxConversations: 9 }, 'customer-dana')).code).toBe('forbidden');
      expect(await world.ok('site.settings.get', {}, 'admin')).toMatchObject({ maxConversations: 3 });
    } finally {
      world.close();
    }
  });

  it('R28: Jira’s answers are kept 5 minutes: a removed space admin loses access within that, and Jira is asked once meanwhile', async () => {
    const world = new ChatWorld();
    try {
      const checks = () => world.sandbox.meter.snapshot().byDetail['jira.requests GET /rest/api/3/mypermissions'] ?? 0;
      await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
      const asked = checks();
      world.sandbox.jira.setProjectRole('SUP', 'Administrators', []);
      await world.advance(4 * MINUTE);
      await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
      expect(checks()).toBe(asked);
      await world.advance(1 * MINUTE);
      expect((await world.fails('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).code).toBe('forbidden');
      // One more question: the removed admin cannot see SUP any more, so Jira is asked whether they are a site admin.
      expect(checks()).toBe(asked + 2);
    } finally {
      world.close();
    }
  });

  it('R28: when Jira cannot answer who the caller is, the answer is “try again”, never a grant', async () => {
    const world = new ChatWorld();
    try {
      world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: 'GET /rest/api/3/mypermissions', times: 1 }]);
      expect((await world.fails('site.settings.save', { maxConversations: 9 }, 'admin')).code).toBe('unavailable');
      expect(await world.ok('site.settings.get', {}, 'admin')).toMatchObject({ maxConversations: 3 });
    } finally {
      world.close();
    }
  });
});
