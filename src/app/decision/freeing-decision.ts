import type { Change, Result, SiteState } from '../../domain';
import type { AppDeps } from '../app-deps';
import type { StoredConversation } from '../ports/routing-store';
import { readOnce } from './decision-session';
import { orThrow, runDecision } from './run-decision';

/**
 * An agent's answer that frees their slot on a chat (R8 a decline, R14 a resolve): decided on
 * the chat the use case read to check the caller (readOnce), with what the freed slot may go to
 * loaded (loadFreedSlots: a pending transfer's target, a chat waiting in any of the agent's
 * spaces, R11), offers deferred on the last attempts as for any answer.
 */
export async function decideFreeingSlot(
  deps: AppDeps,
  before: StoredConversation,
  agentId: string,
  decide: (state: SiteState, now: number) => Result<Change>
): Promise<void> {
  const spaces = await deps.spaces.spacesOfAgent(agentId);
  const known = readOnce(before);
  await runDecision(
    deps,
    async (session) => {
      known(session);
      await session.loadFreedSlots(before.conversation.id, agentId, spaces);
      return { change: orThrow(decide(session.state(), session.now)), value: undefined };
    },
    { deferLastAttempt: true }
  );
}
