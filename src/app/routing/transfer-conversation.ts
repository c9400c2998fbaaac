import { onTransfer, type Change, type ConversationStatus, type Result, type SiteState, type TransferTarget } from '../../domain';
import type { StoredConversation } from '../ports/routing-store';
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
  const moved = 'projectKey' in to ? null : to.accountId;
  return decideTransfer(deps, first, agentId, moved, (state, now) =>
    onTransfer(state, { conversationId: input.conversationId, agentId, to }, now)
  );
}

/**
 * A transfer's decision and shell, by the assignee (conversation.transfer) or by a space admin in
 * their place (LV2, LV3: src/app/spaces/move-live-chat.ts): `decide` is the domain's onTransfer or
 * onAdminMove; `targetId` the agent offered the chat, null for back to the queue. Loads what it reads.
 */
export async function decideTransfer(
  deps: AppDeps,
  first: StoredConversation,
  agentId: string,
  targetId: string | null,
  decide: (state: SiteState, now: number) => Result<Change>
): Promise<TransferAnswer> {
  const { id: conversationId, projectKey } = first.conversation;
  const toQueue = targetId === null;
  const spaces = toQueue ? await deps.spaces.spacesOfAgent(agentId) : [];
  const decided = await runDecision(
    deps,
    async (session) => {
      const stored = await session.conversation(conversationId);
      await session.agent(agentId);
      await session.space(projectKey);
      if (toQueue) await session.dispatchScope([projectKey, ...spaces]);
      else {
        await session.agent(targetId);
        await session.loadMaximum();
      }
      const change = orThrow(decide(session.state(), session.now));
      const after = change.conversations[conversationId];
      if (stored && toQueue && after) {
        // Back to the queue: the chat leaves this agent now; whoever accepts it next is its assignee (R7).
        session.setDetails(conversationId, {
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
