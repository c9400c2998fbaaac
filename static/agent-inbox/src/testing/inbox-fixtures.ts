import type { AgentConversation, AgentMe, Offer } from '../../../../src/frontend/shared/operations';

/** The inbox's unit tests' data: agent.me's answer and its parts, as the backend sends them, with what a test changes. */
export const offerAt = (conversationId: string, expiresAt: number): Offer => ({
  conversationId,
  projectKey: 'SUP',
  summary: 'VPN drops',
  context: '',
  expiresAt
});

export const conversation = (conversationId: string, over: Partial<AgentConversation> = {}): AgentConversation => ({
  conversationId,
  projectKey: 'SUP',
  summary: 'VPN drops',
  workItemKey: 'SUP-7',
  status: 'active',
  unread: 0,
  awaitingReplySince: null,
  ...over
});

export const me = (over: Partial<AgentMe> = {}): AgentMe => ({
  status: 'available',
  load: 0,
  maxConversations: 3,
  offers: [],
  conversations: [],
  statusReason: 'agent',
  realtime: { channel: 'agent-channel' },
  ...over
});
