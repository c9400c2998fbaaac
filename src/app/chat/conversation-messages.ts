import type { AiTurn, ChatMessage } from '../ports/chat-messages';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

/** How many live messages one read returns; a page asks again with the last seq. */
export const MESSAGES_PER_READ = 100;

/**
 * A conversation's messages as both sides read them: the AI conversation before the
 * handoff as messages 1..aiTurns (R15), then the live chat, each after `afterSeq`.
 */
export async function messagesAfter(deps: Pick<AppDeps, 'messages'>, stored: StoredConversation, afterSeq = 0): Promise<ChatMessage[]> {
  const { conversation, details } = stored;
  const ai =
    afterSeq < details.aiTurns
      ? aiMessages((await deps.messages.aiTurns([conversation.id])).get(conversation.id) ?? [], stored).slice(afterSeq)
      : [];
  const live = await deps.messages.after(conversation.id, Math.max(afterSeq, details.aiTurns), MESSAGES_PER_READ);
  return [...ai, ...live];
}

export function aiMessages(turns: readonly AiTurn[], stored: StoredConversation): ChatMessage[] {
  return turns.map((turn, i) => ({ seq: i + 1, from: turn.from, text: turn.text, at: stored.conversation.requestedAt, authorId: null }));
}

/**
 * A message as the pages read it: no author id; a file's reference when it is one; `authorName`
 * names its agent when a transfer put more than one on the chat.
 */
export interface ShownMessage extends Omit<ChatMessage, 'authorId'> {
  readonly authorName?: string;
}

/**
 * Transfer: a chat that changed hands has agent messages by more than one agent, so each is
 * shown under its own author's name (kept a day by the people port); a chat that never changed
 * hands needs no name look-up (the pages name its one agent).
 */
export async function shownMessages(
  deps: Pick<AppDeps, 'people'>,
  stored: StoredConversation,
  messages: readonly ChatMessage[]
): Promise<ShownMessage[]> {
  const plain = ({ seq, from, text, at, attachment }: ChatMessage): ShownMessage => ({
    seq,
    from,
    text,
    at,
    ...(attachment ? { attachment } : {})
  });
  if ((stored.details.formerAssignees ?? []).length === 0) return messages.map(plain);
  const authors = [...new Set(messages.flatMap((m) => (m.from === 'agent' && m.authorId ? [m.authorId] : [])))];
  const names = new Map<string, string>();
  await Promise.all(
    authors.map(async (id) => {
      const name = id === stored.conversation.assignee ? stored.details.agentName : await deps.people.displayName(id).catch(() => null);
      if (name) names.set(id, name);
    })
  );
  return messages.map((m) => {
    const authorName = m.authorId ? names.get(m.authorId) : undefined;
    return authorName ? { ...plain(m), authorName } : plain(m);
  });
}
