import { fillPlaceholders, sortedReplies } from '../../domain';
import type { AppDeps } from '../app-deps';
import type { SavedReplyStore } from '../ports/saved-reply-store';
import { requireOnConversation } from '../chat/conversation-access';
import { requireConversation } from '../chat/find-conversation';
import type { AgentToolInput } from './agent-tool-input';

export interface PickableReply {
  readonly id: string;
  readonly title: string;
  /** The text with this chat's placeholders filled in (SR2): what the composer gets on insert. */
  readonly text: string;
}

/**
 * SR2 `conversation.savedReplies`: the chat's space's saved replies for its assignee or a
 * participant (R18: only they write in it), each with `{customerName}`, `{agentName}` and
 * `{workItem}` filled for this chat. The composer inserts the text; the agent edits and sends it.
 */
export async function pickSavedReplies(
  deps: AppDeps & { readonly savedReplies: SavedReplyStore },
  input: AgentToolInput
): Promise<{ replies: PickableReply[] }> {
  const stored = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.accountId, stored);
  const [{ replies }, agentName] = await Promise.all([
    deps.savedReplies.read(stored.conversation.projectKey),
    agentId === stored.conversation.assignee && stored.details.agentName ? stored.details.agentName : deps.people.displayName(agentId)
  ]);
  const customerName = stored.details.customerAccountId === null ? '' : stored.details.customerName;
  const values = { customerName, agentName: agentName ?? '', workItem: stored.details.workItemKey };
  return { replies: sortedReplies(replies).map((reply) => ({ ...reply, text: fillPlaceholders(reply.text, values) })) };
}
