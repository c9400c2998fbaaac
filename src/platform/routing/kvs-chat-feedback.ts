import { kvs } from '@forge/kvs';
import type { ChatFeedback, StoredRating, VersionedRating } from '../../app/ports/chat-feedback';
import { NO_RATINGS, type RatingCounts } from '../../domain';
import { storage } from '../storage-busy';
import { versionIs } from '../kvs-version-condition';
import { isConditionFailed } from './storage-errors';
import { REPORT_DAY_ENTITY, REPORT_DAY_KEPT, type ReportDayItem } from './kvs-report-days';

/**
 * X1 in KVS (W1's accept times are on the agents' roster, kvs-agent-roster.ts):
 * - entity `chat-feedback`, key `rating:CONVERSATION`: a chat's rating, created once (condition:
 *   no version yet), leased for its posting on condition of its version, kept 30 days like the
 *   chat's messages (R30: the work item keeps it);
 * - entity `chat-feedback`, key `ratings:KEY`: the space's rating counter, on condition of its version.
 */
const ENTITY = 'chat-feedback';
const RATING_KEPT_SECONDS = 30 * 24 * 3600;

interface FeedbackItem<T> {
  version: number;
  record: T;
}

const ratingKey = (conversationId: string) => `rating:${conversationId}`;
const countsKey = (projectKey: string) => `ratings:${projectKey}`;

/** @forge/kvs does not export its transaction builder's type from the package root. */
type Transaction = ReturnType<typeof kvs.transact>;

/** A chat's rating written in `transaction` at `version`, on condition that it is still at the one before (none before version 1). */
function setRating(transaction: Transaction, conversationId: string, rating: StoredRating, version: number): Transaction {
  return transaction.set<FeedbackItem<StoredRating>>(
    ratingKey(conversationId),
    { version, record: rating },
    { entityName: ENTITY, conditions: versionIs<FeedbackItem<StoredRating>>(version === 1 ? null : version - 1) },
    { ttl: { value: RATING_KEPT_SECONDS, unit: 'SECONDS' } }
  );
}

export function kvsChatFeedback(): ChatFeedback {
  const feedback: ChatFeedback = {
    async rating(conversationId) {
      const item = await storage(() => kvs.entity<FeedbackItem<StoredRating>>(ENTITY).get(ratingKey(conversationId)));
      return item ? { ...item.record, version: item.version } : null;
    },

    async ratingCounts(projectKey) {
      const item = await storage(() => kvs.entity<FeedbackItem<RatingCounts>>(ENTITY).get(countsKey(projectKey)));
      return item ? { counts: item.record, version: item.version } : { counts: NO_RATINGS, version: null };
    },

    async saveRating({ conversationId, ...rating }, counts, countsVersion, reportDay) {
      try {
        await storage(() => {
          const tx = setRating(kvs.transact(), conversationId, rating, 1);
          if (reportDay)
            tx.set<ReportDayItem>(
              reportDay.key,
              { version: (reportDay.version ?? 0) + 1, counts: reportDay.counts },
              { entityName: REPORT_DAY_ENTITY, conditions: versionIs<ReportDayItem>(reportDay.version) },
              { ttl: REPORT_DAY_KEPT }
            );
          return tx
            .set<FeedbackItem<RatingCounts>>(
              countsKey(rating.projectKey),
              { version: (countsVersion ?? 0) + 1, record: counts },
              { entityName: ENTITY, conditions: versionIs<FeedbackItem<RatingCounts>>(countsVersion) }
            )
            .execute();
        });
        return 'saved';
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        // Which condition failed: the chat's rating (rated once, X1) or the counter (another chat's rating in between).
        return (await feedback.rating(conversationId)) ? 'rated' : 'conflict';
      }
    },

    async updateRating(conversationId, { version, ...rating }: VersionedRating) {
      try {
        await storage(() => setRating(kvs.transact(), conversationId, rating, version + 1).execute());
        return 'saved';
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return 'conflict';
      }
    },

    async markRatingPosted(conversationId, { version, posting: _done, ...rating }) {
      await storage(() =>
        kvs
          .entity<FeedbackItem<StoredRating>>(ENTITY)
          .set(
            ratingKey(conversationId),
            { version: version + 1, record: { ...rating, posted: true } },
            { ttl: { value: RATING_KEPT_SECONDS, unit: 'SECONDS' } }
          )
      );
    }
  };
  return feedback;
}
