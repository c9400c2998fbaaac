import { ChatWorld, MINUTE, SECOND, supportDesk, anaChattingWithDana, type StartedChat } from '../routing/testing/chat-world';
import type { LiveView } from './show-live-view';

/**
 * The live view on the space settings page (README "Operations beyond PRODUCT.md": LV1–LV4),
 * through its operations as SUP's admin (admin-sup, Priya Shah) calls them from the page.
 */
describe('space.liveView', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const ADMIN = 'admin-sup';
  const liveView = () => world.ok<LiveView>('space.liveView.get', { projectKey: 'SUP' }, ADMIN, 'SUP');
  const takeBack = (chat: StartedChat, as = ADMIN) =>
    world.call('space.liveView.takeBack', { projectKey: 'SUP', conversationId: chat.conversationId }, as, 'SUP');
  const reassign = (chat: StartedChat, accountId: string, as = ADMIN) =>
    world.call('space.liveView.reassign', { projectKey: 'SUP', conversationId: chat.conversationId, accountId }, as, 'SUP');
  const agentRow = async (accountId: string) => (await liveView()).agents.find((a) => a.accountId === accountId);

  async function anaChatting(settings: Record<string, unknown> = {}): Promise<StartedChat> {
    let chat: StartedChat;
    ({ world, chat } = await anaChattingWithDana(settings));
    return chat;
  }

  it('LV1, R1, R2, R5, R11: the agents with their status as routing counts it, their load and running chats; the queue with each wait', async () => {
    const chat = await anaChatting();
    const acceptedAt = world.sandbox.clock.now();
    await world.setMaximum(1);
    await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ben');
    world.closeInbox('agent-chen'); // R2: two minutes without a heartbeat counts as Offline
    await world.advance(2 * MINUTE);
    const waiting = await world.start('SUP', world.customer(3)); // Ana is at the maximum: it waits
    await world.advance(30 * SECOND);
    const view = await liveView();
    expect(view).toMatchObject({ now: world.sandbox.clock.now(), maxConversations: 1, moreWaiting: false });
    expect(view.agents.map((a) => [a.name, a.status, a.chosenStatus, a.load, a.canTakeChat])).toEqual([
      ['Ana Souza', 'available', 'available', 1, false],
      ['Ben Carter', 'on_break', 'on_break', 0, false],
      ['Chen Wei', 'offline', 'available', 0, false],
      ['Priya Shah', 'offline', 'offline', 0, false]
    ]);
    expect(view.agents[0]?.chats).toEqual([
      {
        conversationId: chat.conversationId,
        customerName: 'Dana Whitfield',
        workItemKey: chat.workItemKey,
        since: acceptedAt,
        transferTo: null
      }
    ]);
    expect(view.waiting).toEqual([
      {
        conversationId: waiting.conversationId,
        customerName: 'Customer 3',
        workItemKey: waiting.workItemKey,
        position: 1,
        waitingSince: view.now - 30 * SECOND
      }
    ]);
  });

  it('LV1: one read costs 10 KVS reads of shared items and one per chat it lists (no query over the chats), and writes nothing', async () => {
    const reads = async () => {
      await liveView(); // the admin's permission and the names are cached from here on
      world.sandbox.meter.reset();
      await liveView();
      const usage = world.sandbox.meter.snapshot();
      expect(usage['kvs.writes']).toBe(0);
      return usage['kvs.reads'];
    };
    world = await supportDesk(['agent-ana', 'agent-ben']);
    await world.setMaximum(1);
    const first = await world.start('SUP', world.customer(1));
    const few = await reads();
    // The admin's permission (1), the space's record and agents cache (2), the maximum (1), the roster (1),
    // the waiting line (1), SUP's 4 agents' names (4); and the one chat listed (offered to an agent).
    expect(few).toBe(1 + 2 + 1 + 1 + 1 + 4 + 1);
    const shared = few - 1;
    for (let i = 2; i <= 12; i++) await world.start('SUP', world.customer(i));
    await world.ok(
      'offer.accept',
      { conversationId: first.conversationId },
      (await world.offeredTo(first.conversationId, ['agent-ana', 'agent-ben']))!
    );
    // 12 chats listed (one accepted, one offered, ten waiting): one batched request, an item read each (Forge bills items).
    expect(await reads()).toBe(shared + 12);
  });

  it('LV2, R8, R11: put back in the queue, the chat is routed as a new request (not to Ana), the customer is told, the work item follows the next agent', async () => {
    const chat = await anaChatting();
    const customer = world.listen((await world.chat(chat)).realtime);
    const anaInbox = world.listen((await world.me('agent-ana')).realtime);
    expect(await takeBack(chat)).toMatchObject({ status: 'offered', transfer: null });
    await world.settle();
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, conversations: [] });
    expect(anaInbox).toContainEqual({ type: 'transferEnded', conversationId: chat.conversationId, to: null, reason: null });
    expect(customer).toContainEqual(expect.objectContaining({ type: 'status', status: 'offered' }));
    expect((await world.chat(chat)).messages.at(-1)).toMatchObject({ from: 'system', text: expect.stringMatching(/next available agent/) });
    const next = (await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben', 'agent-chen']))!;
    expect(['agent-ben', 'agent-chen']).toContain(next);
    expect((await agentRow(next))?.offers).toEqual([expect.objectContaining({ conversationId: chat.conversationId, transferTo: null })]);
    await world.ok('offer.accept', { conversationId: chat.conversationId }, next);
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe(next);
  });

  it('LV2, R11, R12: back in the queue it keeps its place by request time, ahead of later customers, and Time to assign runs again', async () => {
    const chat = await anaChatting({ timeToAssignMinutes: 3 });
    await world.setMaximum(1);
    for (const colleague of ['agent-ben', 'agent-chen']) await world.ok('agent.setStatus', { status: 'on_break' }, colleague);
    await world.advance(1 * MINUTE);
    const later = await world.start('SUP', world.customer(8)); // Ana is Available at the maximum: it waits (R11)
    // Nobody takes a chat now: Ana keeps hers but takes no new one, so the chat put back stays in the queue.
    await world.ok('agent.setStatus', { status: 'heads_down' }, 'agent-ana');
    await takeBack(chat);
    expect((await liveView()).waiting.map((w) => [w.conversationId, w.position])).toEqual([
      [chat.conversationId, 1],
      [later.conversationId, 2]
    ]);
    expect((await liveView()).waiting[0]?.waitingSince).toBe(world.sandbox.clock.now());
    await world.advance(3 * MINUTE + 30 * SECOND);
    expect(await world.chat(chat)).toMatchObject({ status: 'missed' });
  });

  it('LV3, R7: assigned to Ben, he is offered it as a transfer from Ana; on his accept the customer reads his name and the work item follows', async () => {
    const chat = await anaChatting();
    const customer = world.listen((await world.chat(chat)).realtime);
    expect(await reassign(chat, 'agent-ben')).toMatchObject({ status: 'active', transfer: { to: 'agent-ben' } });
    expect((await world.me('agent-ben')).offers).toEqual([
      expect.objectContaining({ conversationId: chat.conversationId, transferFrom: 'Ana Souza' })
    ]);
    expect((await agentRow('agent-ana'))?.chats).toEqual([expect.objectContaining({ transferTo: 'agent-ben' })]);
    expect(await agentRow('agent-ben')).toMatchObject({
      load: 1,
      offers: [expect.objectContaining({ conversationId: chat.conversationId })]
    });
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ben');
    await world.settle();
    const seen = await world.chat(chat);
    expect(seen).toMatchObject({ status: 'active', agentName: 'Ben Carter' });
    expect(seen.messages.at(-1)).toMatchObject({ from: 'system', text: 'You are now chatting with Ben Carter.' });
    expect(customer).toContainEqual({ type: 'status', status: 'active', agentName: 'Ben Carter' });
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ben');
    expect((await agentRow('agent-ana'))?.chats).toEqual([]);
    expect((await agentRow('agent-ben'))?.chats).toEqual([expect.objectContaining({ conversationId: chat.conversationId })]);
  });

  it('LV3, R8: Ben declines: the chat stays with Ana, running', async () => {
    const chat = await anaChatting();
    await reassign(chat, 'agent-ben');
    await world.ok('offer.decline', { conversationId: chat.conversationId }, 'agent-ben');
    expect(await agentRow('agent-ana')).toMatchObject({ load: 1, chats: [expect.objectContaining({ transferTo: null })] });
    expect(await agentRow('agent-ben')).toMatchObject({ load: 0, offers: [] });
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
  });

  it('LV3, R5, R6: an agent at the maximum, not Available, of another space or the assignee is refused naming accountId; a second move while one is pending is a conflict; nothing changes', async () => {
    const chat = await anaChatting();
    await world.setMaximum(1);
    const other = await world.start('SUP', world.customer(7));
    const busy = (await world.offeredTo(other.conversationId, ['agent-ben', 'agent-chen']))!;
    const free = busy === 'agent-ben' ? 'agent-chen' : 'agent-ben';
    await world.ok('agent.setStatus', { status: 'on_break' }, free);
    await liveView();
    const before = JSON.stringify(world.sandbox.kvs.dump().entities);
    for (const [target, message] of [
      [busy, /maximum of 1/],
      [free, /not Available/],
      ['agent-hana', /not an agent of SUP/],
      ['agent-ana', /already has this chat/]
    ] as const) {
      expect(
        await world.fails(
          'space.liveView.reassign',
          { projectKey: 'SUP', conversationId: chat.conversationId, accountId: target },
          ADMIN,
          'SUP'
        )
      ).toMatchObject({
        code: 'invalid',
        fields: { accountId: expect.stringMatching(message) }
      });
    }
    expect(JSON.stringify(world.sandbox.kvs.dump().entities)).toBe(before);
    await world.ok('agent.setStatus', { status: 'available' }, free);
    await reassign(chat, free);
    expect(((await takeBack(chat)) as { error: { code: string } }).error.code).toBe('conflict');
    expect(((await reassign(chat, busy)) as { error: { code: string } }).error.code).toBe('conflict');
  });

  it('LV4, R28: only the space’s admins may read or move; an unknown, ended or other space’s chat is a typed error and nothing changes', async () => {
    const chat = await anaChatting();
    await liveView();
    const before = JSON.stringify(world.sandbox.kvs.dump().entities);
    for (const as of ['agent-ana', 'admin-hr', 'customer-dana'])
      expect(await world.fails('space.liveView.get', { projectKey: 'SUP' }, as, 'SUP')).toMatchObject({ code: 'forbidden' });
    expect(((await takeBack(chat, 'agent-ana')) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(((await reassign(chat, 'agent-ben', 'agent-ben')) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await world.fails('space.liveView.takeBack', { projectKey: 'SUP', conversationId: 'no-such-chat' }, ADMIN, 'SUP')).toMatchObject(
      {
        code: 'not_found'
      }
    );
    // HR's admin, on HR's page, cannot reach SUP's chat by its id.
    await world.setUpHr();
    expect(
      await world.fails('space.liveView.takeBack', { projectKey: 'HR', conversationId: chat.conversationId }, 'admin-hr', 'HR')
    ).toMatchObject({
      code: 'not_found'
    });
    expect(
      await world.fails('space.liveView.reassign', { projectKey: 'SUP', conversationId: chat.conversationId }, ADMIN, 'SUP')
    ).toMatchObject({
      code: 'invalid',
      fields: { accountId: expect.any(String) }
    });
    expect(JSON.stringify(world.sandbox.kvs.dump().entities.conversation)).toBe(JSON.stringify(JSON.parse(before).conversation));
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    expect(
      await world.fails('space.liveView.takeBack', { projectKey: 'SUP', conversationId: chat.conversationId }, ADMIN, 'SUP')
    ).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/ended/)
    });
  });
});
