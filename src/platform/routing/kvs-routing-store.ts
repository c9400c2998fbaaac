import { Filter, FilterConditions, kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import { versionIs } from '../kvs-version-condition';
import { newAgent } from '../../domain';
import type { RoutingStore, RoutingWrite, StoredAgent, StoredConversation } from '../../app/ports/routing-store';
import {
  agentItem,
  aiTurnsKey,
  conversationItem,
  ENTITY,
  INDEX,
  messageKey,
  type AiTurnsItem,
  historyKey,
  historyOrder,
  type HistoryItem,
  PRESENCE_TTL,
  queueOrder,
  RETENTION,
  type AgentItem,
  type ConversationItem,
  type MessageItem,
  type PresenceItem
} from './routing-entities';
import { batchGet } from './batch-get';
import { storage } from '../storage-busy';
import { isConditionFailed } from './storage-errors';

/** How many items one page of an index query holds (Forge's maximum). */
const PAGE = 100;

export function kvsRoutingStore(): RoutingStore {
  return {
    async agents(accountIds) {
      const found = await batchGet(
        accountIds.flatMap((key) => [
          { key, entityName: ENTITY.agent },
          { key, entityName: ENTITY.presence }
        ])
      );
      return accountIds.map((accountId): StoredAgent => {
        const item = found.get(`${ENTITY.agent}/${accountId}`) as AgentItem | undefined;
        const presence = found.get(`${ENTITY.presence}/${accountId}`) as PresenceItem | undefined;
        const agent = { ...newAgent(accountId), ...item?.record, lastHeartbeatAt: presence?.lastHeartbeatAt ?? null };
        return { agent, statusReason: item?.statusReason ?? null, version: item?.version ?? null };
      });
    },

    async conversations(ids) {
      const found = await batchGet(ids.map((key) => ({ key, entityName: ENTITY.conversation })));
      return ids.flatMap((id) => {
        const item = found.get(`${ENTITY.conversation}/${id}`) as ConversationItem | undefined;
        return item ? [stored(item)] : [];
      });
    },

    async queueHead(projectKey, limit) {
      const page = await storage(() =>
        conversations()
          .index(INDEX.spaceQueue, { partition: [projectKey] })
          .limit(limit)
          .getMany()
      );
      return inQueueOrder(await exact(page.results, (item) => item.waitingSpace === projectKey));
    },

    async waitingHead(limit) {
      const page = await storage(() => conversations().index(INDEX.waiting).limit(limit).getMany());
      return inQueueOrder(await exact(page.results, (item) => item.waitingSpace !== undefined));
    },

    async queuePosition(conversation) {
      // Counts those ahead page by page: a read per 100 waiting chats, never the conversations themselves twice.
      let ahead = 0;
      let cursor: string | undefined;
      do {
        const query = conversations()
          .index(INDEX.spaceQueue, { partition: [conversation.projectKey] })
          .where(WhereConditions.lessThan(queueOrder(conversation)))
          .limit(PAGE);
        const page: ListResult<ConversationItem> = await storage(() => (cursor ? query.cursor(cursor) : query).getMany());
        ahead += page.results.length;
        cursor = page.nextCursor;
      } while (cursor);
      return ahead + 1;
    },

    async overdue(before, limit) {
      const page = await storage(() =>
        conversations().index(INDEX.deadline).where(WhereConditions.lessThan(before)).limit(limit).getMany()
      );
      return (await exact(page.results, (item) => item.deadline !== undefined && item.deadline < before)).map(stored);
    },

    async countsOfSpace(projectKey, cap) {
      const waiting = await countPages(
        () => conversations().index(INDEX.spaceQueue, { partition: [projectKey] }),
        cap,
        () => 'waiting'
      );
      const running = await countPages(
        () => conversations().index(INDEX.running, { partition: [projectKey] }),
        cap,
        (item) => item.record.status
      );
      return { waiting: waiting.waiting ?? 0, offered: running.offered ?? 0, active: running.active ?? 0 };
    },

    async unfinishedSteps(before, limit) {
      const page = await storage(() =>
        conversations().index(INDEX.stepsDue).where(WhereConditions.lessThan(before)).limit(limit).getMany()
      );
      return (await exact(page.results, (item) => item.stepsDue !== undefined && item.stepsDue < before)).map(stored);
    },

    async byWorkItem(workItemKey) {
      // A chat started a moment ago may not be in the index yet (null); restore-assignee.ts looks again later.
      const found = await storage(() => conversations().index(INDEX.workItem).where(WhereConditions.equalTo(workItemKey)).getOne());
      const [item] = found ? await exact([found], (current) => current.workItemKey === workItemKey) : [];
      return item ? stored(item) : null;
    },

    async history(accountId, limit, before) {
      const below = before === null ? null : WhereConditions.lessThan(before);
      const entries = kvs
        .entity<HistoryItem>(ENTITY.history)
        .query()
        .index(INDEX.agentHistory, { partition: [accountId] });
      const assigned = conversations().index(INDEX.assigneeHistory, { partition: [accountId] });
      // Both newest first: the chats they ended as assignee, and the entries of those they took part in otherwise.
      const [others, own] = await Promise.all([
        storage(() => (below ? entries.where(below) : entries).sort(Sort.DESC).limit(limit).getMany()),
        storage(() => (below ? assigned.where(below) : assigned).sort(Sort.DESC).limit(limit).getMany())
      ]);
      const merged = [
        ...others.results.map(({ value }) => ({
          accountId,
          conversationId: value.conversationId,
          endedAt: value.endedAt,
          order: value.endedOrder
        })),
        ...own.results.map(({ value }) => ({
          accountId,
          conversationId: value.record.id,
          endedAt: value.record.endedAt ?? 0,
          order: value.endedOrder ?? ''
        }))
      ]
        .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
        .slice(0, limit);
      const last = merged.at(-1);
      // More may follow a full page; the next starts just before its last (no cursor is kept: Forge's may change).
      return {
        entries: merged.map(({ accountId: id, conversationId, endedAt }) => ({ accountId: id, conversationId, endedAt })),
        before: last && merged.length === limit ? last.order : null
      };
    },

    async commit(write) {
      try {
        await storage(() => transaction(write).execute());
        return 'committed';
      } catch (error) {
        if (isConditionFailed(error)) return 'conflict';
        throw error;
      }
    },

    async recordHeartbeat(accountId, at) {
      await storage(() => kvs.entity<PresenceItem>(ENTITY.presence).set(accountId, { lastHeartbeatAt: at }, { ttl: PRESENCE_TTL }));
    }
  };
}

function conversations() {
  return kvs.entity<ConversationItem>(ENTITY.conversation).query();
}

type ConversationQuery = ReturnType<ReturnType<typeof conversations>['index']>;

/** Counts an index's items by `kind`, a page of 100 per read, stopping once `cap` items were seen. */
async function countPages(
  query: () => ConversationQuery,
  cap: number,
  kind: (item: ConversationItem) => string
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let seen = 0;
  let cursor: string | undefined;
  do {
    const page: ListResult<ConversationItem> = await storage(() =>
      (cursor ? query().cursor(cursor) : query()).limit(Math.min(PAGE, cap - seen)).getMany()
    );
    for (const { value } of page.results) counts[kind(value)] = (counts[kind(value)] ?? 0) + 1;
    seen += page.results.length;
    cursor = page.nextCursor;
  } while (cursor && seen < cap);
  return counts;
}

/**
 * Entity queries are eventually consistent on Forge: an index can show a conversation as it was
 * seconds ago (waiting when it was offered since, a deadline already decided). Decisions read
 * the conversations it names again by key (exact, like the transactions they commit on) and keep
 * those that still belong there. Counts for display (queue position, the overview) read the
 * index alone: they are right again at the next read. What the index does not show yet cannot
 * be re-read: such a chat is found by the next read after the lag (the sweep at the latest).
 */
async function exact(
  shown: readonly { value: ConversationItem }[],
  stillThere: (item: ConversationItem) => boolean
): Promise<ConversationItem[]> {
  if (shown.length === 0) return [];
  const found = await batchGet(shown.map(({ value }) => ({ key: value.record.id, entityName: ENTITY.conversation })));
  return shown.flatMap(({ value }) => {
    const item = found.get(`${ENTITY.conversation}/${value.record.id}`) as ConversationItem | undefined;
    return item && stillThere(item) ? [item] : [];
  });
}

/** R11's order as it is now (a chat put back in the queue since the index was read moves to its place). */
function inQueueOrder(items: ConversationItem[]): StoredConversation[] {
  const order = (item: ConversationItem) => item.queueOrder ?? '';
  return [...items].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)).map(stored);
}

function stored(item: ConversationItem): StoredConversation {
  return { conversation: item.record, details: item.details, version: item.version };
}

function transaction(write: RoutingWrite) {
  const tx = kvs.transact();
  for (const { agent, statusReason, expectedVersion } of write.agents) {
    tx.set<AgentItem>(agent.accountId, agentItem(agent, statusReason, (expectedVersion ?? 0) + 1), {
      entityName: ENTITY.agent,
      conditions: versionIs(expectedVersion)
    });
  }
  for (const { accountId, lastHeartbeatAt } of write.presence) {
    tx.set<PresenceItem>(accountId, { lastHeartbeatAt }, { entityName: ENTITY.presence }, { ttl: PRESENCE_TTL });
  }
  for (const { conversation, details, expectedVersion } of write.conversations) {
    const item = conversationItem(conversation, details, (expectedVersion ?? 0) + 1);
    // R30: an ended chat's record leaves storage 30 days after its last write.
    const options = conversation.outcome ? { ttl: RETENTION } : undefined;
    tx.set<ConversationItem>(conversation.id, item, { entityName: ENTITY.conversation, conditions: versionIs(expectedVersion) }, options);
  }
  for (const message of write.messages) {
    const item: MessageItem = {
      conversationId: message.conversationId,
      seq: message.seq,
      from: message.from,
      text: message.text,
      at: message.at,
      ...(message.authorId ? { authorId: message.authorId } : {}),
      ...(message.attachment ? { attachment: message.attachment } : {})
    };
    const seqFree = new Filter<MessageItem>().and('seq', FilterConditions.notExists());
    tx.set<MessageItem>(
      messageKey(message.conversationId, message.seq),
      item,
      { entityName: ENTITY.message, conditions: seqFree },
      { ttl: RETENTION }
    );
  }
  for (const { accountId, conversationId, endedAt } of write.history) {
    const item: HistoryItem = { accountId, conversationId, endedAt, endedOrder: historyOrder(endedAt, conversationId) };
    // R30: gone with the chat's record and messages.
    tx.set<HistoryItem>(historyKey(accountId, conversationId), item, { entityName: ENTITY.history }, { ttl: RETENTION });
  }
  for (const { conversationId, turns } of write.aiTurns) {
    tx.set<AiTurnsItem>(aiTurnsKey(conversationId), { turns: [...turns] }, undefined, { ttl: RETENTION });
  }
  return tx;
}
