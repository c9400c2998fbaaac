import type { AgentStatus } from './agent';
import type { Outcome } from './conversation';
import type { QueuePosition } from './queue';

/** Why a pending offer was taken back. `ended`: the conversation ended (customer, R12). */
export type WithdrawReason = 'declined' | 'timeout' | 'unavailable' | 'ended';

export type NotifyReason = 'newChat' | 'newMessage' | 'replyReminder';

/**
 * What a decision asks the shell to do, as data; the domain runs none of it.
 * Effects come in the order the shell should run them.
 */
export type Effect =
  /** R6: show the offer in the agent's inbox until `expiresAt`. */
  | {
      readonly type: 'offer';
      readonly conversationId: string;
      readonly agentId: string;
      readonly attempt: number;
      readonly expiresAt: number;
      /** Transfer: the assignee handing the running chat over (absent for a routed offer). */
      readonly transferFrom?: string;
    }
  /** Remove a pending offer from the agent's inbox. */
  | {
      readonly type: 'withdrawOffer';
      readonly conversationId: string;
      readonly agentId: string;
      readonly attempt: number;
      readonly reason: WithdrawReason;
    }
  /** R7: set the work item's assignee to the agent; the chat starts for both sides. */
  | { readonly type: 'assign'; readonly conversationId: string; readonly agentId: string }
  /** R19, R20, R13 reminder: browser notifications. */
  | { readonly type: 'notify'; readonly accountIds: readonly string[]; readonly conversationId: string; readonly reason: NotifyReason }
  /** R10, R12, R13: the customer sees the space's fallback message (see renderFallbackMessage). */
  | { readonly type: 'fallback'; readonly conversationId: string; readonly projectKey: string }
  /** R14: the conversation's one outcome (R15: a missed one is labelled by the shell). */
  | { readonly type: 'ended'; readonly conversationId: string; readonly outcome: Outcome }
  /** The inbox shows the new status, and why when the app changed it (R9). */
  | {
      readonly type: 'agentStatusChanged';
      readonly agentId: string;
      readonly status: AgentStatus;
      readonly reason: 'agent' | 'offerTimeout';
    }
  /** R11: waiting customers whose queue position changed (or who started waiting). */
  | { readonly type: 'queuePositions'; readonly projectKey: string; readonly positions: readonly QueuePosition[] }
  /**
   * Transfer: the chat changed hands: `to` accepted it from `from` (the customer is told who
   * they now chat with, the transcript records it), or `to` is null: `from` put it back in the queue.
   */
  | { readonly type: 'handedOver'; readonly conversationId: string; readonly from: string; readonly to: string | null }
  /** Transfer: the offer to `to` ended without an accept; the chat stays with its assignee `agentId`. */
  | {
      readonly type: 'transferReturned';
      readonly conversationId: string;
      readonly agentId: string;
      readonly to: string;
      readonly reason: WithdrawReason;
    }
  /** R13 clock stopped; R17: the shell posts this message as the agent's public reply. */
  | { readonly type: 'firstAgentReply'; readonly conversationId: string; readonly agentId: string };

export type EffectType = Effect['type'];

/**
 * A deadline of a conversation, fed back by the shell as a `timer` event at or
 * after `at`. The conversation's record is the one source of its timers:
 * `pendingTimers` (lifecycle/timers.ts) derives those still to come, and there is
 * no effect for them. Every timer is checked against the conversation when it
 * fires, so a stale or redelivered one changes nothing.
 */
export type Timer =
  /** R9; `attempt` ties it to one offer. */
  | { readonly kind: 'offerTimeout'; readonly conversationId: string; readonly at: number; readonly attempt: number }
  /** R12 */
  | { readonly kind: 'timeToAssign'; readonly conversationId: string; readonly at: number }
  /** R13, first pass */
  | { readonly kind: 'replyReminder'; readonly conversationId: string; readonly at: number }
  /** R13, second pass */
  | { readonly kind: 'replyExpiry'; readonly conversationId: string; readonly at: number };

export type TimerKind = Timer['kind'];
