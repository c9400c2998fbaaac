import { publishGlobal } from '@forge/realtime';
import type { ChatPushes } from '../../app/ports/chat-pushes';
import type { AppSecret } from './kvs-chat-secrets';

/**
 * Pushes go out globally (consumers have no page context to scope by); channels carrying
 * content are named from a secret: the customer's from their chat secret (R24), an
 * agent's from the app's secret and their account (R18), told only to them by agent.me.
 * Best effort: a refused or failed publish is dropped, the pages poll as well.
 */
export function realtimeChatPushes(secret: AppSecret): ChatPushes {
  const channels = new Map<string, Promise<string>>();
  const agentChannel = (accountId: string): Promise<string> => {
    let channel = channels.get(accountId);
    if (!channel) {
      channel = secret.derive('agent-channel', accountId).then((name) => `live-chat-agent-${name.replace(/[^a-zA-Z0-9]/g, '').slice(0, 40)}`);
      channels.set(accountId, channel);
    }
    return channel;
  };
  return {
    toCustomer: (channel, push) => publish(channel, push),
    async toAgents(accountIds, push) {
      await Promise.all([...new Set(accountIds)].map(async (id) => publish(await agentChannel(id), push)));
    },
    queueMoved: (projectKey) => publish(queueChannel(projectKey), { type: 'queue' }),
    queueChannel,
    agentChannel,
  };
}

/** R11: one global channel per space; its pushes say only "the queue moved" (R18, R24: no content). */
function queueChannel(projectKey: string): string {
  return `live-chat-queue-${projectKey}`;
}

async function publish(channel: string, payload: object): Promise<void> {
  try {
    await publishGlobal(channel, { ...payload });
  } catch {
    // Realtime is a courtesy on top of polling; the rate limit (50/s) may refuse some.
  }
}
