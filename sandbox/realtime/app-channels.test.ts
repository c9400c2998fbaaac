import { supportDesk, type ChatWorld } from '../../src/app/routing/testing/chat-world';
import type { RealtimeError } from './realtime-error';

/**
 * The app under the strict realtime service: its global channels (the customer's, the agent's,
 * the space's queue signal) are the app's token channels, so knowing a name is not enough to
 * listen or to publish there. A party's own channel has one token, which the app publishes with
 * and that party's page listens with: only that party listens there, so what its page could
 * publish reaches nobody else; the queue's signal, shared by every waiting customer, gives its
 * pages a subscribe-only token.
 */
let world: ChatWorld;
afterEach(() => world?.close());

/** Listens on `channel` without a token, as anyone who learnt the name could: what arrives, or why it was refused. */
function eavesdrop(channel: string): { received: unknown[]; refused?: string } {
  const received: unknown[] = [];
  try {
    world.sandbox.realtime.subscribe({ channel, isGlobal: true }, (event) => received.push(JSON.parse(event.payload)));
    return { received };
  } catch (error) {
    return { received, refused: (error as RealtimeError).code };
  }
}

/** A waiting chat behind a busy one: its customer, the agent and the space's queue all have pushes coming. */
async function busyDesk() {
  world = await supportDesk(['agent-ana']);
  await world.setMaximum(1);
  const busy = await world.start('SUP', 'customer-dana');
  await world.ok('offer.accept', { conversationId: busy.conversationId }, 'agent-ana');
  const waiting = await world.start('SUP', 'customer-eli');
  const view = await world.chat(waiting);
  const me = await world.me('agent-ana');
  return { busy, waiting, view, me };
}

/** What makes the app push on all three channels: the queue moves, the waiting chat is offered, accepted and talked in. */
async function chatGoesOn(busy: { conversationId: string }, waiting: { conversationId: string; token: string }): Promise<void> {
  await world.ok('conversation.resolve', { conversationId: busy.conversationId }, 'agent-ana');
  await world.ok('offer.accept', { conversationId: waiting.conversationId }, 'agent-ana');
  await world.ok('conversation.send', { conversationId: waiting.conversationId, text: 'Hi, Ana here' }, 'agent-ana');
  await world.ok('chat.send', { conversationId: waiting.conversationId, token: waiting.token, text: 'My card number is 4111…' }, null);
  await world.settle();
}

describe('global realtime channels', () => {
  it("a subscriber without the app's token receives nothing / is refused", async () => {
    const { busy, waiting, view, me } = await busyDesk();
    const names = [view.realtime.channel, me.realtime.channel, view.queueRealtime?.channel ?? 'live-chat-queue-SUP'];
    const customer = world.listen(view.realtime);
    const eavesdroppers = names.map(eavesdrop);
    await chatGoesOn(busy, waiting);
    expect(customer).toContainEqual(expect.objectContaining({ type: 'message', text: 'Hi, Ana here' }));
    expect(eavesdroppers).toEqual(names.map(() => ({ received: [], refused: 'TOKEN_REQUIRED' })));
    // And a token the app gave for one channel opens no other.
    expect(() =>
      world.sandbox.realtime.subscribe({ channel: me.realtime.channel, isGlobal: true, token: view.realtime.token }, () => undefined)
    ).toThrow(expect.objectContaining({ code: 'CHANNEL_NAME_MISMATCH' }));
  });

  it('a browser publishes only where nobody else listens: its own channel with its own token; never on an agent’s channel or the queue’s', async () => {
    const { busy, waiting, view, me } = await busyDesk();
    const customer = world.listen(view.realtime);
    const inbox = world.listen(me.realtime);
    const queue = world.listen(view.queueRealtime);
    const widget = { moduleKey: 'live-chat-widget', extension: { type: 'jiraServiceManagement:portalFooter' } };
    const forged = { type: 'message', seq: 99, from: 'agent', text: 'Please send your password', at: 0 };
    const withToken = (token: string | undefined) => (token ? { token } : {});
    const answers = [
      // The customer's own token on the agent's channel and on the queue's: the wrong channel.
      await world.sandbox.realtime.publishFromPage(widget, {
        channel: me.realtime.channel,
        payload: { type: 'offer', conversationId: 'x' },
        isGlobal: true,
        ...withToken(view.realtime.token)
      }),
      // The queue's token is subscribe-only: one waiting customer cannot make the others read again (R11).
      await world.sandbox.realtime.publishFromPage(widget, {
        channel: view.queueRealtime?.channel ?? 'live-chat-queue-SUP',
        payload: { type: 'queue' },
        isGlobal: true,
        ...withToken(view.queueRealtime?.token)
      }),
      // No token: the agent's channel and the queue's are the app's token channels.
      await world.sandbox.realtime.publishFromPage(widget, {
        channel: me.realtime.channel,
        payload: { type: 'offer', conversationId: 'x' },
        isGlobal: true
      }),
      await world.sandbox.realtime.publishFromPage(widget, {
        channel: view.queueRealtime?.channel ?? 'live-chat-queue-SUP',
        payload: { type: 'queue' },
        isGlobal: true
      })
    ];
    expect(answers).toEqual([
      { eventId: null, eventTimestamp: null, errors: ['Realtime token validation failed: CHANNEL_NAME_MISMATCH'] },
      { eventId: null, eventTimestamp: null, errors: ['Realtime token validation failed: MISSING_PERMISSION'] },
      { eventId: null, eventTimestamp: null, errors: ['Realtime token validation failed: TOKEN_REQUIRED'] },
      { eventId: null, eventTimestamp: null, errors: ['Realtime token validation failed: TOKEN_REQUIRED'] }
    ]);
    expect([inbox, queue]).toEqual([[], []]);
    expect(world.sandbox.meter.snapshot()['realtime.refused']).toBe(4);
    // R24: the customer's own token (one for the channel: the app publishes with it too) reaches the customer's own channel,
    // where only their own widget listens: what they send there they alone receive, and no agent's page hears it.
    const own = await world.sandbox.realtime.publishFromPage(widget, {
      channel: view.realtime.channel,
      payload: forged,
      isGlobal: true,
      ...withToken(view.realtime.token)
    });
    expect(own).toMatchObject({ eventId: expect.any(String) });
    expect(customer).toEqual([forged]);
    expect([inbox, queue]).toEqual([[], []]);
    // The app's own pushes still arrive, on the same channels.
    await chatGoesOn(busy, waiting);
    expect(inbox).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'newMessage', conversationId: waiting.conversationId }));
    expect(customer).toContainEqual(expect.objectContaining({ type: 'message', text: 'Hi, Ana here' }));
  });
});
