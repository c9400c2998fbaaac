import type { ConversationStatus } from '../../domain';
import { AppError } from '../app-error';
import type { ChatMessage } from '../ports/chat-messages';
import type { PushChannel } from '../ports/chat-pushes';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';
import { conversationAccess, type ConversationAccess } from './conversation-access';
import { messagesAfter, shownMessage } from './conversation-messages';
import { requireConversation } from './find-conversation';
import { isStillTyping } from './signal-typing';
import { contextText } from './transcript-text';

export interface ConversationView {
  readonly status: ConversationStatus;
  readonly projectKey: string;
  readonly workItemKey: string;
  readonly summary: string;
  readonly context: string;
  readonly customerName: string;
  readonly messages: readonly Omit<ChatMessage, 'authorId'>[];
  readonly customerTyping: boolean;
  /** R18: what this reader may see (the pages need not infer it from what is empty). */
  readonly access: ConversationAccess;
  /** How many leading messages (seq 1..aiTurns) were the AI conversation before the handoff; 0 for `metadata` readers. */
  readonly aiTurns: number;
  /** The assigned agent's name (also the work item's assignee, R7), null before an accept. */
  readonly agentName: string | null;
  /** The reader's push channel (their agent channel), for those who read the messages. */
  readonly realtime?: PushChannel;
}

/**
 * conversation.get for the inbox and the work item's panel (by id, or by the panel's work
 * item). R18: the assignee and participants read everything; the offered agent the summary
 * and AI context; the space's other people only that it exists.
 */
export async function readConversation(
  deps: AppDeps,
  input: { accountId: string | undefined; conversationId?: string; workItemKey?: string; afterSeq?: number }
): Promise<ConversationView> {
  const stored = await find(deps, input);
  const access = await conversationAccess(deps, input.accountId, stored);
  const { conversation, details } = stored;
  const agentName = conversation.assignee !== null ? details.agentName : null;
  const metadata = {
    status: conversation.status,
    projectKey: conversation.projectKey,
    workItemKey: details.workItemKey,
    access,
    agentName
  };
  const empty = { summary: '', context: '', customerName: '', messages: [], customerTyping: false, aiTurns: 0 };
  if (access === 'metadata') return { ...metadata, ...empty };
  const turns = (await deps.messages.aiTurns([conversation.id])).get(conversation.id) ?? [];
  if (access === 'offer') return { ...metadata, ...empty, summary: details.summary, context: contextText(turns), aiTurns: details.aiTurns };
  const accountId = input.accountId as string;
  const messages = await messagesAfter(deps, stored, input.afterSeq ?? 0);
  const typing = await deps.messages.typing(conversation.id);
  const last = messages[messages.length - 1];
  // Unread counts (agent.me) start after what the reader has now seen.
  if (last && last.seq > details.aiTurns) await deps.messages.markRead(conversation.id, accountId, last.seq);
  return {
    ...metadata,
    summary: details.summary,
    context: contextText(turns),
    customerName: details.customerName,
    messages: messages.map(shownMessage),
    customerTyping: !conversation.outcome && (await isStillTyping(deps, conversation.id, 'customer', typing.customer)),
    aiTurns: details.aiTurns,
    realtime: await deps.chatPushes.agentChannel(accountId)
  };
}

/** The panel on a work item knows the work item, not the conversation. */
async function find(deps: AppDeps, input: { conversationId?: string; workItemKey?: string }): Promise<StoredConversation> {
  if (input.conversationId !== undefined) return requireConversation(deps, input.conversationId);
  const found = input.workItemKey === undefined ? null : await deps.routing.byWorkItem(input.workItemKey);
  if (!found) throw new AppError('not_found', 'There is no live chat for this work item.');
  return found;
}
