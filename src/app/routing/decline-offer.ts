import { onDecline } from '../../domain';
import { AppError } from '../app-error';
import { requireOfferHolder } from './accept-offer';
import { decideFreeingSlot } from '../decision/freeing-decision';
import type { AppDeps } from '../app-deps';

/** R8: the offer goes to the next eligible agent, or back to the decliner when they are the only one; the freed slot may go to a chat waiting in any of the decliner's spaces (R11). */
export async function declineOffer(deps: AppDeps, input: { agentId: string; conversationId: string }): Promise<Record<string, never>> {
  const { agentId, conversationId } = input;
  const [before] = await deps.routing.conversations([conversationId]);
  if (!before) throw new AppError('not_found', 'There is no such chat.');
  requireOfferHolder(before.conversation.offer?.agentId, null, agentId);
  await decideFreeingSlot(deps, before, agentId, (state, now) => onDecline(state, { conversationId, agentId }, now));
  return {};
}
