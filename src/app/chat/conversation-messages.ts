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

/** A message as the pages see it: no author id; a file's reference when it is one. */
export function shownMessage({ seq, from, text, at, attachment }: ChatMessage): Omit<ChatMessage, 'authorId'> {
  return { seq, from, text, at, ...(attachment ? { attachment } : {}) };
}
