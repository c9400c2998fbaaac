import { ChatWorld, MINUTE, SECOND, supportDesk, type StartedChat } from '../../src/app/routing/testing/chat-world';
import { addCosts, measure, zeroCost, type Cost } from './usage';

/**
 * The platform cost of one chat, step by step, on the sandbox's usage meter: the standard chat
 * (request → one offer → accept → 10 agent and 10 customer messages, alternating every 30 s →
 * resolve) and the ways a chat is missed or expires. Each is measured in a running installation,
 * for a new customer: a first chat has warmed what the installation keeps (the agent's display
 * name), and the answers the app keeps for a few minutes (a caller's permissions 5 min, a space's
 * agents 10 min) are fresh, as the installation's other traffic keeps them (keepWarm): their
 * refreshes cost per hour, not per chat, and are measured apart, with the inbox's heartbeats and
 * the 5-minute sweep (standing-costs.ts).
 */
export interface ChatCost {
  readonly steps: Record<string, Cost>;
  readonly total: Cost;
  /** Virtual minutes from the request to the end of the chat. */
  readonly minutes: number;
}

const AGENT = 'agent-ana';
const TRANSCRIPT = [
  { from: 'customer', text: 'My laptop will not start since this morning.' },
  { from: 'ai', text: 'Have you tried holding the power button for 10 seconds?' },
  { from: 'customer', text: 'Yes, nothing happens. I want to talk to a person.' }
];

/** A fresh demo installation with SUP set up and agent-ana online, Available. */
export async function benchDesk(): Promise<ChatWorld> {
  const world = await supportDesk([AGENT], {}, { meterLogs: true });
  // A chat agent-ana is not on, for keepWarm to ask about (missed at once while she is away).
  await world.ok('agent.setStatus', { status: 'away' }, AGENT);
  probes.set(world, (await world.start('SUP', world.customer(9999))).conversationId);
  await world.ok('agent.setStatus', { status: 'available' }, AGENT);
  return world;
}

const probes = new WeakMap<ChatWorld, string>();

/**
 * Refreshes, outside the measurement, the answers the app keeps for a few minutes, as other
 * traffic does in a running installation: the agent's permissions (her inbox's poll; looking
 * at a chat of the space she is not on) and the space's agents (the portal's visibility poll).
 */
export async function keepWarm(world: ChatWorld): Promise<void> {
  await world.call('agent.me', {}, AGENT);
  await world.call('widget.status', { projectKey: 'SUP' }, null, 'SUP');
  const probe = probes.get(world);
  if (probe) await world.call('conversation.get', { conversationId: probe }, AGENT);
  await world.settle();
}

export interface PageModel {
  /** After each step, the pages read what the step's pushes did not carry (see pages.ts). */
  readonly afterStep: () => Promise<void>;
  /** A page sent a message and holds it from the seq its send answered. */
  readonly sent: (by: 'agent' | 'customer', seq: number) => void;
  /** Every 30 s of a chat (the pages poll at their own pace). */
  readonly poll: () => Promise<void>;
  /** Outside the measurement, with keepWarm: what the pages do on the standing costs' account (the inbox's own poll). */
  readonly standing?: () => Promise<void>;
}

/** The standard chat; `customer` is a portal customer who has not chatted before. */
export async function standardChat(world: ChatWorld, customer: string, pages?: (chat: StartedChat) => PageModel): Promise<ChatCost> {
  const meter = world.sandbox.meter;
  const steps: Record<string, Cost> = {};
  const add = (name: string, cost: Cost) => (steps[name] = addCosts(steps[name] ?? zeroCost(), cost));
  const startedAt = world.sandbox.clock.now();
  let chat: StartedChat | undefined;
  let model: PageModel | undefined;
  const step = async (name: string, work: () => Promise<unknown>) => {
    await keepWarm(world);
    await model?.standing?.();
    add(
      name,
      await measure(meter, async () => {
        await work();
        await world.settle();
        await model?.afterStep();
      })
    );
  };
  const wait = async (ms: number) => {
    for (let left = ms; left > 0; left -= 30 * SECOND) {
      await keepWarm(world);
      await model?.standing?.();
      add(
        'timer events and page polls',
        await measure(meter, async () => {
          await world.advance(Math.min(left, 30 * SECOND));
          await model?.poll();
        })
      );
    }
  };

  await step('request (chat.start: work item, routed, offered)', async () => {
    chat = await world.start('SUP', customer, { summary: 'Laptop does not start', transcript: TRANSCRIPT });
    model = pages?.(chat);
  });
  const started = chat as StartedChat;
  await wait(20 * SECOND);
  await step('accept (offer.accept: assignee set)', () => world.ok('offer.accept', { conversationId: started.conversationId }, AGENT));
  for (let i = 1; i <= 10; i++) {
    await wait(30 * SECOND);
    const agentStep = i === 1 ? 'first agent message (R17 public reply)' : 'agent messages 2–10';
    await step(agentStep, async () => {
      const sent = await world.ok<{ seq: number }>(
        'conversation.send',
        { conversationId: started.conversationId, text: `Agent message ${i}: let us try this.` },
        AGENT
      );
      model?.sent('agent', sent.seq);
    });
    await wait(30 * SECOND);
    await step('customer messages 1–10', async () => {
      const sent = await world.ok<{ seq: number }>(
        'chat.send',
        { conversationId: started.conversationId, token: started.token, text: `Customer message ${i}: done that.` },
        null
      );
      model?.sent('customer', sent.seq);
    });
  }
  await step('resolve (transcript on the work item)', () =>
    world.ok('conversation.resolve', { conversationId: started.conversationId }, AGENT)
  );
  const minutes = (world.sandbox.clock.now() - startedAt) / MINUTE;
  model = undefined; // the pages close with the chat
  await wait(40 * MINUTE);
  return { steps, total: addCosts(...Object.values(steps)), minutes };
}

/** R10: nobody Available with a fresh heartbeat: missed at once, the customer sees the fallback. */
export async function missedAtOnce(world: ChatWorld, customer: string): Promise<ChatCost> {
  await world.ok('agent.setStatus', { status: 'offline' }, AGENT);
  world.closeInbox(AGENT);
  const meter = world.sandbox.meter;
  await keepWarm(world);
  const request = await measure(meter, async () => {
    const chat = await world.start('SUP', customer, { summary: 'Laptop does not start', transcript: TRANSCRIPT });
    if (chat.status !== 'missed') throw new Error(`expected a chat missed at once, got ${chat.status}`);
    await world.settle();
  });
  const later = await measure(meter, () => world.advance(40 * MINUTE));
  await world.goOnline(AGENT);
  return {
    steps: { 'request (missed at once: label, transcript)': request, 'timer events': later },
    total: addCosts(request, later),
    minutes: 0
  };
}

/** R12: every agent busy; the chat waits in the queue until Time to assign (20 min, past the queue's 15-minute delay). */
export async function missedAfterWaiting(world: ChatWorld, busyCustomer: string, customer: string): Promise<ChatCost> {
  await world.setMaximum(1);
  const busy = await world.start('SUP', busyCustomer, { summary: 'Busy', transcript: TRANSCRIPT });
  await world.ok('offer.accept', { conversationId: busy.conversationId }, AGENT);
  await world.ok('conversation.send', { conversationId: busy.conversationId, text: 'On it.' }, AGENT);
  await world.advance(3 * MINUTE);
  const meter = world.sandbox.meter;
  await keepWarm(world);
  let waiting: StartedChat | undefined;
  const request = await measure(meter, async () => {
    waiting = await world.start('SUP', customer, { summary: 'Laptop does not start', transcript: TRANSCRIPT });
    await world.settle();
  });
  if (waiting?.status !== 'waiting') throw new Error(`expected a waiting chat, got ${waiting?.status}`);
  const wait = await measure(meter, () => world.advance(21 * MINUTE));
  if ((await world.chat(waiting)).status !== 'missed') throw new Error('expected the waiting chat to be missed after Time to assign');
  const later = await measure(meter, () => world.advance(40 * MINUTE));
  await world.ok('conversation.resolve', { conversationId: busy.conversationId }, AGENT);
  await world.setMaximum(3);
  return {
    steps: {
      'request (waits in the queue)': request,
      'Time to assign passes (R12: missed, label, transcript)': wait,
      'timer events': later
    },
    total: addCosts(request, wait, later),
    minutes: 20
  };
}

/** R13: accepted, but the agent never replies: reminded after Time to reply, expired after twice that. */
export async function expiredWithoutReply(world: ChatWorld, customer: string): Promise<ChatCost> {
  const meter = world.sandbox.meter;
  let chat: StartedChat | undefined;
  await keepWarm(world);
  const request = await measure(meter, async () => {
    chat = await world.start('SUP', customer, { summary: 'Laptop does not start', transcript: TRANSCRIPT });
    await world.settle();
  });
  const started = chat as StartedChat;
  await keepWarm(world);
  const accept = await measure(meter, async () => {
    await world.ok('offer.accept', { conversationId: started.conversationId }, AGENT);
    await world.settle();
  });
  const wait = await measure(meter, () => world.advance(21 * MINUTE));
  if ((await world.chat(started)).status !== 'expired') throw new Error('expected the chat to expire without a reply');
  const later = await measure(meter, () => world.advance(40 * MINUTE));
  return {
    steps: { request, accept, 'reminder, then expiry (R13: transcript)': wait, 'timer events': later },
    total: addCosts(request, accept, wait, later),
    minutes: 20
  };
}
