import { onDecline } from '../../domain';
import { AppError } from '../app-error';
import { requireOfferHolder } from './accept-offer';
import { orThrow, runDecision } from '../decision/run-decision';
import { readOnce } from '../decision/decision-session';
import type { AppDeps } from '../app-deps';

/** R8: the offer goes to the next eligible agent, or back to the decliner when they are the only one. */
export async function declineOffer(deps: AppDeps, input: { agentId: string; conversationId: string }): Promise<Record<string, never>> {
  const { agentId, conversationId } = input;
  const [before] = await deps.routing.conversations([conversationId]);
  if (!before) throw new AppError('not_found', 'There is no such chat.');
  requireOfferHolder(before.conversation.offer?.agentId, null, agentId);
  const spaces = await deps.spaces.spacesOfAgent(agentId);
  const known = readOnce(before);
  await runDecision(
    deps,
    async (session) => {
      known(session);
      // The freed slot may go to a chat waiting in any of the decliner's spaces (R11).
      await session.loadFreedSlots(conversationId, agentId, spaces);
      return { change: orThrow(onDecline(session.state(), { conversationId, agentId }, session.now)), value: undefined };
    },
    { deferLastAttempt: true }
  );
  return {};
}
