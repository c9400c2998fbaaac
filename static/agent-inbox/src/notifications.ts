/**
 * Browser notifications of the inbox (R19–R21), decided from what changed: a new offer, a new
 * message in one of the agent's chats, or a push the backend sent to this agent. Pure; the
 * inbox shows them with the Notification API and opens the conversation on click (R21).
 */
import type { AgentMe } from '../../../src/frontend/shared/operations';

export interface NotificationSpec {
  /** Shown once per key; also the browser's tag, so a newer one replaces an older one. */
  readonly key: string;
  readonly conversationId: string;
  readonly title: string;
  readonly body: string;
}

export interface PageState {
  /** The conversation on screen, if any. */
  readonly openConversationId: string | null;
  readonly pageVisible: boolean;
}

/** From one agent.me to the next. The first read announces nothing: the agent sees the page. */
export function notificationsFromChange(previous: AgentMe | null, next: AgentMe, page: PageState): NotificationSpec[] {
  if (!previous) return [];
  const specs: NotificationSpec[] = [];
  for (const offer of next.offers) {
    if (previous.offers.some((o) => o.conversationId === offer.conversationId && o.expiresAt === offer.expiresAt)) continue;
    // R19: a chat offered to this agent.
    specs.push({ key: `offer:${offer.conversationId}:${offer.expiresAt}`, conversationId: offer.conversationId, title: `New chat offer (${offer.projectKey})`, body: offer.summary });
  }
  for (const conversation of next.conversations) {
    const before = previous.conversations.find((c) => c.conversationId === conversation.conversationId)?.unread ?? 0;
    if (conversation.unread <= before) continue;
    // R20: the assigned agent, unless they are looking at that chat.
    if (page.pageVisible && page.openConversationId === conversation.conversationId) continue;
    specs.push({
      key: `message:${conversation.conversationId}:${conversation.unread}`,
      conversationId: conversation.conversationId,
      title: `New message in ${conversation.workItemKey}`,
      body: conversation.summary
    });
  }
  return specs;
}

/**
 * A push the backend addressed to this agent: `{ type: 'notify', reason, conversationId,
 * projectKey?, summary? }` (domain effect `notify`). New messages are announced from the
 * unread counts instead, so they are not told twice.
 */
export function notificationFromPush(push: Record<string, unknown>): NotificationSpec | null {
  if (push.type !== 'notify' || typeof push.conversationId !== 'string') return null;
  const conversationId = push.conversationId;
  const summary = typeof push.summary === 'string' ? push.summary : '';
  const where = typeof push.projectKey === 'string' ? ` (${push.projectKey})` : '';
  switch (push.reason) {
    case 'newChat':
      return { key: `newChat:${conversationId}`, conversationId, title: `New chat waiting${where}`, body: summary || 'A customer asked for a person.' };
    case 'replyReminder':
      return { key: `reminder:${conversationId}`, conversationId, title: 'The customer is waiting for your reply', body: summary || 'Reply, or the chat will end.' };
    default:
      return null;
  }
}
