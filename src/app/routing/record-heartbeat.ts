import { heartbeatDispatches, onHeartbeat } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';
import { AGENT_PROOF_MS, notAnAgent, provedWithin } from './agent-caller';

/**
 * How fresh a stored heartbeat may stay before it is written again. With the inbox beating
 * every 45 s the stored one is never older than ~90 s, inside R2's 2 minutes, and an
 * open inbox costs one write every other beat instead of one a beat.
 */
export const HEARTBEAT_WRITE_EVERY_MS = 60_000;

/**
 * R28's proof is renewed on a beat that writes its presence anyway once it is this old: with a
 * write at least every ~90 s it never lapses while the inbox beats, and costs no write of its own.
 */
export const PROOF_RENEW_MS = AGENT_PROOF_MS - 90_000;

/**
 * R2: the inbox is open. Heartbeats live beside the routing record on the agent's roster entry,
 * written without a routing condition, so they never conflict with routing's decisions; only a
 * heartbeat that makes an Available agent reachable again decides anything (it may take waiting
 * chats, R11). R28: the beat is an agent's while their proof (agent-caller.ts) is fresh; when it
 * is due the beat asks Jira as them and records the proof with its presence.
 */
export async function recordHeartbeat(deps: AppDeps, accountId: string | undefined): Promise<Record<string, never>> {
  if (!accountId) throw notAnAgent();
  const now = deps.clock.now();
  const [{ agent, agentProvedAt }] = await deps.routing.agents([accountId]);
  const last = agent.lastHeartbeatAt;
  const presenceDue = last === null || now - last >= HEARTBEAT_WRITE_EVERY_MS;
  const prove = !provedWithin(agentProvedAt, now, presenceDue ? PROOF_RENEW_MS : AGENT_PROOF_MS);
  if (prove && !(await deps.callers.proveAgentAnywhere(accountId))) throw notAnAgent();
  const provedAt = prove ? now : undefined;
  if (!heartbeatDispatches(agent, now)) {
    if (presenceDue || prove) await deps.routing.recordHeartbeat(accountId, now, provedAt);
    return {};
  }
  const spaces = await deps.spaces.spacesOfAgent(accountId);
  await runDecision(
    deps,
    async (session) => {
      await session.agent(accountId);
      await session.dispatchScope(spaces);
      if (provedAt !== undefined) session.recordProof(accountId, provedAt);
      return { change: orThrow(onHeartbeat(session.state(), { agentId: accountId }, session.now)), value: undefined };
    },
    { deferLastAttempt: true }
  );
  return {};
}
