import type { ChatWorld, StartedChat } from '../../src/app/routing/testing/chat-world';
import type { PageModel } from './chat-costs';

/** While a page's channel is healthy it polls every 5 minutes (static/shared/src/use-live-updates.ts POLLING). */
export const SLOW_POLL_MS = 5 * 60_000;
/** How often standardChat calls `poll` (every 30 s of the chat). */
const POLL_CALL_MS = 30_000;

/**
 * The two pages of a chat as they run (static/shared/src/live-updates.ts and the pages' push
 * rules: static/portal-widget/src/widget-state.ts `pushed`, static/agent-inbox/src/agent-pushes.ts).
 * Each listens on its realtime channel with the token its read returned (the chat view through
 * the inbox's subscription on the agent's channel, static/shared/src/push-relay.ts), applies
 * a push that carries what it shows (the next message in sequence, an accept with the agent's
 * name, a status, an end) and reads again only for one that does not (a gap in the messages, an
 * offer, whose AI context only agent.me gives, a chat's end in the inbox); a page's own message
 * is held from the seq its send answered. Each page reads once as it opens (the widget after
 * chat.start, the chat view after accept) and polls every 5 minutes as a safety net. The inbox
 * (open before the chat, subscribed already) reads agent.me for the chat's offer; its own poll is
 * the agent's standing cost, not the chat's.
 */
export async function chatPages(world: ChatWorld, agentId: string): Promise<(chat: StartedChat) => PageModel> {
  const realtime = world.sandbox.realtime;
  let current: ChatPagesState | undefined;
  // The inbox's one subscription on the agent's channel, moved to a new token when a read of agent.me brings one (live-updates.ts useChannel).
  let inbox: { token?: string; stop: () => void } | undefined;
  const listenInbox = (channel: { channel: string; token?: string } | undefined) => {
    if (!channel?.token || channel.token === inbox?.token) return;
    inbox?.stop();
    const stop = realtime.subscribe({ ...channel, isGlobal: true }, (event) => current?.agentPush(JSON.parse(event.payload) as Push));
    inbox = { token: channel.token, stop };
  };
  listenInbox((await world.me(agentId)).realtime);
  let inboxReadAt = world.sandbox.clock.now();
  return (chat) => {
    const state = new ChatPagesState();
    current = state;
    const channel = (chat as StartedChat & { realtime?: { channel: string; token?: string } }).realtime;
    if (channel?.token)
      realtime.subscribe({ ...channel, isGlobal: true }, (event) => state.customerPush(JSON.parse(event.payload) as Push));
    const readCustomer = async () => {
      const view = await world.call('chat.get', { conversationId: chat.conversationId, token: chat.token }, null);
      state.customerHeld = lastSeqOf(view, state.customerHeld);
    };
    // As chat-view.tsx reads: from the seq it holds (afterSeq) once it holds any, so a read that finds nothing new marks nothing read.
    const readView = async () => {
      const after = state.viewOpened && state.viewRead ? { afterSeq: state.viewHeld } : {};
      const view = await world.call('conversation.get', { conversationId: chat.conversationId, ...after }, agentId);
      state.viewRead = true;
      state.viewHeld = lastSeqOf(view, state.viewHeld);
    };
    const readInbox = async () => listenInbox((await world.call('agent.me', {}, agentId)).realtime as { channel: string; token?: string });
    state.conversationId = chat.conversationId;
    let polls = 0;
    return {
      async afterStep() {
        if (!state.customerOpened) {
          state.customerOpened = true;
          await readCustomer();
        }
        if (state.accepted && !state.viewOpened) {
          state.viewOpened = true;
          // The chat view hears the inbox's subscription on the agent's channel (static/shared/src/push-relay.ts): none of its own.
          await readView();
        }
        for (; state.customerReads > 0; state.customerReads--) await readCustomer();
        for (; state.inboxReads > 0; state.inboxReads--) await readInbox();
        for (; state.viewReads > 0; state.viewReads--) await readView();
        await world.settle();
      },
      sent(by, seq) {
        if (by === 'customer') state.customerHeld = Math.max(state.customerHeld, seq);
        else state.viewHeld = Math.max(state.viewHeld, seq);
      },
      // The inbox's 5-minute agent.me poll (the agent's standing cost) moves its subscription to a renewed token.
      async standing() {
        if (world.sandbox.clock.now() - inboxReadAt < SLOW_POLL_MS) return;
        inboxReadAt = world.sandbox.clock.now();
        listenInbox((await world.me(agentId)).realtime);
      },
      async poll() {
        polls += 1;
        if ((polls * POLL_CALL_MS) % SLOW_POLL_MS !== 0) return;
        await readCustomer();
        if (state.viewOpened) await readView();
        await world.settle();
      }
    };
  };
}

interface Push {
  type?: string;
  status?: string;
  agentName?: string;
  conversationId?: string;
  seq?: number;
  message?: { seq: number };
}

/** What each page holds and what it still has to read, from the pushes it received. */
class ChatPagesState {
  conversationId = '';
  customerOpened = false;
  viewOpened = false;
  /** The chat view has read once (it reads with afterSeq from then on). */
  viewRead = false;
  accepted = false;
  customerHeld = 0;
  viewHeld = 0;
  customerReads = 0;
  viewReads = 0;
  inboxReads = 0;

  customerPush(push: Push): void {
    if (push.type === 'status' && push.status === 'active') this.accepted = true;
    const applies =
      (push.type === 'message' && push.seq !== undefined && push.seq <= this.customerHeld + 1) ||
      (push.type === 'status' && ((push.status === 'active' && Boolean(push.agentName)) || push.status === 'resolved'));
    if (push.type === 'message' && applies) this.customerHeld = Math.max(this.customerHeld, push.seq ?? 0);
    if (!applies) this.customerReads++;
  }

  agentPush(pushed: Push): void {
    // R20's notification of a new message carries it (static/agent-inbox/src/agent-pushes.ts viewPushed).
    const push: Push =
      pushed.type === 'notify' && pushed.message ? { ...pushed.message, type: 'message', conversationId: pushed.conversationId } : pushed;
    if (push.conversationId !== this.conversationId && push.type !== 'status') return;
    // The chat view: its chat's next message, or its end (anything else of its chat it reads); the inbox: a status, a notification, a message of the open chat.
    if (this.viewOpened && ['message', 'typing', 'conversation', 'notify'].includes(push.type ?? '')) {
      const applies =
        (push.type === 'message' && push.seq !== undefined && push.seq <= this.viewHeld + 1) ||
        (push.type === 'conversation' && ['resolved', 'missed', 'expired'].includes(push.status ?? ''));
      if (push.type === 'message' && applies) this.viewHeld = Math.max(this.viewHeld, push.seq ?? 0);
      if (!applies) this.viewReads++;
    }
    if (push.type === 'offer' || push.type === 'offerWithdrawn' || push.type === 'conversation') this.inboxReads++;
  }
}

function lastSeqOf(view: Record<string, unknown>, held: number): number {
  const messages = (view.messages as { seq: number }[] | undefined) ?? [];
  return messages.reduce((last, m) => Math.max(last, m.seq), held);
}
