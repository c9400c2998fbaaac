import { movableChat, onAdminMove, type AdminMoveTarget } from '../../domain';
import { orThrow } from '../decision/run-decision';
import { decideTransfer, type TransferAnswer } from '../routing/transfer-conversation';
import type { AppDeps } from '../app-deps';

/**
 * space.liveView.takeBack and space.liveView.reassign (LV2, LV3), by a space admin (the handler
 * checks R28 first): the chat moves as its assignee's Transfer would move it (the same decision
 * and shell, decideTransfer), the admin acting in the assignee's place. LV4: the chat must be the
 * space's and running with that assignee and no transfer pending, checked on the chat as read and
 * again in the decision, so a chat that changed hands meanwhile is refused rather than moved.
 * The customer sees the hand-over as a Transfer's: "Your chat was passed on…" back to the queue,
 * "You are now chatting with …" at the new agent's accept, with the work item's assignee (R7).
 */
export async function moveLiveChat(
  deps: AppDeps,
  input: { projectKey: string; conversationId: string; to: AdminMoveTarget }
): Promise<TransferAnswer> {
  const [first] = await deps.routing.conversations([input.conversationId]);
  const from = orThrow(movableChat(first?.conversation, input.projectKey));
  const targetId = 'accountId' in input.to ? input.to.accountId : null;
  // movableChat found the chat, so `first` is there.
  return decideTransfer(deps, first!, from, targetId, (state, now) => onAdminMove(state, { ...input, from }, now));
}
