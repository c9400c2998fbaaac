import { publishGlobal } from '@forge/realtime';
import type { ChatPushes, PushChannel } from '../../app/ports/chat-pushes';
import type { AppSecret } from './kvs-chat-secrets';
import { realtimeToken, type TokenAudience } from './realtime-tokens';

/**
 * Pushes go out globally (consumers have no page context to scope by), each with the app's
 * token for its channel; pages listen with the token a read gave them, so nobody who merely
 * knows a channel's name can listen or publish there. Channels carrying content are also named
 * from a secret and have one listener: the customer's from their chat secret (R24), an agent's
 * from the app's secret and their account (R18), told only to them by agent.me and
 * conversation.get; their one token also lets that page publish, which reaches only itself
 * (realtime-tokens.ts). The queue's signal keeps a subscribe-only token for its pages.
 * Best effort: a refused or failed publish is dropped, the pages poll as well.
 */
export function realtimeChatPushes(secret: AppSecret): ChatPushes {
  const channels = new Map<string, Promise<string>>();
  const agentChannelName = (accountId: string): Promise<string> => {
    let channel = channels.get(accountId);
    if (!channel) {
      channel = secret
        .derive('agent-channel', accountId)
        .then((name) => `live-chat-agent-${name.replace(/[^a-zA-Z0-9]/g, '').slice(0, 40)}`);
      channels.set(accountId, channel);
    }
    return channel;
  };
  return {
    toCustomer: (channel, push) => publish(channel, 'customer', push),
    async toAgents(accountIds, push) {
      await Promise.all([...new Set(accountIds)].map(async (id) => publish(await agentChannelName(id), 'agent', push)));
    },
    queueMoved: (projectKey) => publish(queueChannelName(projectKey), 'waiting customers', { type: 'queue' }),
    customerChannel: (channel) => forPage(channel, 'customer'),
    queueChannel: (projectKey) => forPage(queueChannelName(projectKey), 'waiting customers'),
    agentChannel: async (accountId) => forPage(await agentChannelName(accountId), 'agent')
  };
}

/** R11: one global channel per space; its pushes say only "the queue moved" (R18, R24: no content). */
function queueChannelName(projectKey: string): string {
  return `live-chat-queue-${projectKey}`;
}

async function forPage(channel: string, audience: TokenAudience): Promise<PushChannel> {
  const token = await realtimeToken(channel, audience, 'subscribe');
  return token ? { channel, token } : { channel };
}

async function publish(channel: string, audience: TokenAudience, payload: object): Promise<void> {
  try {
    const token = await realtimeToken(channel, audience, 'publish');
    // Without the app's token the platform refuses the channel: nothing to send.
    if (token) await publishGlobal(channel, { ...payload }, { token });
  } catch {
    // Realtime is a courtesy on top of polling; the rate limit (50/s) may refuse some.
  }
}
