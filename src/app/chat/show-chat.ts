import type { AppDeps } from '../app-deps';
import type { ChatMessage } from '../ports/chat-messages';
import type { PushChannel } from '../ports/chat-pushes';
import { requireToken } from './chat-token';
import { messagesAfter, shownMessage } from './conversation-messages';
import { customerRealtime, customerStatus, type CustomerStatus } from './customer-status';
import { requireConversation } from './find-conversation';
import { isStillTyping } from './signal-typing';

export type ChatView = CustomerStatus & {
  readonly agentName?: string;
  readonly agentTyping: boolean;
  readonly messages: readonly Omit<ChatMessage, 'authorId'>[];
  /** How many leading messages (seq 1..aiTurns) were the AI conversation before the handoff. */
  readonly aiTurns: number;
  /** Where the widget listens for pushes (named from the chat's secret, R24), with its subscribe-only token. */
  readonly realtime: PushChannel;
};

/** chat.get: what the customer sees (R23), by polling or after a push; R24: with their secret. */
export async function showChat(deps: AppDeps, input: { conversationId: string; token: string; afterSeq?: number }): Promise<ChatView> {
  const stored = await requireConversation(deps, input.conversationId);
  const details = requireToken(stored.details, input.token);
  const { conversation } = stored;
  const [status, messages, typing, realtime] = await Promise.all([
    customerStatus(deps, stored),
    messagesAfter(deps, stored, input.afterSeq ?? 0),
    conversation.status === 'active' ? deps.messages.typing(conversation.id) : Promise.resolve({ customer: null, agent: null }),
    customerRealtime(deps, stored)
  ]);
  return {
    ...status,
    ...(conversation.assignee !== null && details.agentName ? { agentName: details.agentName } : {}),
    agentTyping: await isStillTyping(deps, conversation.id, 'agent', typing.agent),
    messages: messages.map(shownMessage),
    aiTurns: details.aiTurns,
    realtime
  };
}
