import type { Conversation } from '../../domain';
import type { RoutingWrite } from '../../app/ports/routing-store';
import { ENTITY, queueOrder } from './routing-entities';
import { mergedFrom, RememberedItems, type MergedItem } from './remembered-items';

/**
 * R11: a space's waiting chats as one item (key: the space), in first come first served order
 * (queueOrder strings), written in the same transaction as every chat that joins or leaves the
 * queue. Read by key, it is exact where the `space-queue` index lags: a waiting customer's
 * position and dispatch's queue head cost one read however long the queue. About 4,000 waiting
 * chats fit one item (KVS_LIMITS.maxValueBytes, 240 KiB).
 */
export interface LineItem {
  version: number;
  waiting: string[];
}

export class WaitingLines extends RememberedItems<LineItem> {
  constructor() {
    super(ENTITY.line);
  }
}

/** The spaces whose line a write changes: a chat that starts or stops waiting. */
export function lineKeysOf(write: Pick<RoutingWrite, 'conversations'>): string[] {
  return [...new Set(write.conversations.filter(joinsOrLeaves).map((c) => c.conversation.projectKey))];
}

export function mergeLines(
  write: Pick<RoutingWrite, 'conversations'>,
  items: ReadonlyMap<string, LineItem | null>
): MergedItem<LineItem>[] {
  const lines = new Map<string, Set<string>>();
  for (const { conversation } of write.conversations.filter((c) => joinsOrLeaves(c))) {
    const key = conversation.projectKey;
    const line = lines.get(key) ?? new Set(items.get(key)?.waiting ?? []);
    if (conversation.status === 'waiting') line.add(queueOrder(conversation));
    else line.delete(queueOrder(conversation));
    lines.set(key, line);
  }
  return [...lines].map(([key, line]) => mergedFrom(key, items.get(key) ?? null, { version: 0, waiting: [...line].sort() }));
}

/** R11: 1-based place of a waiting chat: those ahead of it in the line, plus one. */
export function placeIn(line: LineItem | null, conversation: Conversation): number {
  const order = queueOrder(conversation);
  return (line?.waiting.filter((other) => other < order).length ?? 0) + 1;
}

/** The ids of the oldest `limit` waiting chats. */
export function headOf(line: LineItem | null, limit: number): string[] {
  return (line?.waiting ?? []).slice(0, limit).map((order) => order.slice(order.indexOf(':') + 1));
}

function joinsOrLeaves(entry: RoutingWrite['conversations'][number]): boolean {
  return entry.wasWaiting !== (entry.conversation.status === 'waiting');
}
