/**
 * The results of the resolver operations the pages call (PRODUCT.md, "Operations"), with the
 * fields the backend adds beside them (all optional here: a page works without them).
 */
import type { AgentStatus, ConversationStatus, PortalPage, SavedReply, SpaceSettings as StoredSpaceSettings } from '../../domain';
import type { Message } from './transcript';

// The domain owns these shapes; type-only imports, erased from the page bundles.
export type { AgentStatus, ConversationStatus, PortalPage, SavedReply };

/** Where a page listens for pushes: a global channel named from a secret (and a token, if the backend signs one). */
export interface RealtimeChannel {
  readonly channel: string;
  readonly token?: string;
}

export interface SpaceSettings extends StoredSpaceSettings {
  /** Beside the settings: the space's request types, for the picker. */
  readonly requestTypes?: readonly { readonly id: string; readonly name: string }[];
  /** R4: the Team's member count, and the backend's warning when it is over 100. */
  readonly teamSize?: number | null;
  readonly teamWarning?: string | null;
  /** R26's line, once set up, so a reload still shows it. */
  readonly escalationLine?: string;
  /** R27: deactivated by a space admin. */
  readonly deactivated?: boolean;
  /** R31: false when the Marketplace license is inactive, with the reason in `notice`. */
  readonly licenseActive?: boolean;
  readonly notice?: string | null;
}

export interface SetupResult {
  readonly setUp: true;
  readonly escalationLine: string;
}

export type DeactivateResult = SpaceSettings & { readonly removeFromRovo: readonly string[] };

export interface SiteSettings {
  readonly maxConversations: number;
  /** R31, as on the space settings page. */
  readonly licenseActive?: boolean;
  readonly notice?: string | null;
}

/** `site.overview` (README: "Operations beyond PRODUCT.md"). */
export interface SiteOverview {
  readonly spaces: readonly SpaceOverview[];
}

export interface SpaceOverview {
  readonly projectKey: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly setUp: boolean;
  readonly availableAgents: number;
  readonly waiting: number;
  readonly active: number;
}

export interface Offer {
  readonly conversationId: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly context: string;
  readonly expiresAt: number;
}

export interface AgentConversation {
  readonly conversationId: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly workItemKey: string;
  readonly status: ConversationStatus;
  readonly unread: number;
  /** IN4: when the customer's oldest unanswered message was sent (the backend lists the longest wait first). */
  readonly awaitingReplySince?: number | null;
}

export interface AgentMe {
  readonly status: AgentStatus;
  readonly load: number;
  readonly maxConversations: number;
  readonly offers: readonly Offer[];
  readonly conversations: readonly AgentConversation[];
  /** Why the app last changed the status (R9: `offerTimeout`), when the backend says. */
  readonly statusReason?: 'agent' | 'offerTimeout' | null;
  /** The agent's push channel. */
  readonly realtime?: RealtimeChannel;
}

/** R18: the assignee and participants read everything; the offered agent the summary and AI context; others that it exists. */
export type ReaderAccess = 'full' | 'offer' | 'metadata';

export interface AgentConversationView {
  readonly status: ConversationStatus;
  readonly projectKey: string;
  readonly workItemKey: string;
  readonly summary: string;
  readonly context: string;
  readonly customerName: string;
  readonly messages: readonly Message[];
  readonly customerTyping: boolean;
  /** What R18 lets this reader see. */
  readonly access: ReaderAccess;
  /** How many leading messages were the AI chat (the handoff point). */
  readonly aiTurns?: number;
  /** The assigned agent's name, for readers other than that agent (issue panel). */
  readonly agentName?: string | null;
  /** The reader's push channel. */
  readonly realtime?: RealtimeChannel;
}

export interface ChatStart {
  readonly conversationId: string;
  readonly token: string;
  readonly status: ConversationStatus;
  readonly queuePosition?: number;
  readonly fallback?: string;
  readonly workItemKey: string;
  readonly realtime?: RealtimeChannel;
  /** R11, while waiting: the space's queue signal (no content); a push there means "read your position again". */
  readonly queueRealtime?: RealtimeChannel;
}

export interface ChatView {
  readonly status: ConversationStatus;
  readonly queuePosition?: number;
  readonly agentName?: string;
  readonly agentTyping: boolean;
  readonly messages: readonly Message[];
  readonly fallback?: string;
  /** How many leading messages were the AI chat (the handoff point). */
  readonly aiTurns?: number;
  readonly realtime?: RealtimeChannel;
  /** R11, while waiting: the space's queue signal (no content); a push there means "read your position again". */
  readonly queueRealtime?: RealtimeChannel;
}

export interface AssistantReply {
  readonly text: string;
  readonly escalate: boolean;
  /** The AI's one-line summary of the need when it escalates (the escalation tool's argument). */
  readonly summary?: string;
}

export const ENDED_STATUSES: readonly ConversationStatus[] = ['resolved', 'missed', 'expired'];

export function hasEnded(status: ConversationStatus): boolean {
  return ENDED_STATUSES.includes(status);
}

/** SR1: `space.savedReplies.*` (a SavedReply); SR2: in `conversation.savedReplies`, each text is filled for the chat. */
export interface SavedReplies {
  readonly replies: readonly SavedReply[];
}

/** CC1–CC3: `conversation.customer`. */
export interface CustomerContext {
  readonly name: string;
  readonly email: string | null;
  readonly anonymous: boolean;
  readonly otherWorkItems: readonly { readonly key: string; readonly summary: string; readonly status: string }[] | null;
  readonly portalPage: PortalPage | null;
}
