import { without, type Agent } from './agent';
import { assignDeadline, hasPendingTransfer, isEnded, type Conversation } from './conversation';
import type { Effect, WithdrawReason } from './effects';
import { fail, ok, type Result } from './result';
import { change, type Change } from './state';

/** A conversation and the agent it involves, after one step, with its effects. */
export interface OfferStep {
  readonly conversation: Conversation;
  readonly agent: Agent;
  readonly effects: readonly Effect[];
}

/** R6: the pending offer reserves one unit of the agent's load (R5). */
export function makeOffer(conversation: Conversation, agent: Agent, stamp: number, now: number): OfferStep {
  const attempt = conversation.attempts + 1;
  const expiresAt = now + conversation.timing.offerTimeoutMs;
  const { id: conversationId } = conversation;
  return {
    conversation: {
      ...conversation,
      status: 'offered',
      attempts: attempt,
      offer: { agentId: agent.accountId, offeredAt: now, expiresAt, attempt },
      passedBy: null
    },
    agent: { ...agent, offers: [...agent.offers, conversationId], lastOfferedAt: stamp },
    // R9: its timeout is the offer's expiresAt (pendingTimers).
    effects: [{ type: 'offer', conversationId, agentId: agent.accountId, attempt, expiresAt }]
  };
}

/**
 * Takes a pending offer back: the conversation waits again at its original FCFS
 * place (requestedAt is unchanged), the agent's slot frees, and the agent is
 * skipped at the next pick (R8). A transfer offer's chat instead stays with its
 * assignee, running (and its assignee is told).
 */
// Decision: a withdrawn or declined chat keeps its requestedAt, so it waits at its original FCFS place.
export function withdrawOffer(conversation: Conversation, agent: Agent, reason: WithdrawReason): OfferStep {
  const attempt = conversation.offer?.attempt ?? conversation.attempts;
  const withdrawn: Effect = { type: 'withdrawOffer', conversationId: conversation.id, agentId: agent.accountId, attempt, reason };
  if (hasPendingTransfer(conversation) && conversation.assignee !== null) {
    // Decision (transfer): a transfer offer that ends without an accept leaves the chat with its assignee, running.
    const back: Effect = {
      type: 'transferReturned',
      conversationId: conversation.id,
      agentId: conversation.assignee,
      to: agent.accountId,
      reason
    };
    return {
      conversation: { ...conversation, offer: null },
      agent: { ...agent, offers: without(agent.offers, conversation.id) },
      effects: [withdrawn, back]
    };
  }
  return {
    conversation: { ...conversation, status: 'waiting', offer: null, passedBy: agent.accountId },
    agent: { ...agent, offers: without(agent.offers, conversation.id) },
    effects: [withdrawn]
  };
}

/**
 * An offer the agent can still accept or decline. Once it has expired, or Time
 * to assign has passed, its timer decides instead (R9, R12), even if that timer
 * is late.
 */
export function answerableOffer(conversation: Conversation | undefined, agentId: string, now: number): Result<Conversation> {
  if (!conversation) return fail('not_found', 'No such conversation.');
  if (isEnded(conversation)) return fail('conflict', 'This conversation has ended.');
  if (conversation.offer?.agentId !== agentId) return fail('conflict', 'This conversation is not offered to you (any more).');
  // Decision: past its deadline an offer is the timer's to decide, even if the timer is late.
  if (now >= conversation.offer.expiresAt) return fail('conflict', 'This offer has expired.');
  // Time to assign is about a chat nobody has taken yet, not a running chat being transferred.
  if (!hasPendingTransfer(conversation) && now >= assignDeadline(conversation))
    return fail('conflict', 'Time to assign has passed for this conversation.');
  return ok(conversation);
}

export function stepChange(step: OfferStep): Change {
  return change({ conversations: [step.conversation], agents: [step.agent], effects: step.effects });
}
