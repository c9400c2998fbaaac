import { SECOND, supportDesk, type ChatWorld, type StartedChat } from '../routing/testing/chat-world';

/** IN2, IN4: agent.me counts unread messages per chat and lists whoever waits longest for a reply first. */
describe('the inbox’s chats, by who waits longest', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const listed = async () =>
    (await world.me('agent-ana')).conversations.map((c) => ({
      id: c.conversationId,
      unread: c.unread,
      awaitingReplySince: (c as { awaitingReplySince?: number | null }).awaitingReplySince
    }));
  const customerSays = (chat: StartedChat, text: string) =>
    world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text }, null);

  it('IN4: the customer who has waited longest for a reply is first; an answered chat drops below those still waiting', async () => {
    world = await supportDesk(['agent-ana']);
    const chats: StartedChat[] = [];
    for (let n = 1; n <= 3; n++) {
      const started = await world.start('SUP', world.customer(n));
      await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
      chats.push(started);
    }
    const [a, b, c] = chats;
    const t0 = world.sandbox.clock.now();
    await customerSays(b, 'Hello? (b first)');
    await world.advance(10 * SECOND);
    await customerSays(c, 'Hello? (c second)');
    await world.advance(10 * SECOND);
    await customerSays(a, 'Hello? (a last)');
    let order = await listed();
    expect(order.map((x) => x.id)).toEqual([b.conversationId, c.conversationId, a.conversationId]);
    expect(order[0].awaitingReplySince).toBeGreaterThanOrEqual(t0);
    // Ana answers b: b no longer waits and goes below c and a.
    await world.ok('conversation.send', { conversationId: b.conversationId, text: 'Hi, Ana here.' }, 'agent-ana');
    order = await listed();
    expect(order.map((x) => x.id)).toEqual([c.conversationId, a.conversationId, b.conversationId]);
    expect(order[2].awaitingReplySince).toBeNull();
  });

  it('IN2: unread counts the customer’s messages the agent has not read; reading the chat clears it', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await world.start('SUP', 'customer-dana');
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    await customerSays(started, 'one');
    await customerSays(started, 'two');
    expect((await listed())[0].unread).toBe(2);
    await world.ok('conversation.get', { conversationId: started.conversationId }, 'agent-ana');
    expect((await listed())[0]).toMatchObject({ unread: 0, awaitingReplySince: expect.any(Number) });
  });
});
