import { load, type Agent } from './agent';
import { isEligible } from './eligibility';
import { assignDeadline, type Conversation } from './conversation';
import type { Effect } from './effects';
import { makeOffer } from './offer';
import { queuePositionChanges, waitingQueue } from './queue';
import { pickAgent } from './round-robin';
import { isSpaceOpen } from './space';
import { applyChange, change, combine, noChange, type Change, type SiteState } from './state';

/**
 * The same site with no free slot anywhere, so an event is decided without offers
 * (`dispatch` finds nobody eligible) while everything else stays as decided: R10's
 * "anyone reachable" ignores load. The shell decides on it when an event's own
 * records must be written alone (a transaction has at most 25 writes, or agents'
 * records are contended) and dispatches in a follow-up decision.
 */
export function deferringOffers(state: SiteState): SiteState {
  return { ...state, settings: { ...state.settings, maxConversations: 0 } };
}

/**
 * Applies `step` (what an event changed) and then fills free slots: the oldest
 * waiting conversations first, across all spaces (R11, FCFS by requestedAt then
 * id), each to its space's next agent (R6), until no more offers can be made.
 * A conversation whose space has no eligible agent does not block the others.
 * Returns `step` plus the offers and the queue positions that moved (R11).
 *
 * Reads: the waiting conversations (all of a space, for its queue positions),
 * their spaces, and those spaces' agents who may be eligible (an agent not given
 * is not offered to; give at least two eligible ones when there are, for R8).
 */
export function dispatch(state: SiteState, now: number, step: Change = noChange): Change {
  const start = applyChange(state, step);
  const agents: Record<string, Agent> = { ...start.agents };
  const offered: Agent[] = [];
  const conversations: Conversation[] = [];
  const effects: Effect[] = [];
  const queue = waitingQueue(Object.values(start.conversations));
  // Decision: one global FCFS pass over every space; a space with no eligible agent is skipped, not waited on.
  for (const conversation of queue) {
    if (now >= assignDeadline(conversation)) continue; // R12 ends it when its timer fires; no offer it could not accept
    const space = start.spaces[conversation.projectKey];
    if (!space) continue;
    // H2: no offer outside business hours; the chat keeps its place and R12 ends it if nobody opens in time.
    if (!isSpaceOpen(space, now)) continue;
    const candidates = space.agentIds.flatMap((id) => agents[id] ?? []);
    const pick = pickAgent(candidates, {
      maxConversations: start.settings.maxConversations,
      now,
      skip: conversation.passedBy
    });
    if (!pick) continue;
    const made = makeOffer(conversation, pick.agent, pick.stamp, now);
    agents[made.agent.accountId] = made.agent;
    offered.push(made.agent);
    conversations.push(made.conversation);
    effects.push(...made.effects);
  }
  const stillWaiting = queue.filter((c) => !conversations.some((o) => o.id === c.id));
  effects.push(...queuePositionChanges(waitingQueue(Object.values(state.conversations)), stillWaiting));
  return combine(step, change({ agents: offered, conversations, effects }));
}

/**
 * R11: the most offers one dispatch over a space's agents can make, so the shell reads no more of
 * its queue than that: the free slots of the agents eligible now, and all `maxConversations` of
 * each agent the event itself changes (`changing`: a resolve, a decline, a status change or a
 * heartbeat may free them before dispatch runs).
 */
export function offerBound(agents: readonly Agent[], changing: ReadonlySet<string>, maxConversations: number, now: number): number {
  let bound = 0;
  for (const agent of agents) {
    if (changing.has(agent.accountId)) bound += maxConversations;
    else if (isEligible(agent, maxConversations, now)) bound += maxConversations - load(agent);
  }
  return bound;
}
