import { ChatWorld, MINUTE, SECOND, supportDesk, type StartedChat } from '../routing/testing/chat-world';

interface View {
  status: string;
  summary: string;
  context: string;
  customerName: string;
  messages: { seq: number; from: string; text: string }[];
  customerTyping: boolean;
}

/** R13, R17–R20, R23, R24, R30: a chat from both sides, through the widget's and the inbox's operations. */
describe('a conversation', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  async function accepted(agentId = 'agent-ana', settings: Record<string, unknown> = {}): Promise<StartedChat> {
    world = await supportDesk([agentId], settings);
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, agentId);
    return chat;
  }

  it('R13: no reply within Time to reply reminds the agent; a second Time to reply ends the chat with the fallback, the work item stays assigned', async () => {
    const chat = await accepted('agent-ana', { timeToReplyMinutes: 5 });
    const inbox = world.listen((await world.me('agent-ana')).realtime);
    await world.advance(5 * MINUTE);
    expect(inbox).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'replyReminder', conversationId: chat.conversationId }));
    expect((await world.chat(chat)).status).toBe('active');
    await world.advance(5 * MINUTE);
    expect(await world.chat(chat)).toMatchObject({ status: 'expired', fallback: expect.stringContaining(chat.workItemKey) });
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, conversations: [] });
    await world.settle();
    const issue = world.sandbox.jira.getIssue(chat.workItemKey);
    expect(issue?.fields.assignee).toBe('agent-ana');
    expect(issue?.fields.labels).not.toContain('live-chat-missed');
  });

  it('R13: the assignee’s first reply stops the reply clock', async () => {
    const chat = await accepted('agent-ana', { timeToReplyMinutes: 1 });
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hello Dana' }, 'agent-ana');
    await world.advance(5 * MINUTE);
    expect((await world.chat(chat)).status).toBe('active');
  });

  it('R17: the agent’s first message is posted on the work item as their public reply; the transcript is one internal comment at the end', async () => {
    const chat = await accepted();
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Are you there?' }, null);
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Yes, Ana here.' }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Try holding the power button.' }, 'agent-ana');
    await world.settle();
    const replies = world.sandbox.jira.comments(chat.workItemKey).filter((c) => c.jsdPublic);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ authorId: 'agent-ana' });
    expect(JSON.stringify(replies[0].body)).toContain('Yes, Ana here.');
    expect(await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana')).toEqual({ status: 'resolved' });
    await world.settle();
    const internal = world.sandbox.jira.comments(chat.workItemKey).filter((c) => !c.jsdPublic);
    expect(internal).toHaveLength(1);
    expect(JSON.stringify(internal[0].body)).toContain('Try holding the power button.');
  });

  it('R18: the assignee and invited participants read the messages; the offered agent the summary and AI context; others only that it exists', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const chat = await world.start('SUP', 'customer-dana', {
      summary: 'Printer on fire',
      transcript: [{ from: 'customer', text: 'My printer is on fire' }]
    });
    const offered = (await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])) as string;
    const other = offered === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    const asOffered = await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, offered);
    expect(asOffered).toMatchObject({
      status: 'offered',
      summary: 'Printer on fire',
      context: 'Customer: My printer is on fire',
      messages: [],
      customerName: ''
    });
    const asOther = await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, other);
    expect(asOther).toMatchObject({
      status: 'offered',
      projectKey: 'SUP',
      workItemKey: chat.workItemKey,
      summary: '',
      context: '',
      messages: []
    });
    const asAdmin = await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, 'admin');
    expect(asAdmin).toMatchObject({ summary: '', messages: [] });
    await world.ok('offer.accept', { conversationId: chat.conversationId }, offered);
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Hurry please' }, null);
    const asAssignee = await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, offered);
    expect(asAssignee).toMatchObject({
      customerName: 'Dana Whitfield',
      messages: [
        { seq: 1, from: 'customer', text: 'My printer is on fire' },
        { seq: 2, from: 'customer', text: 'Hurry please' }
      ]
    });
    expect((await world.fails('conversation.send', { conversationId: chat.conversationId, text: 'me too' }, other)).code).toBe('forbidden');
    expect(await world.ok('conversation.invite', { conversationId: chat.conversationId, accountId: other }, offered)).toEqual({
      participants: [other]
    });
    expect((await world.ok<View>('conversation.get', { conversationId: chat.conversationId, afterSeq: 1 }, other)).messages).toMatchObject([
      { seq: 2, text: 'Hurry please' }
    ]);
    expect(await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Ben joining' }, other)).toEqual({ seq: 3 });
    expect((await world.fails('conversation.resolve', { conversationId: chat.conversationId }, other)).code).toBe('forbidden');
  });

  it('R18: the work item’s panel finds its conversation by the work item', async () => {
    const chat = await accepted();
    const view = await world.sandbox.invoke({ operation: 'conversation.get', payload: {}, as: 'agent-ana', issueKey: chat.workItemKey });
    expect(view).toMatchObject({ status: 'active', workItemKey: chat.workItemKey });
  });

  it('R20: a new message notifies only the assigned agent, and counts as unread until they read it', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const chat = await world.start();
    const assignee = (await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])) as string;
    const other = assignee === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    await world.ok('offer.accept', { conversationId: chat.conversationId }, assignee);
    const assigneePushes = world.listen((await world.me(assignee)).realtime);
    const otherPushes = world.listen((await world.me(other)).realtime);
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Hello?' }, null);
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Anyone?' }, null);
    expect(assigneePushes.filter((p) => p.type === 'notify' && p.reason === 'newMessage')).toHaveLength(2);
    expect(otherPushes).toEqual([]);
    expect((await world.me(assignee)).conversations[0].unread).toBe(2);
    await world.ok('conversation.get', { conversationId: chat.conversationId }, assignee);
    expect((await world.me(assignee)).conversations[0].unread).toBe(0);
  });

  it('R23: the customer sees waiting, the agent’s name, their messages and typing in real time, and the end of the chat', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setMaximum(1);
    const busy = await world.start();
    await world.ok('offer.accept', { conversationId: busy.conversationId }, 'agent-ana');
    const chat = await world.start('SUP', null);
    expect(await world.chat(chat)).toMatchObject({ status: 'waiting', queuePosition: 1, agentTyping: false });
    const pushes = world.listen((await world.chat(chat)).realtime);
    await world.ok('conversation.resolve', { conversationId: busy.conversationId }, 'agent-ana');
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.typing', { conversationId: chat.conversationId }, 'agent-ana');
    expect((await world.chat(chat)).agentTyping).toBe(true);
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi, Ana here' }, 'agent-ana');
    const view = await world.chat(chat, 2);
    expect(view).toMatchObject({ status: 'active', agentName: 'Ana Souza', messages: [{ seq: 3, from: 'agent', text: 'Hi, Ana here' }] });
    // The message that was being typed has landed: no more "typing…", without waiting for the mark to fade.
    expect(view.agentTyping).toBe(false);
    await world.advance(SECOND);
    await world.ok('conversation.typing', { conversationId: chat.conversationId }, 'agent-ana');
    expect((await world.chat(chat)).agentTyping).toBe(true);
    await world.advance(10 * SECOND);
    expect((await world.chat(chat)).agentTyping).toBe(false);
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    expect((await world.chat(chat)).status).toBe('resolved');
    expect(pushes.map((p) => p.type)).toEqual(['status', 'status', 'typing', 'message', 'typing', 'status']);
    expect(pushes).toContainEqual({ type: 'message', seq: 3, from: 'agent', text: 'Hi, Ana here', at: expect.any(Number) });
  });

  it('R23: the customer can end the chat, before or after an agent took it; the agent sees the customer typing', async () => {
    world = await supportDesk(['agent-ana']);
    const offered = await world.start();
    expect(await world.ok('chat.end', { conversationId: offered.conversationId, token: offered.token }, null)).toEqual({
      status: 'resolved'
    });
    expect(await world.me('agent-ana')).toMatchObject({ offers: [], load: 0 });
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('chat.typing', { conversationId: chat.conversationId, token: chat.token }, null);
    expect((await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, 'agent-ana')).customerTyping).toBe(true);
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'It is the VPN again' }, null);
    expect((await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, 'agent-ana')).customerTyping).toBe(false);
    expect(await world.ok('chat.end', { conversationId: chat.conversationId, token: chat.token }, null)).toEqual({ status: 'resolved' });
    expect(await world.ok('chat.end', { conversationId: chat.conversationId, token: chat.token }, null)).toEqual({ status: 'resolved' });
    expect((await world.ok<View>('conversation.get', { conversationId: chat.conversationId }, 'agent-ana')).status).toBe('resolved');
    expect(
      (await world.fails('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'one more thing' }, null)).code
    ).toBe('conflict');
  });

  it('R24: an anonymous customer reads and writes only their own chat, with its secret', async () => {
    world = await supportDesk(['agent-ana']);
    const mine = await world.start('SUP', null);
    const theirs = await world.start('SUP', null);
    expect((await world.fails('chat.get', { conversationId: mine.conversationId, token: theirs.token }, null)).code).toBe('forbidden');
    expect((await world.fails('chat.send', { conversationId: mine.conversationId, token: theirs.token, text: 'hi' }, null)).code).toBe(
      'forbidden'
    );
    expect((await world.fails('chat.end', { conversationId: mine.conversationId, token: 'x'.repeat(43) }, null)).code).toBe('forbidden');
    expect((await world.chat(mine)).status).toBe('offered');
    const stored = JSON.stringify(world.sandbox.kvs.dump());
    expect(stored).not.toContain(mine.token);
  });

  it('R25: the same idempotency key from the same customer for the same space starts one chat, whose secret is derived again, never stored', async () => {
    world = await supportDesk(['agent-ana']);
    const escalation = {
      projectKey: 'SUP',
      summary: 'Password reset',
      conversation: 'User: I need a person',
      rovoConversationId: 'rovo-42'
    };
    const first = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { conversationId: string };
    const second = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { conversationId: string };
    expect(second.conversationId).toBe(first.conversationId);
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(1);
    expect((await world.me('agent-ana')).offers).toHaveLength(1);
    const resume = async () =>
      ((await world.ok('chat.resume', {}, 'customer-dana', 'SUP')) as { chat: { conversationId: string; token: string } }).chat;
    const [one, two] = [await resume(), await resume()];
    expect(one).toEqual(two);
    expect(one.conversationId).toBe(first.conversationId);
    expect(JSON.stringify(world.sandbox.kvs.dump())).not.toContain(one.token);
  });

  it('R30: messages, the AI turns and the ended chat leave app storage 30 days after the chat', async () => {
    const chat = await accepted();
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Thanks!' }, null);
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    world.online.clear();
    await world.advance(29 * 24 * 60 * MINUTE);
    expect(world.entities('chat-message')).toHaveLength(1);
    await world.advance(2 * 24 * 60 * MINUTE);
    expect(world.entities('chat-message')).toEqual([]);
    expect(world.entities('conversation')).toEqual([]);
    expect(world.sandbox.kvs.dump().keys.filter((k) => k.key.includes(chat.conversationId))).toEqual([]);
    // 31 virtual days run every scheduled trigger of them (8,928 five-minute sweeps): about 10 s here, three times that on a loaded machine.
  }, 120_000);
});
