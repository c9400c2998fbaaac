import { without, type Agent } from '../agent';
import type { Conversation, Outcome } from '../conversation';
import type { Effect } from '../effects';
import { agentOf, change, type Change, type SiteState } from '../state';

/**
 * R14: the one place a conversation ends. The holder (offered agent or
 * assignee) gets its slot back; a pending offer is withdrawn; missed and expired
 * chats show the fallback message (R10, R12, R13). The work item keeps its
 * assignee (R13: for follow-up), so there is no unassign effect.
 */
export function finish(conversation: Conversation, holders: readonly Agent[], outcome: Outcome, now: number): Change {
  const conversationId = conversation.id;
  const effects: Effect[] = [];
  if (conversation.offer) {
    const { agentId, attempt } = conversation.offer;
    effects.push({ type: 'withdrawOffer', conversationId, agentId, attempt, reason: 'ended' });
  }
  effects.push({ type: 'ended', conversationId, outcome });
  if (outcome.kind !== 'resolved') {
    effects.push({ type: 'fallback', conversationId, projectKey: conversation.projectKey });
  }
  // Decision (R13): ending never unassigns the work item; an expired chat stays with its agent for follow-up.
  const ended: Conversation = { ...conversation, status: outcome.kind, offer: null, outcome, endedAt: now };
  const released = holders.map((holder) => ({
    ...holder,
    offers: without(holder.offers, conversationId),
    active: without(holder.active, conversationId)
  }));
  return change({ conversations: [ended], agents: released, effects });
}

/**
 * The agents holding a slot of the conversation: the offered agent and the assignee of a
 * running chat (both while a transfer is pending).
 */
export function holderIds(conversation: Conversation): string[] {
  const ids: string[] = [];
  if (conversation.offer) ids.push(conversation.offer.agentId);
  if (conversation.status === 'active' && conversation.assignee !== null) ids.push(conversation.assignee);
  return ids;
}

export function holdersOf(state: SiteState, conversation: Conversation): Agent[] {
  return holderIds(conversation).map((id) => agentOf(state, id));
}
