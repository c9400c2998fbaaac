import { coveredBy, nextTimerAt } from '../decision/timer-event';
import { fireDueTimer } from './fire-timer';
import type { AppDeps } from '../app-deps';

/**
 * The `chat-timers` consumer's `wake` event: a conversation's one timer event (timer-event.ts).
 * - Early (its wait was longer than the queue's 15-minute delay limit): pushed again for the
 *   rest of the wait, unless nothing is left to decide or another event is known to come first.
 * - Due: the earliest due timer is decided, and that decision schedules the next event. With
 *   nothing due (e.g. the offer was accepted before it timed out), the next event is pushed
 *   only if some timer is still to come (R13's reminder only while the agent has not replied)
 *   and no other event is known to come first.
 */
export async function wakeConversation(deps: AppDeps, conversationId: string, at: number): Promise<void> {
  const now = deps.clock.now();
  if (at > now) {
    const [stored] = await deps.routing.conversations([conversationId]);
    const next = stored ? nextTimerAt(stored.conversation) : null;
    const other = stored?.details.wakeAt ?? null;
    if (next === null || (other !== at && coveredBy(other, next, now))) return;
    await deps.chatTimers.enqueue([{ type: 'wake', conversationId, at }]);
    return;
  }
  const firing = await fireDueTimer(deps, conversationId);
  if (firing.fired || firing.next === null || coveredBy(firing.wakeAt, firing.next, now)) return;
  await deps.chatTimers.enqueue([{ type: 'wake', conversationId, at: firing.next }]);
}
