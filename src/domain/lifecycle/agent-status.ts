import { AGENT_STATUSES, isReachable, type Agent, type AgentStatus } from '../agent';
import type { Conversation } from '../conversation';
import { dispatch } from '../dispatch';
import type { Effect } from '../effects';
import { withdrawOffer } from '../offer';
import { fail, ok, type Result } from '../result';
import { isTeamTooLarge, MAX_TEAM_SIZE, type SpaceConfig } from '../space';
import { agentOf, change, noChange, type Change, type SiteState } from '../state';

/** R4: in a team of more than 100 members, agents cannot change their availability. */
export function canChangeAvailability(agentSpaces: readonly SpaceConfig[]): Result<true> {
  const tooLarge = agentSpaces.find(isTeamTooLarge);
  if (!tooLarge) return ok(true);
  return fail(
    'forbidden',
    `Availability cannot be changed: the team of space ${tooLarge.projectKey} has ${tooLarge.teamSize} members, ` +
      `and live chat supports at most ${MAX_TEAM_SIZE}.`
  );
}

/**
 * The status change itself (R1), without dispatch. Leaving Available withdraws
 * the agent's pending offers so they are re-routed, never back to them; accepted
 * conversations stay (R1: On a break and Heads-down keep them).
 *
 * Reads: the agent and the conversations of their pending offers.
 */
export function setStatus(state: SiteState, agentId: string, status: AgentStatus, reason: 'agent' | 'offerTimeout'): Result<Change> {
  const before = agentOf(state, agentId);
  if (before.status === status) return ok(noChange);
  let agent: Agent = { ...before, status };
  const conversations: Conversation[] = [];
  const effects: Effect[] = [{ type: 'agentStatusChanged', agentId, status, reason }];
  // Decision: leaving Available withdraws pending offers (re-routed, not back to this agent); accepted chats stay.
  if (before.status === 'available') {
    for (const conversationId of before.offers) {
      const offered = state.conversations[conversationId];
      if (!offered) return fail('not_found', `Conversation ${conversationId} of a pending offer was not loaded.`);
      const released = withdrawOffer(offered, agent, 'unavailable');
      agent = released.agent;
      conversations.push(released.conversation);
      effects.push(...released.effects);
    }
  }
  return ok(change({ agents: [agent], conversations, effects }));
}

export interface StatusInput {
  readonly agentId: string;
  readonly status: AgentStatus;
}

/**
 * The agent sets their status (R1), unless a team of theirs is too large (R4).
 * Withdrawn offers are re-routed; becoming Available may take waiting chats (R11).
 *
 * Reads: the agent, the spaces they belong to (R4), their offered conversations,
 * and what dispatch reads.
 */
export function onStatusChange(state: SiteState, input: StatusInput, now: number): Result<Change> {
  if (!AGENT_STATUSES.includes(input.status)) return fail('invalid', `Unknown status ${String(input.status)}.`);
  const agentSpaces = Object.values(state.spaces).filter((space) => space.agentIds.includes(input.agentId));
  const allowed = canChangeAvailability(agentSpaces);
  if (!allowed.ok) return allowed;
  if (agentOf(state, input.agentId).status === input.status) return ok(noChange);
  const step = setStatus(state, input.agentId, input.status, 'agent');
  return step.ok ? ok(dispatch(state, now, step.value)) : step;
}

/**
 * Whether a heartbeat now makes the agent reachable again (Available, heartbeat
 * stale until now), which may free capacity: only then does it dispatch, so the
 * use case loads the queue only then.
 */
export function heartbeatDispatches(agent: Agent, now: number): boolean {
  return agent.status === 'available' && !isReachable(agent, now);
}

/**
 * The inbox is open (R2). Staleness is judged at decision time, never as an
 * event of its own.
 *
 * Reads: the agent (and what dispatch reads, see heartbeatDispatches).
 */
export function onHeartbeat(state: SiteState, input: { readonly agentId: string }, now: number): Result<Change> {
  const before = agentOf(state, input.agentId);
  const step = change({ agents: [{ ...before, lastHeartbeatAt: now }] });
  return ok(heartbeatDispatches(before, now) ? dispatch(state, now, step) : step);
}
