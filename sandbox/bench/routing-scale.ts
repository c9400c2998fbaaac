import { extraStaff } from '../jira/demo-site';
import { ChatWorld, type AgentMe, type StartedChat } from '../../src/app/routing/testing/chat-world';
import { measure, zeroCost, type Cost } from './usage';

/**
 * How the cost of one routing decision grows with the agents of a team and the chats already
 * waiting. Every agent holds one chat (the site maximum is 1) and W chats wait; then:
 * - `request`: a new chat asks for a person and joins the queue (chat.start: its work item,
 *   the routing decision over the space's agents and the head of its queue, the customer's
 *   queue position);
 * - `slot freed`: an agent resolves a chat and the oldest waiting one is offered to them (the
 *   resolve decision and its dispatch, in one transaction, and the transcript);
 * - `decision`: the offered agent declines and the chat is routed again (offer.decline: one routing
 *   decision over the team and the queue head, and nothing else);
 * - `waiting poll`: a waiting customer's widget reads its status and queue position (chat.get);
 * - `widget`: the portal asks whether to show the chat (widget.status: is anyone of the team reachable, R22).
 * Routing reads the team from the agents' roster item and the queue from the space's waiting line
 * (src/platform/routing/kvs-agent-roster.ts, kvs-waiting-line.ts), by key, whatever their length.
 */
export interface ScalePoint {
  readonly agents: number;
  readonly waiting: number;
  readonly request: Cost;
  readonly slotFreed: Cost;
  readonly decision: Cost;
  readonly waitingPoll: Cost;
  readonly widget: Cost;
}

/**
 * The reads of each point before the roster and the waiting line (commit dbd5a49, this bench run
 * there): two records per agent, the queue position counted a page of 100 at a time. Keyed
 * `agents/waiting`.
 */
export const READS_BEFORE: Readonly<
  Record<string, { request: number; slotFreed: number; decision: number; waitingPoll: number; widget: number }>
> = {
  '1/0': { request: 16, slotFreed: 18, decision: 13, waitingPoll: 5, widget: 6 },
  '1/100': { request: 130, slotFreed: 32, decision: 28, waitingPoll: 104, widget: 6 },
  '1/1000': { request: 1030, slotFreed: 32, decision: 28, waitingPoll: 1004, widget: 6 },
  '10/0': { request: 34, slotFreed: 36, decision: 31, waitingPoll: 5, widget: 24 },
  '10/100': { request: 148, slotFreed: 50, decision: 46, waitingPoll: 104, widget: 24 },
  '10/1000': { request: 1048, slotFreed: 50, decision: 46, waitingPoll: 1004, widget: 24 },
  '100/0': { request: 214, slotFreed: 216, decision: 211, waitingPoll: 5, widget: 204 },
  '100/100': { request: 328, slotFreed: 230, decision: 226, waitingPoll: 104, widget: 204 },
  '100/1000': { request: 1228, slotFreed: 230, decision: 226, waitingPoll: 1004, widget: 204 }
};

export const TEAM_SIZES = [1, 10, 100] as const;
export const WAITING = [0, 100, 1000] as const;

export async function routingScale(): Promise<ScalePoint[]> {
  const points: ScalePoint[] = [];
  for (const agents of TEAM_SIZES) points.push(...(await teamOf(agents)));
  return points;
}

async function teamOf(size: number): Promise<ScalePoint[]> {
  const world = new ChatWorld({ meterLogs: true });
  try {
    const jira = world.sandbox.jira;
    const ids = Array.from({ length: size }, (_, i) => `agent-r${String(i).padStart(3, '0')}`);
    for (const accountId of ids) {
      jira.addUser(extraStaff(accountId, `Agent ${accountId.slice(7)}`));
    }
    jira.setProjectRole('SUP', 'Service Desk Team', ids);
    await world.setUpSupport({ timeToAssignMinutes: 60 });
    await world.setMaximum(1);
    for (const id of ids) await world.goOnline(id);
    world.online.clear(); // the clock does not move here: heartbeats stay fresh
    let customers = 0;
    const newCustomer = () => world.customer(customers++);
    // Every agent takes one chat: at the maximum, so new chats wait.
    // A millisecond apart, so that first come first served (R11) orders them the same way every run.
    const start = async () => {
      await world.sandbox.clock.advance(1);
      await world.start('SUP', newCustomer());
    };
    for (let i = 0; i < size; i++) await start();
    for (const id of ids) await acceptOffers(world, id);
    const points: ScalePoint[] = [];
    let waiting = 0;
    const first = ids[0];
    for (const target of WAITING) {
      for (; waiting < target; waiting++) await start();
      const queued = world.sandbox.kvs
        .entityItems<{ record: { status: string } }>('conversation')
        .filter((e) => e.value.record.status === 'waiting').length;
      if (queued !== target) throw new Error(`expected ${target} chats waiting, found ${queued}`);
      // A second later than those waiting: the new chat is last in the queue (FCFS by request time, R11).
      await world.sandbox.clock.advance(1000);
      let joined: StartedChat | undefined;
      const request = await measure(world.sandbox.meter, async () => {
        joined = await world.start('SUP', newCustomer());
        await world.settle();
      });
      const waitingPoll = await measure(world.sandbox.meter, async () => {
        await world.chat(joined as StartedChat);
      });
      const widget = await measure(world.sandbox.meter, async () => {
        await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP');
      });
      const held = (await world.me(first)).conversations[0];
      const slotFreed = await measure(world.sandbox.meter, async () => {
        await world.ok('conversation.resolve', { conversationId: held.conversationId }, first);
        await world.settle();
      });
      // The oldest waiting chat (or, with none waiting, nothing) is now offered to the first agent.
      const offered = (await world.me(first)).offers[0];
      const decision = offered
        ? await measure(world.sandbox.meter, async () => {
            await world.ok('offer.decline', { conversationId: offered.conversationId }, first);
            await world.settle();
          })
        : undefined;
      // Back to every agent at the maximum with `target` waiting: the first agent takes the offered chat.
      await acceptOffers(world, first);
      points.push({ agents: size, waiting: target, request, slotFreed, decision: decision ?? zeroCost(), waitingPoll, widget });
    }
    return points;
  } finally {
    world.close();
  }
}

async function acceptOffers(world: ChatWorld, agentId: string): Promise<void> {
  const me: AgentMe = await world.me(agentId);
  for (const offer of me.offers) await world.ok('offer.accept', { conversationId: offer.conversationId }, agentId);
  await world.settle();
}
