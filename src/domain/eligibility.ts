import { isReachable, load, type Agent } from './agent';

/** R5, R6: Available, fresh heartbeat, and load below the site maximum. */
export function isEligible(agent: Agent, maxConversations: number, now: number): boolean {
  return isReachable(agent, now) && load(agent) < maxConversations;
}

export function eligibleAgents(agents: readonly Agent[], maxConversations: number, now: number): Agent[] {
  return agents.filter((agent) => isEligible(agent, maxConversations, now));
}

/** R10, R22: is anyone of these Available with a fresh heartbeat, whatever their load? */
export function anyReachable(agents: readonly Agent[], now: number): boolean {
  return agents.some((agent) => isReachable(agent, now));
}
