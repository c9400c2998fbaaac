/**
 * The inbox's alerts (R19–R21), decided from what changed: a new offer, a new message in one of
 * the agent's chats, or a push the backend sent to this agent. Pure; alerts.ts shows each one
 * as a Jira flag, a banner in the inbox, a sound and, where the browser allows it, a desktop
 * notification, and each opens its conversation (R21).
 */
import type { AgentMe } from '../../../src/frontend/shared/operations';

export type AlertKind = 'offer' | 'message' | 'newChat' | 'replyReminder';

export interface NotificationSpec {
  readonly kind: AlertKind;
  /** Shown once per key; also the browser's tag and the flag's id, so a newer one replaces an older one. */
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
    specs.push({
      kind: 'offer',
      key: `offer:${offer.conversationId}:${offer.expiresAt}`,
      conversationId: offer.conversationId,
      title: offer.transferFrom ? `Chat transfer from ${offer.transferFrom} (${offer.projectKey})` : `New chat offer (${offer.projectKey})`,
      body: offer.summary
    });
  }
  for (const conversation of next.conversations) {
    const before = previous.conversations.find((c) => c.conversationId === conversation.conversationId)?.unread ?? 0;
    if (conversation.unread <= before) continue;
    // R20: the assigned agent, unless they are looking at that chat.
    if (page.pageVisible && page.openConversationId === conversation.conversationId) continue;
    specs.push({
      kind: 'message',
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
      return {
        kind: 'newChat',
        key: `newChat:${conversationId}`,
        conversationId,
        title: `New chat waiting${where}`,
        body: summary || 'A customer asked for a person.'
      };
    case 'replyReminder':
      return {
        kind: 'replyReminder',
        key: `reminder:${conversationId}`,
        conversationId,
        title: 'The customer is waiting for your reply',
        body: summary || 'Reply, or the chat will end.'
      };
    default:
      return null;
  }
}

/**
 * Whether an alert still has something to answer: an offer while it is offered, a message while
 * the chat has unread messages. The banner drops the others; a queue push or a reminder stays
 * until the agent opens or dismisses it.
 */
export function stillRelevant(spec: NotificationSpec, me: AgentMe | null): boolean {
  if (!me) return true;
  switch (spec.kind) {
    case 'offer':
      return me.offers.some((o) => o.conversationId === spec.conversationId);
    case 'message':
      return me.conversations.some((c) => c.conversationId === spec.conversationId && c.unread > 0);
    default:
      return true;
  }
}

/**
 * A new chat in the queue (newChat) and the offer of that chat to this agent are one event for
 * the agent: once the offer was told, the queue's push is not told again.
 */
export function toldBefore(spec: NotificationSpec, told: readonly NotificationSpec[]): boolean {
  return spec.kind === 'newChat' && told.some((t) => t.kind === 'offer' && t.conversationId === spec.conversationId);
}

/**
 * The Jira flag of an alert (showFlag): one per conversation and kind (a chat waiting and its
 * offer share one, the offer replacing it); messages go by themselves, what waits for an answer stays.
 */
export function flagFor(spec: NotificationSpec): {
  id: string;
  title: string;
  description: string;
  type: 'info' | 'warning';
  isAutoDismiss: boolean;
} {
  const group = spec.kind === 'newChat' ? 'offer' : spec.kind;
  return {
    id: `live-chat:${group}:${spec.conversationId}`,
    title: spec.title,
    description: spec.body,
    type: spec.kind === 'replyReminder' ? 'warning' : 'info',
    isAutoDismiss: spec.kind === 'message'
  };
}
