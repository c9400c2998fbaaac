import { MAX_TEAM_SIZE, spaceAgentIds } from '../../domain';
import type { JiraClient } from '../ports/jira';
import type { SpaceAgents, SpaceStore, StoredSpace } from '../ports/space-store';

/**
 * R3: the agents of a space, read from Jira and cached in KVS. The cache is refreshed when an
 * admin saves settings or sets live chat up, and by age: a read finding it older than
 * AGENTS_MAX_AGE_MS (or made for another team) refreshes it then, inline, before answering.
 * Only spaces where live chat is on, set up and not deactivated are refreshed by age: nobody
 * routes elsewhere, so nobody pays Jira calls for them.
 */
export const AGENTS_MAX_AGE_MS = 10 * 60_000;

export interface SpaceAgentsDeps {
  readonly jira: JiraClient;
  readonly spaceStore: Pick<SpaceStore, 'agents' | 'saveAgents'>;
  readonly clock: { now(): number };
}

const NONE: Omit<SpaceAgents, 'teamId'> = { teamName: null, agentIds: [], teamSize: 0, refreshedAt: 0 };

/** Reads Jira now and replaces the cache. */
export async function refreshSpaceAgents(deps: SpaceAgentsDeps, space: StoredSpace, previous?: SpaceAgents | null): Promise<SpaceAgents> {
  const before = previous === undefined ? await deps.spaceStore.agents(space.projectKey) : previous;
  const teamId = space.settings.teamId;
  const team = teamId !== null ? await deps.jira.teamMembers(teamId, MAX_TEAM_SIZE) : null;
  // Without a team: who can be assigned the space's work (jira-spaces.ts, assignableUsers); the
  // app's account may not list holders of the agent permission itself. Each of them still proves
  // that permission as themselves before they can be Available (R2, R28).
  const holders = teamId === null ? await deps.jira.assignableUsers(space.projectKey) : [];
  const next: SpaceAgents = {
    teamId,
    teamName: team?.name ?? null,
    agentIds: spaceAgentIds({ teamId, teamMemberIds: team?.memberIds ?? [], agentPermissionHolderIds: holders }),
    // When paging stopped early the team is known to exceed the limit (R4) by at least one.
    teamSize: team ? team.memberIds.length : 0,
    refreshedAt: deps.clock.now()
  };
  await deps.spaceStore.saveAgents(space.projectKey, before, next);
  return next;
}

/** The cached agents, refreshed first when stale (see above). A failed refresh falls back to the cache. */
export async function currentSpaceAgents(deps: SpaceAgentsDeps, space: StoredSpace): Promise<SpaceAgents> {
  const cached = await deps.spaceStore.agents(space.projectKey);
  const live = space.settings.enabled && space.settings.setUp && !space.deactivated;
  const stale = !cached || cached.teamId !== space.settings.teamId || deps.clock.now() - cached.refreshedAt >= AGENTS_MAX_AGE_MS;
  if (!live || !stale) return cached ?? { ...NONE, teamId: space.settings.teamId };
  try {
    return await refreshSpaceAgents(deps, space, cached);
  } catch (error) {
    console.warn(JSON.stringify({ event: 'space-agents-refresh-failed', projectKey: space.projectKey, error: String(error) }));
    return cached ?? { ...NONE, teamId: space.settings.teamId };
  }
}
