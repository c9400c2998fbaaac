import { kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import type { ChatMessage, MessageStore } from '../../app/ports/chat-messages';
import { batchGet } from './batch-get';
import { aiTurnsKey, ENTITY, INDEX, messageKey, RETENTION, type AiTurnsItem, type MessageItem } from './routing-entities';
import { storage } from '../storage-busy';

const PAGE = 100;
/** Typing shows for a few seconds; the key goes soon after. */
const TYPING_TTL = { value: 1, unit: 'MINUTES' } as const;

const typingKey = (conversationId: string, role: 'customer' | 'agent') => `typing:${role}:${conversationId}`;
const readKey = (conversationId: string, accountId: string) => `read:${conversationId}:${accountId}`;

/**
 * Messages are custom entities indexed by conversation and seq (one small write each, with
 * R30's TTL, written through RoutingStore.commit). Typing and read marks are plain keys:
 * frequent, unconditional, never part of a routing transaction.
 *
 * Entity queries are eventually consistent on Forge: the index may not show a message written
 * a moment ago, nor all of those before a newer one it shows. Seqs are gapless from the first
 * live message on (send-message.ts), so every read below fills what the index left out by key
 * (gets are exact): the gaps between what it showed, and the seqs after the newest one, probed
 * one key first (one read when nothing is missing).
 */
export function kvsMessageStore(): MessageStore {
  return {
    async aiTurns(conversationIds) {
      const found = await batchGet(conversationIds.map((id) => ({ key: aiTurnsKey(id) })));
      return new Map(conversationIds.map((id) => [id, [...((found.get(`/${aiTurnsKey(id)}`) as AiTurnsItem | undefined)?.turns ?? [])]]));
    },

    async latest(conversationId, limit, afterSeq = 0) {
      const page = await storage(() =>
        byConversation(conversationId).where(WhereConditions.greaterThan(afterSeq)).sort(Sort.DESC).limit(limit).getMany()
      );
      const shown = page.results.map((r) => message(r.value));
      // The newest the index shows may not be the newest there is: read on by key from it.
      const from = Math.max(afterSeq, ...shown.map((m) => m.seq));
      const newer = await contiguousFrom(conversationId, from, new Map(), Number.POSITIVE_INFINITY);
      return [...newer.reverse(), ...shown].slice(0, limit);
    },

    async after(conversationId, afterSeq, limit) {
      const page = await storage(() => byConversation(conversationId).where(WhereConditions.greaterThan(afterSeq)).limit(limit).getMany());
      return contiguousFrom(conversationId, afterSeq, bySeq(page.results.map((r) => message(r.value))), limit);
    },

    async all(conversationId, afterSeq) {
      const shown: ChatMessage[] = [];
      let cursor: string | undefined;
      do {
        const query = byConversation(conversationId).where(WhereConditions.greaterThan(afterSeq)).limit(PAGE);
        const page: ListResult<MessageItem> = await storage(() => (cursor ? query.cursor(cursor) : query).getMany());
        shown.push(...page.results.map((r) => message(r.value)));
        cursor = page.nextCursor;
      } while (cursor);
      return contiguousFrom(conversationId, afterSeq, bySeq(shown), Number.POSITIVE_INFINITY);
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
    }
  };
}

function byConversation(conversationId: string) {
  return kvs
    .entity<MessageItem>(ENTITY.message)
    .query()
    .index(INDEX.messages, { partition: [conversationId] });
}

function bySeq(messages: readonly ChatMessage[]): Map<number, ChatMessage> {
  return new Map(messages.map((m) => [m.seq, m]));
}

/** The most keys one probe past the index's newest reads (Forge's batch limit). */
const PROBE_MAX = 25;

/**
 * Messages afterSeq+1, afterSeq+2, … as storage holds them, at most `limit`: those the index
 * showed, and by key every seq it did not show, until the first seq that does not exist.
 */
async function contiguousFrom(
  conversationId: string,
  afterSeq: number,
  shown: ReadonlyMap<number, ChatMessage>,
  limit: number
): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  const newestShown = Math.max(afterSeq, ...shown.keys());
  let next = afterSeq + 1;
  let probe = 1;
  while (out.length < limit) {
    const known = shown.get(next);
    if (known) {
      out.push(known);
      next += 1;
      continue;
    }
    // A gap before the newest shown is read whole; past it, one key, then more while they exist.
    const count = Math.min(next <= newestShown ? newestShown - next + 1 : probe, PROBE_MAX, limit - out.length);
    const seqs = Array.from({ length: count }, (_, i) => next + i);
    const found = await batchGet(seqs.map((seq) => ({ key: messageKey(conversationId, seq), entityName: ENTITY.message })));
    let read = 0;
    for (const seq of seqs) {
      const item = found.get(`${ENTITY.message}/${messageKey(conversationId, seq)}`) as MessageItem | undefined;
      if (!item) break;
      out.push(message(item));
      read += 1;
    }
    if (read < count) break;
    next += read;
    if (next > newestShown) probe = Math.min(probe * 4, PROBE_MAX);
  }
  return out;
}

function message(item: MessageItem): ChatMessage {
  return {
    seq: item.seq,
    from: item.from,
    text: item.text,
    at: item.at,
    authorId: item.authorId ?? null,
    ...(item.attachment ? { attachment: item.attachment } : {})
  };
}
