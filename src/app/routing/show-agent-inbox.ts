import { byLongestWait, chatAttention, hasPendingTransfer, isEnded, load, type AgentStatus, type ConversationStatus } from '../../domain';
import { contextText } from '../chat/transcript-text';
import type { PushChannel } from '../ports/chat-pushes';
import type { StatusReason, StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

export interface AgentInbox {
  readonly status: AgentStatus;
  readonly load: number;
  readonly maxConversations: number;
  readonly offers: readonly {
    conversationId: string;
    projectKey: string;
    summary: string;
    context: string;
    expiresAt: number;
    /** Transfer: the name of the agent handing this running chat over (absent for a routed offer). */
    transferFrom?: string;
  }[];
  readonly conversations: readonly {
    conversationId: string;
    projectKey: string;
    summary: string;
    workItemKey: string;
    status: ConversationStatus;
    unread: number;
    /** IN4: when the customer's oldest message still without an agent's answer was sent; null when nobody waits. */
    awaitingReplySince: number | null;
  }[];
  /** R9: why the app set the status (the inbox says so); 'agent' when the agent chose it. */
  readonly statusReason: 'agent' | Exclude<StatusReason, null>;
  /** The agent's push channel (offers, messages, notifications), named from the app's secret, with its subscribe-only token. */
  readonly realtime: PushChannel;
}

/** agent.me: the inbox's state, by polling or after a push (R5 load, R6 offers, R20 unread). */
export async function showAgentInbox(deps: AppDeps, agentId: string): Promise<AgentInbox> {
  const [{ agent, statusReason }] = await deps.routing.agents([agentId]);
  const [maxConversations, stored, turns, marks, realtime] = await Promise.all([
    deps.spaces.maxConversations(),
    deps.routing.conversations([...agent.offers, ...agent.active]),
    deps.messages.aiTurns(agent.offers),
    deps.messages.readMarks(agentId, agent.active),
    deps.chatPushes.agentChannel(agentId)
  ]);
  const byId = new Map(stored.map((s) => [s.conversation.id, s]));
  const offers = agent.offers.flatMap((id) => {
    const offered = byId.get(id);
    const offer = offered?.conversation.offer;
    if (!offered || offer?.agentId !== agentId) return [];
    const { conversation, details } = offered;
    return [
      {
        conversationId: id,
        projectKey: conversation.projectKey,
        summary: details.summary,
        context: contextText(turns.get(id) ?? []),
        expiresAt: offer.expiresAt,
        ...(hasPendingTransfer(conversation) ? { transferFrom: details.agentName ?? conversation.assignee ?? '' } : {})
      }
    ];
  });
  const active = agent.active.flatMap((id) => byId.get(id) ?? []);
  const listed = await Promise.all(
    active.map(async (s) => {
      const attention = await chatAttentionOf(deps, s, marks[s.conversation.id] ?? 0);
      return {
        conversationId: s.conversation.id,
        projectKey: s.conversation.projectKey,
        summary: s.details.summary,
        workItemKey: s.details.workItemKey,
        status: s.conversation.status,
        ...attention,
        since: s.conversation.acceptedAt ?? s.conversation.requestedAt,
        ended: isEnded(s.conversation)
      };
    })
  );
  // IN4: the customer who has waited longest for a reply first.
  const conversations = byLongestWait(listed).map(({ since: _since, ended: _ended, ...c }) => c);
  return {
    status: agent.status,
    load: load(agent),
    maxConversations,
    offers,
    conversations,
    statusReason: statusReason ?? 'agent',
    realtime
  };
}

/** Messages the inbox weighs per chat: unread (IN2, R20) and the wait for a reply (IN4) are counted within them. */
export const ATTENTION_WINDOW = 20;

/** IN2, IN4 from the chat's newest live messages (one read) and the agent's read mark. */
async function chatAttentionOf(deps: AppDeps, stored: StoredConversation, readSeq: number) {
  const newest = await deps.messages.latest(stored.conversation.id, ATTENTION_WINDOW, stored.details.aiTurns);
  return chatAttention(newest, readSeq);
}
