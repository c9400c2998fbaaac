import { without } from '../agent';
import { hasPendingTransfer } from '../conversation';
import { acceptTransfer } from './transfer';
import { dispatch } from '../dispatch';
import { answerableOffer, stepChange, withdrawOffer } from '../offer';
import { ok, type Result } from '../result';
import { agentOf, change, noChange, type Change, type SiteState } from '../state';

export interface AnswerInput {
  readonly conversationId: string;
  readonly agentId: string;
}

/**
 * R7: the offered agent takes the conversation; the work item is assigned to
 * them and the chat starts. R13: the reply clock starts now (acceptedAt), so the
 * reminder (accept + T) and the expiry (accept + 2T) are pending from here.
 *
 * Reads: the conversation and the agent. Frees no slot, so no dispatch; except a
 * transfer's accept (acceptTransfer), which frees the first agent's.
 */
export function onAccept(state: SiteState, input: AnswerInput, now: number): Result<Change> {
  const current = state.conversations[input.conversationId];
  if (current?.status === 'active' && current.assignee === input.agentId) return ok(noChange); // a retried accept
  const answerable = answerableOffer(current, input.agentId, now);
  if (!answerable.ok) return answerable;
  const conversation = answerable.value;
  if (hasPendingTransfer(conversation)) return ok(acceptTransfer(state, conversation, input.agentId, now));
  const agent = agentOf(state, input.agentId);
  const { id: conversationId } = conversation;
  return ok(
    change({
      conversations: [{ ...conversation, status: 'active', offer: null, assignee: agent.accountId, acceptedAt: now }],
      agents: [{ ...agent, offers: without(agent.offers, conversationId), active: [...agent.active, conversationId] }],
      // Decision (R13): the reply clock starts at accept (acceptedAt): reminder at accept + T, expiry at accept + 2T (pendingTimers).
      effects: [{ type: 'assign', conversationId, agentId: agent.accountId }]
    })
  );
}

/**
 * R8: the offer goes to the next eligible agent, or back to the decliner when
 * they are the only one. The decliner is skipped at the next pick unless they are
 * the only eligible agent; if nobody is eligible, the conversation waits again at
 * its original FCFS place. Dispatch runs FCFS, so an older waiting conversation
 * gets the freed slot first.
 *
 * Reads: the conversation, the decliner, and what dispatch reads.
 */
export function onDecline(state: SiteState, input: AnswerInput, now: number): Result<Change> {
  const answerable = answerableOffer(state.conversations[input.conversationId], input.agentId, now);
  if (!answerable.ok) return answerable;
  const released = withdrawOffer(answerable.value, agentOf(state, input.agentId), 'declined');
  return ok(dispatch(state, now, stepChange(released)));
}
