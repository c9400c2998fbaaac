import { isChatVisible, showsOnlyWhenAvailable } from '../../domain';
import type { RoutingDeps } from '../routing/routing-deps';

/**
 * R22: the portal shows the chat when live chat is on and set up (and not deactivated, R27,
 * nor the license inactive, R31) and, with "only when an agent is available" (off for a
 * team too large, R4), one of the space's agents is Available with a fresh heartbeat.
 */
export async function showWidget(deps: RoutingDeps, input: { projectKey: string; licenseActive?: boolean }): Promise<{ visible: boolean }> {
  const space = await deps.spaces.get(input.projectKey);
  if (!space || space.deactivated) return { visible: false };
  const agents = showsOnlyWhenAvailable(space.config) ? (await deps.routing.agents(space.config.agentIds)).map((stored) => stored.agent) : [];
  return { visible: isChatVisible(space.config, agents, input.licenseActive, deps.clock.now()) };
}
