import { pendingTimers, type Conversation } from '../../domain';

/**
 * Timers (R9, R12, R13) have one source: the conversation's record, from which the domain's
 * `pendingTimers` derives every timer still to come (no effect schedules them). The shell
 * delivers them as one timer event per conversation (a `wake` on `chat-timers`), at its
 * earliest pending timer; the event decides, and the next one is queued only if still needed
 * (e.g. no reply reminder once the agent has replied). `wakeAt` on the conversation's details
 * is the event known to be on its way; a lost one is found by the sweep through the deadline
 * index (derived from pendingTimers too, src/platform/routing/routing-entities.ts).
 */

/** The earliest timer still to come for the conversation; null when none. */
export function nextTimerAt(conversation: Conversation): number | null {
  const times = pendingTimers(conversation).map((timer) => timer.at);
  return times.length > 0 ? Math.min(...times) : null;
}

/** An event already on its way (after now) that comes no later than `next` will decide then: no other is needed. */
export function coveredBy(inFlight: number | null, next: number, now: number): boolean {
  return inFlight !== null && inFlight > now && inFlight <= next;
}

/**
 * After a decision on the conversation: the timer event to queue for it (null when the one on
 * its way, `inFlight`, covers its next timer or none is left), and the `wakeAt` to record.
 */
export function nextWake(
  conversation: Conversation,
  inFlight: number | null,
  now: number
): { readonly queue: number | null; readonly wakeAt: number | null } {
  const next = nextTimerAt(conversation);
  const queue = next !== null && !coveredBy(inFlight, next, now) ? next : null;
  return { queue, wakeAt: queue ?? inFlight };
}
