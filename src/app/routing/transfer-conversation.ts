import { onTransfer, type ConversationStatus, type TransferTarget } from '../../domain';
import { AppError } from '../app-error';
import { requireConversation } from '../chat/find-conversation';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';
import { handOverText, recordHandOver, withFormerAssignee } from './hand-over';

/** The chat after the transfer: still `active` with the offer pending (to an agent), or `waiting`/`offered` (back to the queue). */
export interface TransferAnswer {
  readonly status: ConversationStatus;
  readonly transfer: { readonly to: string; readonly expiresAt: number } | null;
}

/**
 * conversation.transfer, by the assignee (README "Operations beyond PRODUCT.md"): an offer to
 * another agent of the space, or back to its queue (the domain's onTransfer decides both).
 * The target's eligibility is judged on their routing record (R1, R2, R5) and the space's
 * agents as the app last read them (R3), as for invitations: the app may not ask Jira about
 * another account's permissions, and the target proves theirs when they accept (R28).
 */
export async function transferConversation(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string; to: TransferTarget }
): Promise<TransferAnswer> {
  const first = await requireConversation(deps, input.conversationId);
  const agentId = input.agentId;
  if (!agentId || first.conversation.assignee !== agentId)
    throw new AppError('forbidden', 'Only the assigned agent can transfer this chat.');
  await deps.callers.requireSpaceAgent(agentId, first.conversation.projectKey);
  const { to } = input;
  const toQueue = 'projectKey' in to;
  const spaces = toQueue ? await deps.spaces.spacesOfAgent(agentId) : [];
  const decided = await runDecision(
    deps,
    async (session) => {
      const stored = await session.conversation(input.conversationId);
      await session.agent(agentId);
      await session.space(first.conversation.projectKey);
      if (toQueue) await session.dispatchScope([first.conversation.projectKey, ...spaces]);
      else {
        await session.agent(to.accountId);
        await session.loadMaximum();
      }
      const change = orThrow(onTransfer(session.state(), { conversationId: input.conversationId, agentId, to }, session.now));
      const after = change.conversations[input.conversationId];
      if (stored && toQueue && after) {
        // Back to the queue: the chat leaves this agent now; whoever accepts it next is its assignee (R7).
        session.setDetails(input.conversationId, {
          ...stored.details,
          agentName: null,
          formerAssignees: withFormerAssignee(stored, agentId)
        });
        await recordHandOver(deps, session, stored, handOverText('queue'));
      }
      const offer = after?.status === 'active' ? after.offer : null;
      return {
        change,
        value: {
          status: after?.status ?? first.conversation.status,
          transfer: offer ? { to: offer.agentId, expiresAt: offer.expiresAt } : null
        }
      };
    },
    { deferLastAttempt: toQueue }
  );
  return decided.value;
}
