import { onResolve } from '../../domain';
import { decideFreeingSlot } from '../decision/freeing-decision';
import type { AppDeps } from '../app-deps';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';

/** R14: the assigned agent resolves the chat; their slot (and a pending transfer's target's) goes to the next waiting chat (R11). */
export async function resolveConversation(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string }
): Promise<{ status: 'resolved' }> {
  const first = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.agentId, first);
  await decideFreeingSlot(deps, first, agentId, (state, now) => onResolve(state, { conversationId: input.conversationId, agentId }, now));
  return { status: 'resolved' };
}
