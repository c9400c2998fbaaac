import { isEligible } from '../../domain';
import { AppError } from '../app-error';
import { requireConversation } from '../chat/find-conversation';
import type { AppDeps } from '../app-deps';

export interface TransferTargets {
  /** The space's agents a transfer may go to now: Available, fresh heartbeat, below the maximum (R1, R2, R5). */
  readonly agents: readonly { readonly accountId: string; readonly name: string }[];
  /** The queue a transfer may go back to: the chat's own space's. */
  readonly projectKey: string;
}

/**
 * conversation.transferTargets, for the assignee's Transfer dialog: whom conversation.transfer
 * would accept at this moment (it judges again when asked: someone may have become busy since).
 * The space's agents as the app last read them (R3), names kept a day by the people port.
 */
export async function listTransferTargets(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string }
): Promise<TransferTargets> {
  const stored = await requireConversation(deps, input.conversationId);
  const { conversation } = stored;
  if (!input.agentId || conversation.assignee !== input.agentId)
    throw new AppError('forbidden', 'Only the assigned agent can transfer this chat.');
  const [space, maxConversations] = await Promise.all([deps.spaces.get(conversation.projectKey), deps.spaces.maxConversations()]);
  const others = (space?.config.agentIds ?? []).filter((id) => id !== input.agentId);
  const now = deps.clock.now();
  const eligible = (await deps.routing.agents(others)).filter(({ agent }) => isEligible(agent, maxConversations, now));
  const agents = await Promise.all(
    eligible.map(async ({ agent }) => ({
      accountId: agent.accountId,
      name: (await deps.people.displayName(agent.accountId).catch(() => null)) ?? agent.accountId
    }))
  );
  return { agents: agents.sort((a, b) => a.name.localeCompare(b.name)), projectKey: conversation.projectKey };
}
