/**
 * The results of the resolver operations, by the names the pages use: each is the contract's
 * (src/contract/operations.ts, the use case's own result type), imported for its type only and
 * so erased from the page bundles.
 */
import type { OperationResult } from '../../contract/operations';
import type { AgentStatus, ConversationStatus } from '../../domain';

// The domain owns these shapes; type-only imports, erased from the page bundles.
export type { AgentStatus, ConversationStatus };

export type SpaceSettings = OperationResult<'space.settings.get'>;
export type SetupResult = OperationResult<'space.setup'>;
export type DeactivateResult = OperationResult<'space.deactivate'>;
export type SiteSettings = OperationResult<'site.settings.get'>;
export type SiteOverview = OperationResult<'site.overview'>;
export type SpaceOverview = SiteOverview['spaces'][number];

export type AgentMe = OperationResult<'agent.me'>;
export type Offer = AgentMe['offers'][number];
export type AgentConversation = AgentMe['conversations'][number];
export type AgentConversationView = OperationResult<'conversation.get'>;
/** R18: the assignee and participants read everything; the offered agent the summary and AI context; others that it exists. */
export type ReaderAccess = AgentConversationView['access'];

export type ChatStart = OperationResult<'chat.start'>;
export type ChatView = OperationResult<'chat.get'>;
export type AssistantReply = OperationResult<'assistant.reply'>;
/** Where a page listens for pushes: a global channel named from a secret, with the backend's subscribe-only token. */
export type RealtimeChannel = ChatView['realtime'];

export const ENDED_STATUSES: readonly ConversationStatus[] = ['resolved', 'missed', 'expired'];

export function hasEnded(status: ConversationStatus): boolean {
  return ENDED_STATUSES.includes(status);
}
