import { estimateWait, isEnded, type ConversationStatus, type WaitEstimate } from '../../domain';
import type { PushChannel } from '../ports/chat-pushes';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';
import { fallbackText } from './fallback-text';

/** What the customer is told of their chat's state (R11: queue position; R10, R12, R13: fallback). */
export interface CustomerStatus {
  readonly status: ConversationStatus;
  readonly queuePosition?: number;
  /** R11, while waiting: the space's queue signal; on a push there, the widget reads its position again. */
  readonly queueRealtime?: PushChannel;
  readonly fallback?: string;
  /** W1, while waiting: a range in minutes, absent until the space has enough recent accepts. */
  readonly waitEstimate?: WaitEstimate;
}

export async function customerStatus(deps: AppDeps, stored: StoredConversation): Promise<CustomerStatus> {
  const { conversation, details } = stored;
  if (conversation.status === 'waiting') {
    const [queuePosition, queueRealtime, acceptTimes] = await Promise.all([
      deps.routing.queuePosition(conversation),
      deps.chatPushes.queueChannel(conversation.projectKey),
      // W1: one read whatever the queue's length; the estimate is a courtesy, left out when storage cannot give it.
      deps.routing.acceptTimes(conversation.projectKey).catch((): readonly number[] => [])
    ]);
    const waitEstimate = estimateWait(acceptTimes, queuePosition);
    return { status: 'waiting', queuePosition, queueRealtime, ...(waitEstimate ? { waitEstimate } : {}) };
  }
  if (conversation.status === 'missed' || conversation.status === 'expired') {
    return { status: conversation.status, fallback: fallbackText(await deps.spaces.get(conversation.projectKey), details.workItemKey) };
  }
  return { status: conversation.status };
}

/** Where the widget listens (named from the chat's secret, R24), with its token while the chat can still change: an ended chat has nothing more to push. */
export async function customerRealtime(deps: AppDeps, stored: StoredConversation): Promise<PushChannel> {
  return isEnded(stored.conversation) ? { channel: stored.details.channel } : deps.chatPushes.customerChannel(stored.details.channel);
}
