import type { Conversation } from '../../domain';
import { AppError } from '../app-error';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

/** A chat work item's conversation (R16: who routing assigned, and whether the chat still runs). */
export interface ConversationOfWorkItem {
  readonly conversation: Conversation;
  readonly workItemKey: string;
  readonly participants: readonly string[];
}

/** The conversation whose work item is `workItemKey`, or null when it is not a chat work item (any more). */
export async function findConversationByWorkItem(
  deps: Pick<AppDeps, 'routing'>,
  workItemKey: string
): Promise<ConversationOfWorkItem | null> {
  const stored = await deps.routing.byWorkItem(workItemKey);
  return (
    stored && { conversation: stored.conversation, workItemKey: stored.details.workItemKey, participants: stored.details.participants }
  );
}

/** The conversation, or `not_found`. */
export async function requireConversation(deps: Pick<AppDeps, 'routing'>, conversationId: string): Promise<StoredConversation> {
  const [stored] = await deps.routing.conversations([conversationId]);
  if (!stored) throw new AppError('not_found', 'There is no such chat.');
  return stored;
}
