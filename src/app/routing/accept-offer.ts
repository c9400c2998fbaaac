import { hasPendingTransfer, onAccept } from '../../domain';
import { handOverText, recordHandOver, withFormerAssignee } from './hand-over';
import { AppError } from '../app-error';
import { orThrow, runDecision } from '../decision/run-decision';
import { readOnce } from '../decision/decision-session';
import type { AppDeps } from '../app-deps';

/**
 * R7: the offered agent takes the chat; the work item is assigned to them (queued) and the
 * customer sees their name, looked up once here and kept on the conversation (R23). A
 * transfer's accept also records the hand-over in the transcript, and the first agent
 * becomes a former assignee (History).
 */
export async function acceptOffer(deps: AppDeps, input: { agentId: string; conversationId: string }): Promise<{ status: 'active' }> {
  const { agentId, conversationId } = input;
  const [before] = await deps.routing.conversations([conversationId]);
  if (!before) throw new AppError('not_found', 'There is no such chat.');
  requireOfferHolder(before.conversation.offer?.agentId, before.conversation.assignee, agentId);
  await deps.callers.requireSpaceAgent(agentId, before.conversation.projectKey);
  // Transfer: the chat is running with another assignee, whose slot frees on this accept (R11).
  const from = hasPendingTransfer(before.conversation) ? before.conversation.assignee : null;
  const agentName = (from === null ? before.details.agentName : null) ?? (await nameOf(deps, agentId));
  const fromSpaces = from === null ? [] : await deps.spaces.spacesOfAgent(from);
  const known = readOnce(before);
  await runDecision(deps, async (session) => {
    known(session);
    const stored = await session.conversation(conversationId);
    await session.agent(agentId);
    const transfer = stored !== null && hasPendingTransfer(stored.conversation) && stored.conversation.assignee !== agentId;
    if (transfer) {
      await session.loadHolders(stored.conversation);
      await session.dispatchScope([stored.conversation.projectKey, ...fromSpaces]);
    }
    const change = orThrow(onAccept(session.state(), { conversationId, agentId }, session.now));
    if (stored && change.conversations[conversationId]) {
      const previous = stored.conversation.assignee;
      const formerAssignees = transfer && previous !== null ? { formerAssignees: withFormerAssignee(stored, previous) } : {};
      session.setDetails(conversationId, { ...stored.details, agentName, ...formerAssignees });
      if (transfer) await recordHandOver(deps, session, stored, handOverText({ name: agentName ?? 'another agent' }));
    }
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
