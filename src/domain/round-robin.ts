import type { Agent } from './agent';
import { eligibleAgents } from './eligibility';

export interface PickOptions {
  readonly maxConversations: number;
  readonly now: number;
  /** R8: the agent who last let this conversation go; picked only when no one else is eligible. */
  readonly skip: string | null;
}

/** The agent to offer to, and the R6 stamp their record takes. */
export interface Pick {
  readonly agent: Agent;
  readonly stamp: number;
}

/** R6: the eligible agent offered least recently (never offered first), ties by account id. */
export function pickAgent(candidates: readonly Agent[], options: PickOptions): Pick | null {
  const eligible = eligibleAgents(candidates, options.maxConversations, options.now);
  const others = eligible.filter((agent) => agent.accountId !== options.skip);
  // Decision (R8): the agent who let it go is skipped at the next pick, unless they are the only eligible agent.
  const pool = others.length > 0 ? others : eligible;
  const agent = pool.reduce<Agent | null>((best, next) => (best === null || before(next, best) ? next : best), null);
  if (agent === null) return null;
  // Strictly newest among the candidates even when several offers share a millisecond.
  const newest = Math.max(...eligible.map((a) => a.lastOfferedAt ?? -Infinity));
  return { agent, stamp: Math.max(options.now, newest + 1) };
}

function before(a: Agent, b: Agent): boolean {
  const aAt = a.lastOfferedAt ?? -Infinity;
  const bAt = b.lastOfferedAt ?? -Infinity;
  return aAt !== bAt ? aAt < bAt : a.accountId < b.accountId;
}
