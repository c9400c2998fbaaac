import type { PushChannel } from '../ports/chat-pushes';
import { MINUTE, SECOND, supportDesk, type ChatWorld } from './testing/chat-world';

/**
 * The app's pushes under the strict realtime service (sandbox/realtime): every channel carries
 * the app's token, the pages listen with the token the read operations give them
 * (chat.start, chat.get, agent.me, conversation.get: one token for a party's own channel,
 * subscribe-only for the queue's shared signal), and the pushes still reach the customer,
 * the agents and the waiting customers, also in a chat that outlives a token.
 */
let world: ChatWorld;
afterEach(() => world?.close());

/** What a token allows, read from its payload as @forge/realtime does. */
function permissionsOf(channel: PushChannel | undefined): unknown {
  const payload = channel?.token?.split('.')[1];
  return payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { permissions?: unknown }).permissions : undefined;
}

const refused = () => world.sandbox.meter.snapshot()['realtime.refused'];

describe('live pushes with the app’s tokens', () => {
  it('reach the customer, the agent and the waiting customers; the queue signal’s token is subscribe-only, a party’s own channel has one token', async () => {
    world = await supportDesk(['agent-ana'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const running = await world.start('SUP', 'customer-dana');
    const me = await world.me('agent-ana');
    const inbox = world.listen(me.realtime);
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');
    const first = await world.start('SUP', 'customer-eli');
    await world.advance(SECOND);
    const second = await world.start('SUP', null);
    const waitingView = await world.chat(second);
    const customer = world.listen((await world.chat(running)).realtime);
    const queue = world.listen(waitingView.queueRealtime);
    const view = await world.ok<{ realtime?: PushChannel }>('conversation.get', { conversationId: running.conversationId }, 'agent-ana');
    // A party's own channel (the customer's, R24; the agent's, R18): one token, which also publishes, reaching only that party.
    for (const channel of [(first as { realtime?: PushChannel }).realtime, waitingView.realtime, me.realtime, view.realtime]) {
      expect(permissionsOf(channel)).toEqual(['subscribe', 'publish']);
    }
    // R11: the queue's signal is shared by every waiting customer of the space: subscribe-only, so none can make the others read again.
    expect(permissionsOf(waitingView.queueRealtime)).toEqual(['subscribe']);

    await world.ok('conversation.send', { conversationId: running.conversationId, text: 'Hi, Ana here' }, 'agent-ana');
    await world.ok('chat.send', { conversationId: running.conversationId, token: running.token, text: 'Hello Ana' }, null);
    await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana');
    await world.settle();
    expect(customer).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'message', text: 'Hi, Ana here' }), { type: 'status', status: 'resolved' }])
    );
    expect(inbox).toEqual(
      expect.arrayContaining([
        // R20: the assignee's one push of the customer's message carries it, for their open chat view.
        expect.objectContaining({
          type: 'notify',
          reason: 'newMessage',
          message: expect.objectContaining({ from: 'customer', text: 'Hello Ana' })
        }),
        expect.objectContaining({ type: 'offer', conversationId: first.conversationId })
      ])
    );
    expect(queue).toContainEqual({ type: 'queue' });
    expect(refused()).toBe(0);
  });

  it('a chat longer than a token’s life keeps its pushes: the reads hand out a fresh token before the old one expires', async () => {
    world = await supportDesk(['agent-ana']);
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi, Ana here' }, 'agent-ana'); // R13: the reply clock stops
    // The widget as live-updates.ts runs it: one subscription per channel and token, moved when a read brings a new token.
    const received: unknown[] = [];
    let listening: { token?: string; stop: () => void } | undefined;
    const widgetReads = async () => {
      const { realtime } = await world.chat(chat);
      if (realtime.token === listening?.token) return;
      listening?.stop();
      const stop = world.sandbox.realtime.subscribe({ ...realtime, isGlobal: true }, (event) => received.push(JSON.parse(event.payload)));
      listening = { token: realtime.token, stop };
    };
    await widgetReads();
    const firstToken = listening?.token;
    for (let minute = 0; minute < 130; minute += 10) {
      await world.advance(10 * MINUTE);
      await widgetReads(); // its 30-s poll, every 10 minutes here
      await world.ok('conversation.send', { conversationId: chat.conversationId, text: `Still here at ${minute + 10} min` }, 'agent-ana');
      await world.settle();
    }
    expect(listening?.token).not.toBe(firstToken);
    expect(received.filter((p) => (p as { type?: string }).type === 'message')).toHaveLength(13);
    expect(refused()).toBe(0);
  });
});
