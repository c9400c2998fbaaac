import { Filter, FilterConditions, kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import { versionIs } from '../kvs-version-condition';
import type { RoutingStore, RoutingWrite, StoredConversation } from '../../app/ports/routing-store';
import {
  aiTurnsKey,
  conversationItem,
  ENTITY,
  INDEX,
  messageKey,
  type AiTurnsItem,
  historyKey,
  historyOrder,
  type HistoryItem,
  RETENTION,
  type ConversationItem,
  type MessageItem,
  type RosterItem
} from './routing-entities';
import { AgentRoster, mergeRoster, rosterKeysOf } from './kvs-agent-roster';
import { headOf, lineKeysOf, mergeLines, placeIn, WaitingLines, type LineItem } from './kvs-waiting-line';
import { moved, type MergedItem } from './remembered-items';
import { mergeReportDays, REPORT_DAY_ENTITY, REPORT_DAY_KEPT, ReportDays, reportDayKeysOf, type ReportDayItem } from './kvs-report-days';
import { batchGet } from './batch-get';
import { storage } from '../storage-busy';
import { isConditionFailed } from './storage-errors';

/** How many items one page of an index query holds (Forge's maximum). */
const PAGE = 100;
/**
 * How often a commit merges again into the shared items (roster, waiting lines) when one of them
 * moved under it (another agent's change or heartbeat, another chat joining the queue): the
 * agent entries it changes are checked afresh each time, so this repeats no decision.
 */
const SHARED_MERGES = 8;

export function kvsRoutingStore(): RoutingStore {
  const roster = new AgentRoster();
  const lines = new WaitingLines();
  const reportDays = new ReportDays();

  /**
   * One transaction per attempt, with the roster items and waiting lines it changes merged
   * afresh whenever they moved. 'conflict' when an agent entry the decision changes moved, or
   * another of its conditions failed.
   */
  async function commitMerged(write: RoutingWrite): Promise<'committed' | 'conflict'> {
    const rosterKeys = rosterKeysOf(write);
    const lineKeys = lineKeysOf(write);
    const dayKeys = reportDayKeysOf(write);
    // Every remembered roster and line item, not only those this write changes: the next attempt reads the chats
    // afresh, and a roster remembered from before their change would hide an agent the decision must now write
    // (a chat ended while offered: its offer is withdrawn from an agent whose remembered entry lacks it).
    const conflict = () => {
      roster.forget();
      lines.forget();
      reportDays.forget(dayKeys);
      return 'conflict' as const;
    };
    for (let merges = 1; ; merges++) {
      const agents = mergeRoster(write, await roster.items(rosterKeys));
      if (agents === 'conflict') return conflict();
      // The day records (RP1) are read beside the lines: the commit waits no longer for them.
      const [lineItems, dayItems] = await Promise.all([lines.items(lineKeys), reportDays.items(dayKeys)]);
      const waiting = mergeLines(write, lineItems);
      const days = mergeReportDays(write, dayItems);
      try {
        await storage(() => transaction(write, agents, waiting, days).execute());
        roster.remember(agents);
        lines.remember(waiting);
        reportDays.remember(days);
        return 'committed';
      } catch (error) {
        if (!isConditionFailed(error)) {
          conflict(); // storage busy may hide a write that happened: the next attempt reads afresh
          throw error;
        }
        if (merges >= SHARED_MERGES) return conflict();
        const rosterMoved = moved(agents, await roster.items(rosterKeys, true));
        const [freshLines, freshDays] = await Promise.all([lines.items(lineKeys, true), reportDays.items(dayKeys, true)]);
        const lineMoved = moved(waiting, freshLines);
        const dayMoved = moved(days, freshDays);
        if (!rosterMoved && !lineMoved && !dayMoved) return conflict();
      }
    }
  }

  return {
    agents: (accountIds) => roster.agents(accountIds),
    acceptTimes: (projectKey) => roster.acceptTimes(projectKey),

    async conversations(ids) {
      const found = await batchGet(ids.map((key) => ({ key, entityName: ENTITY.conversation })));
      return ids.flatMap((id) => {
        const item = found.get(`${ENTITY.conversation}/${id}`) as ConversationItem | undefined;
        return item ? [stored(item)] : [];
      });
    },

    async queueHead(projectKey, limit) {
      const line = (await lines.items([projectKey])).get(projectKey) ?? null;
      const ids = headOf(line, limit);
      if (ids.length === 0) return [];
      const found = await batchGet(ids.map((key) => ({ key, entityName: ENTITY.conversation })));
      const items = ids.flatMap((id) => (found.get(`${ENTITY.conversation}/${id}`) as ConversationItem | undefined) ?? []);
      return inQueueOrder(items.filter((item) => item.waitingSpace === projectKey));
    },

    async waitingHead(limit) {
      const page = await storage(() => conversations().index(INDEX.waiting).limit(limit).getMany());
      return inQueueOrder(await exact(page.results, (item) => item.waitingSpace !== undefined));
    },

    async queuePosition(conversation) {
      return placeIn((await lines.items([conversation.projectKey])).get(conversation.projectKey) ?? null, conversation);
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

    commit: commitMerged,

    async recordHeartbeat(accountId, at, agentProvedAt) {
      const beat: RoutingWrite = {
        agents: [],
        presence: [{ accountId, lastHeartbeatAt: at, ...(agentProvedAt === undefined ? {} : { agentProvedAt }) }],
        conversations: [],
        messages: [],
        aiTurns: [],
        history: []
      };
      // Only the roster item's own version can fail here; after ROSTER_MERGES busy items the next beat writes it.
      await commitMerged(beat);
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
 * those that still belong there (a space's own queue is read from its waiting line, exact by key:
 * kvs-waiting-line.ts). Counts for display (the overview) read the index alone: they are right again at the next read. What the index does not show yet cannot
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

function transaction(
  write: RoutingWrite,
  roster: readonly MergedItem<RosterItem>[],
  lines: readonly MergedItem<LineItem>[],
  days: readonly MergedItem<ReportDayItem>[]
) {
  const tx = kvs.transact();
  for (const { key, item, expected } of days) {
    tx.set<ReportDayItem>(key, item, { entityName: REPORT_DAY_ENTITY, conditions: versionIs(expected) }, { ttl: REPORT_DAY_KEPT });
  }
  for (const { key, item, expected } of roster) {
    tx.set<RosterItem>(key, item, { entityName: ENTITY.roster, conditions: versionIs(expected) });
  }
  for (const { key, item, expected } of lines) {
    tx.set<LineItem>(key, item, { entityName: ENTITY.line, conditions: versionIs(expected) });
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
