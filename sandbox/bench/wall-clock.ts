import { performance } from 'node:perf_hooks';
import { supportDesk, type ChatWorld } from '../../src/app/routing/testing/chat-world';

/**
 * Wall-clock figures of the local runtime: the app's real code on the in-process sandbox (no
 * network: KVS in memory, the fake Jira in-process), one invocation at a time. They say how
 * much work the app does per decision on this machine, not how fast Forge is.
 */
export interface WallClock {
  /** chat.start end to end: the work item, then the routing decision (offered, or queued once every agent is at the maximum). */
  readonly requestsRoutedPerSecond: number;
  /** offer.decline: a pure routing decision (the offer goes to the next agent, R8). */
  readonly declinesReroutedPerSecond: number;
  /** conversation.send called → the message pushed on the customer's channel, in ms. */
  readonly agentToCustomerMs: { readonly p50: number; readonly p99: number; readonly samples: number };
}

const AGENTS = ['agent-ana', 'agent-ben', 'agent-chen'];
const REQUESTS = 300;
const DECLINES = 600;
const MESSAGES = 1000;

export async function wallClock(): Promise<WallClock> {
  return { requestsRoutedPerSecond: await requests(), ...(await declinesAndMessages()) };
}

async function requests(): Promise<number> {
  const world = await desk();
  try {
    await world.setMaximum(20);
    for (let i = 0; i < 20; i++) await world.start('SUP', world.customer(1000 + i)); // warm-up (module loading, JIT)
    let ms = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const customer = world.customer(i);
      const at = performance.now();
      await world.start('SUP', customer);
      ms += performance.now() - at;
      await tick(world);
    }
    return Math.round(REQUESTS / (ms / 1000));
  } finally {
    world.close();
  }
}

async function declinesAndMessages(): Promise<Omit<WallClock, 'requestsRoutedPerSecond'>> {
  const world = await desk();
  try {
    const chat = await world.start('SUP', world.customer(1));
    let holder = await world.offeredTo(chat.conversationId, AGENTS);
    let declineMs = 0;
    for (let i = 0; i < DECLINES && holder; i++) {
      const at = performance.now();
      await world.ok('offer.decline', { conversationId: chat.conversationId }, holder);
      declineMs += performance.now() - at;
      await tick(world);
      holder = await world.offeredTo(chat.conversationId, AGENTS);
    }
    const agentId = holder ?? 'agent-ana';
    await world.ok('offer.accept', { conversationId: chat.conversationId }, agentId);

    const times: number[] = [];
    let sentAt = 0;
    // The widget listens with the subscribe-only token chat.start gave it.
    const { channel, token } = (chat as { realtime?: { channel: string; token?: string } }).realtime ?? { channel: '' };
    world.sandbox.realtime.subscribe({ channel, isGlobal: true, ...(token ? { token } : {}) }, (event) => {
      if ((JSON.parse(event.payload) as { type?: string }).type === 'message') times.push(performance.now() - sentAt);
    });
    for (let i = 0; i < MESSAGES; i++) {
      sentAt = performance.now();
      await world.ok('conversation.send', { conversationId: chat.conversationId, text: `Message ${i}` }, agentId);
      await tick(world);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
    return {
      declinesReroutedPerSecond: Math.round(DECLINES / (declineMs / 1000)),
      agentToCustomerMs: { p50: at(0.5), p99: at(0.99), samples: times.length }
    };
  } finally {
    world.close();
  }
}

async function desk(): Promise<ChatWorld> {
  // Offers last 10 minutes here: a timed run must not time them out (R9 would make the agents Away).
  const world = await supportDesk(AGENTS, { offerTimeoutSeconds: 600 });
  world.online.clear(); // the inboxes beat in tick()
  return world;
}

/**
 * A virtual second between timed calls, so that the platform's per-second limits (realtime:
 * 50 operations a second) see a paced load; the inboxes beat every 30 of them (R2).
 */
let ticks = 0;
async function tick(world: ChatWorld): Promise<void> {
  await world.sandbox.clock.advance(1000);
  if (++ticks % 30 === 0) for (const agentId of AGENTS) await world.call('agent.heartbeat', {}, agentId);
}
