import { MAX_TEAM_SIZE, applySpaceSettings, type SpaceSettingsPatch } from '../../domain';
import { AppError } from '../app-error';
import { refreshSpaceAgents, type SpaceAgentsDeps } from './refresh-space-agents';
import { orRefuse } from './refusal';
import { spaceSettingsView, type SpaceSettingsView, type SpaceViewDeps } from './space-settings-view';
import { updateSpace, type UpdateSpaceDeps } from './update-space';

export type SaveSpaceSettingsDeps = UpdateSpaceDeps &
  SpaceViewDeps &
  SpaceAgentsDeps & { readonly log: (event: string, fields: Record<string, unknown>) => void };

/**
 * `space.settings.save`: every field is validated by the domain (settings table) and a new
 * request type must exist in the space, a new team in Atlassian; all are saved or none. The
 * space's agents (R3) are read again afterwards, so a new team routes at once.
 */
export async function saveSpaceSettings(
  deps: SaveSpaceSettingsDeps,
  projectKey: string,
  patch: SpaceSettingsPatch
): Promise<SpaceSettingsView> {
  const saved = await updateSpace(deps, projectKey, async (space) => {
    const requestTypeIds =
      patch.requestTypeId !== undefined && space.serviceDeskId ? (await deps.jira.requestTypes(space.serviceDeskId)).map((t) => t.id) : [];
    const settings = orRefuse(applySpaceSettings(space.settings, patch, requestTypeIds));
    const teamChanged = settings.teamId !== null && settings.teamId !== space.settings.teamId;
    if (teamChanged && !(await deps.jira.teamMembers(settings.teamId as string, MAX_TEAM_SIZE)).found) {
      throw new AppError('invalid', 'Team must be an existing Atlassian team', { teamId: 'Team must be an existing Atlassian team' });
    }
    const teamFieldId = settings.teamId !== null && !space.teamFieldId ? await deps.jira.teamFieldId() : space.teamFieldId;
    return { ...space, settings, teamFieldId };
  });
  try {
    return await spaceSettingsView(deps, saved, await refreshSpaceAgents(deps, saved));
  } catch (error) {
    // Saved; the agents are read again by age (refresh-space-agents.ts) if Jira is busy now.
    deps.log('space-agents-refresh-failed', { projectKey, error: String(error) });
    return spaceSettingsView(deps, saved);
  }
}
