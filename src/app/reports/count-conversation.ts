import { countedEvents, utcDay, type Conversation, type CountedEvent } from '../../domain';
import type { ConversationDetails, CountedWrite } from '../ports/routing-store';

/**
 * RP1: what a decision's write of a conversation gives the reports. A running chat's events
 * (request, accept, first reply) wait on its own record (`details.reportEvents`, written anyway
 * with the change that made them); when the chat ends (R14: exactly once) they and the outcome
 * are merged into the space's day record in the ending transaction. So a chat costs the reports
 * one write, a decision retried after its commit (which reads the changed record) counts nothing,
 * and a chat is in the report once it has ended, on the UTC day it was requested.
 */
export function countConversation(
  before: Conversation | null,
  after: Conversation,
  details: ConversationDetails
): { details: ConversationDetails; counted: CountedWrite[]; events: CountedEvent[] } {
  const events = countedEvents(before, after);
  if (events.length === 0) return { details, counted: [], events };
  const { reportEvents = [], ...rest } = details;
  if (after.outcome === null) return { details: { ...rest, reportEvents: [...reportEvents, ...events] }, counted: [], events };
  const day = utcDay(after.requestedAt);
  return { details: rest, counted: [...reportEvents, ...events].map((event) => ({ projectKey: after.projectKey, day, event })), events };
}
