import type { Conversation } from './conversation';
import type { Effect } from './effects';

/** R11: 1-based place among the space's waiting conversations. */
export interface QueuePosition {
  readonly conversationId: string;
  readonly position: number;
}

/** R11: first come, first served; ties by id so every reader agrees. */
export function fcfs(a: Conversation, b: Conversation): number {
  return a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Waiting conversations (of all spaces given) in FCFS order. */
export function waitingQueue(conversations: Iterable<Conversation>): Conversation[] {
  return [...conversations].filter((c) => c.status === 'waiting').sort(fcfs);
}

/** Positions per space, from any FCFS-ordered waiting list. */
export function queuePositions(waiting: readonly Conversation[]): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const bySpace = new Map<string, Map<string, number>>();
  for (const conversation of waiting) {
    const space = bySpace.get(conversation.projectKey) ?? new Map<string, number>();
    space.set(conversation.id, space.size + 1);
    bySpace.set(conversation.projectKey, space);
  }
  return bySpace;
}

/** The position of one waiting conversation, or null when it is not waiting. */
export function queuePositionOf(conversations: Iterable<Conversation>, conversationId: string): number | null {
  const waiting = waitingQueue(conversations);
  const conversation = waiting.find((c) => c.id === conversationId);
  return conversation ? (queuePositions(waiting).get(conversation.projectKey)?.get(conversationId) ?? null) : null;
}

/**
 * R11: what the shell pushes to waiting customers, one effect per space whose
 * queue changed: the conversations that started waiting or moved.
 * Conversations that left the queue learn it from their own effects.
 */
export function queuePositionChanges(before: readonly Conversation[], after: readonly Conversation[]): Effect[] {
  const previous = queuePositions(before);
  const effects: Effect[] = [];
  for (const [projectKey, positions] of queuePositions(after)) {
    const moved = [...positions]
      .filter(([id, position]) => previous.get(projectKey)?.get(id) !== position)
      .map(([conversationId, position]) => ({ conversationId, position }));
    if (moved.length > 0) effects.push({ type: 'queuePositions', projectKey, positions: moved });
  }
  return effects;
}
