import { kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import type { ChatMessage, MessageStore } from '../../app/ports/chat-messages';
import { batchGet } from './batch-get';
import { aiTurnsKey, ENTITY, INDEX, RETENTION, type AiTurnsItem, type MessageItem } from './routing-entities';
import { storage } from './storage-errors';

const PAGE = 100;
/** Typing shows for a few seconds; the key goes soon after. */
const TYPING_TTL = { value: 1, unit: 'MINUTES' } as const;

const typingKey = (conversationId: string, role: 'customer' | 'agent') => `typing:${role}:${conversationId}`;
const readKey = (conversationId: string, accountId: string) => `read:${conversationId}:${accountId}`;

/**
 * Messages are custom entities indexed by conversation and seq (one small write each, with
 * R30's TTL, written through RoutingStore.commit). Typing and read marks are plain keys:
 * frequent, unconditional, never part of a routing transaction.
 */
export function kvsMessageStore(): MessageStore {
  return {
    async aiTurns(conversationIds) {
      const found = await batchGet(conversationIds.map((id) => ({ key: aiTurnsKey(id) })));
      return new Map(conversationIds.map((id) => [id, [...((found.get(`/${aiTurnsKey(id)}`) as AiTurnsItem | undefined)?.turns ?? [])]]));
    },

    async latest(conversationId, limit) {
      const page = await storage(() => byConversation(conversationId).sort(Sort.DESC).limit(limit).getMany());
      return page.results.map((r) => message(r.value));
    },

    async after(conversationId, afterSeq, limit) {
      const page = await storage(() => byConversation(conversationId).where(WhereConditions.greaterThan(afterSeq)).limit(limit).getMany());
      return page.results.map((r) => message(r.value));
    },

    async all(conversationId) {
      const messages: ChatMessage[] = [];
      let cursor: string | undefined;
      do {
        const query = byConversation(conversationId).limit(PAGE);
        const page: ListResult<MessageItem> = await storage(() => (cursor ? query.cursor(cursor) : query).getMany());
        messages.push(...page.results.map((r) => message(r.value)));
        cursor = page.nextCursor;
      } while (cursor);
      return messages;
    },

    async typing(conversationId) {
      const found = await batchGet([{ key: typingKey(conversationId, 'customer') }, { key: typingKey(conversationId, 'agent') }]);
      const at = (role: 'customer' | 'agent') => (found.get(`/${typingKey(conversationId, role)}`) as number | undefined) ?? null;
      return { customer: at('customer'), agent: at('agent') };
    },

    async recordTyping(conversationId, role, at) {
      await storage(() => kvs.set(typingKey(conversationId, role), at, { ttl: TYPING_TTL }));
    },

    async readMarks(accountId, conversationIds) {
      if (conversationIds.length === 0) return {};
      const found = await batchGet(conversationIds.map((id) => ({ key: readKey(id, accountId) })));
      return Object.fromEntries(conversationIds.map((id) => [id, (found.get(`/${readKey(id, accountId)}`) as number | undefined) ?? 0]));
    },

    async markRead(conversationId, accountId, seq) {
      await storage(() => kvs.set(readKey(conversationId, accountId), seq, { ttl: RETENTION }));
    },
  };
}

function byConversation(conversationId: string) {
  return kvs.entity<MessageItem>(ENTITY.message).query().index(INDEX.messages, { partition: [conversationId] });
}

function message(item: MessageItem): ChatMessage {
  return { seq: item.seq, from: item.from, text: item.text, at: item.at, authorId: item.authorId ?? null };
}
