export type ConversationStatus = 'waiting' | 'offered' | 'active' | 'resolved' | 'missed' | 'expired';

/** R14: the one way a request ends. */
export type Outcome =
  | { readonly kind: 'resolved'; readonly by: 'agent' | 'customer' }
  | { readonly kind: 'missed'; readonly reason: 'noAgent' | 'timeToAssign' }
  | { readonly kind: 'expired' };

export interface Offer {
  readonly agentId: string;
  readonly offeredAt: number;
  readonly expiresAt: number;
  /** Numbers the offers of a conversation, so a timeout timer of an older offer is ignored. */
  readonly attempt: number;
}

/**
 * The space's timings in force when the customer asked (settings changed later
 * apply to later requests), so routing needs no space settings afterwards.
 */
export interface Timing {
  readonly timeToAssignMs: number;
  readonly offerTimeoutMs: number;
  readonly timeToReplyMs: number;
}

/** The conversation record storage holds. */
export interface Conversation {
  readonly id: string;
  readonly projectKey: string;
  readonly status: ConversationStatus;
  readonly requestedAt: number;
  readonly timing: Timing;
  /** Offers made so far; the next one gets `attempts + 1`. */
  readonly attempts: number;
  readonly offer: Offer | null;
  /** The agent who last let an offer go (declined, timed out, became unavailable): skipped at the next pick unless the only eligible agent (R8). */
  readonly passedBy: string | null;
  readonly assignee: string | null;
  readonly acceptedAt: number | null;
  readonly firstAgentReplyAt: number | null;
  readonly reminderSent: boolean;
  readonly outcome: Outcome | null;
  readonly endedAt: number | null;
  /**
   * Transfer (README "Operations beyond PRODUCT.md"): when the assignee put the chat back in
   * its space's queue; Time to assign runs again from here (R12), while its FCFS place stays
   * its requestedAt (R11). Absent or null: never put back.
   */
  readonly requeuedAt?: number | null;
}

export function newConversation(init: { id: string; projectKey: string; requestedAt: number; timing: Timing }): Conversation {
  return {
    ...init,
    status: 'waiting',
    attempts: 0,
    offer: null,
    passedBy: null,
    assignee: null,
    acceptedAt: null,
    firstAgentReplyAt: null,
    reminderSent: false,
    outcome: null,
    endedAt: null
  };
}

export function isEnded(conversation: Conversation): boolean {
  return conversation.outcome !== null;
}

/** R12; after a transfer back to the queue, Time to assign runs again from then. */
export function assignDeadline(conversation: Conversation): number {
  return (conversation.requeuedAt ?? conversation.requestedAt) + conversation.timing.timeToAssignMs;
}

/** Transfer: a running chat offered to another agent while its assignee keeps it. */
export function hasPendingTransfer(conversation: Conversation): boolean {
  return conversation.status === 'active' && conversation.offer !== null;
}

/** R13: the reply clock starts at accept; null before. */
export function replyReminderAt(conversation: Conversation): number | null {
  return conversation.acceptedAt === null ? null : conversation.acceptedAt + conversation.timing.timeToReplyMs;
}

/** R13: Time to reply passing a second time. */
export function replyExpiresAt(conversation: Conversation): number | null {
  return conversation.acceptedAt === null ? null : conversation.acceptedAt + 2 * conversation.timing.timeToReplyMs;
}

/** R13: the clock runs only while the assignee has not replied. */
export function awaitsFirstReply(conversation: Conversation): boolean {
  return conversation.status === 'active' && conversation.firstAgentReplyAt === null;
}
