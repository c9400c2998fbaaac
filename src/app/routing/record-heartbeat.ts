import { heartbeatDispatches, onHeartbeat } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';

/**
 * How fresh a stored heartbeat may stay before it is written again. With the inbox beating
 * every 30–45 s the stored one is never older than ~105 s, inside R2's 2 minutes, and an
 * open inbox costs one write a minute instead of two or three.
 */
export const HEARTBEAT_WRITE_EVERY_MS = 60_000;

/**
 * R2: the inbox is open. Heartbeats live in their own record, written without a condition,
 * so they never conflict with routing's transactions; only a heartbeat that makes an
 * Available agent reachable again decides anything (it may take waiting chats, R11).
 */
export async function recordHeartbeat(deps: AppDeps, agentId: string): Promise<Record<string, never>> {
  const now = deps.clock.now();
  const [{ agent }] = await deps.routing.agents([agentId]);
  if (!heartbeatDispatches(agent, now)) {
    const last = agent.lastHeartbeatAt;
    if (last === null || now - last >= HEARTBEAT_WRITE_EVERY_MS) await deps.routing.recordHeartbeat(agentId, now);
    return {};
  }
  const spaces = await deps.spaces.spacesOfAgent(agentId);
  await runDecision(
    deps,
    async (session) => {
      await session.agent(agentId);
      await session.dispatchScope(spaces);
      return { change: orThrow(onHeartbeat(session.state(), { agentId }, session.now)), value: undefined };
    },
    { deferLastAttempt: true }
  );
  return {};
}
