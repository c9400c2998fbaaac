import { MINUTE, SECOND, supportDesk, type ChatWorld } from './testing/chat-world';

/**
 * R9, R12, R13 as queue events: each conversation has one timer event in flight at a time, at
 * its earliest deadline (src/app/decision/run-effects.ts); when it fires it decides, then
 * schedules the next one only if something is still to come.
 */
describe('timer events', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const timerEvents = () => world.sandbox.meter.snapshot().byDetail['queue.events chat-timers'] ?? 0;

  it('R9, R12, R13: one timer event per conversation at a time: a chat accepted and answered in time costs one', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    await world.advance(20 * SECOND);
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hello' }, 'agent-ana');
    await world.advance(45 * MINUTE);
    expect(timerEvents()).toBe(1);
  });

  it('R13: when the agent has not replied, the next event is scheduled after all, and the reminder comes on time', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    const pushes = world.listen((await world.me('agent-ana')).realtime);
    await world.advance(10 * MINUTE - SECOND);
    expect(pushes.filter((p) => p.reason === 'replyReminder')).toHaveLength(0);
    await world.advance(SECOND);
    expect(pushes.filter((p) => p.reason === 'replyReminder')).toHaveLength(1);
    await world.advance(10 * MINUTE);
    expect((await world.chat(chat)).status).toBe('expired');
    // The offer's timeout (nothing left to decide), the reminder, the expiry: three events.
    expect(timerEvents()).toBe(3);
  });

  it('R12: a timer event delivered after its deadline, the earlier ones lost, still decides', async () => {
    world = await supportDesk(['agent-ana']);
    await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ana');
    await world.ok('agent.setStatus', { status: 'available' }, 'agent-ana');
    await world.setMaximum(1);
    const busy = await world.start();
    await world.ok('offer.accept', { conversationId: busy.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: busy.conversationId, text: 'On it' }, 'agent-ana');
    const waiting = await world.start();
    world.sandbox.faults.set([{ target: 'queue', kind: 'drop', match: 'chat-timers' }]);
    world.online.clear();
    await world.sandbox.clock.advance(20 * MINUTE);
    world.sandbox.faults.clear();
    const wake = { type: 'wake', conversationId: waiting.conversationId, at: world.sandbox.clock.now() - MINUTE };
    await world.sandbox.host.deliverToConsumer('chat-timers', { queueName: 'chat-timers', jobId: 'j', eventId: 'e', body: wake });
    expect((await world.chat(waiting)).status).toBe('missed');
  });
});
