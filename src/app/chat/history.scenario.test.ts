import { ChatWorld, MINUTE, supportDesk, type StartedChat } from '../routing/testing/chat-world';

interface HistoryAnswer {
  chats: { conversationId: string; summary: string; workItemKey: string; status: string; endedAt: number }[];
  before: string | null;
}

interface View {
  access: string;
  status: string;
  messages: { seq: number; from: string; text: string; authorName?: string }[];
}

/**
 * History (README "Operations beyond PRODUCT.md"): an agent reads the ended chats they took
 * part in (assignee, invited participant, former assignee through a transfer), newest first,
 * from the inbox (conversation.history, then conversation.get) and on the work item's panel.
 * R18 holds: nobody else reads them, and nobody reads a running chat they have left.
 */
describe('conversation.history', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const history = (as: string, payload: Record<string, unknown> = {}) => world.ok<HistoryAnswer>('conversation.history', payload, as);
  const view = (chat: StartedChat, as: string) => world.ok<View>('conversation.get', { conversationId: chat.conversationId }, as);

  /** Ana accepts, writes, transfers to Ben; Ben accepts, invites Chen, writes and resolves. */
  async function handedOverAndResolved(): Promise<StartedChat> {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    const { conversationId } = chat;
    await world.ok('offer.accept', { conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId, text: 'Ana here, passing you to Ben.' }, 'agent-ana');
    await world.goOnline('agent-ben');
    await world.goOnline('agent-chen');
    await world.ok('conversation.transfer', { conversationId, to: { accountId: 'agent-ben' } }, 'agent-ana');
    await world.ok('offer.accept', { conversationId }, 'agent-ben');
    await world.ok('conversation.invite', { conversationId, accountId: 'agent-chen' }, 'agent-ben');
    await world.ok('conversation.send', { conversationId, text: 'Ben here. Fixed it.' }, 'agent-ben');
    // R18 while it runs: Ana has left it.
    expect((await view(chat, 'agent-ana')).access).toBe('metadata');
    expect((await history('agent-ana')).chats).toEqual([]);
    await world.ok('conversation.resolve', { conversationId }, 'agent-ben');
    return chat;
  }

  it('History, R18: the assignee, the participant and the former assignee each find the ended chat and read its transcript', async () => {
    const chat = await handedOverAndResolved();
    for (const agentId of ['agent-ana', 'agent-ben', 'agent-chen']) {
      expect((await history(agentId)).chats).toEqual([
        expect.objectContaining({
          conversationId: chat.conversationId,
          summary: 'My laptop will not start',
          workItemKey: chat.workItemKey,
          status: 'resolved'
        })
      ]);
      const read = await view(chat, agentId);
      expect(read.access).toBe('full');
      // Each agent's lines under their own name, the hand-over between them.
      expect(
        read.messages.filter((m) => m.from !== 'customer' && m.from !== 'ai').map((m) => [m.from, m.authorName ?? null, m.text])
      ).toEqual([
        ['agent', 'Ana Souza', 'Ana here, passing you to Ben.'],
        ['system', null, 'You are now chatting with Ben Carter.'],
        ['agent', 'Ben Carter', 'Ben here. Fixed it.']
      ]);
    }
    // R18: an agent of the space who took no part sees only that it exists, and has no history of it.
    expect((await history('agent-hana')).chats).toEqual([]);
    world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', [
      ...(world.sandbox.jira.project('SUP')?.roles['Service Desk Team'] ?? []),
      'agent-hana'
    ]);
    expect(await world.call('conversation.get', { conversationId: chat.conversationId }, 'agent-hana')).toMatchObject({
      access: 'metadata',
      messages: []
    });
  });

  it('History: on the work item, the panel shows the former assignee the transcript once the chat has ended', async () => {
    const chat = await handedOverAndResolved();
    const panel = (await world.sandbox.invoke({
      operation: 'conversation.get',
      payload: {},
      as: 'agent-ana',
      issueKey: chat.workItemKey
    })) as View;
    expect(panel.access).toBe('full');
    expect(panel.messages.map((m) => m.text)).toContain('Ben here. Fixed it.');
  });

  it('History: newest first, a page at a time', async () => {
    world = await supportDesk(['agent-ana']);
    const ended: string[] = [];
    for (let i = 0; i < 3; i++) {
      const chat = await world.start('SUP', world.customer(i));
      await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
      await world.advance(MINUTE);
      await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
      ended.push(chat.conversationId);
    }
    const first = await history('agent-ana', { limit: 2 });
    expect(first.chats.map((c) => c.conversationId)).toEqual([ended[2], ended[1]]);
    expect(first.chats[0]!.endedAt).toBeGreaterThan(first.chats[1]!.endedAt);
    const second = await history('agent-ana', { limit: 2, before: first.before });
    expect(second).toEqual({ chats: [expect.objectContaining({ conversationId: ended[0] })], before: null });
    expect((await history('agent-ana')).chats).toHaveLength(3);
    expect(await world.fails('conversation.history', { limit: 0 }, 'agent-ana')).toMatchObject({
      code: 'invalid',
      fields: { limit: expect.any(String) }
    });
    expect(await world.fails('conversation.history', {}, null)).toMatchObject({ code: 'forbidden' });
  });
});
