import { assignDeadline, awaitsFirstReply, replyExpiresAt, replyReminderAt, type Conversation } from '../conversation';
import { dispatch } from '../dispatch';
import type { Timer } from '../effects';
import { stepChange, withdrawOffer } from '../offer';
import { ok, type Result } from '../result';
import { agentOf, andThen, change, noChange, type Change, type SiteState } from '../state';
import { setStatus } from './agent-status';
import { finish, holdersOf } from './ending';

/**
 * A pending timer fired (at least once, in any order). Each kind checks the
 * conversation as it is now, so a stale, early or redelivered timer is a no-op.
 *
 * Reads: the conversation, the agent holding it, and (except for the reminder)
 * what dispatch reads; for an offer timeout also the agent's other offered conversations.
 */
export function onTimer(state: SiteState, timer: Timer, now: number): Result<Change> {
  const conversation = state.conversations[timer.conversationId];
  if (!conversation) return ok(noChange);
  switch (timer.kind) {
    case 'offerTimeout':
      return offerTimedOut(state, conversation, timer.attempt, now);
    case 'timeToAssign':
      return timeToAssignPassed(state, conversation, now);
    case 'replyReminder':
      return replyReminderDue(conversation, now);
    case 'replyExpiry':
      return replyExpired(state, conversation, now);
  }
}

/**
 * R9: an unanswered offer counts as a decline, and the agent becomes Away
 * (the effect carries the reason for the inbox). Being Away, they are not
 * offered back, and their other pending offers are withdrawn too (setStatus).
 */
function offerTimedOut(state: SiteState, conversation: Conversation, attempt: number, now: number): Result<Change> {
  const offer = conversation.offer;
  if (!offer || offer.attempt !== attempt || now < offer.expiresAt) return ok(noChange);
  // Decision (R9): a timeout is a decline plus Away, so the agent is not offered it back.
  const released = stepChange(withdrawOffer(conversation, agentOf(state, offer.agentId), 'timeout'));
  const step = andThen(state, released, (after) => setStatus(after, offer.agentId, 'away', 'offerTimeout'));
  return step.ok ? ok(dispatch(state, now, step.value)) : step;
}

/**
 * R12: nobody accepted within Time to assign of the request: the pending offer
 * is withdrawn, the chat is missed and the customer sees the fallback message.
 * The freed slot (or queue place) goes to the next waiting conversation.
 */
function timeToAssignPassed(state: SiteState, conversation: Conversation, now: number): Result<Change> {
  const unassigned = conversation.status === 'waiting' || conversation.status === 'offered';
  if (!unassigned || now < assignDeadline(conversation)) return ok(noChange);
  return ok(dispatch(state, now, finish(conversation, holdersOf(state, conversation), { kind: 'missed', reason: 'timeToAssign' }, now)));
}

/** R13, first pass: no reply within Time to reply of accepting; the assignee is reminded, once. */
function replyReminderDue(conversation: Conversation, now: number): Result<Change> {
  const { assignee } = conversation;
  const due = replyReminderAt(conversation);
  if (!awaitsFirstReply(conversation) || conversation.reminderSent || assignee === null || due === null || now < due) {
    return ok(noChange);
  }
  return ok(
    change({
      conversations: [{ ...conversation, reminderSent: true }],
      effects: [{ type: 'notify', accountIds: [assignee], conversationId: conversation.id, reason: 'replyReminder' }]
    })
  );
}

/**
 * R13, second pass: the chat expires with the fallback message; the work item
 * stays assigned to the agent for follow-up, and their slot frees.
 */
function replyExpired(state: SiteState, conversation: Conversation, now: number): Result<Change> {
  const { assignee } = conversation;
  const due = replyExpiresAt(conversation);
  if (!awaitsFirstReply(conversation) || assignee === null || due === null || now < due) return ok(noChange);
  return ok(dispatch(state, now, finish(conversation, holdersOf(state, conversation), { kind: 'expired' }, now)));
}

/**
 * The timers still to come for a conversation, derived from its record alone: the one source
 * of timers (no effect schedules them). The shell delivers them, one event per conversation
 * at the earliest; after a lost delivery its sweep fires the overdue ones again, and onTimer
 * ignores any that no longer apply. None once it ended or the assignee replied.
 */
export function pendingTimers(conversation: Conversation): Timer[] {
  const conversationId = conversation.id;
  if (conversation.status === 'waiting' || conversation.status === 'offered') {
    const timers: Timer[] = [{ kind: 'timeToAssign', conversationId, at: assignDeadline(conversation) }];
    const { offer } = conversation;
    if (offer) timers.push({ kind: 'offerTimeout', conversationId, at: offer.expiresAt, attempt: offer.attempt });
    return timers;
  }
  // A transfer offer on a running chat times out as any offer does (R9).
  const { offer } = conversation;
  const transfer: Timer[] =
    conversation.status === 'active' && offer
      ? [{ kind: 'offerTimeout', conversationId, at: offer.expiresAt, attempt: offer.attempt }]
      : [];
  const reminderAt = replyReminderAt(conversation);
  const expiresAt = replyExpiresAt(conversation);
  if (!awaitsFirstReply(conversation) || reminderAt === null || expiresAt === null) return transfer;
  const expiry: Timer = { kind: 'replyExpiry', conversationId, at: expiresAt };
  return [...(conversation.reminderSent ? [] : [{ kind: 'replyReminder', conversationId, at: reminderAt } as const]), expiry, ...transfer];
}
