/** The inbox's decisions that need no browser: status notices, ordering, what is open. */
import type { AgentConversation, AgentMe, AgentStatus, Offer } from '../../../src/frontend/shared/operations';
import { hasEnded } from '../../../src/frontend/shared/operations';

/** R9: why the app (not the agent) changed the status; shown until the agent sets one. */
export type StatusNotice = 'offerTimeout' | null;

/** The backend says why it last set the status (`statusReason`, kept until the next change). */
export function statusNotice(me: AgentMe): StatusNotice {
  return me.status === 'away' && me.statusReason === 'offerTimeout' ? 'offerTimeout' : null;
}

export function statusNoticeText(notice: StatusNotice): string | null {
  return notice === 'offerTimeout'
    ? 'You were set to Away because a chat offer timed out without an answer. Set yourself to Available to get offers again.'
    : null;
}

/** Running chats first (most unread first), then ended ones; each group keeps the backend's order. */
export function orderConversations(conversations: readonly AgentConversation[]): AgentConversation[] {
  const running = conversations.filter((c) => !hasEnded(c.status));
  const ended = conversations.filter((c) => hasEnded(c.status));
  return [...running.sort((a, b) => b.unread - a.unread), ...ended];
}

/** Offers by deadline, soonest first: the one to answer now is on top. */
export function orderOffers(offers: readonly Offer[]): Offer[] {
  return [...offers].sort((a, b) => a.expiresAt - b.expiresAt);
}

export function totalUnread(me: AgentMe | null): number {
  return me ? me.conversations.reduce((total, c) => total + (c.unread > 0 ? c.unread : 0), 0) : 0;
}

/** "Inbox (3)": the window title tells an agent in another tab that something waits. */
export function documentTitle(me: AgentMe | null): string {
  const waiting = (me?.offers.length ?? 0) + totalUnread(me);
  return waiting > 0 ? `(${waiting}) Live chat inbox` : 'Live chat inbox';
}

export function loadText(me: Pick<AgentMe, 'load' | 'maxConversations'>): string {
  return `${me.load} of ${me.maxConversations} conversations`;
}

/** R1: only Available agents get offers. */
export function offersPaused(status: AgentStatus): boolean {
  return status !== 'available';
}

/** Where selecting a conversation (a click, a notification: R21) leads: its offer card, or its chat. */
export type Target = { kind: 'offer'; conversationId: string } | { kind: 'chat'; conversationId: string };

export function targetOf(me: AgentMe | null, conversationId: string): Target {
  return me?.offers.some((o) => o.conversationId === conversationId) ? { kind: 'offer', conversationId } : { kind: 'chat', conversationId };
}

/** The id of an offer's card, so a notification can bring it into focus. */
export function offerElementId(conversationId: string): string {
  return `offer-${conversationId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
