/** Work routing defers to the `chat-timers` queue. */
export type ChatJob =
  /**
   * A conversation's one timer event: at `at` its earliest due timer (R9, R12, R13) is
   * decided, and the next event is scheduled only if one is still needed. Chained past the
   * queue's 15-minute delay limit. See src/app/routing/wake-conversation.ts.
   */
  | { readonly type: 'wake'; readonly conversationId: string; readonly at: number }
  /**
   * Offers a bounded transaction could not hold: dispatch these spaces' queues again (at `at`
   * when given: a chat that just joined a queue, once every index shows it, see run-effects.ts).
   */
  | { readonly type: 'dispatch'; readonly projectKeys: readonly string[]; readonly at?: number };

export interface ChatTimers {
  /** Queues the jobs (one push); `at` jobs are delivered no earlier than their time. */
  enqueue(jobs: readonly ChatJob[]): Promise<void>;
}
