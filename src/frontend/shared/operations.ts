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

/** Transfer and History (README "Operations beyond PRODUCT.md"). */
export type TransferTargets = OperationResult<'conversation.transferTargets'>;
export type HistoryChat = OperationResult<'conversation.history'>['chats'][number];

export type ChatStart = OperationResult<'chat.start'>;
export type ChatView = OperationResult<'chat.get'>;
export type AssistantReply = OperationResult<'assistant.reply'>;
/** Where a page listens for pushes: a global channel named from a secret, with the backend's subscribe-only token. */
export type RealtimeChannel = ChatView['realtime'];

export const ENDED_STATUSES: readonly ConversationStatus[] = ['resolved', 'missed', 'expired'];

export function hasEnded(status: ConversationStatus): boolean {
  return ENDED_STATUSES.includes(status);
}

/** SR1: a space's saved replies (`space.savedReplies.*`); SR2: `conversation.savedReplies`, each text filled for the chat. */
export type SavedReplies = OperationResult<'space.savedReplies.get'>;
export type SavedReply = SavedReplies['replies'][number];
/** CC1–CC3: `conversation.customer`. */
export type CustomerContext = OperationResult<'conversation.customer'>;
export type PortalPage = NonNullable<CustomerContext['portalPage']>;
/** LV1: `space.liveView.get`, the space settings page's live view. */
export type LiveView = OperationResult<'space.liveView.get'>;
export type LiveAgent = LiveView['agents'][number];
export type LiveChat = LiveAgent['chats'][number];
export type WaitingCustomer = LiveView['waiting'][number];
