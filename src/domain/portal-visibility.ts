import type { Agent } from './agent';
import { anyReachable } from './eligibility';
import { showsOnlyWhenAvailable, type SpaceConfig } from './space';

/** Why no new chat can start in a space (the widget hides and the action says so). */
export type ChatUnavailableReason = 'disabled' | 'notSetUp' | 'licenseInactive';

/**
 * Live chat must be on and set up (R22, R27), and the app's license active (R31).
 * `licenseActive` is undefined where no license applies (development installs,
 * the sandbox), which counts as active.
 */
export function chatUnavailableReason(space: SpaceConfig, licenseActive: boolean | undefined): ChatUnavailableReason | null {
  if (licenseActive === false) return 'licenseInactive';
  if (!space.settings.enabled) return 'disabled';
  if (!space.settings.setUp) return 'notSetUp';
  return null;
}

export function canStartChat(space: SpaceConfig, licenseActive: boolean | undefined): boolean {
  return chatUnavailableReason(space, licenseActive) === null;
}

/**
 * R22: the portal shows the chat when a chat can start and, with "Show chat only
 * when an agent is available" in effect (off for a team too large, R4), at least
 * one agent of the space is Available with a fresh heartbeat.
 *
 * `agents`: the space's agents.
 */
export function isChatVisible(space: SpaceConfig, agents: readonly Agent[], licenseActive: boolean | undefined, now: number): boolean {
  if (!canStartChat(space, licenseActive)) return false;
  if (!showsOnlyWhenAvailable(space)) return true;
  return anyReachable(
    agents.filter((agent) => space.agentIds.includes(agent.accountId)),
    now
  );
}
