import type { AttachmentRef } from '../../domain';

/** A chat message as stored and shown (PRODUCT.md: `{ seq, from, text, at }`). */
export interface ChatMessage {
  readonly seq: number;
  readonly from: 'customer' | 'ai' | 'agent' | 'system';
  readonly text: string;
  readonly at: number;
  /** The writing agent, for `from: 'agent'`. */
  readonly authorId: string | null;
  /** Set when the message is a file (its text is the file name). */
  readonly attachment?: AttachmentRef;
}

/** One turn of the AI conversation before the handoff. */
export interface AiTurn {
  readonly from: 'customer' | 'ai';
  readonly text: string;
}

/** Reads of a conversation's messages; writes go through RoutingStore.commit. */
export interface MessageStore {
  /** The AI conversation before the handoff (R15), per conversation; absent ones are empty. */
  aiTurns(conversationIds: readonly string[]): Promise<Map<string, AiTurn[]>>;
  /**
   * The newest `limit` messages, newest first (next seq, R29 flood check). Give `afterSeq` (the
   * AI turns) where the answer must be exact even while the index lags (kvs-message-store.ts).
   */
  latest(conversationId: string, limit: number, afterSeq?: number): Promise<ChatMessage[]>;
  /** Messages with seq > afterSeq, oldest first, at most `limit`. */
  after(conversationId: string, afterSeq: number, limit: number): Promise<ChatMessage[]>;
  /** Every message with seq > afterSeq (the AI turns), oldest first (the transcript, R17). */
  all(conversationId: string, afterSeq: number): Promise<ChatMessage[]>;
  /** Who is typing, by role, and since when (epoch ms). */
  typing(conversationId: string): Promise<{ customer: number | null; agent: number | null }>;
  recordTyping(conversationId: string, role: 'customer' | 'agent', at: number): Promise<void>;
  /** The last seq an agent has seen in each conversation (unread counts); 0 when none. */
  readMarks(accountId: string, conversationIds: readonly string[]): Promise<Record<string, number>>;
  markRead(conversationId: string, accountId: string, seq: number): Promise<void>;
}
