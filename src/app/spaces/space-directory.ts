import type { SpaceDirectory, SpaceRecord } from '../ports/space-directory';
import { currentSpaceAgents, type SpaceAgentsDeps } from './refresh-space-agents';
import { loadSpace, type LoadSpaceDeps } from './load-space';
import type { SiteStore, SpaceStore } from '../ports/space-store';

/** The SpaceDirectory port (what routing reads of spaces), over the stored records and the agents cache. */
export interface SpaceDirectoryDeps extends LoadSpaceDeps, SpaceAgentsDeps {
  readonly spaceStore: Pick<SpaceStore, 'get' | 'save' | 'agents' | 'saveAgents' | 'spacesOfAgent'>;
  readonly siteStore: Pick<SiteStore, 'settings'>;
}

export function createSpaceDirectory(deps: SpaceDirectoryDeps): SpaceDirectory {
  return {
    async get(projectKey): Promise<SpaceRecord | null> {
      const space = await loadSpace(deps, projectKey);
      if (!space) return null;
      const agents = await currentSpaceAgents(deps, space);
      return {
        config: { projectKey: space.projectKey, settings: space.settings, agentIds: agents.agentIds, teamSize: agents.teamSize },
        deactivated: space.deactivated,
        teamFieldId: space.settings.teamId !== null ? space.teamFieldId : null,
        serviceDeskId: space.serviceDeskId,
        projectName: space.projectName
      };
    },

    spacesOfAgent(accountId) {
      return deps.spaceStore.spacesOfAgent(accountId);
    },

    async maxConversations() {
      return (await deps.siteStore.settings()).maxConversations;
    }
  };
}
