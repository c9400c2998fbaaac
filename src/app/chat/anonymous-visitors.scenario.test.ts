import { MINUTE, supportDesk, type ChatWorld } from '../routing/testing/chat-world';

/**
 * Anonymous visitors (Faithful to Forge): Forge names every anonymous portal visitor
 * `accountId: 'unidentified'`, so the app never takes that id for an account. Each anonymous
 * chat is its visitor's by its secret alone (R24); customers and unlicensed users keep their
 * account (R15: raised on their behalf).
 */
describe('anonymous visitors are nobody’s account', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R24, R15: two anonymous visitors of one portal get two chats, each readable only with its own secret; neither is raised on anyone’s behalf', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const first = await world.start('SUP', null);
    const second = await world.start('SUP', null);
    expect(second.conversationId).not.toBe(first.conversationId);
    expect((await world.fails('chat.get', { conversationId: first.conversationId, token: second.token }, null)).code).toBe('forbidden');
    for (const chat of [first, second])
      expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.reporter).toBe(world.sandbox.jira.appAccountId);
    // An anonymous visitor has no chats to be found by account.
    expect(await world.ok('chat.resume', {}, null, 'SUP')).toEqual({ chat: null });
  });

  it('R29: anonymous visitors’ starts are limited per space (they cannot be told apart), and a flood on one portal holds back no signed-in customer', async () => {
    world = await supportDesk([]);
    for (let i = 0; i < 20; i += 1) await world.start('SUP', null);
    expect((await world.fails('chat.start', { summary: 'Help' }, null, 'SUP')).code).toBe('rate_limited');
    expect((await world.start('SUP', 'customer-eli')).workItemKey).toMatch(/^SUP-/);
    await world.advance(10 * MINUTE);
    expect((await world.start('SUP', null)).workItemKey).toMatch(/^SUP-/);
  });

  it('R15: an unlicensed user (an Atlassian account without Jira) is raised on their own behalf, by name', async () => {
    world = await supportDesk(['agent-ana']);
    world.sandbox.jira.addUser({
      accountId: 'user-uma',
      displayName: 'Uma Patel',
      emailAddress: 'uma@example.com',
      accountType: 'atlassian',
      licensed: false,
      active: true,
      timeZone: 'UTC'
    });
    world.sandbox.jira.setProjectRole('SUP', 'Service Desk Customers', [
      ...(world.sandbox.jira.project('SUP')?.roles['Service Desk Customers'] ?? []),
      'user-uma'
    ]);
    const chat = await world.start('SUP', 'user-uma');
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.reporter).toBe('user-uma');
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    expect(await world.ok('conversation.get', { conversationId: chat.conversationId }, 'agent-ana')).toMatchObject({
      customerName: 'Uma Patel'
    });
  });
});
