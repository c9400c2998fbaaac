import { AppError } from '../app-error';
import type { RequestType } from '../ports/jira';
import { refreshSpaceAgents, type SpaceAgentsDeps } from './refresh-space-agents';
import { escalationLine } from './space-settings-view';
import { updateSpace, type UpdateSpaceDeps } from './update-space';

export type SetUpSpaceDeps = UpdateSpaceDeps & SpaceAgentsDeps & { readonly log: (event: string, fields: Record<string, unknown>) => void };

/**
 * R26 "Set up live chat": records the setup (who, when), the request type for chat work items
 * (the one given; else the one already chosen; else one named like "live chat" or "chat";
 * else the first), and the Team field's id; reads the space's agents; answers the escalation
 * line for other Rovo agents. Setting up a deactivated space (R27) activates it again.
 * Live chat's on/off setting is left as it is (the settings table's default, or the admin's choice).
 */
export async function setUpSpace(
  deps: SetUpSpaceDeps,
  projectKey: string,
  requestTypeId: string | undefined,
  actorId: string
): Promise<{ setUp: true; escalationLine: string }> {
  const saved = await updateSpace(deps, projectKey, async (space) => {
    const types = await deps.jira.requestTypes(space.serviceDeskId);
    if (requestTypeId !== undefined && !types.some((t) => t.id === requestTypeId)) {
      throw new AppError('invalid', 'Request type must be an existing request type of this space', {
        requestTypeId: 'Request type must be an existing request type of this space'
      });
    }
    const chosen = requestTypeId ?? types.find((t) => t.id === space.settings.requestTypeId)?.id ?? defaultRequestType(types)?.id;
    if (!chosen)
      throw new AppError('invalid', 'This space has no request types: add one for chat work items first', {
        requestTypeId: 'This space has no request types'
      });
    return {
      ...space,
      settings: { ...space.settings, setUp: true, requestTypeId: chosen },
      deactivated: false,
      setUpAt: deps.clock.now(),
      setUpBy: actorId,
      teamFieldId: space.teamFieldId ?? (await deps.jira.teamFieldId())
    };
  });
  try {
    await refreshSpaceAgents(deps, saved);
  } catch (error) {
    deps.log('space-agents-refresh-failed', { projectKey, error: String(error) });
  }
  return { setUp: true, escalationLine: escalationLine(projectKey) };
}

/** A request type meant for chats, by name: "Live chat" first, then anything with "chat" in it. */
export function defaultRequestType(types: readonly RequestType[]): RequestType | undefined {
  return types.find((t) => /live\s*chat/i.test(t.name)) ?? types.find((t) => /chat/i.test(t.name)) ?? types[0];
}
