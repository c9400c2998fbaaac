import { dispatch } from '../../domain';
import { runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';

/**
 * R11: offers waiting chats of these spaces to their free agents, oldest first. Runs as a
 * follow-up when one transaction could not hold every offer, from the sweep, and when the
 * maximum is raised. Bounded like every decision: a full queue head continues in a new job.
 */
export async function dispatchWaiting(deps: AppDeps, projectKeys: readonly string[]): Promise<void> {
  if (projectKeys.length === 0) return;
  await runDecision(deps, async (session) => {
    await session.dispatchScope(projectKeys);
    return { change: dispatch(session.state(), session.now), value: undefined };
  });
}

/** Spaces that have chats waiting now (oldest first across the site, bounded). */
export async function spacesWithWaitingChats(deps: AppDeps, limit: number): Promise<string[]> {
  const waiting = await deps.routing.waitingHead(limit);
  return [...new Set(waiting.map((stored) => stored.conversation.projectKey))];
}
