import type { DecisionSession } from '../decision/decision-session';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

/** Transfer: what the customer reads, and the transcript keeps, when a chat changes hands. */
export function handOverText(to: { name: string } | 'queue'): string {
  return to === 'queue' ? 'Your chat was passed on. Please wait for the next available agent.' : `You are now chatting with ${to.name}.`;
}

/**
 * Transfer: the hand-over as a system line of the transcript, written in the decision's own
 * transaction at the next seq (written only if that seq is still free, so a message racing it
 * makes the decision try again, and the line is never lost or doubled).
 */
export async function recordHandOver(deps: AppDeps, session: DecisionSession, stored: StoredConversation, text: string): Promise<void> {
  const { id: conversationId } = stored.conversation;
  const [newest] = await deps.messages.latest(conversationId, 1, stored.details.aiTurns);
  const seq = Math.max(newest?.seq ?? 0, stored.details.aiTurns) + 1;
  session.addMessage({ conversationId, seq, from: 'system', text, at: session.now, authorId: null });
}

/** The agent a transfer takes the chat from joins its former assignees (they read it once it ended: History). */
export function withFormerAssignee(stored: StoredConversation, agentId: string): readonly string[] {
  const former = stored.details.formerAssignees ?? [];
  return former.includes(agentId) ? former : [...former, agentId];
}
