import { isEnded } from '../conversation';
import { dispatch } from '../dispatch';
import { fail, ok } from '../result';
import { agentOf, noChange } from '../state';
import { onConversation } from './on-conversation';
import { finish, holderId } from './ending';

/**
 * R14: the assigned agent resolves the chat; their slot frees (R11).
 * A second resolve by them is a no-op.
 *
 * Reads: the conversation, the agent, and what dispatch reads.
 */
export const onResolve = onConversation(
  (state, conversation, input: { readonly conversationId: string; readonly agentId: string }, now) => {
    if (conversation.assignee !== input.agentId) return fail('forbidden', 'Only the assigned agent can resolve this chat.');
    if (conversation.outcome?.kind === 'resolved') return ok(noChange); // already resolved: a retry
    if (conversation.status !== 'active') return fail('conflict', `This chat has already ended (${conversation.status}).`);
    const holder = agentOf(state, input.agentId);
    return ok(dispatch(state, now, finish(conversation, holder, { kind: 'resolved', by: 'agent' }, now)));
  }
);

/**
 * The customer ends the chat, before or after accept: outcome resolved (by the
 * customer); a pending offer is withdrawn and the holder's slot frees. Ending an
 * ended chat is a no-op.
 *
 * Reads: the conversation, its holder, and what dispatch reads.
 */
export const onCustomerEnd = onConversation((state, conversation, _input: { readonly conversationId: string }, now) => {
  if (isEnded(conversation)) return ok(noChange);
  const holder = holderId(conversation);
  // Ending a chat the customer asked for is resolving it, whether or not an agent had taken it.
  const ended = finish(conversation, holder === null ? null : agentOf(state, holder), { kind: 'resolved', by: 'customer' }, now);
  return ok(dispatch(state, now, ended));
});
