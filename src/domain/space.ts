import { isOpenAt } from './business-hours';
import type { SpaceSettings } from './settings';

/** R4: larger teams are not supported. */
export const MAX_TEAM_SIZE = 100;

/** The space record storage holds. */
export interface SpaceConfig {
  readonly projectKey: string;
  readonly settings: SpaceSettings;
  /** The space's agents, resolved by the shell per R3 (see spaceAgentIds). */
  readonly agentIds: readonly string[];
  /** Members of the space's team; 0 without a team. */
  readonly teamSize: number;
}

/** R3: the team's members when a team is set, otherwise the holders of the space's agent permission. */
export function spaceAgentIds(source: {
  teamId: string | null;
  teamMemberIds: readonly string[];
  agentPermissionHolderIds: readonly string[];
}): readonly string[] {
  return source.teamId !== null ? source.teamMemberIds : source.agentPermissionHolderIds;
}

/** R4 */
export function isTeamTooLarge(space: SpaceConfig): boolean {
  return space.settings.teamId !== null && space.teamSize > MAX_TEAM_SIZE;
}

/** R22 toggle, treated as off for a team that is too large (R4). */
export function showsOnlyWhenAvailable(space: SpaceConfig): boolean {
  return space.settings.showOnlyWhenAvailable && !isTeamTooLarge(space);
}

/** Live chat works only when on and set up. */
export function isLiveChatOn(space: SpaceConfig): boolean {
  return space.settings.enabled && space.settings.setUp;
}

/** H1: inside the space's business hours at `now` (always, without business hours). */
export function isSpaceOpen(space: SpaceConfig, now: number): boolean {
  const hours = space.settings.businessHours;
  return !hours || isOpenAt(hours, now);
}
