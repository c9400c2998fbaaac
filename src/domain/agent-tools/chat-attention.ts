/** A message as the inbox weighs it (PRODUCT.md's message, without its text). */
export interface WeighedMessage {
  readonly seq: number;
  readonly from: 'customer' | 'ai' | 'agent' | 'system';
  readonly at: number;
}

export interface ChatAttention {
  /** R20: the customer's messages after the agent's read mark. */
  readonly unread: number;
  /** IN4: when the customer's oldest message not yet answered by an agent was sent; null when none waits. */
  readonly awaitingReplySince: number | null;
}

/**
 * IN2, IN4 from the chat's newest messages (live part only, newest first, as read) and the agent's
 * read mark. Decision: any agent's message (the assignee's or a participant's) answers the
 * customer; system lines do not. When every message read is the customer's, the oldest of them
 * is the wait's start (the window is a page; a longer run of unanswered messages waits longer still).
 */
export function chatAttention(newestFirst: readonly WeighedMessage[], readSeq: number): ChatAttention {
  let unread = 0;
  let awaitingReplySince: number | null = null;
  let answered = false;
  for (const message of newestFirst) {
    if (message.from === 'customer' && message.seq > readSeq) unread += 1;
    if (answered) continue;
    if (message.from === 'agent') answered = true;
    else if (message.from === 'customer') awaitingReplySince = message.at;
  }
  return { unread, awaitingReplySince };
}

export interface RankedChat {
  readonly conversationId: string;
  readonly awaitingReplySince: number | null;
  /** When the chat was accepted (or requested): breaks ties and orders chats nobody waits in. */
  readonly since: number;
  readonly ended: boolean;
}

/**
 * IN4: the inbox lists running chats first, the customer who has waited longest for a reply on
 * top; then running chats where nobody waits, oldest first; ended chats last. Ties by id, so the
 * order never flickers between two reads.
 */
export function byLongestWait<T extends RankedChat>(chats: readonly T[]): T[] {
  const rank = (c: T) => (c.ended ? 2 : c.awaitingReplySince === null ? 1 : 0);
  return [...chats].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.awaitingReplySince ?? a.since) - (b.awaitingReplySince ?? b.since) ||
      a.conversationId.localeCompare(b.conversationId)
  );
}
