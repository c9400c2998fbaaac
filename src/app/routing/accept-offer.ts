import { onAccept } from '../../domain';
import { AppError } from '../app-error';
import { orThrow, runDecision } from '../decision/run-decision';
import { readOnce } from '../decision/decision-session';
import type { AppDeps } from '../app-deps';

/**
 * R7: the offered agent takes the chat; the work item is assigned to them (queued) and the
 * customer sees their name, looked up once here and kept on the conversation (R23).
 */
export async function acceptOffer(deps: AppDeps, input: { agentId: string; conversationId: string }): Promise<{ status: 'active' }> {
  const { agentId, conversationId } = input;
  const [before] = await deps.routing.conversations([conversationId]);
  if (!before) throw new AppError('not_found', 'There is no such chat.');
  requireOfferHolder(before.conversation.offer?.agentId, before.conversation.assignee, agentId);
  await deps.callers.requireSpaceAgent(agentId, before.conversation.projectKey);
  const agentName = before.details.agentName ?? (await nameOf(deps, agentId));
  const known = readOnce(before);
  await runDecision(deps, async (session) => {
    known(session);
    const stored = await session.conversation(conversationId);
    await session.agent(agentId);
    const change = orThrow(onAccept(session.state(), { conversationId, agentId }, session.now));
    if (stored && change.conversations[conversationId]) session.setDetails(conversationId, { ...stored.details, agentName });
    return { change, value: undefined };
  });
  return { status: 'active' };
}

/** R28: only the agent an offer is (or was just accepted by) may answer it. */
export function requireOfferHolder(offeredTo: string | undefined, assignee: string | null, agentId: string): void {
  if (offeredTo !== agentId && assignee !== agentId) throw new AppError('forbidden', 'This chat is not offered to you (any more).');
}

async function nameOf(deps: AppDeps, agentId: string): Promise<string | null> {
  try {
    return await deps.people.displayName(agentId);
  } catch {
    return null; // the chat starts without the name rather than wait for Jira
  }
}
