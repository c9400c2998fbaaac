/** R1: one status per agent for the whole site. */
export type AgentStatus = 'available' | 'on_break' | 'heads_down' | 'away' | 'offline';

export const AGENT_STATUSES: readonly AgentStatus[] = ['available', 'on_break', 'heads_down', 'away', 'offline'];

/** R2: an inbox silent for this long counts as Offline for routing. */
export const HEARTBEAT_STALE_MS = 2 * 60_000;

/** The agent record storage holds: site-wide, shared by every space the agent works in. */
export interface Agent {
  readonly accountId: string;
  readonly status: AgentStatus;
  readonly lastHeartbeatAt: number | null;
  /**
   * R6 ordering stamp: epoch ms of the latest offer, nudged 1 ms past the newest
   * stamp among the candidates when several offers share a millisecond, so the
   * rotation never repeats an agent within a burst.
   */
  readonly lastOfferedAt: number | null;
  /** Conversation ids with a pending offer to this agent (each reserves one unit of load, R6). */
  readonly offers: readonly string[];
  /** Accepted, unresolved conversation ids. */
  readonly active: readonly string[];
}

/** The record of an agent storage has not seen yet: Offline until they say otherwise. */
export function newAgent(accountId: string): Agent {
  return { accountId, status: 'offline', lastHeartbeatAt: null, lastOfferedAt: null, offers: [], active: [] };
}

/** R5: accepted unresolved conversations + pending offers, across all spaces. */
export function load(agent: Agent): number {
  return agent.offers.length + agent.active.length;
}

/** R2 */
export function hasFreshHeartbeat(agent: Agent, now: number): boolean {
  return agent.lastHeartbeatAt !== null && now - agent.lastHeartbeatAt < HEARTBEAT_STALE_MS;
}

/** Available with a fresh heartbeat (R1, R2): what R10 and R22 ask of a space's agents. */
export function isReachable(agent: Agent, now: number): boolean {
  return agent.status === 'available' && hasFreshHeartbeat(agent, now);
}

export function without(ids: readonly string[], id: string): readonly string[] {
  return ids.filter((other) => other !== id);
}
