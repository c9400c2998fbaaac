/**
 * What the agent's pages make of a push on the agent's channel without reading again: the chat
 * view applies the next message of its own chat (a message push, or R20's notification, which
 * carries it) and its end; the inbox applies a status change
 * and ignores what does not change its lists. Anything else (an offer, whose AI context only
 * agent.me gives; a message after a gap; typing) makes the page read again (live-updates.ts).
 */
import type { AgentConversationView, AgentMe } from '../../../src/frontend/shared/operations';
import { ENDED_STATUSES } from '../../../src/frontend/shared/operations';
import type { Message } from '../../../src/frontend/shared/transcript';
import { withNextMessage } from '../../shared/src/live-updates';

/** The chat view after `push`, or null when it must read again. A push about another chat changes nothing here. */
export function viewPushed(
  view: AgentConversationView,
  conversationId: string,
  push: Record<string, unknown>
): AgentConversationView | null {
  if (push.conversationId !== conversationId) return view;
  // R20's notification to the assignee carries the new message: shown like a message push.
  if (push.type === 'notify' && typeof push.message === 'object' && push.message !== null) {
    return viewPushed(view, conversationId, { ...(push.message as Record<string, unknown>), type: 'message', conversationId });
  }
  if (push.type === 'message' && typeof push.seq === 'number' && typeof push.text === 'string' && typeof push.at === 'number') {
    if (push.from !== 'customer' && push.from !== 'agent') return null;
    // A file's message is shown from the read, which gives what its preview needs (A1).
    if (push.attachment !== undefined) return null;
    const message: Message = { seq: push.seq, from: push.from, text: push.text, at: push.at };
    const messages = withNextMessage(view.messages ?? [], message);
    return messages ? { ...view, messages, ...(push.from === 'customer' ? { customerTyping: false } : {}) } : null;
  }
  const ended = ENDED_STATUSES.find((status) => status === push.status);
  if (push.type === 'conversation' && ended) return { ...view, status: ended };
  return null;
}

/**
 * The inbox after `push`, or null when it must read agent.me again: a status change is applied
 * (R9's reason with it); a message or typing in a chat changes none of the inbox's lists but its
 * unread count, which the open chat does not show (shownUnread) and the next read brings for
 * the others; a notification changes nothing. Offers and a chat's end are read.
 */
export function inboxPushed(me: AgentMe, push: Record<string, unknown>, openConversationId: string | null): AgentMe | null {
  if (push.type === 'status' && typeof push.status === 'string') {
    return { ...me, status: push.status as AgentMe['status'], statusReason: push.reason === 'offerTimeout' ? 'offerTimeout' : 'agent' };
  }
  if (push.type === 'typing' || push.type === 'notify') return me;
  if (push.type === 'message') return push.conversationId === openConversationId ? me : null;
  return null;
}

/** The open chat shows every message: it counts none unread, whatever the last read said. */
export function shownUnread(me: AgentMe, openConversationId: string | null): AgentMe {
  if (!openConversationId || !me.conversations.some((c) => c.conversationId === openConversationId && c.unread > 0)) return me;
  return { ...me, conversations: me.conversations.map((c) => (c.conversationId === openConversationId ? { ...c, unread: 0 } : c)) };
}
