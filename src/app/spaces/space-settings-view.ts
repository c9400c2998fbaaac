import { MAX_TEAM_SIZE, type SpaceSettings } from '../../domain';
import type { JiraClient, RequestType } from '../ports/jira';
import { licenseNotice } from './license-notice';
import type { SpaceAgents, SpaceStore, StoredSpace } from '../ports/space-store';

/**
 * What the space settings page reads (`space.settings.get` and every save): the settings of
 * PRODUCT.md's table, plus what the page shows beside them: the space's request types, the
 * team's size and R4's warning, R26's line once set up, whether the space was deactivated
 * (R27), and R31's license state with the reason.
 */
export interface SpaceSettingsView extends SpaceSettings {
  readonly deactivated: boolean;
  readonly requestTypes: readonly RequestType[];
  readonly teamName: string | null;
  readonly teamSize: number | null;
  readonly teamWarning: string | null;
  readonly escalationLine?: string;
  readonly licenseActive: boolean;
  readonly notice: string | null;
}

export interface SpaceViewDeps {
  readonly jira: JiraClient;
  readonly spaceStore: Pick<SpaceStore, 'agents'>;
  readonly license: () => boolean | undefined;
}

/** R26: the line to paste into other Rovo agents' prompts (the frontend shows the same words). */
export function escalationLine(projectKey: string): string {
  return (
    `Escalate by starting a live chat (Project key: ${projectKey}) only when the user explicitly asks for a person, ` +
    'or self-service is exhausted and the user is still unsatisfied.'
  );
}

/** R4 */
export function teamWarning(teamSize: number): string | null {
  if (teamSize <= MAX_TEAM_SIZE) return null;
  return (
    `This team has more than ${MAX_TEAM_SIZE} members; live chat supports at most ${MAX_TEAM_SIZE}. ` +
    'Its agents cannot change their availability, and "Show chat only when an agent is available" is treated as off. Choose a smaller team.'
  );
}

export async function spaceSettingsView(deps: SpaceViewDeps, space: StoredSpace, agents?: SpaceAgents | null): Promise<SpaceSettingsView> {
  const cached = agents === undefined ? await deps.spaceStore.agents(space.projectKey) : agents;
  const team = space.settings.teamId !== null && cached?.teamId === space.settings.teamId ? cached : null;
  const teamSize = team ? team.teamSize : null;
  const requestTypes = space.serviceDeskId ? await deps.jira.requestTypes(space.serviceDeskId) : [];
  const license = licenseNotice(deps.license());
  return {
    ...space.settings,
    businessHours: space.settings.businessHours ?? null,
    deactivated: space.deactivated,
    requestTypes,
    teamName: team?.teamName ?? null,
    teamSize,
    teamWarning: teamSize === null ? null : teamWarning(teamSize),
    ...(space.settings.setUp ? { escalationLine: escalationLine(space.projectKey) } : {}),
    ...license
  };
}
