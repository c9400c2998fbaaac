import { requeueLostSteps } from '../work-items/owed-steps';
import { dispatchWaiting, spacesWithWaitingChats } from './dispatch-waiting';
import { fireDueTimer } from './fire-timer';
import type { AppDeps } from '../app-deps';

/** A timer or a step claim this late was lost (its queue event dropped, its invocation died), not merely on its way. */
export const SWEEP_GRACE_MS = 60_000;
/** Conversations one sweep repairs; more wait for the next one (every 5 minutes). */
const OVERDUE_PER_SWEEP = 50;
const STEPS_PER_SWEEP = 50;
const WAITING_SCAN = 50;

export interface SweepReport {
  readonly timersFired: number;
  readonly stepsRequeued: number;
  readonly spacesDispatched: number;
}

/**
 * Every 5 minutes, what lost queue deliveries and dead invocations left undone:
 * - overdue timers are decided (R9, R12, R13 on time even when a timer event was lost); each
 *   decision schedules the conversation's next event;
 * - work item steps whose claim ran out (R7, R15, R17: owed by a decision, never done) go to
 *   the job queue, which runs them again after looking on the work item for what was done;
 * - spaces with waiting chats are dispatched (a lost follow-up job).
 * Idempotent: every decision re-checks the records, so a sweep that repairs nothing writes nothing.
 * The sweep runs no Jira call itself (its invocation is short); the steps its decisions owe are queued.
 */
export async function sweepRouting(deps: AppDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  let timersFired = 0;
  for (const stored of await deps.routing.overdue(now - SWEEP_GRACE_MS, OVERDUE_PER_SWEEP)) {
    try {
      if ((await fireDueTimer(deps, stored.conversation.id, { stepsInline: false })).fired) timersFired += 1;
    } catch (error) {
      deps.log('sweep.timer-failed', { conversationId: stored.conversation.id, error: String(error) });
    }
  }
  let stepsRequeued = 0;
  try {
    stepsRequeued = await requeueLostSteps(deps, now - SWEEP_GRACE_MS, STEPS_PER_SWEEP);
  } catch (error) {
    deps.log('sweep.steps-failed', { error: String(error) });
  }
  const spaces = await spacesWithWaitingChats(deps, WAITING_SCAN);
  for (const projectKey of spaces) {
    try {
      await dispatchWaiting(deps, [projectKey]);
    } catch (error) {
      deps.log('sweep.dispatch-failed', { projectKey, error: String(error) });
    }
  }
  return { timersFired, stepsRequeued, spacesDispatched: spaces.length };
}
