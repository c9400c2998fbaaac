import { kvs } from '@forge/kvs';
import type { ChatFeedback, StoredRating, VersionedRating } from '../../app/ports/chat-feedback';
import { NO_RATINGS, type RatingCounts } from '../../domain';
import { storage } from '../storage-busy';
import { versionIs } from '../kvs-version-condition';
import { isConditionFailed } from './storage-errors';

/**
 * W1 and X1 in KVS:
 * - key `accept-times:KEY`: the space's last 20 times to accept (one read per waiting customer's poll);
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

const acceptKey = (projectKey: string) => `accept-times:${projectKey}`;
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
    async acceptTimes(projectKey) {
      return (await storage(() => kvs.get<{ samples: number[] }>(acceptKey(projectKey))))?.samples ?? [];
    },

    async saveAcceptTimes(projectKey, samples) {
      await storage(() => kvs.set(acceptKey(projectKey), { samples: [...samples] }));
    },

    async rating(conversationId) {
      const item = await storage(() => kvs.entity<FeedbackItem<StoredRating>>(ENTITY).get(ratingKey(conversationId)));
      return item ? { ...item.record, version: item.version } : null;
    },

    async ratingCounts(projectKey) {
      const item = await storage(() => kvs.entity<FeedbackItem<RatingCounts>>(ENTITY).get(countsKey(projectKey)));
      return item ? { counts: item.record, version: item.version } : { counts: NO_RATINGS, version: null };
    },

    async saveRating({ conversationId, ...rating }, counts, countsVersion) {
      try {
        await storage(() =>
          setRating(kvs.transact(), conversationId, rating, 1)
            .set<FeedbackItem<RatingCounts>>(
              countsKey(rating.projectKey),
              { version: (countsVersion ?? 0) + 1, record: counts },
              { entityName: ENTITY, conditions: versionIs<FeedbackItem<RatingCounts>>(countsVersion) }
            )
            .execute()
        );
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
