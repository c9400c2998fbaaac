import { onResolve } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import { readOnce } from '../decision/decision-session';
import type { AppDeps } from '../app-deps';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';

/** R14: the assigned agent resolves the chat; their slot goes to the next waiting chat (R11). */
export async function resolveConversation(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string }
): Promise<{ status: 'resolved' }> {
  const first = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.agentId, first);
  const spaces = await deps.spaces.spacesOfAgent(agentId);
  const known = readOnce(first);
  await runDecision(
    deps,
    async (session) => {
      known(session);
      // A pending transfer's target gets their slot back too.
      await session.loadFreedSlots(input.conversationId, agentId, spaces);
      return {
        change: orThrow(onResolve(session.state(), { conversationId: input.conversationId, agentId }, session.now)),
        value: undefined
      };
    },
    { deferLastAttempt: true }
  );
  return { status: 'resolved' };
}
