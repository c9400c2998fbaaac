import { pendingTimers, type Change, type Conversation, type Effect } from '../../domain';
import type { ChatJob } from '../ports/chat-timers';
import type { ConversationDetails, RoutingWrite } from '../ports/routing-store';
import type { WorkItemStep } from '../ports/work-items';
import { newLease } from '../work-items/lease';
import type { OwedStep } from '../work-items/owed-steps';

/** What a decision writes besides its domain records, and what its invocation does once it committed. */
export interface EffectsPlan {
  /** The decision's transaction: each conversation's details carry its next timer event and the steps it is owed. */
  readonly write: RoutingWrite;
  /** Timer events to queue: at most one per conversation. */
  readonly wakes: readonly ChatJob[];
  /** Work item steps this decision owes (recorded in `write`), for its invocation to run at once. */
  readonly steps: readonly OwedStep[];
}

/**
 * Completes a decision's write before it commits, so that what must follow it can never be
 * lost: the work item steps it owes go into the same transaction as the decision (the
 * outbox, R7, R15, R17), and every conversation has one timer event on its way, at its next
 * deadline.
 *
 * Timers (R9, R12, R13): the domain schedules each timer it sets; the shell delivers them as
 * one event per conversation, at its earliest pending timer (`pendingTimers` holds every timer
 * the domain scheduled that can still decide something: the property tests check it after every
 * decision, src/domain/testing/simulation.ts).
 * A decision whose earliest pending timer is no earlier than the event already on its way
 * schedules nothing: that event decides, then schedules the next one only if still needed
 * (e.g. no reply reminder once the agent has replied). A lost event is found by the sweep
 * through the deadline index, as before.
 */
export function planEffects(change: Change, write: RoutingWrite, now: number): EffectsPlan {
  const owed = owedSteps(change.effects, now);
  const wakes: ChatJob[] = [];
  const steps: OwedStep[] = [];
  const conversations = write.conversations.map((entry) => {
    const { conversation, details } = entry;
    const inFlight = details.wakeAt ?? null;
    const next = nextTimerAt(conversation);
    const schedule = next !== null && !coveredBy(inFlight, next, now);
    if (schedule) wakes.push({ type: 'wake', conversationId: conversation.id, at: next });
    const wakeAt = schedule ? next : inFlight;
    const added = owed.get(conversation.id) ?? [];
    // A new conversation's own steps (its work item's label, when Jira was busy at creation) are this decision's too.
    const ownedAlready = entry.expectedVersion === null ? (details.workItemSteps ?? []) : [];
    for (const step of [...ownedAlready, ...added]) steps.push({ target: { conversationId: conversation.id, workItemKey: details.workItemKey }, step });
    const workItemSteps = [...(details.workItemSteps ?? []), ...added];
    const planned: ConversationDetails = {
      ...details,
      ...(wakeAt !== null ? { wakeAt } : {}),
      ...(workItemSteps.length > 0 ? { workItemSteps } : {}),
    };
    return { ...entry, details: planned };
  });
  return { write: { ...write, conversations }, wakes, steps };
}

/** The earliest timer still to come for the conversation; null when none. */
export function nextTimerAt(conversation: Conversation): number | null {
  const times = pendingTimers(conversation).map((timer) => timer.at);
  return times.length > 0 ? Math.min(...times) : null;
}

/** An event already on its way (after now) that comes no later than `next` will decide then: no other is needed. */
export function coveredBy(inFlight: number | null, next: number, now: number): boolean {
  return inFlight !== null && inFlight > now && inFlight <= next;
}

/** R7 (assign on accept), R17 and R15 (close-out at the end): what each effect owes the work item. */
function owedSteps(effects: readonly Effect[], now: number): Map<string, WorkItemStep[]> {
  const owed = new Map<string, WorkItemStep[]>();
  const add = (conversationId: string, step: WorkItemStep) => owed.set(conversationId, [...(owed.get(conversationId) ?? []), step]);
  for (const effect of effects) {
    if (effect.type === 'assign') add(effect.conversationId, { kind: 'assign', agentId: effect.agentId, ...newLease(now) });
    if (effect.type === 'ended') add(effect.conversationId, { kind: 'closeOut', outcome: effect.outcome.kind, ...newLease(now) });
  }
  return owed;
}
