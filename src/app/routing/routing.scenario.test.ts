import { ChatWorld, MINUTE, SECOND, supportDesk } from './testing/chat-world';

const SUP = ['agent-ana', 'agent-ben', 'agent-chen'];

/** R5–R12 through the widget's and the inbox's operations, with the queue and the clock of the sandbox. */
describe('routing', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R5: an agent at the maximum gets no offer; lowering the maximum drops no running chat', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setMaximum(2);
    const chats = [await world.start(), await world.start()];
    for (const chat of chats) await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    const third = await world.start();
    expect(await world.chat(third)).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(await world.me('agent-ana')).toMatchObject({ load: 2, maxConversations: 2, offers: [] });
    await world.setMaximum(1);
    const me = await world.me('agent-ana');
    expect(me).toMatchObject({ load: 2, maxConversations: 1 });
    expect(me.conversations.map((c) => c.status)).toEqual(['active', 'active']);
    await world.ok('conversation.resolve', { conversationId: chats[0].conversationId }, 'agent-ana');
    expect((await world.chat(third)).status).toBe('waiting'); // still at the (lowered) maximum
  });

  it('R5: load counts pending offers and accepted chats across all spaces', async () => {
    world = await supportDesk(['agent-ben']);
    await world.setUpHr();
    await world.setMaximum(2);
    const sup = await world.start('SUP');
    await world.ok('offer.accept', { conversationId: sup.conversationId }, 'agent-ben');
    const hr = await world.start('HR');
    expect(await world.me('agent-ben')).toMatchObject({ load: 2, offers: [{ conversationId: hr.conversationId, projectKey: 'HR' }] });
    const next = await world.start('HR');
    expect((await world.chat(next)).status).toBe('waiting');
  });

  it('R6: each chat is offered to one agent at a time, the one offered least recently (ties by account id)', async () => {
    world = await supportDesk(SUP);
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const chat = await world.start();
      order.push(await world.offeredTo(chat.conversationId, SUP));
      await world.advance(SECOND);
    }
    expect(order).toEqual(['agent-ana', 'agent-ben', 'agent-chen', 'agent-ana']);
    const offers = (await Promise.all(SUP.map((a) => world.me(a)))).flatMap((me) => me.offers.map((o) => o.conversationId));
    expect(new Set(offers).size).toBe(offers.length);
  });

  it('R7: accepting assigns the chat: the work item gets the agent as assignee, the customer sees their name', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    const customer = world.listen((await world.chat(chat)).realtime);
    expect(await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana')).toEqual({ status: 'active' });
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(await world.chat(chat)).toMatchObject({ status: 'active', agentName: 'Ana Souza' });
    expect(customer).toContainEqual({ type: 'status', status: 'active', agentName: 'Ana Souza' });
    expect((await world.me('agent-ana')).conversations).toMatchObject([
      { conversationId: chat.conversationId, status: 'active', workItemKey: chat.workItemKey, unread: 0 }
    ]);
    expect(await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana')).toEqual({ status: 'active' }); // a retried click
  });

  it('R8: a decline sends the offer to the next eligible agent', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const chat = await world.start();
    expect(await world.ok('offer.decline', { conversationId: chat.conversationId }, 'agent-ana')).toEqual({});
    expect(await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])).toBe('agent-ben');
    expect((await world.me('agent-ana')).load).toBe(0);
  });

  it('R8: a decline by the only eligible agent offers it back to them', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    const before = (await world.me('agent-ana')).offers[0].expiresAt;
    await world.advance(5 * SECOND);
    await world.ok('offer.decline', { conversationId: chat.conversationId }, 'agent-ana');
    const [offer] = (await world.me('agent-ana')).offers;
    expect(offer).toMatchObject({ conversationId: chat.conversationId });
    expect(offer.expiresAt).toBeGreaterThan(before);
  });

  it('R10: with no agent Available with a fresh heartbeat the customer sees the fallback at once, and the work item is kept as missed', async () => {
    world = await supportDesk([]);
    await world.goOnline('agent-ana', 'on_break');
    const chat = await world.start();
    expect(chat).toMatchObject({
      status: 'missed',
      fallback: `All our agents are busy right now. We have logged your request as ${chat.workItemKey} and will follow up there.`
    });
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).toEqual(expect.arrayContaining(['live-chat', 'live-chat-missed']));
    expect(await world.chat(chat)).toMatchObject({ status: 'missed', fallback: chat.fallback });
  });

  it('R10: the space’s own fallback message is used, with the work item key', async () => {
    world = await supportDesk([], { fallbackMessage: 'Nobody is here. Ticket: {workItem}.' });
    const chat = await world.start();
    expect(chat.fallback).toBe(`Nobody is here. Ticket: ${chat.workItemKey}.`);
  });

  it('R11: with every agent at the maximum the chat waits first come first served, with its position, and is offered when a slot frees', async () => {
    world = await supportDesk(['agent-ana'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const running = await world.start();
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');
    const first = await world.start();
    await world.advance(SECOND);
    const second = await world.start();
    expect(first).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(second).toMatchObject({ status: 'waiting', queuePosition: 2 });
    const queue = world.listen((await world.chat(second)).queueRealtime);
    await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana');
    expect((await world.me('agent-ana')).offers.map((o) => o.conversationId)).toEqual([first.conversationId]);
    expect(await world.chat(second)).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(queue).toContainEqual({ type: 'queue' });
  });

  it('R11: a waiting chat is offered as soon as a slot frees because the agent declines another (which goes to someone else)', async () => {
    world = await supportDesk(['agent-ben'], { timeToAssignMinutes: 30 });
    await world.setUpHr({ timeToAssignMinutes: 30 });
    await world.goOnline('agent-ana', 'on_break');
    await world.setMaximum(1);
    const sup = await world.start('SUP');
    const hr = await world.start('HR');
    expect(hr).toMatchObject({ status: 'waiting', queuePosition: 1 }); // ben, HR's only reachable agent, is at the maximum
    await world.ok('agent.setStatus', { status: 'available' }, 'agent-ana');
    await world.ok('offer.decline', { conversationId: sup.conversationId }, 'agent-ben');
    expect(await world.offeredTo(sup.conversationId, ['agent-ana', 'agent-ben'])).toBe('agent-ana');
    expect(await world.offeredTo(hr.conversationId, ['agent-ana', 'agent-ben'])).toBe('agent-ben');
  });

  it.each([
    ['the agent becomes Available', 'available'],
    ['the maximum is raised', 'raise']
  ])('R11: a waiting chat is offered as soon as a slot frees because %s', async (_why, how) => {
    world = await supportDesk(['agent-ana', 'agent-ben'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const held = await world.start();
    const holder = await world.offeredTo(held.conversationId, ['agent-ana', 'agent-ben']);
    const other = holder === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    await world.ok('agent.setStatus', { status: 'on_break' }, other);
    const waiting = await world.start();
    expect((await world.chat(waiting)).status).toBe('waiting');
    if (how === 'available') await world.ok('agent.setStatus', { status: 'available' }, other);
    if (how === 'raise') await world.setMaximum(2);
    expect((await world.chat(waiting)).status).toBe('offered');
  });

  it('R12: with no accept within Time to assign the chat ends, pending offers are withdrawn, and the customer sees the fallback', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben'], { timeToAssignMinutes: 3, offerTimeoutSeconds: 120 });
    const chat = await world.start();
    const agent = world.listen((await world.me('agent-ana')).realtime);
    await world.advance(2 * MINUTE); // the first offer times out (R9), the second runs past Time to assign
    await world.goOnline('agent-ana');
    await world.goOnline('agent-ben');
    await world.advance(MINUTE);
    const view = await world.chat(chat);
    expect(view).toMatchObject({ status: 'missed', fallback: expect.stringContaining(chat.workItemKey) });
    for (const agentId of ['agent-ana', 'agent-ben']) expect(await world.me(agentId)).toMatchObject({ offers: [], load: 0 });
    expect(agent.some((push) => push.type === 'offerWithdrawn')).toBe(true);
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).toContain('live-chat-missed');
  });

  it('R12: Time to assign beyond the queue’s 15-minute delay still ends the chat on time (chained events)', async () => {
    world = await supportDesk([], { timeToAssignMinutes: 60 });
    await world.goOnline('agent-ana', 'heads_down');
    await world.goOnline('agent-ben');
    await world.ok('agent.setStatus', { status: 'heads_down' }, 'agent-ben');
    await world.ok('agent.setStatus', { status: 'available' }, 'agent-ana');
    await world.setMaximum(1);
    const busy = await world.start();
    await world.ok('offer.accept', { conversationId: busy.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: busy.conversationId, text: 'On it' }, 'agent-ana');
    const waiting = await world.start();
    await world.advance(60 * MINUTE - SECOND);
    expect((await world.chat(waiting)).status).toBe('waiting');
    await world.advance(SECOND);
    expect((await world.chat(waiting)).status).toBe('missed');
  });

  it('R14: the sweep repairs a lost timer delivery: the chat still ends, within the next sweep', async () => {
    world = await supportDesk(['agent-ana'], { timeToAssignMinutes: 2, offerTimeoutSeconds: 600 });
    world.sandbox.faults.set([{ target: 'queue', kind: 'drop', match: 'chat-timers' }]);
    const chat = await world.start();
    await world.advance(2 * MINUTE + SECOND);
    expect((await world.chat(chat)).status).toBe('offered'); // its timer was lost
    world.sandbox.faults.clear();
    await world.advance(6 * MINUTE);
    expect((await world.chat(chat)).status).toBe('missed');
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, offers: [] });
  });

  it('R14: a chat that storage keeps refusing after its work item exists ends as missed, never as an orphan work item', async () => {
    world = await supportDesk(['agent-ana']);
    // Only the request's own transaction carries its AI turns: it fails on every attempt.
    world.sandbox.faults.set([{ target: 'kvs', kind: 'conflict', match: /ai-turns:/ }]);
    const chat = await world.start();
    expect(chat).toMatchObject({ status: 'missed', fallback: expect.stringContaining(chat.workItemKey) });
    world.sandbox.faults.clear();
    await world.settle();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).toContain('live-chat-missed');
    expect(await world.me('agent-ana')).toMatchObject({ load: 0, offers: [] });
  });
});
