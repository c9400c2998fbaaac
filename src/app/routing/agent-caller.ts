import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';

/**
 * R28: the inbox's operations are for agents of at least one service space, asked of Jira as the
 * caller in their own invocation (a Forge app may not ask about anyone else). The open inbox's
 * heartbeat proves it and records the proof on the agent's roster entry in the same write as its
 * presence (record-heartbeat.ts), so an agent with a fresh heartbeat (R2) is one whose own answer
 * said yes within the last 5 minutes: that is how routing, in invocations with no user (timers,
 * the sweep), knows an Available agent still holds the agent permission. The inbox's other
 * operations take that proof while it is fresh, and otherwise Jira's answer as every check does
 * (kept 5 minutes, kvs-permission-cache.ts).
 */
export const AGENT_PROOF_MS = 5 * 60_000;

export async function requireAgent(deps: Pick<AppDeps, 'callers' | 'routing' | 'clock'>, accountId: string | undefined): Promise<string> {
  if (!accountId) throw notAnAgent();
  const [stored] = await deps.routing.agents([accountId]);
  if (provedWithin(stored.agentProvedAt, deps.clock.now(), AGENT_PROOF_MS)) return accountId;
  if (!(await deps.callers.isAgentAnywhere(accountId))) throw notAnAgent();
  return accountId;
}

/** Whether a proof made at `provedAt` is younger than `ms`. */
export function provedWithin(provedAt: number | undefined, now: number, ms: number): boolean {
  return provedAt !== undefined && now - provedAt < ms;
}

export function notAnAgent(): AppError {
  return new AppError('forbidden', 'The live chat inbox is for agents of a service space.');
}
