import { extraStaff } from '../../../sandbox/jira/demo-site';
import { ChatWorld, SECOND, supportDesk } from './testing/chat-world';

/**
 * R11 at scale: a queue read through its index (never loaded whole), and decisions that
 * free many slots at once, which a 25-write transaction cannot hold: they continue in
 * follow-up jobs on the chat-timers queue.
 */
describe('the waiting queue at scale', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R11: queue positions are exact beyond one page of the index, first come first served', async () => {
    world = await supportDesk([], { timeToAssignMinutes: 60 });
    await world.goOnline('agent-ana', 'on_break');
    await world.ok('space.settings.save', { projectKey: 'SUP', showOnlyWhenAvailable: false }, 'admin-sup', 'SUP');
    await world.ok('agent.setStatus', { status: 'available' }, 'agent-ana');
    await world.setMaximum(1);
    const busy = await world.start();
    await world.ok('offer.accept', { conversationId: busy.conversationId }, 'agent-ana');
    const waiting = [];
    for (let i = 0; i < 130; i++) {
      await world.sandbox.clock.advance(1); // one request per millisecond: FCFS is their order (ties go by id)
      waiting.push(await world.start('SUP', world.customer(i)));
    }
    expect(waiting.map((c) => c.queuePosition)).toEqual(waiting.map((_, i) => i + 1));
    await world.ok('conversation.resolve', { conversationId: busy.conversationId }, 'agent-ana');
    expect(await world.chat(waiting[0])).toMatchObject({ status: 'offered' });
    expect(await world.chat(waiting[129])).toMatchObject({ status: 'waiting', queuePosition: 129 });
  });

  it('R11, R5: an agent becoming Available takes waiting chats up to the maximum, over several bounded transactions', async () => {
    world = await supportDesk([], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    await world.goOnline('agent-ben');
    await world.goOnline('agent-ana', 'on_break');
    const held = await world.start();
    await world.ok('offer.accept', { conversationId: held.conversationId }, 'agent-ben');
    const waiting = [];
    for (let i = 0; i < 24; i++) {
      await world.sandbox.clock.advance(1);
      waiting.push(await world.start('SUP', world.customer(i))); // ben is reachable but full: they wait (R11)
    }
    expect(waiting.every((c) => c.status === 'waiting')).toBe(true);
    await world.ok('agent.setStatus', { status: 'heads_down' }, 'agent-ben');
    await world.setMaximum(20);
    await world.ok('agent.setStatus', { status: 'available' }, 'agent-ana');
    await world.settle();
    const ana = await world.me('agent-ana');
    expect(ana.load).toBe(20);
    expect(ana.offers.map((o) => o.conversationId)).toEqual(waiting.slice(0, 20).map((c) => c.conversationId));
    expect(await world.chat(waiting[20])).toMatchObject({ status: 'waiting', queuePosition: 1 });
  });

  it('R9: a timed-out agent holding many offers goes Away and every one of them is offered again, to many agents', async () => {
    world = new ChatWorld();
    const others = ['agent-ben', 'agent-chen', 'agent-dev', 'agent-eve', 'agent-fay', 'agent-gus'];
    for (const id of others.slice(2)) {
      world.sandbox.jira.addUser(extraStaff(id));
    }
    world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', ['agent-ana', ...others]);
    await world.setUpSupport({ timeToAssignMinutes: 30, offerTimeoutSeconds: 30 });
    await world.setMaximum(20);
    await world.goOnline('agent-ana');
    const chats = [];
    for (let i = 0; i < 20; i++) chats.push(await world.start('SUP', world.customer(i)));
    expect((await world.me('agent-ana')).offers).toHaveLength(20);
    for (const id of others) await world.goOnline(id);
    // 20 withdrawn offers and 6 agents taking them: more than one transaction's 25 writes.
    await world.advance(30 * SECOND);
    expect(await world.me('agent-ana')).toMatchObject({ status: 'away', statusReason: 'offerTimeout', load: 0 });
    const offered = (await Promise.all(others.map((id) => world.me(id)))).flatMap((me) => me.offers.map((o) => o.conversationId));
    expect(offered.sort()).toEqual(chats.map((c) => c.conversationId).sort());
  });
});
