import type { ConversationStatus } from './conversation';
import { fail, ok, type Result } from './result';

/** X1 (README, "Operations beyond PRODUCT.md"): the customer's rating of an ended chat. */
export const RATING_COMMENT_MAX_CHARS = 1_000;

export interface ChatRating {
  /** 1–5. */
  readonly stars: number;
  /** Plain text, possibly empty. */
  readonly comment: string;
}

/** Per space, counted on each rating (for the reports): `counts[n - 1]` ratings of n stars. */
export interface RatingCounts {
  readonly counts: readonly [number, number, number, number, number];
  readonly total: number;
  readonly sum: number;
}

export const NO_RATINGS: RatingCounts = { counts: [0, 0, 0, 0, 0], total: 0, sum: 0 };

/** The label the rated work item gets (JQL finds them: `labels = live-chat-rating-1`). */
export function ratingLabel(stars: number): string {
  return `live-chat-rating-${stars}`;
}

/** Chats a customer can rate: ended with an agent in them (resolved, or expired without a reply); a missed chat had nobody to rate. */
export function canRate(status: ConversationStatus): boolean {
  return status === 'resolved' || status === 'expired';
}

/** Stars a whole number 1–5; the comment at most 1,000 characters (trimmed, may be empty). */
export function validateRating(input: { stars: unknown; comment?: unknown }): Result<ChatRating> {
  const errors = [];
  if (typeof input.stars !== 'number' || !Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5) {
    errors.push({ field: 'stars', message: 'Rating must be a whole number of stars between 1 and 5' });
  }
  const comment = input.comment === undefined ? '' : input.comment;
  if (typeof comment !== 'string' || [...comment.trim()].length > RATING_COMMENT_MAX_CHARS) {
    errors.push({ field: 'comment', message: 'Comment must be text of at most 1,000 characters' });
  }
  if (errors.length > 0) return fail('invalid', errors.map((e) => e.message).join('. '), errors);
  return ok({ stars: input.stars as number, comment: (comment as string).trim() });
}

export function addRating(counts: RatingCounts, stars: number): RatingCounts {
  const next = [...counts.counts] as [number, number, number, number, number];
  next[stars - 1] += 1;
  return { counts: next, total: counts.total + 1, sum: counts.sum + stars };
}
