import { hasFreshHeartbeat, hasPendingTransfer, isEligible, load, type Agent, type AgentStatus } from '../../domain';
import { AppError } from '../app-error';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

/** A running chat of the space, as a space admin sees it (R18: who, since when, which work item; no messages). */
export interface LiveChat {
  readonly conversationId: string;
  readonly customerName: string;
  readonly workItemKey: string;
  /** When the agent took it (R7); for an offer, when it was offered (R6). */
  readonly since: number;
  /** A pending Transfer of a running chat: the agent it is offered to (null: none). */
  readonly transferTo: string | null;
}

export interface LiveAgent {
  readonly accountId: string;
  readonly name: string;
  /** As routing counts it (LV1): Offline when the inbox sent no heartbeat for 2 minutes (R2), whatever they set. */
  readonly status: AgentStatus;
  /** What the agent set (R1); differs from `status` only when R2 counts them Offline. */
  readonly chosenStatus: AgentStatus;
  /** R5: accepted unresolved chats and pending offers, across all spaces. */
  readonly load: number;
  /** LV3: may be assigned a chat now (Available, fresh heartbeat, below the maximum). */
  readonly canTakeChat: boolean;
  /** Their running chats in this space (R7). */
  readonly chats: readonly LiveChat[];
  /** Chats of this space offered to them and not answered yet (R6; a Transfer's included). */
  readonly offers: readonly LiveChat[];
}

export interface WaitingCustomer {
  readonly conversationId: string;
  readonly customerName: string;
  readonly workItemKey: string;
  /** R11: 1-based, first come first served. */
  readonly position: number;
  /** Since when they wait: the request, or when their chat was put back in the queue. */
  readonly waitingSince: number;
}

export interface LiveView {
  /** The server's time, for the page's "waiting 3 min" (the sandbox's clock is virtual). */
  readonly now: number;
  readonly maxConversations: number;
  readonly agents: readonly LiveAgent[];
  /** The head of the queue, at most LIVE_VIEW_QUEUE_LIMIT customers. */
  readonly waiting: readonly WaitingCustomer[];
  /** More customers wait than `waiting` lists. */
  readonly moreWaiting: boolean;
}

/** Customers the live view lists from the head of the queue: one batched read of 25 chats, and a sign when more wait. */
export const LIVE_VIEW_QUEUE_LIMIT = 25;

/**
 * space.liveView.get (LV1), polled by the space settings page while it is open. It reads the
 * space's shared routing items by key, never a query over the chats: the space's record and agents
 * cache (2 reads), the site maximum (1), the agent roster item holding the whole team (1), the
 * space's waiting line (1), each agent's name (1 each, kept a day by the people port), and the chats
 * it lists: those the team holds (across spaces: an agent's record does not say whose space a chat
 * is) and the queue's head, one item read each in batches of 25. The scenario test counts them.
 * Nothing is written. Handler: R28 first (one read more for the cached permission).
 */
export async function showLiveView(deps: AppDeps, projectKey: string): Promise<LiveView> {
  const space = await deps.spaces.get(projectKey);
  if (!space) throw new AppError('not_found', `${projectKey} has no live chat.`);
  const [maxConversations, team, line] = await Promise.all([
    deps.spaces.maxConversations(),
    deps.routing.agents(space.config.agentIds),
    deps.routing.queueHead(projectKey, LIVE_VIEW_QUEUE_LIMIT + 1)
  ]);
  const now = deps.clock.now();
  const held = await deps.routing.conversations([...new Set(team.flatMap(({ agent }) => [...agent.active, ...agent.offers]))]);
  const ours = new Map(held.filter((c) => c.conversation.projectKey === projectKey).map((c) => [c.conversation.id, c]));
  const agents = await Promise.all(
    team.map(async ({ agent }): Promise<LiveAgent> => {
      const chats = agent.active.flatMap((id) => liveChat(ours.get(id), 'active'));
      const offers = agent.offers.flatMap((id) => liveChat(ours.get(id), 'offer'));
      return {
        accountId: agent.accountId,
        name: (await deps.people.displayName(agent.accountId).catch(() => null)) ?? agent.accountId,
        status: routingStatus(agent, now),
        chosenStatus: agent.status,
        load: load(agent),
        canTakeChat: isEligible(agent, maxConversations, now),
        chats: chats.sort((a, b) => a.since - b.since),
        offers
      };
    })
  );
  return {
    now,
    maxConversations,
    agents: agents.sort((a, b) => a.name.localeCompare(b.name)),
    waiting: line.slice(0, LIVE_VIEW_QUEUE_LIMIT).map(({ conversation, details }, i) => ({
      conversationId: conversation.id,
      customerName: details.customerName,
      workItemKey: details.workItemKey,
      position: i + 1,
      waitingSince: conversation.requeuedAt ?? conversation.requestedAt
    })),
    moreWaiting: line.length > LIVE_VIEW_QUEUE_LIMIT
  };
}

/** R2: a stale heartbeat counts as Offline, whatever the agent set. */
function routingStatus(agent: Agent, now: number): AgentStatus {
  return hasFreshHeartbeat(agent, now) ? agent.status : 'offline';
}

function liveChat(stored: StoredConversation | undefined, held: 'active' | 'offer'): LiveChat[] {
  if (!stored) return [];
  const { conversation, details } = stored;
  // The agent's record and the chat are one transaction's writes, but a chat read a moment later may have moved on.
  if (held === 'active' ? conversation.status !== 'active' : conversation.offer === null) return [];
  const transfer = hasPendingTransfer(conversation) ? conversation.offer : null;
  return [
    {
      conversationId: conversation.id,
      customerName: details.customerName,
      workItemKey: details.workItemKey,
      since: (held === 'active' ? conversation.acceptedAt : conversation.offer?.offeredAt) ?? conversation.requestedAt,
      transferTo: held === 'active' && transfer ? transfer.agentId : null
    }
  ];
}
