import { onStatusChange, type AgentStatus } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';

/**
 * R1: the agent sets their availability, site-wide. Leaving Available withdraws pending
 * offers (re-routed to others); becoming Available may take waiting chats at once (R11).
 * R4: refused while a team of theirs has more than 100 members.
 */
export async function setAgentStatus(deps: AppDeps, input: { agentId: string; status: AgentStatus }): Promise<{ status: AgentStatus }> {
  const { agentId, status } = input;
  const spaces = await deps.spaces.spacesOfAgent(agentId);
  await runDecision(
    deps,
    async (session) => {
      const { agent } = await session.agent(agentId);
      await session.loadConversations(agent.offers);
      const offeredIn = agent.offers.flatMap((id) => session.stored(id)?.conversation.projectKey ?? []);
      await session.dispatchScope([...spaces, ...offeredIn]);
      return { change: orThrow(onStatusChange(session.state(), { agentId, status }, session.now)), value: undefined };
    },
    { deferLastAttempt: true }
  );
  return { status };
}
