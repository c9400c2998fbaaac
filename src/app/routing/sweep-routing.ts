import { pendingTimers } from '../../domain';
import { dispatchWaiting, spacesWithWaitingChats } from './dispatch-waiting';
import { fireTimer } from './fire-timer';
import type { RoutingDeps } from './routing-deps';

/** A timer this late was lost (its queue event dropped or its push failed), not merely on its way. */
export const SWEEP_GRACE_MS = 60_000;
/** Conversations one sweep repairs; more wait for the next one (every 5 minutes). */
const OVERDUE_PER_SWEEP = 50;
const WAITING_SCAN = 50;

/**
 * Every 5 minutes: fires again the timers that are overdue (R9, R12, R13 on time even when
 * a delivery was lost) and dispatches the spaces with waiting chats (a lost follow-up job).
 * Idempotent: every decision re-checks the records, so a sweep that repairs nothing writes nothing.
 */
export async function sweepRouting(deps: RoutingDeps): Promise<{ timersFired: number; spacesDispatched: number }> {
  const now = deps.clock.now();
  let timersFired = 0;
  for (const stored of await deps.routing.overdue(now - SWEEP_GRACE_MS, OVERDUE_PER_SWEEP)) {
    for (const timer of pendingTimers(stored.conversation).filter((t) => t.at <= now)) {
      try {
        await fireTimer(deps, timer);
        timersFired += 1;
      } catch (error) {
        deps.log('sweep.timer-failed', { conversationId: timer.conversationId, kind: timer.kind, error: String(error) });
      }
    }
  }
  const spaces = await spacesWithWaitingChats(deps, WAITING_SCAN);
  for (const projectKey of spaces) {
    try {
      await dispatchWaiting(deps, [projectKey]);
    } catch (error) {
      deps.log('sweep.dispatch-failed', { projectKey, error: String(error) });
    }
  }
  return { timersFired, spacesDispatched: spaces.length };
}
