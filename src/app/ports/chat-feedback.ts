import type { ChatRating, RatingCounts } from '../../domain';
import type { VersionedDay } from './report-store';
import type { Lease } from './work-items';

/** X1: a chat's rating as stored, until its work item shows it (`posted`). */
export interface StoredRating extends ChatRating {
  readonly projectKey: string;
  readonly workItemKey: string;
  readonly at: number;
  /** The work item has the rating's label and comment. */
  readonly posted: boolean;
  /** The invocation adding them to the work item now (lease.ts): nobody else does it before the lease runs out. */
  readonly posting?: Lease;
}

/** As read: with the version the next write of it is conditioned on. */
export type VersionedRating = StoredRating & { readonly version: number };

/**
 * What the customer tells the app besides the chat (X1's ratings), one entity per space or
 * chat, so every read is O(1) whatever the number of chats. (W1's accept times are kept on the
 * agents' roster, which every accept writes anyway: RoutingStore.acceptTimes.)
 */
export interface ChatFeedback {
  rating(conversationId: string): Promise<VersionedRating | null>;
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
  /** X1: the rating rewritten (a lease on its posting taken or given back), on condition that it is still at `rating.version`. */
  updateRating(conversationId: string, rating: VersionedRating): Promise<'saved' | 'conflict'>;
  /** X1: the work item shows it (the lease given back); the last write of a rating, so unconditional. */
  markRatingPosted(conversationId: string, rating: VersionedRating): Promise<void>;
}
