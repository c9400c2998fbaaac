import { hasPendingTransfer, type Conversation } from '../conversation';
import { fail, ok, type Result } from '../result';
import type { Change, SiteState } from '../state';
import { onTransfer } from './transfer';

/** A space admin's move of a running chat in the live view (LV2, LV3): back to the queue, or to an agent. */
export type AdminMoveTarget = { readonly queue: true } | { readonly accountId: string };

export interface AdminMoveInput {
  readonly conversationId: string;
  /** The space whose admin moves the chat: a chat of another space is not theirs to see (not_found). */
  readonly projectKey: string;
  /** The assignee the admin's view showed (LV4: a chat that changed hands since is refused, not moved). */
  readonly from: string;
  readonly to: AdminMoveTarget;
}

/**
 * LV4: the chat a space admin may move: one of their space's, running with an assignee and no
 * transfer pending (one offer at a time, R6). Answers that assignee. Pure, so the use case can
 * refuse before it loads anything for the decision.
 */
export function movableChat(conversation: Conversation | undefined, projectKey: string): Result<string> {
  if (!conversation || conversation.projectKey !== projectKey) return fail('not_found', `No such chat in ${projectKey}.`);
  if (conversation.outcome !== null) return fail('conflict', `This chat has ended (${conversation.status}); there is nothing to move.`);
  if (conversation.status !== 'active' || conversation.assignee === null)
    return fail('conflict', 'This chat is not with an agent yet; routing offers it (R6, R11).');
  if (hasPendingTransfer(conversation))
    return fail('conflict', 'A transfer of this chat is already pending; try again once it is answered.');
  return ok(conversation.assignee);
}

/**
 * LV2, LV3: a space admin moves a running chat as its assignee's Transfer would (lifecycle/transfer.ts),
 * the admin acting in the assignee's place:
 * - LV2 back to the space's queue: routed as a new request at its FCFS place by requestedAt (R6, R11),
 *   Time to assign again from now (R12), the agent freed at once and skipped at the next pick unless
 *   the only eligible agent (R8);
 * - LV3 to another agent of the space, Available with a fresh heartbeat and below the maximum (R1, R2,
 *   R5): an offer that reserves a unit of their load; the assignee keeps the chat until the accept (R7),
 *   and a decline or timeout leaves it with them (R8, R9).
 * Decision (LV3): an offer rather than a direct assignment, so R5 and R6 hold through the one path
 * every offer takes, and R7 stays true: only the agent's accept assigns a chat (src/domain/README.md).
 *
 * Reads: what onTransfer reads (the chat, its assignee, the target and the space; for the queue what
 * dispatch reads).
 */
export function onAdminMove(state: SiteState, input: AdminMoveInput, now: number): Result<Change> {
  const holder = movableChat(state.conversations[input.conversationId], input.projectKey);
  if (!holder.ok) return holder;
  if (holder.value !== input.from) return fail('conflict', `This chat is no longer with ${input.from}; look at the live view again.`);
  const { to } = input;
  if ('accountId' in to && to.accountId === input.from) {
    const message = `${to.accountId} already has this chat.`;
    return fail('invalid', message, [{ field: 'accountId', message }]);
  }
  const target = 'accountId' in to ? { accountId: to.accountId } : { projectKey: input.projectKey };
  const moved = onTransfer(state, { conversationId: input.conversationId, agentId: input.from, to: target }, now);
  if (moved.ok) return moved;
  // The admin's payload names the agent `accountId` (transfer's names it `to.accountId`).
  const fields = moved.error.fields?.map((f) => (f.field === 'to.accountId' ? { ...f, field: 'accountId' } : f));
  return fail(moved.error.code, moved.error.message, fields);
}
