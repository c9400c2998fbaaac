import { ChatWorld, SECOND, supportDesk, type Answer } from '../routing/testing/chat-world';

/**
 * What the pages read besides PRODUCT.md's fields, so they need not infer it: `access`,
 * `aiTurns` and `agentName` on conversation.get (R18), `aiTurns` on chat.get (R23), and while
 * waiting, the queue's signal channel on chat.start and chat.get (R11).
 */
describe('the fields the pages read', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const transcript = [
    { from: 'customer', text: 'My printer is on fire' },
    { from: 'ai', text: 'Let me find you a person.' }
  ];
  const get = (conversationId: string, as: string, afterSeq?: number) =>
    world.ok<Answer>('conversation.get', { conversationId, ...(afterSeq === undefined ? {} : { afterSeq }) }, as);

  it('R18: conversation.get says what the reader may see, where the AI part ends and who the agent is', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const chat = await world.start('SUP', 'customer-dana', { summary: 'Printer on fire', transcript });
    const offered = (await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])) as string;
    const other = offered === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    expect(await get(chat.conversationId, offered)).toMatchObject({
      access: 'offer',
      aiTurns: 2,
      agentName: null,
      summary: 'Printer on fire',
      messages: []
    });
    // R18: others learn only that the chat exists: not even how long the AI conversation was.
    expect(await get(chat.conversationId, other)).toMatchObject({
      access: 'metadata',
      aiTurns: 0,
      agentName: null,
      summary: '',
      messages: []
    });
    expect(await get(chat.conversationId, 'admin')).toMatchObject({ access: 'metadata', aiTurns: 0 });

    await world.ok('offer.accept', { conversationId: chat.conversationId }, offered);
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Hurry please' }, null);
    const name = offered === 'agent-ana' ? 'Ana Souza' : 'Ben Carter';
    const full = await get(chat.conversationId, offered);
    expect(full).toMatchObject({ access: 'full', aiTurns: 2, agentName: name });
    expect((full.messages as { seq: number; from: string }[]).map((m) => [m.seq, m.from])).toEqual([
      [1, 'customer'],
      [2, 'ai'],
      [3, 'customer']
    ]);
    // The work item's assignee is no secret to the space's people: the panel can say whom to ask.
    expect(await get(chat.conversationId, other)).toMatchObject({ access: 'metadata', agentName: name });
    await world.ok('conversation.invite', { conversationId: chat.conversationId, accountId: other }, offered);
    expect(await get(chat.conversationId, other, 2)).toMatchObject({ access: 'full', aiTurns: 2, agentName: name, messages: [{ seq: 3 }] });
    // The work item's panel reads the same by its work item.
    expect(
      await world.sandbox.invoke({ operation: 'conversation.get', payload: {}, as: offered, issueKey: chat.workItemKey })
    ).toMatchObject({ access: 'full', aiTurns: 2 });
  });

  it('R23: chat.get says where the AI part of the customer’s messages ends', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start('SUP', null, { transcript });
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi, Ana here' }, 'agent-ana');
    expect(await world.chat(chat)).toMatchObject({
      aiTurns: 2,
      messages: [
        { seq: 1, from: 'customer' },
        { seq: 2, from: 'ai' },
        { seq: 3, from: 'agent' }
      ]
    });
    expect(await world.chat(chat, 2)).toMatchObject({ aiTurns: 2, messages: [{ seq: 3, from: 'agent', text: 'Hi, Ana here' }] });
  });

  it('R11: a waiting customer is told the queue’s signal channel, and hears there when the queue moves', async () => {
    world = await supportDesk(['agent-ana'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const running = await world.start('SUP', 'customer-dana');
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');
    const first = await world.start('SUP', 'customer-eli');
    await world.advance(SECOND);
    const second = await world.start('SUP', null);
    expect(second).toMatchObject({ status: 'waiting', queuePosition: 2, queueRealtime: { channel: 'live-chat-queue-SUP' } });
    expect(await world.chat(second)).toMatchObject({ queuePosition: 2, queueRealtime: { channel: 'live-chat-queue-SUP' } });

    const signals = world.listen((await world.chat(second)).queueRealtime);
    await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana');
    // The push says only that the queue moved (R18, R24); the widget reads its position again.
    expect(signals).toEqual([{ type: 'queue' }]);
    expect(await world.chat(second)).toMatchObject({ status: 'waiting', queuePosition: 1 });
    // Offered now: no longer waiting, no queue signal to follow.
    const offered = await world.chat(first);
    expect(offered.status).toBe('offered');
    expect(offered).not.toHaveProperty('queueRealtime');
    expect(offered).not.toHaveProperty('queuePosition');
  });
});
