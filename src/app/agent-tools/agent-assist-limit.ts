import { AppError } from '../app-error';
import { type MinuteLimitDeps, secondsToWait, takePlaces } from '../chat/window-place';

/**
 * AI3: the agent's assist (a suggested reply, AI1; a chat summary, AI2) spends the installation's
 * Forge LLM quota, 100 requests a minute shared with the widget's assistant (assistant-reply-limit.ts:
 * anonymous visitors at most 60). Decision: 20 a minute per agent, and 30 a minute for all agents
 * together, so customers always keep 70. Beyond either, `rate_limited` and the model is not asked.
 */
export const AGENT_ASSIST_LIMITS = {
  agent: { places: 20, windowMs: 60_000 },
  allAgents: { places: 30, windowMs: 60_000 }
} as const;

export type AgentAssistLimitDeps = MinuteLimitDeps;

export async function admitAgentAssist(deps: AgentAssistLimitDeps, agentId: string): Promise<void> {
  const buckets = [
    { bucket: `assist:agent:${agentId}`, limit: AGENT_ASSIST_LIMITS.agent, who: 'You have' },
    { bucket: 'assist:agents', limit: AGENT_ASSIST_LIMITS.allAgents, who: 'The agents have' }
  ];
  await takePlaces(
    deps,
    buckets,
    ({ limit, who }, waitMs) =>
      new AppError(
        'rate_limited',
        `${who} asked the AI assistant ${limit.places} times in the last minute. Try again in ${secondsToWait(waitMs)}.`
      )
  );
}
