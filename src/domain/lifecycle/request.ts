import { anyReachable } from '../eligibility';
import { newConversation } from '../conversation';
import { dispatch } from '../dispatch';
import type { Effect } from '../effects';
import { newChatRecipients } from '../notifications';
import { fail, ok, type Result } from '../result';
import { timingOf } from '../settings';
import { isLiveChatOn } from '../space';
import { agentOf, change, noChange, type Change, type SiteState } from '../state';
import { finish } from './ending';

export interface RequestInput {
  readonly conversationId: string;
  readonly projectKey: string;
}

/**
 * The customer asked for a person (the work item exists, R15). Missed at once
 * when no agent of the space is reachable (R10); otherwise it joins the queue
 * and is dispatched (R6, R11).
 *
 * Reads: the space, its agents, the waiting conversations (see dispatch).
 * Live chat must be on and set up (check the license first, see canStartChat).
 */
export function onRequest(state: SiteState, input: RequestInput, now: number): Result<Change> {
  if (state.conversations[input.conversationId]) return ok(noChange); // a redelivered request finds it already decided
  const space = state.spaces[input.projectKey];
  if (!space) return fail('not_found', `No live chat space ${input.projectKey}.`);
  if (!isLiveChatOn(space)) return fail('unavailable', `Live chat is not available for ${input.projectKey}.`);
  const conversation = newConversation({
    id: input.conversationId,
    projectKey: space.projectKey,
    requestedAt: now,
    // Decision: the timings in force at request time apply to the whole conversation.
    timing: timingOf(space.settings)
  });
  const agents = space.agentIds.map((id) => agentOf(state, id));
  // Decision (R10): judged at request time; nobody Available with a fresh heartbeat, whatever their load, means no waiting.
  if (!anyReachable(agents, now)) return ok(finish(conversation, [], { kind: 'missed', reason: 'noAgent' }, now));
  // Decision (R19): a chat missed at once is not announced; only chats that enter the queue are.
  const recipients = newChatRecipients(space, agents, now);
  // R12: Time to assign runs from requestedAt (pendingTimers).
  const effects: Effect[] = [];
  if (recipients.length > 0) effects.push({ type: 'notify', accountIds: recipients, conversationId: conversation.id, reason: 'newChat' });
  return ok(dispatch(state, now, change({ conversations: [conversation], effects })));
}
