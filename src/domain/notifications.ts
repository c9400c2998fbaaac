import { hasFreshHeartbeat, type Agent } from './agent';
import type { Conversation } from './conversation';
import { showsOnlyWhenAvailable, type SpaceConfig } from './space';

/**
 * R19: who hears of a new chat in the queue. With a team: its Available agents
 * while the visibility toggle is on, all of them (any status) while it is off
 * (R4: off for a team too large). Without a team: agents with the inbox open,
 * i.e. with a fresh heartbeat (R2).
 *
 * `agents`: the space's agents (records; missing ones count as Offline).
 */
export function newChatRecipients(space: SpaceConfig, agents: readonly Agent[], now: number): string[] {
  const ofSpace = agents.filter((agent) => space.agentIds.includes(agent.accountId));
  if (space.settings.teamId === null) {
    return ofSpace.filter((agent) => hasFreshHeartbeat(agent, now)).map((agent) => agent.accountId);
  }
  if (!showsOnlyWhenAvailable(space)) return [...space.agentIds];
  return ofSpace.filter((agent) => agent.status === 'available').map((agent) => agent.accountId);
}

/** R20: only the assigned agent, and not for their own message. */
export function messageRecipients(conversation: Conversation, senderId: string | null): string[] {
  const assignee = conversation.status === 'active' ? conversation.assignee : null;
  return assignee !== null && assignee !== senderId ? [assignee] : [];
}
