import { ChatWorld, MINUTE, SECOND, supportDesk, anaChattingWithDana, type StartedChat } from './testing/chat-world';

interface AgentView {
  status: string;
  access: string;
  agentName: string | null;
  messages: { seq: number; from: string; text: string }[];
  transfer?: { to: string; expiresAt: number } | null;
}

/**
 * Transfer (README "Operations beyond PRODUCT.md"), through the inbox's and the widget's
 * operations: an offer to another agent while the assignee keeps the chat, or back to the queue.
 */
describe('conversation.transfer', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  async function anaChatting(settings: Record<string, unknown> = {}): Promise<StartedChat> {
    let chat: StartedChat;
    ({ world, chat } = await anaChattingWithDana(settings));
    return chat;
  }

  const transfer = (chat: StartedChat, to: Record<string, string>, as = 'agent-ana') =>
    world.call('conversation.transfer', { conversationId: chat.conversationId, to }, as);
  const view = (chat: StartedChat, as: string) => world.ok<AgentView>('conversation.get', { conversationId: chat.conversationId }, as);

  it('Transfer, R7: Ben is offered the chat as a transfer from Ana; on his accept the work item, the chat and the customer follow him', async () => {
    const chat = await anaChatting();
    const customer = world.listen((await world.chat(chat)).realtime);
    const anaInbox = world.listen((await world.me('agent-ana')).realtime);
    const answer = await transfer(chat, { accountId: 'agent-ben' });
    expect(answer).toMatchObject({ status: 'active', transfer: { to: 'agent-ben' } });
    const benMe = await world.me('agent-ben');
    expect(benMe.offers).toEqual([
      expect.objectContaining({ conversationId: chat.conversationId, summary: 'My laptop will not start', transferFrom: 'Ana Souza' })
    ]);
    expect(benMe.load).toBe(1);
    // Ana keeps the chat until Ben accepts.
    expect(await view(chat, 'agent-ana')).toMatchObject({ access: 'full', agentName: 'Ana Souza', transfer: { to: 'agent-ben' } });
    expect((await view(chat, 'agent-ben')).access).toBe('offer');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Ben will take over.' }, 'agent-ana');

    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ben');
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ben');
    const seen = await world.chat(chat);
    expect(seen).toMatchObject({ status: 'active', agentName: 'Ben Carter' });
    expect(seen.messages.at(-1)).toMatchObject({ from: 'system', text: 'You are now chatting with Ben Carter.' });
    expect(customer).toContainEqual({ type: 'status', status: 'active', agentName: 'Ben Carter' });
    expect(anaInbox).toContainEqual({ type: 'transferEnded', conversationId: chat.conversationId, to: 'agent-ben', reason: null });
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, conversations: [] });
    expect(await world.me('agent-ben')).toMatchObject({
      load: 1,
      offers: [],
      conversations: [expect.objectContaining({ conversationId: chat.conversationId })]
    });
    // R18: Ana no longer reads the running chat; Ben does, with the hand-over in the transcript.
    expect(await view(chat, 'agent-ana')).toMatchObject({ access: 'metadata', messages: [] });
    const benView = await view(chat, 'agent-ben');
    expect(benView.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Ben will take over.', 'You are now chatting with Ben Carter.'])
    );
    expect(await world.fails('conversation.send', { conversationId: chat.conversationId, text: 'still me' }, 'agent-ana')).toMatchObject({
      code: 'forbidden'
    });
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi, Ben here.' }, 'agent-ben');
  });

  it('Transfer, R8: Ben declines: the chat stays with Ana, running, and she is told', async () => {
    const chat = await anaChatting();
    const anaInbox = world.listen((await world.me('agent-ana')).realtime);
    await transfer(chat, { accountId: 'agent-ben' });
    await world.ok('offer.decline', { conversationId: chat.conversationId }, 'agent-ben');
    await world.settle();
    expect(anaInbox).toContainEqual({ type: 'transferEnded', conversationId: chat.conversationId, to: 'agent-ben', reason: 'declined' });
    expect(await view(chat, 'agent-ana')).toMatchObject({ access: 'full', status: 'active', transfer: null });
    expect(await world.me('agent-ben')).toMatchObject({ load: 0, offers: [] });
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
    // She may transfer again.
    expect(await transfer(chat, { accountId: 'agent-chen' })).toMatchObject({ transfer: { to: 'agent-chen' } });
  });

  it('Transfer, R9: an unanswered transfer comes back to Ana at Offer timeout, and Ben becomes Away', async () => {
    const chat = await anaChatting({ offerTimeoutSeconds: 30 });
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'One moment.' }, 'agent-ana');
    await transfer(chat, { accountId: 'agent-ben' });
    await world.advance(30 * SECOND);
    expect(await world.me('agent-ben')).toMatchObject({ status: 'away', statusReason: 'offerTimeout', offers: [] });
    expect(await view(chat, 'agent-ana')).toMatchObject({ status: 'active', transfer: null });
    expect(await world.fails('offer.accept', { conversationId: chat.conversationId }, 'agent-ben')).toMatchObject({ code: 'forbidden' });
  });

  it('Transfer: refused with a typed error naming the field, and nothing changes', async () => {
    const chat = await anaChatting();
    await world.setMaximum(1);
    const other = await world.start('SUP', world.customer(7));
    await world.ok(
      'offer.accept',
      { conversationId: other.conversationId },
      (await world.offeredTo(other.conversationId, ['agent-ben', 'agent-chen']))!
    );
    const busy = (await world.me('agent-ben')).load === 1 ? 'agent-ben' : 'agent-chen';
    const free = busy === 'agent-ben' ? 'agent-chen' : 'agent-ben';
    await world.ok('agent.setStatus', { status: 'on_break' }, free);
    const cases: [Record<string, string>, string, string][] = [
      [{ accountId: 'agent-hana' }, 'invalid', 'to.accountId'], // not an agent of SUP
      [{ accountId: free }, 'invalid', 'to.accountId'], // not Available
      [{ accountId: busy }, 'invalid', 'to.accountId'], // at the maximum
      [{ accountId: 'agent-ana' }, 'invalid', 'to.accountId'], // herself
      [{ projectKey: 'HR' }, 'invalid', 'to.projectKey'] // only the chat's own space's queue
    ];
    for (const [to, code, field] of cases) {
      const failure = (await transfer(chat, to)) as { error: { code: string; fields?: Record<string, string> } };
      expect([to, failure.error.code, Object.keys(failure.error.fields ?? {})]).toEqual([to, code, [field]]);
    }
    expect(
      await world.fails('conversation.transfer', { conversationId: chat.conversationId, to: { name: 'Ben' } }, 'agent-ana')
    ).toMatchObject({
      code: 'invalid',
      fields: { to: expect.any(String) }
    });
    expect((await transfer(chat, { accountId: 'agent-ana' }, busy)) as object).toMatchObject({ error: { code: 'forbidden' } });
    expect(await view(chat, 'agent-ana')).toMatchObject({ status: 'active', transfer: null });
    expect(await world.me(busy)).toMatchObject({ load: 1, offers: [] });
  });

  it('Transfer: the assignee is shown whom a transfer may go to now: Available agents of the space below the maximum, and its queue', async () => {
    const chat = await anaChatting();
    const targets = () => world.ok('conversation.transferTargets', { conversationId: chat.conversationId }, 'agent-ana');
    expect(await targets()).toEqual({
      agents: [
        { accountId: 'agent-ben', name: 'Ben Carter' },
        { accountId: 'agent-chen', name: 'Chen Wei' }
      ],
      projectKey: 'SUP'
    });
    await world.ok('agent.setStatus', { status: 'away' }, 'agent-chen');
    expect(await targets()).toMatchObject({ agents: [{ accountId: 'agent-ben' }] });
    expect(await world.fails('conversation.transferTargets', { conversationId: chat.conversationId }, 'agent-ben')).toMatchObject({
      code: 'forbidden'
    });
  });

  it('Transfer: refused while a transfer is pending, and for a chat that is not running', async () => {
    const chat = await anaChatting();
    await transfer(chat, { accountId: 'agent-ben' });
    expect((await transfer(chat, { accountId: 'agent-chen' })) as object).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/pending/) }
    });
    expect((await transfer(chat, { projectKey: 'SUP' })) as object).toMatchObject({ error: { code: 'conflict' } });
    // Resolving withdraws the pending transfer: both slots free.
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    expect(await world.me('agent-ben')).toMatchObject({ load: 0, offers: [] });
    expect((await transfer(chat, { accountId: 'agent-chen' })) as object).toMatchObject({ error: { code: 'conflict' } });
  });

  it('Transfer, R8, R11: back to the queue it is routed as a new request, not to Ana, and the work item follows the next agent', async () => {
    const chat = await anaChatting();
    const customer = world.listen((await world.chat(chat)).realtime);
    const answer = await transfer(chat, { projectKey: 'SUP' });
    expect(answer).toMatchObject({ status: 'offered', transfer: null });
    const next = await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben', 'agent-chen']);
    expect(next === 'agent-ben' || next === 'agent-chen').toBe(true);
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, conversations: [] });
    expect(customer).toContainEqual(expect.objectContaining({ type: 'status', status: 'offered' }));
    const waiting = await world.chat(chat);
    expect(waiting.messages.at(-1)).toMatchObject({ from: 'system', text: expect.stringMatching(/next available agent/) });
    await world.ok('offer.accept', { conversationId: chat.conversationId }, next!);
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe(next);
    expect(await world.chat(chat)).toMatchObject({ status: 'active', agentName: next === 'agent-ben' ? 'Ben Carter' : 'Chen Wei' });
  });

  it('Transfer, R11, R12: back in the queue it keeps its place by its request time, and Time to assign runs again', async () => {
    world = await supportDesk(['agent-ana'], { timeToAssignMinutes: 3 });
    await world.setMaximum(1);
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(1 * MINUTE);
    const later = await world.start('SUP', world.customer(8));
    expect(later).toMatchObject({ status: 'waiting', queuePosition: 1 });
    await world.ok('agent.setStatus', { status: 'heads_down' }, 'agent-ana'); // keeps her chat, takes no new one
    await world.advance(2 * MINUTE + 30 * SECOND); // past the chat's first Time to assign
    await transfer(chat, { projectKey: 'SUP' });
    expect(await world.chat(chat)).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(await world.chat(later)).toMatchObject({ queuePosition: 2 });
    await world.advance(2 * MINUTE);
    expect((await world.chat(chat)).status).toBe('waiting');
    await world.advance(1 * MINUTE + 30 * SECOND);
    expect(await world.chat(chat)).toMatchObject({ status: 'missed', fallback: expect.stringContaining(chat.workItemKey) });
  });
});
