import type { ChatWorld, StartedChat } from '../../src/app/routing/testing/chat-world';
import type { PageModel } from './chat-costs';

/**
 * The two pages of a chat as they run (static/shared/src/live-updates.ts): each listens on its
 * realtime channel (with the subscribe-only token its read returned) and reads again on every push, and polls every 30 s as a safety net. The
 * customer's widget reads `chat.get`; the agent's chat view reads `conversation.get` (which
 * marks what the agent has read). The inbox (open before the chat, subscribed already) reads
 * `agent.me` after the chat's offer and status pushes; its own 30-s poll is the agent's
 * standing cost, not the chat's.
 */
export async function chatPages(world: ChatWorld, agentId: string): Promise<(chat: StartedChat) => PageModel> {
  const realtime = world.sandbox.realtime;
  const agentChannel = (await world.me(agentId)).realtime;
  let current: string | undefined;
  let viewPushes = 0;
  let inboxPushes = 0;
  realtime.subscribe({ ...agentChannel, isGlobal: true }, (event) => {
    const push = JSON.parse(event.payload) as { type?: string; conversationId?: string };
    if (!current || push.conversationId !== current) return;
    if (push.type === 'message' || push.type === 'conversation' || push.type === 'typing') viewPushes++;
    else inboxPushes++;
  });
  return (chat) => {
    current = chat.conversationId;
    viewPushes = 0;
    inboxPushes = 0;
    let customerPushes = 0;
    let accepted = false;
    const channel = (chat as StartedChat & { realtime?: { channel: string; token?: string } }).realtime;
    if (channel?.token) {
      realtime.subscribe({ ...channel, isGlobal: true }, (event) => {
        customerPushes++;
        const push = JSON.parse(event.payload) as { type?: string; status?: string };
        if (push.type === 'status' && push.status === 'active') accepted = true;
      });
    }
    const readCustomer = () => world.call('chat.get', { conversationId: chat.conversationId, token: chat.token }, null);
    const readView = () => world.call('conversation.get', { conversationId: chat.conversationId }, agentId);
    const readInbox = () => world.call('agent.me', {}, agentId);
    return {
      async afterStep() {
        for (; customerPushes > 0; customerPushes--) await readCustomer();
        for (; inboxPushes > 0; inboxPushes--) await readInbox();
        for (; viewPushes > 0; viewPushes--) await readView();
        await world.settle();
      },
      async poll() {
        await readCustomer();
        if (accepted) await readView();
        await world.settle();
      }
    };
  };
}
