import { addRating, canRate, countEvent, ratingLabel, utcDay, validateRating, type Conversation } from '../../domain';
import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';
import type { StoredRating, VersionedRating } from '../ports/chat-feedback';
import type { JiraClient } from '../ports/jira';
import { isJiraError } from '../ports/jira-error';
import { orRefuse } from '../spaces/refusal';
import { heldFor, newLease } from '../work-items/lease';
import { requireToken } from './chat-token';
import { requireConversation } from './find-conversation';

export type RateChatDeps = AppDeps & { readonly jira: JiraClient };

/** Attempts at the space's counter when other chats' ratings land in between. */
const ATTEMPTS = 5;

/** The heading of the rating's comment on the work item, by which a retry finds it. */
export function ratingHeading(conversationId: string): string {
  return `Live chat rating (${conversationId})`;
}

/**
 * X1 (`chat.rate`): the customer rates their ended chat once, 1–5 stars and an optional
 * comment (R24: with the chat's secret). The rating and the space's counter are written in one
 * transaction on condition that the chat has none yet, so a second rating is refused
 * (`conflict`) and a retry never counts twice. The work item then gets the label
 * `live-chat-rating-N` and an internal comment with the stars and the comment; when Jira is busy
 * the rating is kept (the issue panel shows it from app storage) and the same rating sent again
 * finishes the work item's part. One invocation at a time does that part, holding a lease on the
 * rating (taken with its creation, or later on condition of its version): the same rating sent
 * twice at once (a double click, a retry while the first is on its way) adds one comment.
 */
export async function rateChat(
  deps: RateChatDeps,
  input: { conversationId: string; token: string; stars: unknown; comment?: unknown }
): Promise<{ stars: number; workItemKey: string }> {
  const stored = await requireConversation(deps, input.conversationId);
  const details = requireToken(stored.details, input.token);
  const rating = orRefuse(validateRating(input));
  if (!canRate(stored.conversation.status)) {
    throw new AppError('conflict', 'Only a chat that has ended with an agent can be rated.');
  }
  const existing = await deps.chatFeedback.rating(input.conversationId);
  if (existing && (existing.posted || existing.stars !== rating.stars || existing.comment !== rating.comment)) {
    throw new AppError('conflict', 'This chat has already been rated.');
  }
  const record = existing
    ? await leaseAgain(deps, input.conversationId, existing)
    : await saveOnce(
        deps,
        input.conversationId,
        {
          ...rating,
          projectKey: stored.conversation.projectKey,
          workItemKey: details.workItemKey,
          at: deps.clock.now(),
          posted: false,
          posting: newLease(deps.clock.now())
        },
        stored.conversation
      );
  await postOnWorkItem(deps, input.conversationId, record, existing !== null);
  return { stars: record.stars, workItemKey: record.workItemKey };
}

/** The rating kept when Jira was busy: its posting leased to this invocation, unless another one holds it now. */
async function leaseAgain(deps: RateChatDeps, conversationId: string, existing: VersionedRating): Promise<VersionedRating> {
  const now = deps.clock.now();
  const leased = { ...existing, posting: newLease(now) };
  if (heldFor(existing.posting, now) !== null || (await deps.chatFeedback.updateRating(conversationId, leased)) === 'conflict') {
    throw new AppError('unavailable', 'Thanks, your rating is saved and is being added to your request. Please check again in a moment.');
  }
  return { ...leased, version: existing.version + 1 };
}

/**
 * The rating, created at version 1 with its posting leased, and the space's counter: one transaction.
 * RP1, RP4: the report counts it on the day of the chat's request, for the agent who ended it, in that transaction.
 */
async function saveOnce(deps: RateChatDeps, conversationId: string, record: StoredRating, chat: Conversation): Promise<VersionedRating> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [{ counts, version }, day] = await Promise.all([
      deps.chatFeedback.ratingCounts(record.projectKey),
      deps.reports.day(record.projectKey, utcDay(chat.requestedAt))
    ]);
    const reportDay = { ...day, counts: countEvent(day.counts, { kind: 'rated', agentId: chat.assignee, stars: record.stars }) };
    const outcome = await deps.chatFeedback.saveRating({ ...record, conversationId }, addRating(counts, record.stars), version, reportDay);
    if (outcome === 'saved') return { ...record, version: 1 };
    if (outcome === 'rated') throw new AppError('conflict', 'This chat has already been rated.');
  }
  throw new AppError('unavailable', 'Your rating could not be saved right now. Please try again.');
}

/** The label and the internal comment, under the lease; `lookFirst`: an earlier attempt may have written the comment before its answer was lost. */
async function postOnWorkItem(deps: RateChatDeps, conversationId: string, record: VersionedRating, lookFirst: boolean): Promise<void> {
  try {
    await deps.jira.editIssue(record.workItemKey, { addLabels: [ratingLabel(record.stars)] });
    const heading = ratingHeading(conversationId);
    const written = lookFirst && (await deps.jira.recentComments(record.workItemKey, 50)).some((c) => c.text.includes(heading));
    if (!written) {
      await deps.jira.addInternalComment(record.workItemKey, [
        { lead: heading, text: '' },
        { lead: 'Rating: ', text: `${'★'.repeat(record.stars)}${'☆'.repeat(5 - record.stars)} (${record.stars} of 5)` },
        ...(record.comment ? [{ lead: 'Comment: ', text: record.comment }] : [])
      ]);
    }
  } catch (error) {
    // The next send may start at once instead of waiting for the lease (best effort: it runs out anyway).
    const { posting: _released, ...free } = record;
    await deps.chatFeedback.updateRating(conversationId, free).catch(() => undefined);
    if (!isJiraError(error)) throw error;
    throw new AppError(
      'unavailable',
      'Thanks, your rating is saved. It could not be added to your request yet: please send it again in a moment.'
    );
  }
  await deps.chatFeedback.markRatingPosted(conversationId, record);
}
