import type { Conversation } from '../../domain';
import type { ChatMessage } from '../ports/chat-messages';
import type { AppDeps } from '../app-deps';
import { aiMessages } from './conversation-messages';
import { contextText } from './transcript-text';

export interface Transcript {
  readonly conversation: Conversation;
  readonly workItemKey: string;
  readonly summary: string;
  /** The AI conversation before the handoff (R15), as text lines; `messages` holds it too, as messages 1..n. */
  readonly context: string;
  readonly customerName: string;
  /** The assignee's display name when one accepted. */
  readonly agentName: string | null;
  readonly messages: readonly ChatMessage[];
}

/** R17: everything said in a chat, for the one internal comment at its end. Null when unknown (or expired, R30). */
export async function readTranscript(deps: Pick<AppDeps, 'routing' | 'messages'>, conversationId: string): Promise<Transcript | null> {
  const [stored] = await deps.routing.conversations([conversationId]);
  if (!stored) return null;
  const { conversation, details } = stored;
  const turns = (await deps.messages.aiTurns([conversationId])).get(conversationId) ?? [];
  return {
    conversation,
    workItemKey: details.workItemKey,
    summary: details.summary,
    context: contextText(turns),
    customerName: details.customerName,
    agentName: details.agentName,
    messages: [...aiMessages(turns, stored), ...(await deps.messages.all(conversationId, details.aiTurns))]
  };
}
