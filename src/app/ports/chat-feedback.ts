import type { ChatRating, RatingCounts } from '../../domain';
import type { VersionedDay } from './report-store';

/** X1: a chat's rating as stored, until its work item shows it (`posted`). */
export interface StoredRating extends ChatRating {
  readonly projectKey: string;
  readonly workItemKey: string;
  readonly at: number;
  /** The work item has the rating's label and comment. */
  readonly posted: boolean;
}

/**
 * What the customer tells the app besides the chat (X1's ratings), one entity per space or
 * chat, so every read is O(1) whatever the number of chats. (W1's accept times are kept on the
 * agents' roster, which every accept writes anyway: RoutingStore.acceptTimes.)
 */
export interface ChatFeedback {
  rating(conversationId: string): Promise<StoredRating | null>;
  /** X1: the space's counter, with the version its next write is conditioned on (null: none yet). */
  ratingCounts(projectKey: string): Promise<{ readonly counts: RatingCounts; readonly version: number | null }>;
  /**
   * X1: the rating and the space's counter in one transaction, on condition that the chat has
   * no rating yet and the counter is still at `countsVersion`; RP1: with the report's day record
   * (`reportDay.counts` as it is to be written, on condition of `reportDay.version`). 'rated': the
   * chat already has one; 'conflict': a counter moved (read it again).
   */
  saveRating(
    rating: StoredRating & { readonly conversationId: string },
    counts: RatingCounts,
    countsVersion: number | null,
    reportDay?: VersionedDay
  ): Promise<'saved' | 'rated' | 'conflict'>;
  markRatingPosted(conversationId: string, rating: StoredRating): Promise<void>;
}
