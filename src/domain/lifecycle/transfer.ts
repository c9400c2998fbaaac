import { isReachable, load, without, type Agent } from '../agent';
import { hasPendingTransfer, type Conversation } from '../conversation';
import { dispatch } from '../dispatch';
import { fail, ok, type Result } from '../result';
import { agentOf, change, type Change, type SiteState } from '../state';

/** Transfer: to one agent of the chat's space, or back to the space's queue. */
export type TransferTarget = { readonly accountId: string } | { readonly projectKey: string };

export interface TransferInput {
  readonly conversationId: string;
  /** The caller: only the assignee may transfer. */
  readonly agentId: string;
  readonly to: TransferTarget;
}

/**
 * Transfer (README "Operations beyond PRODUCT.md"), by the assignee of a running chat:
 * - to an agent of the space who is Available with a fresh heartbeat and below the maximum
 *   (R1, R2, R5): an offer as R6 makes one (it reserves a unit of their load, times out after
 *   the chat's Offer timeout), while the assignee keeps the chat until it is accepted (R7 on
 *   accept, R8/R9 on decline or timeout: it stays with the assignee; see withdrawOffer);
 * - back to the chat's own space's queue: routed as a new request (R6, R11) at its FCFS place
 *   by its original requestedAt, Time to assign running again from now (R12); the assignee's
 *   slot frees at once and they are skipped at the next pick unless the only eligible agent (R8).
 *
 * Reads: the conversation, the assignee, the target agent and the space (for an agent);
 * for the queue also what dispatch reads.
 */
export function onTransfer(state: SiteState, input: TransferInput, now: number): Result<Change> {
  const conversation = state.conversations[input.conversationId];
  if (!conversation) return fail('not_found', 'No such conversation.');
  if (conversation.assignee !== input.agentId) return fail('forbidden', 'Only the assigned agent can transfer this chat.');
  if (conversation.status !== 'active')
    return fail('conflict', `This chat is ${conversation.status}; only a running chat can be transferred.`);
  if (hasPendingTransfer(conversation)) return fail('conflict', 'A transfer of this chat is already pending.');
  const from = agentOf(state, input.agentId);
  return 'accountId' in input.to
    ? toAgent(state, conversation, from, input.to.accountId, now)
    : toQueue(state, conversation, from, input.to.projectKey, now);
}

function toAgent(state: SiteState, conversation: Conversation, from: Agent, targetId: string, now: number): Result<Change> {
  const field = 'to.accountId';
  const refuse = (message: string) => fail('invalid', message, [{ field, message }]);
  if (targetId === from.accountId) return refuse('You already have this chat.');
  if (!state.spaces[conversation.projectKey]?.agentIds.includes(targetId))
    return refuse(`${targetId} is not an agent of ${conversation.projectKey}.`);
  const target = agentOf(state, targetId);
  if (!isReachable(target, now)) return refuse(`${targetId} is not Available.`);
  const max = state.settings.maxConversations;
  if (load(target) >= max) return refuse(`${targetId} already has the maximum of ${max} conversations.`);
  const attempt = conversation.attempts + 1;
  const expiresAt = now + conversation.timing.offerTimeoutMs;
  const { id: conversationId } = conversation;
  // Decision (transfer): the offer is no round-robin pick, so the target's R6 stamp (lastOfferedAt) is left as it is.
  return ok(
    change({
      conversations: [{ ...conversation, attempts: attempt, offer: { agentId: targetId, offeredAt: now, expiresAt, attempt } }],
      agents: [{ ...target, offers: [...target.offers, conversationId] }],
      effects: [{ type: 'offer', conversationId, agentId: targetId, attempt, expiresAt, transferFrom: from.accountId }]
    })
  );
}

// Decision (transfer): only the chat's own space's queue: its work item lives in that space, and moving a
// work item to another space is not something the app can do safely (Jira's move changes its key and type).
function toQueue(state: SiteState, conversation: Conversation, from: Agent, projectKey: string, now: number): Result<Change> {
  if (projectKey !== conversation.projectKey) {
    const message = `A chat goes back to its own space's queue only (${conversation.projectKey}).`;
    return fail('invalid', message, [{ field: 'to.projectKey', message }]);
  }
  const requeued: Conversation = {
    ...conversation,
    status: 'waiting',
    assignee: null,
    acceptedAt: null,
    reminderSent: false,
    passedBy: from.accountId,
    requeuedAt: now
  };
  const released = { ...from, active: without(from.active, conversation.id) };
  const step = change({
    conversations: [requeued],
    agents: [released],
    effects: [{ type: 'handedOver', conversationId: conversation.id, from: from.accountId, to: null }]
  });
  return ok(dispatch(state, now, step));
}

/**
 * Transfer, accepted (R7): the chat and the work item's assignee pass to the new agent, the
 * first agent's slot frees (so dispatch runs, R11). Decision (R13): the reply clock restarts
 * from this accept only if no agent has replied yet; R17's first reply stays the first one.
 *
 * Reads: the conversation, both agents, and what dispatch reads for the first agent's spaces.
 */
export function acceptTransfer(state: SiteState, conversation: Conversation, targetId: string, now: number): Change {
  const fromId = conversation.assignee as string;
  const from = agentOf(state, fromId);
  const target = agentOf(state, targetId);
  const { id: conversationId } = conversation;
  const restartsClock = conversation.firstAgentReplyAt === null;
  const step = change({
    conversations: [
      { ...conversation, offer: null, assignee: targetId, ...(restartsClock ? { acceptedAt: now, reminderSent: false } : {}) }
    ],
    agents: [
      { ...from, active: without(from.active, conversationId) },
      { ...target, offers: without(target.offers, conversationId), active: [...target.active, conversationId] }
    ],
    effects: [
      { type: 'assign', conversationId, agentId: targetId },
      { type: 'handedOver', conversationId, from: fromId, to: targetId }
    ]
  });
  return dispatch(state, now, step);
}
