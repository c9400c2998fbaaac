import type { Timer } from '../../domain';

/** Work routing defers to the `chat-timers` queue. */
export type ChatJob =
  /** A domain timer, fed back as a `timer` event at `timer.at` (chained past the queue's 15-minute delay limit). */
  | { readonly type: 'timer'; readonly timer: Timer }
  /** Offers a bounded transaction could not hold: dispatch these spaces' queues again. */
  | { readonly type: 'dispatch'; readonly projectKeys: readonly string[] };

export interface ChatTimers {
  /** Queues the jobs (one push); `at` jobs are delivered no earlier than their time. */
  enqueue(jobs: readonly ChatJob[]): Promise<void>;
}
