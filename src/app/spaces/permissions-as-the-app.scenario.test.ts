import { ChatWorld, MINUTE, SECOND, supportDesk } from '../routing/testing/chat-world';

/**
 * Faithful to Forge, "permissions as the app": the sandbox's app account holds only what its
 * scopes give it, so Jira refuses it `permissions/check` about another account and
 * `user/permission/search` (both take Administer Jira or Administer Projects). The app checks
 * each caller's permissions as that caller (`asUser`, `mypermissions`) in their own
 * invocation, lists a space's agents without a Team by who can be assigned its work (which
 * the app may ask), and judges other people by what their own invocations proved.
 */
const requestsTo = (world: ChatWorld, detail: string) => world.sandbox.meter.snapshot().byDetail[`jira.requests ${detail}`] ?? 0;

describe('permissions as the app', () => {
  it('permissions as the app: a space without a team routes to its agents, and no one is asked about as the app', async () => {
    const world = await supportDesk(['agent-ana']);
    try {
      const chat = await world.start('SUP', 'customer-dana');
      expect(await world.offeredTo(chat.conversationId, ['agent-ana'])).toBe('agent-ana');
      await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
      // ben is an agent of SUP (assignable there) who has not opened the inbox yet: he may be invited.
      expect(await world.ok('conversation.invite', { conversationId: chat.conversationId, accountId: 'agent-ben' }, 'agent-ana')).toEqual({
        participants: ['agent-ben']
      });
      expect(await world.ok('conversation.get', { conversationId: chat.conversationId }, 'agent-ben')).toMatchObject({ access: 'full' });
      await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
      await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
      await world.ok('site.overview', {}, 'admin');
      expect(requestsTo(world, 'POST /rest/api/3/permissions/check')).toBe(0);
      expect(requestsTo(world, 'GET /rest/api/3/user/permission/search')).toBe(0);
      expect(requestsTo(world, 'GET /rest/api/3/mypermissions')).toBeGreaterThan(0);
    } finally {
      world.close();
    }
  });

  it('permissions as the app: each check is the caller’s own, so a customer, an agent of another space and a stranger are refused', async () => {
    const world = await supportDesk(['agent-ana']);
    try {
      const chat = await world.start('SUP', 'customer-dana');
      for (const who of ['customer-dana', 'agent-hana']) {
        expect((await world.fails('conversation.get', { conversationId: chat.conversationId }, who)).code).toBe('forbidden');
        expect((await world.fails('space.settings.get', { projectKey: 'SUP' }, who, 'SUP')).code).toBe('forbidden');
        expect((await world.fails('site.settings.save', { maxConversations: 5 }, who)).code).toBe('forbidden');
      }
      expect((await world.fails('agent.heartbeat', {}, 'customer-dana')).code).toBe('forbidden');
      expect((await world.ok('agent.me', {}, 'agent-hana')).status).toBe('offline');
    } finally {
      world.close();
    }
  });

  it('permissions as the app: an agent removed from the space stops getting chats once their own answer expires, though the space’s agents are kept 10 minutes', async () => {
    const world = await supportDesk(['agent-chen']);
    try {
      world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', ['agent-ana', 'agent-ben']);
      // Within 5 minutes chen's kept answer still lets his inbox beat; then Jira, asked as him, says no.
      await world.advance(5 * MINUTE + 30 * SECOND);
      expect((await world.fails('agent.heartbeat', {}, 'agent-chen')).code).toBe('forbidden');
      world.closeInbox('agent-chen');
      await world.advance(2 * MINUTE);
      const chat = await world.start('SUP', 'customer-dana');
      expect(chat.status).toBe('missed');
    } finally {
      world.close();
    }
  });

  it('permissions as the app: inviting someone who is not among the space’s agents is refused without asking Jira about them', async () => {
    const world = await supportDesk(['agent-ana']);
    try {
      const chat = await world.start('SUP', 'customer-dana');
      await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
      const asked = requestsTo(world, 'GET /rest/api/3/mypermissions');
      for (const accountId of ['agent-hana', 'customer-eli']) {
        const error = await world.fails('conversation.invite', { conversationId: chat.conversationId, accountId }, 'agent-ana');
        expect(error).toMatchObject({ code: 'invalid', fields: { accountId: 'must be an agent of the space' } });
      }
      expect(requestsTo(world, 'GET /rest/api/3/mypermissions')).toBe(asked);
      expect(requestsTo(world, 'POST /rest/api/3/permissions/check')).toBe(0);
    } finally {
      world.close();
    }
  });

  it('permissions as the app: a participant removed from the space stops reading the chat once Jira, asked as them, says so', async () => {
    const world = await supportDesk(['agent-ana']);
    try {
      const chat = await world.start('SUP', 'customer-dana');
      await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
      await world.ok('conversation.invite', { conversationId: chat.conversationId, accountId: 'agent-chen' }, 'agent-ana');
      expect(await world.ok('conversation.get', { conversationId: chat.conversationId }, 'agent-chen')).toMatchObject({ access: 'full' });
      world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', ['agent-ana', 'agent-ben']);
      await world.advance(5 * MINUTE);
      expect((await world.fails('conversation.get', { conversationId: chat.conversationId }, 'agent-chen')).code).toBe('forbidden');
      expect(
        (await world.fails('conversation.send', { conversationId: chat.conversationId, text: 'Still here?' }, 'agent-chen')).code
      ).toBe('forbidden');
      expect(await world.ok('conversation.get', { conversationId: chat.conversationId }, 'agent-ana')).toMatchObject({ access: 'full' });
    } finally {
      world.close();
    }
  });

  it('permissions as the app: with a Team, its members are the agents (Teams GraphQL as the app) and each still proves the agent permission as themselves', async () => {
    const world = new ChatWorld();
    try {
      // hana is in SUP's team but not an agent of SUP: she may not take SUP's chats.
      world.sandbox.jira.setTeamMembers('0d3d8c8e-5f2a-4b6e-9a43-1c2b7f0e5a11', ['agent-ana', 'agent-hana']);
      await world.setUpSupport({ teamId: '0d3d8c8e-5f2a-4b6e-9a43-1c2b7f0e5a11' });
      await world.goOnline('agent-hana');
      await world.goOnline('agent-ana', 'on_break');
      const chat = await world.start('SUP', 'customer-dana');
      expect(await world.offeredTo(chat.conversationId, ['agent-hana'])).toBe('agent-hana');
      expect((await world.fails('offer.accept', { conversationId: chat.conversationId }, 'agent-hana')).code).toBe('forbidden');
    } finally {
      world.close();
    }
  });
});
